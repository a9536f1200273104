package dev.bluerealm.internal.extract;

import dev.bluerealm.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares and merges contract values with set semantics for lists of scalars (DESIGN §3:
 * "markers carry no meaningful order"; "when the tool writes a new value it keeps the realm's
 * existing order and appends new items").
 *
 * <p>A pair of lists is compared as a set when the schema says its items are scalars, or when
 * every item on both sides is a scalar; other lists are compared item by item. Objects are
 * compared by member, whatever their order.
 */
public final class ValueDiff {
    private ValueDiff() {}

    /** What changed from the realm's value to the extracted one; empty when they are equal. */
    public static List<Change> diff(JsonValue schema, JsonValue realmValue, JsonValue extracted) {
        List<Change> out = new ArrayList<>();
        diff(schema, schema, "", realmValue, extracted, out);
        return out;
    }

    private static void diff(JsonValue root, JsonValue schema, String path, JsonValue a, JsonValue b,
                             List<Change> out) {
        if (a.equals(b)) {
            return;
        }
        if (a instanceof JsonValue.JsonObject && b instanceof JsonValue.JsonObject) {
            Map<String, JsonValue> am = ((JsonValue.JsonObject) a).members();
            Map<String, JsonValue> bm = ((JsonValue.JsonObject) b).members();
            for (Map.Entry<String, JsonValue> e : am.entrySet()) {
                String p = key(path, e.getKey());
                JsonValue other = bm.get(e.getKey());
                if (other == null) {
                    out.add(new Change(p, Change.Kind.REMOVED, e.getValue(), null));
                } else {
                    diff(root, property(root, schema, e.getKey()), p, e.getValue(), other, out);
                }
            }
            for (Map.Entry<String, JsonValue> e : bm.entrySet()) {
                if (!am.containsKey(e.getKey())) {
                    out.add(new Change(key(path, e.getKey()), Change.Kind.ADDED, null, e.getValue()));
                }
            }
            return;
        }
        if (a instanceof JsonValue.JsonArray && b instanceof JsonValue.JsonArray) {
            List<JsonValue> ai = ((JsonValue.JsonArray) a).items();
            List<JsonValue> bi = ((JsonValue.JsonArray) b).items();
            if (isSet(root, schema, ai, bi)) {
                Set<JsonValue> aset = new LinkedHashSet<>(ai);
                Set<JsonValue> bset = new LinkedHashSet<>(bi);
                for (JsonValue v : aset) {
                    if (!bset.contains(v)) {
                        out.add(new Change(path + Change.SET_ITEM, Change.Kind.REMOVED, v, null));
                    }
                }
                for (JsonValue v : bset) {
                    if (!aset.contains(v)) {
                        out.add(new Change(path + Change.SET_ITEM, Change.Kind.ADDED, null, v));
                    }
                }
                return;
            }
            JsonValue items = schema == null ? null : Schemas.items(root, schema);
            int common = Math.min(ai.size(), bi.size());
            for (int i = 0; i < common; i++) {
                diff(root, items, path + "[" + i + "]", ai.get(i), bi.get(i), out);
            }
            for (int i = common; i < ai.size(); i++) {
                out.add(new Change(path + "[" + i + "]", Change.Kind.REMOVED, ai.get(i), null));
            }
            for (int i = common; i < bi.size(); i++) {
                out.add(new Change(path + "[" + i + "]", Change.Kind.ADDED, null, bi.get(i)));
            }
            return;
        }
        out.add(new Change(path, Change.Kind.CHANGED, a, b));
    }

    /**
     * The value the tool writes: equal to {@code extracted} under {@link #diff}, but keeping the
     * realm's order: object members in the realm's order (new ones after), set-like lists with
     * the realm's items first in the realm's order and new items appended in extracted order
     * (duplicates dropped).
     */
    public static JsonValue merge(JsonValue realmValue, JsonValue extracted) {
        return merge(null, realmValue, extracted);
    }

    /** {@link #merge(JsonValue, JsonValue)}, with the schema deciding which lists are sets. */
    public static JsonValue merge(JsonValue schema, JsonValue realmValue, JsonValue extracted) {
        return merge(schema, schema, realmValue, extracted);
    }

    private static JsonValue merge(JsonValue root, JsonValue schema, JsonValue a, JsonValue b) {
        if (a == null) {
            return b;
        }
        if (a instanceof JsonValue.JsonObject && b instanceof JsonValue.JsonObject) {
            Map<String, JsonValue> am = ((JsonValue.JsonObject) a).members();
            Map<String, JsonValue> bm = ((JsonValue.JsonObject) b).members();
            Map<String, JsonValue> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : am.entrySet()) {
                JsonValue other = bm.get(e.getKey());
                if (other != null) {
                    out.put(e.getKey(), merge(root, property(root, schema, e.getKey()), e.getValue(), other));
                }
            }
            for (Map.Entry<String, JsonValue> e : bm.entrySet()) {
                out.putIfAbsent(e.getKey(), e.getValue());
            }
            return new JsonValue.JsonObject(out);
        }
        if (a instanceof JsonValue.JsonArray && b instanceof JsonValue.JsonArray) {
            List<JsonValue> ai = ((JsonValue.JsonArray) a).items();
            List<JsonValue> bi = ((JsonValue.JsonArray) b).items();
            if (isSet(root, schema, ai, bi)) {
                Set<JsonValue> wanted = new HashSet<>(bi);
                Set<JsonValue> out = new LinkedHashSet<>();
                for (JsonValue v : ai) {
                    if (wanted.contains(v)) {
                        out.add(v);
                    }
                }
                out.addAll(bi);
                return new JsonValue.JsonArray(new ArrayList<>(out));
            }
            JsonValue items = schema == null ? null : Schemas.items(root, schema);
            List<JsonValue> out = new ArrayList<>();
            for (int i = 0; i < bi.size(); i++) {
                out.add(i < ai.size() ? merge(root, items, ai.get(i), bi.get(i)) : bi.get(i));
            }
            return new JsonValue.JsonArray(out);
        }
        return b;
    }

    private static boolean isSet(JsonValue root, JsonValue schema, List<JsonValue> a, List<JsonValue> b) {
        if (schema != null) {
            JsonValue items = Schemas.items(root, schema);
            if (items != null && Schemas.isScalar(root, items)) {
                return true;
            }
        }
        return a.stream().allMatch(Schemas::isScalarValue) && b.stream().allMatch(Schemas::isScalarValue);
    }

    private static JsonValue property(JsonValue root, JsonValue schema, String key) {
        return schema == null ? null : Schemas.property(root, schema, key);
    }

    private static String key(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
