package dev.bluerealm.internal.schema;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.json.JsonValue.JsonArray;
import dev.bluerealm.json.JsonValue.JsonObject;
import dev.bluerealm.json.JsonValue.JsonString;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One of the two schemas being compared: its label in messages ({@code "old"} or {@code "new"}), its
 * root (against which local {@code $ref}s resolve) and, when the schema as a whole is outside what
 * the comparator reasons about, why.
 */
record Side(String label, JsonValue root, String unsupported) {

    static Side of(String label, JsonValue root) {
        return new Side(label, root, unsupportedReason(root));
    }

    private static String unsupportedReason(JsonValue root) {
        if (root instanceof JsonObject o) {
            JsonValue schema = o.get("$schema");
            if (schema != null && !(schema instanceof JsonString s && isDraft202012(s.value()))) {
                return "it declares $schema " + schema.toJson() + "; only draft 2020-12 is compared";
            }
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                String nested = nestedId(e.getKey(), e.getValue());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    static boolean isDraft202012(String uri) {
        return uri.equals(Keywords.DRAFT_2020_12) || uri.equals(Keywords.DRAFT_2020_12 + "#");
    }

    /** Finds a {@code $id} or {@code $schema} below the root (they change how references resolve). */
    private static String nestedId(String keyword, JsonValue value) {
        if (Keywords.SCHEMA_VALUED.contains(keyword)) {
            return inSchema(value);
        }
        if (Keywords.SCHEMA_ARRAYS.contains(keyword) && value instanceof JsonArray a) {
            for (JsonValue v : a.items()) {
                String r = inSchema(v);
                if (r != null) {
                    return r;
                }
            }
        }
        if (Keywords.SCHEMA_MAPS.contains(keyword) && value instanceof JsonObject m) {
            for (JsonValue v : m.members().values()) {
                String r = inSchema(v);
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    private static String inSchema(JsonValue schema) {
        if (!(schema instanceof JsonObject o)) {
            return null;
        }
        if (o.get("$id") != null || o.get("$schema") != null) {
            return "a subschema declares $id or $schema (embedded resources are not compared)";
        }
        for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
            String r = nestedId(e.getKey(), e.getValue());
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /**
     * The subschema a local reference ({@code #}, {@code #/$defs/x}, any {@code #/json/pointer})
     * points at, or null when it is not a local JSON Pointer or points at nothing.
     */
    JsonValue resolve(String ref) {
        if (!ref.startsWith("#")) {
            return null;
        }
        String pointer = URLDecoder.decode(ref.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        if (pointer.isEmpty()) {
            return root;
        }
        if (!pointer.startsWith("/")) {
            return null;
        }
        JsonValue at = root;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (at instanceof JsonObject o) {
                at = o.get(token);
            } else if (at instanceof JsonArray a && token.matches("0|[1-9][0-9]{0,8}")) {
                int i = Integer.parseInt(token);
                at = i < a.items().size() ? a.items().get(i) : null;
            } else {
                return null;
            }
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    /** A member name as a JSON Pointer token ({@code ~} → {@code ~0}, {@code /} → {@code ~1}). */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
