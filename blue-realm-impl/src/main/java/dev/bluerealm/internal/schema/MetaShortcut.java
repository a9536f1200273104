package dev.bluerealm.internal.schema;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.json.JsonValue.JsonArray;
import dev.bluerealm.json.JsonValue.JsonBoolean;
import dev.bluerealm.json.JsonValue.JsonNumber;
import dev.bluerealm.json.JsonValue.JsonObject;
import dev.bluerealm.json.JsonValue.JsonString;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A direct reading of {@link SchemaValidator}'s flattened draft 2020-12 meta-schema, keyword by
 * keyword, that answers only "certainly valid": when it says true, the meta-schema accepts the
 * schema; when it says false, the real validator decides (and writes the messages). Validating
 * thousands of contract schemas through the general validator costs most of a cold
 * {@code realm check}; this walk costs almost nothing. Property-tested against the validator.
 */
final class MetaShortcut {
    private static final Pattern ANCHOR = Pattern.compile("[A-Za-z_][-A-Za-z0-9._]*");
    private static final Pattern ID = Pattern.compile("[^#]*#?");
    private static final Set<String> SIMPLE_TYPES = Set.of("array", "boolean", "integer", "null", "number", "object",
            "string");
    private static final Set<String> SCHEMA = Set.of("items", "contains", "additionalProperties", "propertyNames", "if",
            "then", "else", "not", "unevaluatedItems", "unevaluatedProperties", "contentSchema");
    private static final Set<String> SCHEMA_MAP = Set.of("definitions", "$defs", "properties", "patternProperties",
            "dependentSchemas");
    private static final Set<String> SCHEMA_ARRAY = Set.of("prefixItems", "allOf", "anyOf", "oneOf");
    private static final Set<String> STRING = Set.of("$recursiveRef", "$schema", "$ref", "$dynamicRef", "$comment",
            "pattern", "title", "description", "format", "contentEncoding", "contentMediaType");
    private static final Set<String> ANCHORS = Set.of("$recursiveAnchor", "$anchor", "$dynamicAnchor");
    private static final Set<String> NUMBER = Set.of("maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum");
    private static final Set<String> NON_NEGATIVE = Set.of("maxLength", "minLength", "maxItems", "minItems",
            "maxContains", "minContains", "maxProperties", "minProperties");
    private static final Set<String> BOOLEAN = Set.of("uniqueItems", "deprecated", "readOnly", "writeOnly");
    private static final Set<String> ARRAY = Set.of("enum", "examples");
    private static final int MAX_DEPTH = 200;

    private MetaShortcut() {}

    /** True only when the flattened meta-schema certainly accepts {@code schema}. */
    static boolean certainlyValid(JsonValue schema) {
        return schema(schema, 0);
    }

    private static boolean schema(JsonValue s, int depth) {
        if (s instanceof JsonBoolean) {
            return true;
        }
        if (!(s instanceof JsonObject o) || depth > MAX_DEPTH) {
            return false;
        }
        for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
            if (!keyword(e.getKey(), e.getValue(), depth)) {
                return false;
            }
        }
        return true;
    }

    private static boolean keyword(String k, JsonValue v, int depth) {
        if (SCHEMA.contains(k)) {
            return schema(v, depth + 1);
        }
        if (SCHEMA_MAP.contains(k)) {
            return v instanceof JsonObject m && m.members().values().stream().allMatch(x -> schema(x, depth + 1));
        }
        if (SCHEMA_ARRAY.contains(k)) {
            return v instanceof JsonArray a && !a.items().isEmpty()
                    && a.items().stream().allMatch(x -> schema(x, depth + 1));
        }
        if (STRING.contains(k)) {
            return v instanceof JsonString;
        }
        if (ANCHORS.contains(k)) {
            return v instanceof JsonString a && ANCHOR.matcher(a.value()).matches();
        }
        if (NUMBER.contains(k)) {
            return v instanceof JsonNumber;
        }
        if (NON_NEGATIVE.contains(k)) {
            return v instanceof JsonNumber n && isInteger(n.value()) && n.value().signum() >= 0;
        }
        if (BOOLEAN.contains(k)) {
            return v instanceof JsonBoolean;
        }
        if (ARRAY.contains(k)) {
            return v instanceof JsonArray;
        }
        switch (k) {
            case "$id":
                return v instanceof JsonString id && ID.matcher(id.value()).matches();
            case "type":
                return type(v);
            case "multipleOf":
                return v instanceof JsonNumber n && n.value().signum() > 0;
            case "required":
                return stringArray(v);
            case "dependentRequired":
                return v instanceof JsonObject m && m.members().values().stream().allMatch(MetaShortcut::stringArray);
            case "dependencies":
                return v instanceof JsonObject m && m.members().values().stream()
                        .allMatch(x -> schema(x, depth + 1) || stringArray(x));
            case "$vocabulary":
                return v instanceof JsonObject m && m.members().values().stream().allMatch(x -> x instanceof JsonBoolean);
            default:
                return true; // the meta-schema allows any other keyword
        }
    }

    private static boolean type(JsonValue v) {
        if (v instanceof JsonString t) {
            return SIMPLE_TYPES.contains(t.value());
        }
        if (!(v instanceof JsonArray a) || a.items().isEmpty()) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        for (JsonValue item : a.items()) {
            if (!(item instanceof JsonString t) || !SIMPLE_TYPES.contains(t.value()) || !seen.add(t.value())) {
                return false;
            }
        }
        return true;
    }

    private static boolean stringArray(JsonValue v) {
        if (!(v instanceof JsonArray a)) {
            return false;
        }
        List<JsonValue> items = a.items();
        Set<String> seen = new HashSet<>();
        for (JsonValue item : items) {
            if (!(item instanceof JsonString s) || !seen.add(s.value())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInteger(BigDecimal n) {
        return n.signum() == 0 || n.scale() <= 0; // JsonNumber strips trailing zeros: 2.0 is held as 2
    }
}
