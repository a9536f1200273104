package dev.bluerealm.internal.schema;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.json.JsonValue.JsonArray;
import dev.bluerealm.json.JsonValue.JsonBoolean;
import dev.bluerealm.json.JsonValue.JsonNumber;
import dev.bluerealm.json.JsonValue.JsonObject;
import dev.bluerealm.json.JsonValue.JsonString;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds schemas into a {@link Conj}: {@code allOf} and {@code $ref} (with its siblings, as draft
 * 2020-12 says) are merged in place; {@code anyOf}/{@code oneOf} stay as groups until {@link #dnf}
 * expands them into alternatives. A {@code $ref} that comes back to itself without descending into
 * a property or item makes the conjunction unknown (validators loop on it).
 */
final class Normalizer {
    static final int MAX_DISJUNCTS = 64;
    private static final int MAX_EXPANSIONS = 256;
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private Normalizer() {}

    /** The conjunction of {@code nodes}, anyOf/oneOf groups not expanded. */
    static Conj conj(Side side, List<JsonValue> nodes) {
        Conj c = new Conj(side);
        c.parts.addAll(nodes);
        if (side.unsupported() != null) {
            c.unknown = side.label() + " schema: " + side.unsupported();
        }
        for (JsonValue n : nodes) {
            merge(c, n, new ArrayList<>());
        }
        return c;
    }

    /**
     * The alternatives whose union is the conjunction of {@code nodes} (oneOf read as anyOf: an
     * over-approximation, which is what the subset side of an inclusion proof may use). Alternatives
     * that are plainly empty are left out, so an empty list means the schema accepts nothing.
     */
    static List<Conj> dnf(Side side, List<JsonValue> nodes) {
        Conj base = conj(side, nodes);
        if (base.anyOf.isEmpty() && base.oneOf.isEmpty()) {
            return base.empty ? List.of() : List.of(base);
        }
        List<Conj> out = new ArrayList<>();
        Deque<Conj> work = new ArrayDeque<>();
        work.push(base);
        int expansions = 0;
        while (!work.isEmpty()) {
            Conj c = work.pop();
            if (c.empty) {
                continue;
            }
            boolean one = c.anyOf.isEmpty();
            List<JsonValue> group = !one ? c.anyOf.remove(0) : !c.oneOf.isEmpty() ? c.oneOf.remove(0) : null;
            if (group == null) {
                out.add(c);
                if (out.size() > MAX_DISJUNCTS) {
                    return List.of(tooMany(side, nodes));
                }
                continue;
            }
            for (int i = group.size() - 1; i >= 0; i--) {
                if (++expansions > MAX_EXPANSIONS) {
                    return List.of(tooMany(side, nodes));
                }
                Conj d = c.copy();
                if (one) {
                    d.expandedOneOf.add(group);
                }
                d.parts.add(group.get(i));
                merge(d, group.get(i), new ArrayList<>());
                work.push(d);
            }
        }
        return out;
    }

    private static Conj tooMany(Side side, List<JsonValue> nodes) {
        Conj c = new Conj(side);
        c.parts.addAll(nodes);
        c.unknown = "too many anyOf/oneOf alternatives to compare (more than " + MAX_DISJUNCTS + ")";
        return c;
    }

    private static void merge(Conj c, JsonValue node, List<JsonValue> refStack) {
        if (node instanceof JsonBoolean b) {
            if (!b.value()) {
                c.empty = true;
            }
            return;
        }
        if (!(node instanceof JsonObject o)) {
            c.unknown = "not a schema: " + node.toJson();
            return;
        }
        Map<String, JsonValue> m = o.members();
        for (Map.Entry<String, JsonValue> e : m.entrySet()) {
            keyword(c, o, e.getKey(), e.getValue(), refStack);
        }
        if (m.containsKey("properties") || m.containsKey("additionalProperties")) {
            mergeObject(c, (JsonObject) m.get("properties"), m.get("additionalProperties"));
        }
        if (m.containsKey("prefixItems") || m.containsKey("items")) {
            JsonValue p = m.get("prefixItems");
            mergeArray(c, p == null ? List.of() : ((JsonArray) p).items(), m.get("items"));
        }
        JsonValue ref = m.get("$ref");
        if (ref != null) {
            String r = ((JsonString) ref).value();
            JsonValue target = c.side.resolve(r);
            if (target == null) {
                c.unknown = "$ref \"" + r + "\" is not a local JSON Pointer into the schema";
            } else if (containsIdentical(refStack, target)) {
                c.unknown = "$ref \"" + r + "\" refers back to itself without descending into a property or item";
            } else {
                refStack.add(target);
                merge(c, target, refStack);
                refStack.remove(refStack.size() - 1);
            }
        }
    }

    private static boolean containsIdentical(List<JsonValue> stack, JsonValue v) {
        for (JsonValue s : stack) {
            if (s == v) {
                return true;
            }
        }
        return false;
    }

    private static void keyword(Conj c, JsonObject node, String k, JsonValue v, List<JsonValue> refStack) {
        switch (k) {
            case "type" -> type(c, v);
            case "enum" -> restrictEnum(c, ((JsonArray) v).items());
            case "const" -> restrictEnum(c, List.of(v));
            case "minimum" -> lower(c, new Conj.Bound(num(v), false));
            case "exclusiveMinimum" -> lower(c, new Conj.Bound(num(v), true));
            case "maximum" -> upper(c, new Conj.Bound(num(v), false));
            case "exclusiveMaximum" -> upper(c, new Conj.Bound(num(v), true));
            case "multipleOf" -> c.multipleOf.add(num(v));
            case "minLength" -> c.minLength = Math.max(c.minLength, count(v));
            case "maxLength" -> c.maxLength = min(c.maxLength, count(v));
            case "pattern" -> c.patterns.add(((JsonString) v).value());
            case "minItems" -> c.minItems = Math.max(c.minItems, count(v));
            case "maxItems" -> c.maxItems = min(c.maxItems, count(v));
            case "uniqueItems" -> c.unique |= v instanceof JsonBoolean b && b.value();
            case "minProperties" -> c.minProps = Math.max(c.minProps, count(v));
            case "maxProperties" -> c.maxProps = min(c.maxProps, count(v));
            case "required" -> ((JsonArray) v).items().forEach(r -> c.required.add(((JsonString) r).value()));
            case "allOf" -> ((JsonArray) v).items().forEach(s -> merge(c, s, refStack));
            case "anyOf" -> c.anyOf.add(new ArrayList<>(((JsonArray) v).items()));
            case "oneOf" -> c.oneOf.add(new ArrayList<>(((JsonArray) v).items()));
            case "not" -> {
                if (Keywords.isTrivial(v)) {
                    c.empty = true;
                } else {
                    c.nots.add(v);
                }
            }
            case "properties", "additionalProperties", "items", "prefixItems", "$ref", "$schema", "$id" -> {
                // folded in by merge (after the loop) or checked once per side
            }
            case "if" -> c.opaque.add(new Conj.Opaque("if", group(node, "if", "then", "else"),
                    EnumSet.allOf(JType.class), false));
            case "then", "else" -> {
                if (node.get("if") == null) {
                    opaque(c, k, v);
                }
            }
            case "contains" -> c.opaque.add(new Conj.Opaque("contains", group(node, "contains", "minContains",
                    "maxContains"), EnumSet.of(JType.ARRAY), false));
            case "minContains", "maxContains" -> {
                if (node.get("contains") == null) {
                    opaque(c, k, v);
                }
            }
            case "patternProperties" -> {
                opaque(c, k, v);
                if (node.get("additionalProperties") != null) {
                    c.subsetUnsafe = "patternProperties beside additionalProperties is not compared";
                }
            }
            default -> {
                if (Keywords.UNSUPPORTED.contains(k)) {
                    c.unknown = "keyword \"" + k + "\" is not supported by the comparator";
                } else if (Keywords.isOpaque(k)) {
                    opaque(c, k, v);
                }
                // anything else is an annotation: no effect on validity
            }
        }
    }

    private static void opaque(Conj c, String k, JsonValue v) {
        c.opaque.add(new Conj.Opaque(k, v, Keywords.appliesTo(k), Keywords.CONTEXTUAL.contains(k)));
    }

    private static JsonValue group(JsonObject node, String... keys) {
        Map<String, JsonValue> g = new LinkedHashMap<>();
        for (String k : keys) {
            if (node.get(k) != null) {
                g.put(k, node.get(k));
            }
        }
        return new JsonObject(g);
    }

    private static void type(Conj c, JsonValue v) {
        List<JsonValue> names = v instanceof JsonArray a ? a.items() : List.of(v);
        EnumSet<JType> allowed = EnumSet.noneOf(JType.class);
        boolean number = false;
        boolean integer = false;
        for (JsonValue n : names) {
            String name = ((JsonString) n).value();
            allowed.addAll(JType.named(name));
            number |= name.equals("number");
            integer |= name.equals("integer");
        }
        c.types.retainAll(allowed);
        if (integer && !number) {
            c.integer = true;
        }
    }

    private static void restrictEnum(Conj c, List<JsonValue> values) {
        List<JsonValue> next = new ArrayList<>();
        for (JsonValue v : values) {
            if ((c.enumValues == null || c.enumValues.contains(v)) && !next.contains(v)) {
                next.add(v);
            }
        }
        c.enumValues = next;
    }

    private static void lower(Conj c, Conj.Bound b) {
        if (c.lower == null || tighterLower(b, c.lower)) {
            c.lower = b;
        }
    }

    private static void upper(Conj c, Conj.Bound b) {
        if (c.upper == null || tighterUpper(b, c.upper)) {
            c.upper = b;
        }
    }

    static boolean tighterLower(Conj.Bound a, Conj.Bound b) {
        int cmp = a.value().compareTo(b.value());
        return cmp > 0 || cmp == 0 && a.exclusive() && !b.exclusive();
    }

    static boolean tighterUpper(Conj.Bound a, Conj.Bound b) {
        int cmp = a.value().compareTo(b.value());
        return cmp < 0 || cmp == 0 && a.exclusive() && !b.exclusive();
    }

    private static BigDecimal num(JsonValue v) {
        return ((JsonNumber) v).value();
    }

    private static long count(JsonValue v) {
        BigDecimal d = num(v);
        return d.compareTo(LONG_MAX) >= 0 ? Long.MAX_VALUE : Math.max(0, d.longValue());
    }

    private static Long min(Long a, long b) {
        return a == null ? b : Math.min(a, b);
    }

    /** Per property name: (what the conjunction had, or its additionalProperties) ∧ (this part's). */
    private static void mergeObject(Conj c, JsonObject properties, JsonValue additional) {
        Map<String, JsonValue> mine = properties == null ? Map.of() : properties.members();
        for (Map.Entry<String, List<JsonValue>> e : c.props.entrySet()) {
            if (!mine.containsKey(e.getKey()) && additional != null) {
                e.getValue().add(additional);
            }
        }
        for (Map.Entry<String, JsonValue> e : mine.entrySet()) {
            List<JsonValue> cur = c.props.get(e.getKey());
            if (cur == null) {
                cur = new ArrayList<>(c.additional);
                c.props.put(e.getKey(), cur);
            }
            cur.add(e.getValue());
        }
        if (additional != null) {
            c.additional.add(additional);
        }
    }

    /** Per position: (what the conjunction had, or its items) ∧ (this part's prefix item, or items). */
    private static void mergeArray(Conj c, List<JsonValue> prefix, JsonValue items) {
        int n = Math.max(c.prefix.size(), prefix.size());
        for (int i = 0; i < n; i++) {
            if (i >= c.prefix.size()) {
                c.prefix.add(new ArrayList<>(c.items));
            }
            JsonValue mine = i < prefix.size() ? prefix.get(i) : items;
            if (mine != null) {
                c.prefix.get(i).add(mine);
            }
        }
        if (items != null) {
            c.items.add(items);
        }
    }
}
