package dev.bluerealm.internal.schema;

import dev.bluerealm.json.JsonValue;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Proves that two schemas have no instance in common (for B's {@code not} and for the alternatives
 * of B's {@code oneOf} that must exclude A): disjoint types, enum members the other rejects,
 * non-overlapping bounds, or a property one side requires whose schemas are disjoint (the usual
 * {@code kind: {const: ...}} discriminator). Sound: "disjoint" only when proven.
 */
final class Disjointness {
    private static final int MAX_DEPTH = 64;
    private static final int MAX_STEPS = 20_000;
    private int steps;

    /** Starts a new step budget (one per comparison). */
    void reset() {
        steps = 0;
    }

    /** Proves that no instance is in both {@code x} and the conjunction of {@code yn} (false: not shown). */
    boolean disjoint(Conj x, Side ys, List<JsonValue> yn, int depth) {
        if (depth > MAX_DEPTH || x.unknown != null || x.subsetUnsafe != null || ++steps > MAX_STEPS) {
            return false;
        }
        for (Conj y : Normalizer.dnf(ys, yn)) {
            if (y.unknown != null || y.subsetUnsafe != null || !disjointConj(x, y, depth)) {
                return false;
            }
        }
        return true;
    }

    private boolean disjointConj(Conj x, Conj y, int depth) {
        if (x.empty || y.empty) {
            return true;
        }
        if (x.enumValues != null || y.enumValues != null) {
            Conj finite = x.enumValues != null ? x : y;
            Conj other = finite == x ? y : x;
            for (JsonValue v : finite.enumValues) {
                if (Evaluator.member(finite, v) != Tri.FALSE && Evaluator.member(other, v) != Tri.FALSE) {
                    return false;
                }
            }
            return true;
        }
        EnumSet<JType> common = Emptiness.inhabited(x);
        common.retainAll(Emptiness.inhabited(y));
        for (JType t : common) {
            if (!disjointOn(t, x, y, depth)) {
                return false;
            }
        }
        return true;
    }

    private boolean disjointOn(JType t, Conj x, Conj y, int depth) {
        switch (t) {
            case NUMBER:
                return below(Numbers.effectiveUpper(x), Numbers.effectiveLower(y))
                        || below(Numbers.effectiveUpper(y), Numbers.effectiveLower(x));
            case STRING:
                return x.maxLength != null && x.maxLength < y.minLength || y.maxLength != null && y.maxLength < x.minLength;
            case ARRAY: {
                Long xm = Emptiness.maxItems(x);
                Long ym = Emptiness.maxItems(y);
                return xm != null && xm < y.minItems || ym != null && ym < x.minItems;
            }
            case OBJECT: {
                if (x.maxProps != null && x.maxProps < Math.max(y.minProps, y.required.size())
                        || y.maxProps != null && y.maxProps < Math.max(x.minProps, x.required.size())) {
                    return true;
                }
                Set<String> required = new LinkedHashSet<>(x.required);
                required.addAll(y.required);
                for (String p : required) {
                    if (disjointLists(x.side, x.propOr(p), y.side, y.propOr(p), depth + 1)) {
                        return true;
                    }
                }
                return false;
            }
            default:
                return false;
        }
    }

    private boolean disjointLists(Side xs, List<JsonValue> xn, Side ys, List<JsonValue> yn, int depth) {
        if (Keywords.anyFalse(xn) || Keywords.anyFalse(yn)) {
            return true;
        }
        for (Conj x : Normalizer.dnf(xs, xn)) {
            if (!disjoint(x, ys, yn, depth)) {
                return false;
            }
        }
        return true;
    }

    private static boolean below(Conj.Bound upper, Conj.Bound lower) {
        if (upper == null || lower == null) {
            return false;
        }
        int cmp = upper.value().compareTo(lower.value());
        return cmp < 0 || cmp == 0 && (upper.exclusive() || lower.exclusive());
    }
}
