package dev.bluerealm.internal.schema;

import dev.bluerealm.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A conjunction of schemas of one {@link Side}, normalised keyword by keyword: the allowed types,
 * the tightest bounds, the intersection of enums, the per-property conjunctions (a property a part
 * does not name gets that part's {@code additionalProperties}), and what could not be folded in
 * ({@code anyOf}/{@code oneOf} groups, {@code not}, opaque keywords). Sub-schemas stay raw
 * ({@code List<JsonValue>} = their conjunction) and are normalised when the comparison descends.
 * Built by {@link Normalizer}; mutable only while it is being built.
 */
final class Conj {
    /** A bound on numbers: {@code value}, exclusive or not. */
    record Bound(BigDecimal value, boolean exclusive) {}

    /** An assertion the comparator does not reason about, kept to be matched by equality. */
    record Opaque(String keyword, JsonValue value, EnumSet<JType> appliesTo, boolean contextual) {}

    final Side side;
    /** The raw schemas this conjunction stands for (membership is decided on them). */
    final List<JsonValue> parts = new ArrayList<>();
    boolean empty;
    /** Why this conjunction cannot be reasoned about at all (null: it can). */
    String unknown;
    /** Why this conjunction may be larger than modelled (patternProperties beside additionalProperties). */
    String subsetUnsafe;

    EnumSet<JType> types = EnumSet.allOf(JType.class);
    boolean integer;
    /** The allowed values, when an enum or const restricts them (null: unrestricted). */
    List<JsonValue> enumValues;

    Bound lower;
    Bound upper;
    final List<BigDecimal> multipleOf = new ArrayList<>();

    long minLength;
    Long maxLength;
    final List<String> patterns = new ArrayList<>();

    final List<List<JsonValue>> prefix = new ArrayList<>();
    final List<JsonValue> items = new ArrayList<>();
    long minItems;
    Long maxItems;
    boolean unique;

    final Map<String, List<JsonValue>> props = new LinkedHashMap<>();
    final List<JsonValue> additional = new ArrayList<>();
    final Set<String> required = new LinkedHashSet<>();
    long minProps;
    Long maxProps;

    final List<List<JsonValue>> anyOf = new ArrayList<>();
    final List<List<JsonValue>> oneOf = new ArrayList<>();
    final List<JsonValue> nots = new ArrayList<>();
    final List<Opaque> opaque = new ArrayList<>();
    /** oneOf groups this alternative was expanded from (the instance satisfies each as a whole). */
    final List<List<JsonValue>> expandedOneOf = new ArrayList<>();

    Conj(Side side) {
        this.side = side;
    }

    Conj copy() {
        Conj c = new Conj(side);
        c.parts.addAll(parts);
        c.empty = empty;
        c.unknown = unknown;
        c.subsetUnsafe = subsetUnsafe;
        c.types = EnumSet.copyOf(types);
        c.integer = integer;
        c.enumValues = enumValues == null ? null : new ArrayList<>(enumValues);
        c.lower = lower;
        c.upper = upper;
        c.multipleOf.addAll(multipleOf);
        c.minLength = minLength;
        c.maxLength = maxLength;
        c.patterns.addAll(patterns);
        prefix.forEach(p -> c.prefix.add(new ArrayList<>(p)));
        c.items.addAll(items);
        c.minItems = minItems;
        c.maxItems = maxItems;
        c.unique = unique;
        props.forEach((k, v) -> c.props.put(k, new ArrayList<>(v)));
        c.additional.addAll(additional);
        c.required.addAll(required);
        c.minProps = minProps;
        c.maxProps = maxProps;
        anyOf.forEach(g -> c.anyOf.add(new ArrayList<>(g)));
        oneOf.forEach(g -> c.oneOf.add(new ArrayList<>(g)));
        c.nots.addAll(nots);
        c.opaque.addAll(opaque);
        c.expandedOneOf.addAll(expandedOneOf);
        return c;
    }

    /** The same conjunction, further restricted to instances of type {@code t}. */
    Conj restrict(JType t) {
        Conj c = copy();
        c.types.retainAll(EnumSet.of(t));
        return c;
    }

    /** The conjunction for property {@code name} (its own schemas, or additionalProperties). */
    List<JsonValue> propOr(String name) {
        List<JsonValue> p = props.get(name);
        return p != null ? p : additional;
    }

    /** The conjunction for array position {@code i}. */
    List<JsonValue> itemAt(int i) {
        return i < prefix.size() ? prefix.get(i) : items;
    }

    long typesMask() {
        long m = integer ? 1L << 10 : 0;
        for (JType t : types) {
            m |= 1L << t.ordinal();
        }
        return m;
    }

    /** The steps all numbers are multiples of (multipleOf, and 1 for integers). */
    List<BigDecimal> steps() {
        List<BigDecimal> s = new ArrayList<>(multipleOf);
        if (integer) {
            s.add(BigDecimal.ONE);
        }
        return s;
    }

    boolean integral() {
        if (integer) {
            return true;
        }
        for (BigDecimal m : multipleOf) {
            if (m.stripTrailingZeros().scale() <= 0) {
                return true;
            }
        }
        return false;
    }
}
