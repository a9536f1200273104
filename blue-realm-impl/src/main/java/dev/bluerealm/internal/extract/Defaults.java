package dev.bluerealm.internal.extract;

import dev.bluerealm.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Completes an extracted value with its schema's {@code default}s (DESIGN §3: "An extracted value
 * is completed with the schema's defaults before it is compared"), so that the RFC's
 * {@code delete: []}, which no marker can spell, is not reported as removed.
 */
public final class Defaults {
    private static final int MAX_DEPTH = 64;

    private Defaults() {}

    /**
     * {@code value} with every absent object member that the schema gives a {@code default}
     * filled in, recursively: into present members (following {@code properties},
     * {@code patternProperties}, {@code additionalProperties}, local {@code $ref}s and
     * {@code allOf}/{@code anyOf}/{@code oneOf}) and into list items ({@code items}). Present
     * members are never changed; added members come after them, in schema order. A default is
     * taken from the member's own schema, else from the schema its {@code $ref} or combinators lead to.
     */
    public static JsonValue complete(JsonValue schema, JsonValue value) {
        return complete(schema, schema, value, 0);
    }

    private static JsonValue complete(JsonValue root, JsonValue schema, JsonValue value, int depth) {
        if (schema == null || depth > MAX_DEPTH) {
            return value;
        }
        if (value instanceof JsonValue.JsonObject) {
            JsonValue.JsonObject object = (JsonValue.JsonObject) value;
            Map<String, JsonValue> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : object.members().entrySet()) {
                out.put(e.getKey(), complete(root, Schemas.property(root, schema, e.getKey()), e.getValue(), depth + 1));
            }
            for (String name : Schemas.propertyNames(root, schema)) {
                if (out.containsKey(name)) {
                    continue;
                }
                JsonValue property = Schemas.property(root, schema, name);
                JsonValue dflt = defaultOf(root, property);
                if (dflt != null) {
                    out.put(name, complete(root, property, dflt, depth + 1));
                }
            }
            return new JsonValue.JsonObject(out);
        }
        if (value instanceof JsonValue.JsonArray) {
            JsonValue items = Schemas.items(root, schema);
            if (items == null) {
                return value;
            }
            List<JsonValue> out = new ArrayList<>();
            for (JsonValue item : ((JsonValue.JsonArray) value).items()) {
                out.add(complete(root, items, item, depth + 1));
            }
            return new JsonValue.JsonArray(out);
        }
        return value;
    }

    /** The first {@code default} among the schema and its branches, or null. */
    static JsonValue defaultOf(JsonValue root, JsonValue schema) {
        for (JsonValue.JsonObject b : Schemas.branches(root, schema)) {
            JsonValue d = b.get("default");
            if (d != null) {
                return d;
            }
        }
        return null;
    }
}
