package dev.bluerealm.internal.schema;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.json.JsonValue.JsonArray;
import dev.bluerealm.json.JsonValue.JsonObject;
import dev.bluerealm.json.JsonValue.JsonString;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides when a subschema of A and one of B are the very same constraint, so that a comparison
 * can stop there: keyword by keyword equal (annotations ignored), with references that resolve the
 * same way on both sides. The fast path for unchanged parts of a large schema.
 */
final class Sameness {
    private final Side a;
    private final Side b;
    private final boolean sameRoots;
    private final boolean sameDefs;

    Sameness(Side a, Side b) {
        this.a = a;
        this.b = b;
        this.sameRoots = a.root().equals(b.root());
        JsonValue defsA = member(a.root(), "$defs");
        JsonValue definitionsA = member(a.root(), "definitions");
        this.sameDefs = Objects.equals(defsA, member(b.root(), "$defs"))
                && Objects.equals(definitionsA, member(b.root(), "definitions"))
                && refsIntoDefs(defsA) && refsIntoDefs(definitionsA);
    }

    private static JsonValue member(JsonValue v, String name) {
        return v instanceof JsonObject o ? o.get(name) : null;
    }

    /** Some schema of {@code mine} (side A) is the same as {@code theirs} (side B). */
    boolean hasSame(List<JsonValue> mine, JsonValue theirs) {
        for (JsonValue m : mine) {
            if (same(m, theirs)) {
                return true;
            }
        }
        return false;
    }

    /** A's alternative came from a oneOf group that is, alternative by alternative, the same as B's. */
    boolean hasSameGroup(List<List<JsonValue>> groups, List<JsonValue> theirs) {
        for (List<JsonValue> g : groups) {
            if (g.size() == theirs.size()) {
                boolean all = true;
                for (int i = 0; i < g.size() && all; i++) {
                    all = same(g.get(i), theirs.get(i));
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Two subschemas (x of A, y of B) are the same constraint: equal keyword by keyword, annotations
     * ignored, and every reference resolving the same way (same roots, or equal {@code $defs} and
     * {@code definitions} that references point into).
     */
    boolean same(JsonValue x, JsonValue y) {
        if (x == y && sameRoots) {
            return true;
        }
        if (!sameRoots && (a.unsupported() != null || b.unsupported() != null)) {
            return false;
        }
        return sameSchema(x, y, 0);
    }

    private boolean sameSchema(JsonValue x, JsonValue y, int depth) {
        if (x instanceof JsonObject xo && y instanceof JsonObject yo) {
            if (depth > 256) {
                return false;
            }
            Set<String> keys = new LinkedHashSet<>(xo.members().keySet());
            keys.addAll(yo.members().keySet());
            for (String k : keys) {
                if (Keywords.isIgnorable(k)) {
                    continue;
                }
                JsonValue vx = xo.get(k);
                JsonValue vy = yo.get(k);
                if (vx == null || vy == null || !sameValue(k, vx, vy, depth)) {
                    return false;
                }
            }
            return true;
        }
        return x.equals(y) || Keywords.isTrivial(x) && Keywords.isTrivial(y);
    }

    private boolean sameValue(String k, JsonValue vx, JsonValue vy, int depth) {
        if (k.equals("$ref") || k.equals("$dynamicRef")) {
            return vx.equals(vy) && (sameRoots || k.equals("$ref") && sameDefs && intoDefs(((JsonString) vx).value()));
        }
        if (Keywords.SCHEMA_VALUED.contains(k)) {
            return sameSchema(vx, vy, depth + 1);
        }
        if (Keywords.SCHEMA_ARRAYS.contains(k) && vx instanceof JsonArray ax && vy instanceof JsonArray ay) {
            if (ax.items().size() != ay.items().size()) {
                return false;
            }
            for (int i = 0; i < ax.items().size(); i++) {
                if (!sameSchema(ax.items().get(i), ay.items().get(i), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (Keywords.SCHEMA_MAPS.contains(k) && vx instanceof JsonObject mx && vy instanceof JsonObject my) {
            if (!mx.members().keySet().equals(my.members().keySet())) {
                return false;
            }
            for (String name : mx.members().keySet()) {
                if (!sameSchema(mx.get(name), my.get(name), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return vx.equals(vy);
    }

    static boolean intoDefs(String ref) {
        return ref.startsWith("#/$defs/") || ref.startsWith("#/definitions/");
    }

    /** Equal values (of opaque keywords), with references resolving the same way. */
    boolean strictlyEqual(JsonValue x, JsonValue y) {
        if (!x.equals(y)) {
            return false;
        }
        if (sameRoots) {
            return true;
        }
        if (a.unsupported() != null || b.unsupported() != null) {
            return false;
        }
        RefScan scan = new RefScan();
        scan.walk(x);
        return !scan.any || sameDefs && scan.intoDefsOnly;
    }

    private static boolean refsIntoDefs(JsonValue v) {
        RefScan scan = new RefScan();
        if (v != null) {
            scan.walk(v);
        }
        return scan.intoDefsOnly;
    }

    private static final class RefScan {
        boolean any;
        boolean intoDefsOnly = true;

        void walk(JsonValue v) {
            if (v instanceof JsonObject o) {
                for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                    if (e.getKey().equals("$ref") && e.getValue() instanceof JsonString s) {
                        any = true;
                        intoDefsOnly &= intoDefs(s.value());
                    } else if (e.getKey().equals("$dynamicRef")) {
                        any = true;
                        intoDefsOnly = false;
                    }
                    walk(e.getValue());
                }
            } else if (v instanceof JsonArray arr) {
                arr.items().forEach(this::walk);
            }
        }
    }
}
