package dev.bluerealm.internal.extract;

import dev.bluerealm.json.JsonValue;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reading what a contract's JSON Schema says at a key path, as far as extraction needs it:
 * {@code properties} (and {@code patternProperties}, {@code additionalProperties}), local
 * {@code $ref}s ({@code #/$defs/x}, {@code #/definitions/x}, any pointer into the schema) and the
 * branches of {@code allOf}/{@code anyOf}/{@code oneOf}. A schema is read, never validated here.
 */
public final class Schemas {
    private static final int MAX_BRANCHES = 256;
    private static final int MAX_REF_DEPTH = 32;
    private static final Set<String> SCALAR_TYPES = Set.of("string", "number", "integer", "boolean", "null");

    private Schemas() {}

    /**
     * The schema itself and every schema it is also bound by: the target of its local
     * {@code $ref} and the members of its {@code allOf}/{@code anyOf}/{@code oneOf}, recursively,
     * in that order, each once.
     */
    public static List<JsonValue.JsonObject> branches(JsonValue root, JsonValue schema) {
        Set<JsonValue.JsonObject> out = new LinkedHashSet<>();
        collect(root, schema, out, 0);
        return new ArrayList<>(out);
    }

    private static void collect(JsonValue root, JsonValue schema, Set<JsonValue.JsonObject> out, int depth) {
        if (!(schema instanceof JsonValue.JsonObject) || depth > MAX_REF_DEPTH || out.size() >= MAX_BRANCHES) {
            return;
        }
        JsonValue.JsonObject s = (JsonValue.JsonObject) schema;
        if (!out.add(s)) {
            return;
        }
        JsonValue target = refTarget(root, s);
        if (target != null) {
            collect(root, target, out, depth + 1);
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            JsonValue list = s.get(combinator);
            if (list instanceof JsonValue.JsonArray) {
                for (JsonValue branch : ((JsonValue.JsonArray) list).items()) {
                    collect(root, branch, out, depth + 1);
                }
            }
        }
    }

    /** The schema a local {@code $ref} points to, or null (no $ref, not local, or dangling). */
    public static JsonValue refTarget(JsonValue root, JsonValue.JsonObject schema) {
        JsonValue ref = schema.get("$ref");
        if (!(ref instanceof JsonValue.JsonString)) {
            return null;
        }
        String text = ((JsonValue.JsonString) ref).value();
        if (!text.startsWith("#")) {
            return null;
        }
        try {
            String pointer = URLDecoder.decode(text.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
            return JsonPointer.get(root, pointer);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The schema of member {@code key} of objects valid under {@code schema}: from
     * {@code properties}, then a matching {@code patternProperties}, then an
     * {@code additionalProperties} schema; null when the schema names no such member.
     */
    public static JsonValue property(JsonValue root, JsonValue schema, String key) {
        List<JsonValue.JsonObject> branches = branches(root, schema);
        for (JsonValue.JsonObject b : branches) {
            JsonValue props = b.get("properties");
            if (props instanceof JsonValue.JsonObject && ((JsonValue.JsonObject) props).members().containsKey(key)) {
                return ((JsonValue.JsonObject) props).get(key);
            }
        }
        for (JsonValue.JsonObject b : branches) {
            JsonValue patterns = b.get("patternProperties");
            if (patterns instanceof JsonValue.JsonObject) {
                for (Map.Entry<String, JsonValue> e : ((JsonValue.JsonObject) patterns).members().entrySet()) {
                    try {
                        if (Pattern.compile(e.getKey()).matcher(key).find()) {
                            return e.getValue();
                        }
                    } catch (PatternSyntaxException ignored) {
                        // a pattern Java cannot read names nothing we can rely on
                    }
                }
            }
        }
        for (JsonValue.JsonObject b : branches) {
            JsonValue additional = b.get("additionalProperties");
            if (additional instanceof JsonValue.JsonObject) {
                return additional;
            }
        }
        return null;
    }

    /** The names under {@code properties} of the schema and its branches, in schema order. */
    public static List<String> propertyNames(JsonValue root, JsonValue schema) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonValue.JsonObject b : branches(root, schema)) {
            JsonValue props = b.get("properties");
            if (props instanceof JsonValue.JsonObject) {
                names.addAll(((JsonValue.JsonObject) props).members().keySet());
            }
        }
        return new ArrayList<>(names);
    }

    /** Whether values under the schema are lists: {@code type: array} (alone or among others), or items without a type. */
    public static boolean isList(JsonValue root, JsonValue schema) {
        for (JsonValue.JsonObject b : branches(root, schema)) {
            Set<String> types = types(b);
            if (types.contains("array")) {
                return true;
            }
            if (types.isEmpty() && (b.get("items") != null || b.get("prefixItems") != null)) {
                return true;
            }
        }
        return false;
    }

    /** The schema of a list's items ({@code items} as a schema object), or null. */
    public static JsonValue items(JsonValue root, JsonValue schema) {
        for (JsonValue.JsonObject b : branches(root, schema)) {
            JsonValue items = b.get("items");
            if (items instanceof JsonValue.JsonObject) {
                return items;
            }
        }
        return null;
    }

    /**
     * Whether the schema is known to hold scalars only: its types (or its {@code enum}/{@code const}
     * values) are all strings, numbers, booleans or null.
     */
    public static boolean isScalar(JsonValue root, JsonValue schema) {
        for (JsonValue.JsonObject b : branches(root, schema)) {
            Set<String> types = types(b);
            if (!types.isEmpty()) {
                return SCALAR_TYPES.containsAll(types);
            }
            JsonValue en = b.get("enum");
            if (en instanceof JsonValue.JsonArray && !((JsonValue.JsonArray) en).items().isEmpty()) {
                return ((JsonValue.JsonArray) en).items().stream().allMatch(Schemas::isScalarValue);
            }
            JsonValue c = b.get("const");
            if (c != null) {
                return isScalarValue(c);
            }
        }
        return false;
    }

    /** Whether a value is a string, number, boolean or null. */
    public static boolean isScalarValue(JsonValue v) {
        return !(v instanceof JsonValue.JsonObject) && !(v instanceof JsonValue.JsonArray);
    }

    private static Set<String> types(JsonValue.JsonObject schema) {
        Set<String> out = new LinkedHashSet<>();
        JsonValue type = schema.get("type");
        if (type instanceof JsonValue.JsonString) {
            out.add(((JsonValue.JsonString) type).value());
        } else if (type instanceof JsonValue.JsonArray) {
            for (JsonValue t : ((JsonValue.JsonArray) type).items()) {
                if (t instanceof JsonValue.JsonString) {
                    out.add(((JsonValue.JsonString) t).value());
                }
            }
        }
        return out;
    }
}
