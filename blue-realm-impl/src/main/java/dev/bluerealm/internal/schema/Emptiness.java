package dev.bluerealm.internal.schema;

import dev.bluerealm.json.JsonValue;
import java.util.EnumSet;
import java.util.List;

/**
 * Proves that (part of) a schema accepts nothing: contradictory bounds, a required property or a
 * reachable array position whose schema accepts nothing, an enum none of whose members passes the
 * rest. Only "proven empty" matters (an empty A is contained in anything), so every answer errs
 * towards "may have instances".
 */
final class Emptiness {
    private static final int MAX_DEPTH = 4;

    private Emptiness() {}

    /** The types of {@code c} that some instance may have (those not provably empty). */
    static EnumSet<JType> inhabited(Conj c) {
        return inhabited(c, 0);
    }

    private static EnumSet<JType> inhabited(Conj c, int depth) {
        EnumSet<JType> out = EnumSet.noneOf(JType.class);
        if (c.empty) {
            return out;
        }
        for (JType t : c.types) {
            boolean empty = switch (t) {
                case NUMBER -> Numbers.empty(c);
                case STRING -> c.maxLength != null && c.minLength > c.maxLength;
                case ARRAY -> {
                    Long max = maxItems(c, depth);
                    yield max != null && c.minItems > max;
                }
                case OBJECT -> objectsEmpty(c, depth);
                default -> false;
            };
            if (!empty) {
                out.add(t);
            }
        }
        return out;
    }

    /** The most items an array of the conjunction can have (null: unbounded). */
    static Long maxItems(Conj c) {
        return maxItems(c, 0);
    }

    private static Long maxItems(Conj c, int depth) {
        Long max = c.maxItems;
        for (int i = 0; i < c.prefix.size(); i++) {
            if (i < c.minItems && provablyEmpty(c.side, c.prefix.get(i), depth + 1) || Keywords.anyFalse(c.prefix.get(i))) {
                return max == null ? i : Math.min(max, i);
            }
        }
        if (Keywords.anyFalse(c.items)) {
            long p = c.prefix.size();
            return max == null ? p : Math.min(max, p);
        }
        return max;
    }

    private static boolean objectsEmpty(Conj c, int depth) {
        if (c.maxProps != null && (c.minProps > c.maxProps || c.required.size() > c.maxProps)) {
            return true;
        }
        for (String p : c.required) {
            if (provablyEmpty(c.side, c.propOr(p), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** True only when no instance is valid under the conjunction of {@code schemas}. */
    static boolean provablyEmpty(Side side, List<JsonValue> schemas, int depth) {
        if (Keywords.anyFalse(schemas)) {
            return true;
        }
        if (depth > MAX_DEPTH) {
            return false;
        }
        for (Conj c : Normalizer.dnf(side, schemas)) {
            if (c.unknown != null || c.subsetUnsafe != null) {
                return false;
            }
            if (c.enumValues != null) {
                for (JsonValue v : c.enumValues) {
                    if (Evaluator.member(c, v) != Tri.FALSE) {
                        return false;
                    }
                }
                continue;
            }
            if (!inhabited(c, depth).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
