package dev.bluerealm.internal.schema;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.json.JsonValue.JsonBoolean;
import dev.bluerealm.json.JsonValue.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the comparator treats each keyword.
 *
 * <ul>
 *   <li><b>annotations</b> never change validity;</li>
 *   <li><b>handled</b> keywords are the vocabulary the comparator reasons about;</li>
 *   <li><b>opaque</b> keywords are assertions the validator knows but the comparator does not
 *       compare: each is an independent conjunct, so it only shrinks the schema that has it, and the
 *       larger schema may have it only if the smaller one has the very same (else: unknown);</li>
 *   <li><b>unsupported</b> keywords change how other keywords resolve ({@code $dynamicRef}, a nested
 *       {@code $id}): a schema using them is not compared at all;</li>
 *   <li>anything else is not a keyword of draft 2020-12 (or of the validator): the validator ignores
 *       it, and so does the comparator (it is an annotation, e.g. {@code x-order}).</li>
 * </ul>
 */
final class Keywords {
    static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    static final Set<String> ANNOTATIONS = Set.of("title", "description", "default", "examples", "$comment",
            "deprecated", "readOnly", "writeOnly", "$anchor", "$dynamicAnchor", "$defs", "definitions");

    static final Set<String> HANDLED = Set.of("type", "enum", "const", "properties", "required",
            "additionalProperties", "items", "prefixItems", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "minItems", "maxItems",
            "uniqueItems", "minProperties", "maxProperties", "anyOf", "oneOf", "allOf", "not", "$ref");

    /** Opaque assertion keywords, with the instance type each constrains (absent: every type). */
    static final Map<String, JType> OPAQUE = Map.ofEntries(
            Map.entry("format", JType.STRING), Map.entry("contentEncoding", JType.STRING),
            Map.entry("contentMediaType", JType.STRING), Map.entry("contentSchema", JType.STRING),
            Map.entry("contains", JType.ARRAY), Map.entry("minContains", JType.ARRAY),
            Map.entry("maxContains", JType.ARRAY), Map.entry("unevaluatedItems", JType.ARRAY),
            Map.entry("dependentRequired", JType.OBJECT), Map.entry("dependentSchemas", JType.OBJECT),
            Map.entry("dependencies", JType.OBJECT), Map.entry("propertyNames", JType.OBJECT),
            Map.entry("patternProperties", JType.OBJECT), Map.entry("unevaluatedProperties", JType.OBJECT));

    /** Opaque keywords that apply to every type. */
    static final Set<String> OPAQUE_ANY_TYPE = Set.of("if", "then", "else", "notAllowed", "true", "false");

    /** Opaque keywords whose meaning depends on sibling keywords: never matched by equality alone. */
    static final Set<String> CONTEXTUAL = Set.of("unevaluatedItems", "unevaluatedProperties");

    static final Set<String> UNSUPPORTED = Set.of("$dynamicRef", "$recursiveRef", "$recursiveAnchor",
            "$vocabulary", "id");

    /** Keywords whose value is a schema, an array of schemas or a map of schemas (for walking). */
    static final Set<String> SCHEMA_VALUED = Set.of("items", "additionalProperties", "not", "contains",
            "propertyNames", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties",
            "contentSchema");
    static final Set<String> SCHEMA_ARRAYS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
    static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs", "definitions",
            "dependentSchemas");

    private Keywords() {}

    static boolean isOpaque(String keyword) {
        return OPAQUE.containsKey(keyword) || OPAQUE_ANY_TYPE.contains(keyword);
    }

    /** The instance types an opaque keyword constrains. */
    static EnumSet<JType> appliesTo(String keyword) {
        JType t = OPAQUE.get(keyword);
        return t == null ? EnumSet.allOf(JType.class) : EnumSet.of(t);
    }

    /** True for a keyword the validator ignores (annotation, or not a keyword at all). */
    static boolean isIgnorable(String keyword) {
        return ANNOTATIONS.contains(keyword)
                || !(HANDLED.contains(keyword) || isOpaque(keyword) || UNSUPPORTED.contains(keyword)
                        || "$schema".equals(keyword) || "$id".equals(keyword));
    }

    /** True when the schema accepts every instance on its face ({@code true}, or only annotations). */
    static boolean isTrivial(JsonValue schema) {
        if (schema instanceof JsonBoolean b) {
            return b.value();
        }
        if (schema instanceof JsonObject o) {
            for (String k : o.members().keySet()) {
                if (!isIgnorable(k)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    static boolean allTrivial(List<JsonValue> schemas) {
        for (JsonValue s : schemas) {
            if (!isTrivial(s)) {
                return false;
            }
        }
        return true;
    }

    /** True when some conjunct is the {@code false} schema (the conjunction accepts nothing). */
    static boolean anyFalse(List<JsonValue> schemas) {
        for (JsonValue s : schemas) {
            if (s instanceof JsonBoolean b && !b.value()) {
                return true;
            }
        }
        return false;
    }
}
