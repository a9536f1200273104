package dev.bluerealm.internal.schema;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.json.JsonValue.JsonArray;
import dev.bluerealm.json.JsonValue.JsonBoolean;
import dev.bluerealm.json.JsonValue.JsonNumber;
import dev.bluerealm.json.JsonValue.JsonString;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tries to prove that every instance valid under schema A (side {@code a}) is valid under schema B
 * (side {@code b}). Sound: {@link Outcome#holds()} only when every step was proven; each step that
 * was not yields a reason and candidate counterexamples (see {@link Outcome}).
 *
 * <p>A is split into alternatives (anyOf/oneOf expanded); each alternative is compared with B type
 * by type: numbers by bounds and steps, strings by lengths and identical patterns, arrays position
 * by position, objects property by property (a property one side does not name falls under its
 * additionalProperties). B's anyOf needs an alternative containing A (per type if need be), its
 * oneOf also needs the other alternatives disjoint from A, its {@code not} needs disjointness; an
 * opaque keyword of B needs the very same keyword in A. Recursive references are handled
 * coinductively: meeting the same pair again deeper in the instance assumes it (sound because
 * instances are finite); meeting it again at the same depth is a loop and is not proven.
 */
final class Subsumption {
    private static final int MAX_STEPS = 20_000;
    private static final int MAX_DEPTH = 64;

    private final Side a;
    private final Side b;
    private final Sameness same;
    private final Disjointness disjointness = new Disjointness();
    private final Counterexamples counter;
    private final Map<Key, Integer> active = new HashMap<>();
    private final List<Frame> frames = new ArrayList<>();
    private final Set<Key> proven = new HashSet<>();
    private int steps;

    Subsumption(Side a, Side b) {
        this.a = a;
        this.b = b;
        this.same = new Sameness(a, b);
        this.counter = new Counterexamples(a, b);
    }

    /** A ⊆ B for the two roots. */
    Outcome check() {
        steps = 0;
        disjointness.reset();
        return check(List.of(a.root()), List.of(b.root()), "", 0);
    }

    /** {@code an} (a subschema of A) ⊆ {@code bn} (a subschema of B), both resolving refs in their roots. */
    boolean holds(JsonValue an, JsonValue bn) {
        steps = 0;
        disjointness.reset();
        return check(List.of(an), List.of(bn), "", 0).holds();
    }

    // ---------------------------------------------------------------- recursion and bookkeeping

    private record Key(IdList a, long mask, IdList b) {}

    /** A list compared by the identity of its elements (schema nodes are stable objects). */
    private static final class IdList {
        private final List<JsonValue> items;
        private final int hash;

        IdList(List<JsonValue> items) {
            this.items = List.copyOf(items);
            int h = 1;
            for (JsonValue v : items) {
                h = 31 * h + System.identityHashCode(v);
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof IdList other) || other.items.size() != items.size()) {
                return false;
            }
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) != other.items.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final class Frame {
        final int index;
        final int depth;
        int minHit = Integer.MAX_VALUE;

        Frame(int index, int depth) {
            this.index = index;
            this.depth = depth;
        }
    }

    private Outcome check(List<JsonValue> an, List<JsonValue> bn, String path, int depth) {
        if (Keywords.allTrivial(bn)) {
            return Outcome.proven();
        }
        if (an.size() == 1 && bn.size() == 1 && same.same(an.get(0), bn.get(0))) {
            return Outcome.proven();
        }
        List<Outcome> outs = new ArrayList<>();
        for (Conj ai : Normalizer.dnf(a, an)) {
            Outcome r = checkConj(ai, bn, path, depth);
            outs.add(r);
            if (!r.holds() && outs.size() >= Outcome.MAX_FAILURES) {
                break;
            }
        }
        return Outcome.all(outs);
    }

    private Outcome checkConj(Conj ai, List<JsonValue> bn, String path, int depth) {
        if (++steps > MAX_STEPS) {
            return fail(path, "the schemas are too large or too recursive to compare", List.of());
        }
        if (depth > MAX_DEPTH) {
            return fail(path, "nesting deeper than " + MAX_DEPTH + " levels is not compared", List.of());
        }
        if (ai.empty || Keywords.allTrivial(bn)) {
            return Outcome.proven();
        }
        Key key = new Key(new IdList(ai.parts), ai.typesMask(), new IdList(bn));
        Integer at = active.get(key);
        if (at != null) {
            Frame f = frames.get(at);
            if (depth > f.depth) {
                Frame top = frames.get(frames.size() - 1);
                top.minHit = Math.min(top.minHit, at);
                return Outcome.proven();
            }
            return fail(path, "a $ref loops without descending into a property or item", List.of());
        }
        if (proven.contains(key)) {
            return Outcome.proven();
        }
        Frame frame = new Frame(frames.size(), depth);
        frames.add(frame);
        active.put(key, frame.index);
        Outcome r;
        try {
            r = compareConj(ai, bn, path, depth);
        } finally {
            frames.remove(frames.size() - 1);
            active.remove(key);
        }
        if (frame.minHit < frame.index && !frames.isEmpty()) {
            Frame parent = frames.get(frames.size() - 1);
            parent.minHit = Math.min(parent.minHit, frame.minHit);
        }
        if (r.holds() && frame.minHit >= frame.index) {
            proven.add(key);
        }
        return r;
    }

    // ---------------------------------------------------------------- one alternative of A against B

    private Outcome compareConj(Conj ai, List<JsonValue> bn, String path, int depth) {
        if (ai.unknown != null) {
            return fail(path, ai.unknown, List.of());
        }
        if (ai.subsetUnsafe != null) {
            return fail(path, a.label() + " schema: " + ai.subsetUnsafe, List.of());
        }
        Conj bc = Normalizer.conj(b, bn);
        if (bc.unknown != null) {
            return fail(path, bc.unknown, counter.samples(ai, depth));
        }
        if (bc.empty) {
            return fail(path, b.label() + " accepts nothing here, " + a.label() + " does", counter.samples(ai, depth));
        }
        if (ai.enumValues != null) {
            return enumerated(ai, bn, path);
        }
        EnumSet<JType> aTypes = Emptiness.inhabited(ai);
        if (aTypes.isEmpty()) {
            return Outcome.proven();
        }
        List<Outcome> outs = new ArrayList<>();
        EnumSet<JType> missing = EnumSet.copyOf(aTypes);
        missing.removeAll(bc.types);
        if (!missing.isEmpty()) {
            List<JsonValue> cands = new ArrayList<>();
            for (JType t : missing) {
                cands.add(Sampler.of(ai, t, depth));
            }
            outs.add(fail(path, a.label() + " accepts " + JType.names(missing) + (missing.size() > 1 ? " values" : "")
                    + ", " + b.label() + " does not (type " + JType.names(typesOf(bc)) + ")", cands));
        }
        EnumSet<JType> common = EnumSet.copyOf(aTypes);
        common.retainAll(bc.types);
        for (JType t : common) {
            if (bc.enumValues != null) {
                outs.add(enumInB(ai, bc, bn, t, path, depth));
                continue;
            }
            switch (t) {
                case NUMBER -> outs.add(numbers(ai, bc, bn, path));
                case STRING -> outs.add(strings(ai, bc, bn, path));
                case ARRAY -> outs.add(arrays(ai, bc, path, depth));
                case OBJECT -> outs.add(objects(ai, bc, path, depth));
                default -> {
                }
            }
        }
        for (List<JsonValue> group : bc.anyOf) {
            outs.add(anyOf(ai, group, aTypes, path, depth));
        }
        for (List<JsonValue> group : bc.oneOf) {
            if (!same.hasSameGroup(ai.expandedOneOf, group)) {
                outs.add(oneOf(ai, group, aTypes, path, depth));
            }
        }
        for (JsonValue not : bc.nots) {
            if (!same.hasSame(ai.nots, not) && !disjointness.disjoint(ai, b, List.of(not), depth)) {
                List<JsonValue> cands = new ArrayList<>();
                for (JsonValue v : Sampler.several(b, List.of(not), 12, depth)) {
                    if (Evaluator.member(ai, v) != Tri.FALSE) {
                        cands.add(v);
                    }
                }
                cands.addAll(counter.samples(ai, depth));
                outs.add(fail(path, b.label() + " excludes " + not.toJson() + " (not), and " + a.label()
                        + " is not shown to exclude it", cands));
            }
        }
        for (Conj.Opaque op : bc.opaque) {
            EnumSet<JType> applies = EnumSet.copyOf(op.appliesTo());
            applies.retainAll(aTypes);
            if (!applies.isEmpty() && !matched(ai, op)) {
                outs.add(fail(path, "keyword \"" + op.keyword() + "\" of " + b.label() + " is not compared"
                        + " (only the same keyword with the same value in " + a.label() + " is known to imply it)",
                        counter.samples(ai, depth)));
            }
        }
        return Outcome.all(outs);
    }

    private static EnumSet<JType> typesOf(Conj c) {
        return c.types.isEmpty() ? EnumSet.noneOf(JType.class) : EnumSet.copyOf(c.types);
    }

    private boolean matched(Conj ai, Conj.Opaque op) {
        if (op.contextual()) {
            return false;
        }
        for (Conj.Opaque mine : ai.opaque) {
            if (mine.keyword().equals(op.keyword()) && same.strictlyEqual(mine.value(), op.value())) {
                return true;
            }
        }
        return false;
    }

    /** A is a finite set of values: each must be accepted by B (decided by the evaluator). */
    private Outcome enumerated(Conj ai, List<JsonValue> bn, String path) {
        List<Outcome> outs = new ArrayList<>();
        for (JsonValue v : ai.enumValues) {
            if (Evaluator.member(ai, v) == Tri.FALSE) {
                continue;
            }
            Tri inB = Evaluator.all(b, bn, v);
            if (inB != Tri.TRUE) {
                outs.add(fail(path, inB == Tri.FALSE
                        ? a.label() + " allows " + v.toJson() + ", " + b.label() + " does not"
                        : "cannot decide whether " + b.label() + " accepts " + v.toJson(), List.of(v)));
            }
        }
        return Outcome.all(outs);
    }

    /** B lists its values of type {@code t}; A does not. */
    private Outcome enumInB(Conj ai, Conj bc, List<JsonValue> bn, JType t, String path, int depth) {
        List<JsonValue> values = switch (t) {
            case NULL -> List.of(JsonValue.NULL);
            case BOOLEAN -> List.of(new JsonBoolean(false), new JsonBoolean(true));
            default -> null;
        };
        if (values != null) {
            List<Outcome> outs = new ArrayList<>();
            for (JsonValue v : values) {
                if (Evaluator.member(ai, v) != Tri.FALSE && Evaluator.all(b, bn, v) != Tri.TRUE) {
                    outs.add(fail(path, a.label() + " allows " + v.toJson() + ", " + b.label() + " does not", List.of(v)));
                }
            }
            return Outcome.all(outs);
        }
        List<JsonValue> cands = new ArrayList<>();
        cands.add(Sampler.of(ai, t, depth));
        if (t == JType.NUMBER) {
            Numbers.pool(List.of(ai)).forEach(n -> cands.add(new JsonNumber(n)));
        } else if (t == JType.STRING) {
            Sampler.strings(List.of(ai), new ArrayList<>()).forEach(s -> cands.add(new JsonString(s)));
        }
        return fail(path, b.label() + " allows only " + listed(bc.enumValues) + ", " + a.label()
                + " allows other " + t.schemaName + " values", counter.outside(ai, bn, cands));
    }

    private static String listed(List<JsonValue> values) {
        return values.size() == 1 ? values.get(0).toJson() : new JsonArray(values).toJson();
    }

    // ---------------------------------------------------------------- per type

    private Outcome numbers(Conj ai, Conj bc, List<JsonValue> bn, String path) {
        List<Outcome> outs = new ArrayList<>();
        if (bc.integer && !ai.integral()) {
            outs.add(fail(path, b.label() + " accepts only integers, " + a.label() + " also other numbers",
                    counter.numberCandidates(ai, bc, bn)));
        }
        Conj.Bound lo = Numbers.effectiveLower(ai);
        Conj.Bound hi = Numbers.effectiveUpper(ai);
        if (!Numbers.lowerImplies(lo, bc.lower)) {
            outs.add(fail(path, b.label() + " requires " + show(bc.lower, true) + ", " + a.label()
                    + (lo == null ? " has no lower bound" : " allows " + show(lo, true)), counter.numberCandidates(ai, bc, bn)));
        }
        if (!Numbers.upperImplies(hi, bc.upper)) {
            outs.add(fail(path, b.label() + " requires " + show(bc.upper, false) + ", " + a.label()
                    + (hi == null ? " has no upper bound" : " allows " + show(hi, false)), counter.numberCandidates(ai, bc, bn)));
        }
        for (BigDecimal mb : bc.multipleOf) {
            boolean ok = false;
            for (BigDecimal ma : ai.steps()) {
                ok |= Numbers.isMultiple(ma, mb);
            }
            if (!ok) {
                outs.add(fail(path, b.label() + " requires multiples of " + mb.toPlainString() + ", " + a.label()
                        + (ai.multipleOf.isEmpty() ? " does not" : " requires multiples of " + plain(ai.multipleOf)),
                        counter.numberCandidates(ai, bc, bn)));
            }
        }
        return Outcome.all(outs);
    }

    private static String show(Conj.Bound bound, boolean lower) {
        return (lower ? (bound.exclusive() ? "> " : ">= ") : (bound.exclusive() ? "< " : "<= "))
                + bound.value().toPlainString();
    }

    private static String plain(List<BigDecimal> ns) {
        List<String> s = new ArrayList<>();
        ns.forEach(n -> s.add(n.toPlainString()));
        return String.join(", ", s);
    }

    private Outcome strings(Conj ai, Conj bc, List<JsonValue> bn, String path) {
        List<Outcome> outs = new ArrayList<>();
        if (bc.minLength > ai.minLength) {
            outs.add(fail(path, b.label() + " requires at least " + bc.minLength + " characters, " + a.label()
                    + " allows " + ai.minLength, counter.stringCandidates(ai, bc, bn)));
        }
        if (bc.maxLength != null && (ai.maxLength == null || ai.maxLength > bc.maxLength)) {
            outs.add(fail(path, b.label() + " allows at most " + bc.maxLength + " characters, " + a.label()
                    + (ai.maxLength == null ? " has no maximum" : " allows " + ai.maxLength),
                    counter.stringCandidates(ai, bc, bn)));
        }
        for (String pb : bc.patterns) {
            if (ai.patterns.contains(pb) || pb.isEmpty() || pb.equals(".*")) {
                continue;
            }
            String reason = ai.patterns.isEmpty()
                    ? b.label() + " requires pattern " + JsonValue.string(pb).toJson() + ", " + a.label() + " has none"
                    : "patterns differ: " + a.label() + " " + quoted(ai.patterns) + ", " + b.label() + " "
                            + JsonValue.string(pb).toJson() + " (regular expressions are not compared)";
            outs.add(fail(path, reason, counter.stringCandidates(ai, bc, bn)));
        }
        return Outcome.all(outs);
    }

    private static String quoted(List<String> patterns) {
        List<String> q = new ArrayList<>();
        patterns.forEach(p -> q.add(JsonValue.string(p).toJson()));
        return String.join(" and ", q);
    }

    private Outcome arrays(Conj ai, Conj bc, String path, int depth) {
        List<Outcome> outs = new ArrayList<>();
        Long aMax = Emptiness.maxItems(ai);
        if (bc.minItems > ai.minItems) {
            outs.add(fail(path, b.label() + " requires at least " + bc.minItems + " items, " + a.label() + " allows "
                    + ai.minItems, List.of(Counterexamples.nullable(Sampler.array(ai, (int) Math.min(ai.minItems, 64), depth)))));
        }
        if (bc.maxItems != null && (aMax == null || aMax > bc.maxItems)) {
            outs.add(fail(path, b.label() + " allows at most " + bc.maxItems + " items, " + a.label()
                    + (aMax == null ? " has no maximum" : " allows " + aMax),
                    bc.maxItems < 256 ? List.of(Counterexamples.nullable(Sampler.array(ai, (int) (bc.maxItems + 1), depth))) : List.of()));
        }
        if (bc.unique && !ai.unique && (aMax == null || aMax > 1)) {
            outs.add(fail(path, b.label() + " requires unique items, " + a.label() + " does not",
                    List.of(Counterexamples.nullable(counter.duplicates(ai, depth)))));
        }
        int n = Math.max(ai.prefix.size(), bc.prefix.size());
        for (int i = 0; i < n; i++) {
            List<JsonValue> aI = ai.itemAt(i);
            if (aMax != null && i >= aMax || Keywords.anyFalse(aI)) {
                return Outcome.all(outs);
            }
            Outcome r = check(aI, bc.itemAt(i), path + "/" + i, depth + 1);
            final int at = i;
            outs.add(r.lift(v -> counter.arrayWith(ai, at, v, depth)));
        }
        if ((aMax == null || aMax > n) && !Keywords.anyFalse(ai.items)) {
            Outcome r = check(ai.items, bc.items, path + "/" + n, depth + 1);
            outs.add(r.lift(v -> counter.arrayWith(ai, n, v, depth)));
        }
        return Outcome.all(outs);
    }

    private Outcome objects(Conj ai, Conj bc, String path, int depth) {
        List<Outcome> outs = new ArrayList<>();
        for (String p : bc.required) {
            if (!ai.required.contains(p)) {
                outs.add(fail(path, b.label() + " requires property \"" + p + "\", " + a.label() + " does not",
                        List.of(Counterexamples.nullable(Sampler.object(ai, Set.of(p), 0, depth)))));
            }
        }
        long aMin = Math.max(ai.minProps, ai.required.size());
        if (bc.minProps > aMin) {
            outs.add(fail(path, b.label() + " requires at least " + bc.minProps + " properties, " + a.label()
                    + " allows " + aMin, List.of(Counterexamples.nullable(Sampler.object(ai, Set.of(), 0, depth)))));
        }
        Long aMax = ai.maxProps;
        if (Keywords.anyFalse(ai.additional)) {
            long named = ai.props.values().stream().filter(v -> !Keywords.anyFalse(v)).count();
            aMax = aMax == null ? named : Math.min(aMax, named);
        }
        if (bc.maxProps != null && (aMax == null || aMax > bc.maxProps)) {
            outs.add(fail(path, b.label() + " allows at most " + bc.maxProps + " properties, " + a.label()
                    + (aMax == null ? " has no maximum" : " allows " + aMax),
                    bc.maxProps < 256 ? List.of(Counterexamples.nullable(Sampler.object(ai, Set.of(), bc.maxProps + 1, depth)))
                            : List.of()));
        }
        JsonValue[] base = new JsonValue[1];
        Set<String> names = new LinkedHashSet<>(ai.props.keySet());
        names.addAll(bc.props.keySet());
        for (String p : names) {
            List<JsonValue> aP = ai.propOr(p);
            List<JsonValue> bP = bc.propOr(p);
            if (Keywords.anyFalse(aP) || Keywords.allTrivial(bP)) {
                continue;
            }
            Outcome r = check(aP, bP, path + "/" + Side.escape(p), depth + 1);
            if (!r.holds()) {
                outs.add(r.lift(v -> counter.objectWith(ai, base, p, v, depth)));
            }
        }
        if (!Keywords.anyFalse(ai.additional) && !Keywords.allTrivial(bc.additional)) {
            String name = Sampler.freshName(0, ai.props.keySet(), bc.props.keySet());
            Outcome r = check(ai.additional, bc.additional, path + "/*", depth + 1);
            if (!r.holds()) {
                outs.add(r.lift(v -> counter.objectWith(ai, base, name, v, depth)));
            }
        }
        return Outcome.all(outs);
    }

    // ---------------------------------------------------------------- B's anyOf, oneOf, not

    private Outcome anyOf(Conj ai, List<JsonValue> group, EnumSet<JType> aTypes, String path, int depth) {
        List<Outcome> tried = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Outcome r = checkConj(ai, List.of(group.get(i)), path, depth);
            if (r.holds()) {
                return r;
            }
            tried.add(r);
        }
        if (aTypes.size() > 1 && everyType(ai, aTypes, t -> {
            for (JsonValue g : group) {
                if (checkConj(ai.restrict(t), List.of(g), path, depth).holds()) {
                    return true;
                }
            }
            return false;
        })) {
            return Outcome.proven();
        }
        return alternatives(path, "anyOf", "", tried, ai, depth);
    }

    private Outcome oneOf(Conj ai, List<JsonValue> group, EnumSet<JType> aTypes, String path, int depth) {
        List<Outcome> tried = new ArrayList<>();
        if (exactlyOne(ai, group, path, depth, tried)
                || aTypes.size() > 1 && everyType(ai, aTypes, t -> exactlyOne(ai.restrict(t), group, path, depth, null))) {
            return Outcome.proven();
        }
        return alternatives(path, "oneOf", " while excluding the others", tried, ai, depth);
    }

    /**
     * The failure of a group of B: generic, then each alternative's own failures (for their candidates;
     * {@code tried} is indexed by alternative, null where the alternative was not the problem).
     */
    private Outcome alternatives(String path, String keyword, String extra, List<Outcome> tried, Conj ai, int depth) {
        String generic = "no alternative of " + b.label() + "'s " + keyword + " is shown to accept all that "
                + a.label() + " accepts" + extra;
        List<Outcome> outs = new ArrayList<>();
        outs.add(fail(path, generic, counter.samples(ai, depth)));
        for (int i = 0; i < tried.size(); i++) {
            final int n = i;
            if (tried.get(i) == null) {
                continue;
            }
            outs.add(tried.get(i).reword(r -> (path.isEmpty() ? "at the top level" : "at " + path) + ": " + generic
                    + " (alternative " + n + ": " + r + ")"));
        }
        return Outcome.all(outs);
    }

    /** Some alternative contains {@code c} and the others are disjoint from it (failed attempts collected). */
    private boolean exactlyOne(Conj c, List<JsonValue> group, String path, int depth, List<Outcome> tried) {
        for (int i = 0; i < group.size(); i++) {
            Outcome r = checkConj(c, List.of(group.get(i)), path, depth);
            if (!r.holds()) {
                if (tried != null) {
                    while (tried.size() < i) {
                        tried.add(null);
                    }
                    tried.add(r);
                }
                continue;
            }
            boolean others = true;
            for (int j = 0; j < group.size() && others; j++) {
                others = j == i || disjointness.disjoint(c, b, List.of(group.get(j)), depth);
            }
            if (others) {
                return true;
            }
        }
        return false;
    }

    private interface TypeTest {
        boolean test(JType t);
    }

    private static boolean everyType(Conj ai, EnumSet<JType> types, TypeTest test) {
        for (JType t : types) {
            if (!test.test(t)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- helpers

    private Outcome fail(String path, String reason, List<JsonValue> candidates) {
        return Outcome.fail((path.isEmpty() ? "at the top level" : "at " + path) + ": " + reason, candidates);
    }
}
