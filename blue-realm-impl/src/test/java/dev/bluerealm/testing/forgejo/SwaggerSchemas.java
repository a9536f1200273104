package dev.bluerealm.testing.forgejo;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Swagger 2.0 schemas as draft-04 JSON Schemas, validated with networknt json-schema-validator.
 *
 * <p>Conversion: {@code #/definitions/X} references point into one registered document holding
 * every definition; vendor extensions ({@code x-go-name}, {@code x-go-package}) and Swagger-only
 * keywords ({@code example}, {@code readOnly}, {@code discriminator}, {@code xml}) are dropped;
 * {@code format} is kept only for {@code date-time} (the numeric formats {@code int64}/{@code int32}
 * are not JSON Schema formats and a Java long already fits int64); {@code type: file} becomes
 * unconstrained. {@code additionalProperties} is left as written: Forgejo's definitions never
 * forbid extra members, so neither does this. Types and {@code required} stay strict, with one
 * relaxation: Swagger 2.0 cannot say "nullable", and Go encodes nil pointers and nil slices as
 * {@code null}, so a property whose schema is a reference, an array or a date-time may be null, and
 * so may the few scalar pointer fields listed in {@code GO_POINTERS}.
 * Thread-safe; compiled schemas are cached.
 */
final class SwaggerSchemas {
    static final String DOCUMENT = "urn:blue-realm:forgejo-swagger";
    private static final String LOCAL_DEFINITIONS = "#/definitions/";
    private static final Set<String> DROPPED = Set.of("example", "readOnly", "discriminator", "xml", "externalDocs",
            "description", "title");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Scalar fields Forgejo declares as Go pointers ({@code *string}), written as null when unset. */
    private static final Set<String> GO_POINTERS = Set.of("PullRequest.merge_commit_sha");

    private final SchemaRegistry registry;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    SwaggerSchemas(JsonNode definitions) {
        ObjectNode document = NODES.objectNode();
        document.put("$schema", "http://json-schema.org/draft-04/schema#");
        ObjectNode defs = document.putObject("definitions");
        for (Map.Entry<String, JsonNode> d : definitions.properties()) {
            defs.set(d.getKey(), convert(d.getKey(), d.getValue(), false));
        }
        String text = document.toString();
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                b -> b.schemas(Map.of(DOCUMENT, text)).schemaLoader(l -> l.fetchRemoteResources(false)));
    }

    /**
     * The problems of {@code instance} under the Swagger schema {@code swaggerSchema} (as written in
     * the description, e.g. {@code {"$ref": "#/definitions/PullRequest"}}), each prefixed with the
     * JSON pointer of the offending value; empty when it is valid.
     */
    List<String> validate(JsonNode swaggerSchema, JsonNode instance) {
        Schema schema = compiled.computeIfAbsent(swaggerSchema.toString(), key -> {
            ObjectNode root = (ObjectNode) convert("", swaggerSchema, false);
            root.put("$schema", "http://json-schema.org/draft-04/schema#");
            Schema s = registry.getSchema(root);
            s.initializeValidators();
            return s;
        });
        List<String> problems = new ArrayList<>();
        for (Error e : schema.validate(instance)) {
            String at = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
            problems.add((at.isEmpty() || at.equals("$") ? "(root)" : at) + ": " + e.getMessage());
        }
        return problems;
    }

    private static JsonNode convert(String definition, JsonNode node, boolean mayBeNull) {
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(item -> out.add(convert(definition, item, false)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (key.startsWith("x-") || DROPPED.contains(key)) {
                continue;
            }
            switch (key) {
                case "$ref" -> out.put(key, absolute(value.asString()));
                case "format" -> {
                    if (value.asString().equals("date-time")) {
                        out.put(key, "date-time");
                    }
                }
                case "type" -> {
                    if (!value.asString().equals("file")) {
                        out.set(key, value);
                    }
                }
                case "properties" -> {
                    ObjectNode props = out.putObject(key);
                    for (Map.Entry<String, JsonNode> p : value.properties()) {
                        props.set(p.getKey(), convert(definition, p.getValue(),
                                nilable(p.getValue()) || GO_POINTERS.contains(definition + "." + p.getKey())));
                    }
                }
                case "enum", "required", "default" -> out.set(key, value);
                default -> out.set(key, convert(definition, value, false));
            }
        }
        return mayBeNull ? NODES.objectNode().set("anyOf",
                NODES.arrayNode().add(NODES.objectNode().put("type", "null")).add(out)) : out;
    }

    // What Go can marshal as null: pointers to structs (references), slices, *time.Time.
    private static boolean nilable(JsonNode schema) {
        return schema.has("$ref") || "array".equals(schema.path("type").asString(""))
                || "date-time".equals(schema.path("format").asString(""));
    }

    private static String absolute(String ref) {
        if (!ref.startsWith(LOCAL_DEFINITIONS)) {
            throw new IllegalArgumentException("unsupported reference " + ref);
        }
        return DOCUMENT + ref;
    }
}
