package dev.bluerealm.internal.schema;

import com.networknt.schema.Error;
import com.networknt.schema.FailFastAssertionException;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.json.JsonValue.JsonArray;
import dev.bluerealm.json.JsonValue.JsonObject;
import dev.bluerealm.json.JsonValue.JsonString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The validator facade: is a schema valid JSON Schema, and is an instance valid under it. Backed by
 * networknt json-schema-validator (draft 2020-12 by default; a schema's own {@code $schema} picks
 * another draft), which never fetches remote resources. Compiled schemas are cached by identity and
 * by equality (at most {@value #CACHE_SIZE}) per instance, so checking many instances against one
 * schema compiles it once. Thread-safe; the engine owns one instance.
 *
 * <pre>{@code
 * SchemaValidator v = new SchemaValidator();
 * v.schemaProblem(schema);          // Optional.empty() when schema is valid JSON Schema
 * v.valid(schema, value);           // true / false
 * v.validate(schema, value);        // ["/read/0: integer found, string expected"]
 * }</pre>
 */
public final class SchemaValidator {
    static final int CACHE_SIZE = 128;
    private static final int RECENT = 8;

    /**
     * The draft 2020-12 meta-schema with its vocabularies merged into one schema and {@code $dynamicRef
     * "#meta"} replaced by {@code $ref "#"} (what it resolves to for schemas of the standard dialect).
     * Same verdicts as the official meta-schema, an order of magnitude faster with this validator.
     */
    private static final String META_2020_12 = """
            {"$id": "urn:blue-realm:meta:2020-12-flat", "type": ["object", "boolean"],
             "properties": {
              "definitions": {"type": "object", "additionalProperties": {"$ref": "#"}},
              "dependencies": {"type": "object", "additionalProperties": {"anyOf": [{"$ref": "#"}, {"$ref": "#/$defs/stringArray"}]}},
              "$recursiveAnchor": {"$ref": "#/$defs/anchorString"},
              "$recursiveRef": {"$ref": "#/$defs/uriReferenceString"},
              "$id": {"$ref": "#/$defs/uriReferenceString", "pattern": "^[^#]*#?$"},
              "$schema": {"$ref": "#/$defs/uriString"},
              "$ref": {"$ref": "#/$defs/uriReferenceString"},
              "$anchor": {"$ref": "#/$defs/anchorString"},
              "$dynamicRef": {"$ref": "#/$defs/uriReferenceString"},
              "$dynamicAnchor": {"$ref": "#/$defs/anchorString"},
              "$vocabulary": {"type": "object", "propertyNames": {"$ref": "#/$defs/uriString"}, "additionalProperties": {"type": "boolean"}},
              "$comment": {"type": "string"},
              "$defs": {"type": "object", "additionalProperties": {"$ref": "#"}},
              "prefixItems": {"$ref": "#/$defs/schemaArray"},
              "items": {"$ref": "#"},
              "contains": {"$ref": "#"},
              "additionalProperties": {"$ref": "#"},
              "properties": {"type": "object", "additionalProperties": {"$ref": "#"}},
              "patternProperties": {"type": "object", "additionalProperties": {"$ref": "#"}},
              "dependentSchemas": {"type": "object", "additionalProperties": {"$ref": "#"}},
              "propertyNames": {"$ref": "#"},
              "if": {"$ref": "#"}, "then": {"$ref": "#"}, "else": {"$ref": "#"},
              "allOf": {"$ref": "#/$defs/schemaArray"},
              "anyOf": {"$ref": "#/$defs/schemaArray"},
              "oneOf": {"$ref": "#/$defs/schemaArray"},
              "not": {"$ref": "#"},
              "unevaluatedItems": {"$ref": "#"},
              "unevaluatedProperties": {"$ref": "#"},
              "type": {"anyOf": [{"$ref": "#/$defs/simpleTypes"},
                                 {"type": "array", "items": {"$ref": "#/$defs/simpleTypes"}, "minItems": 1, "uniqueItems": true}]},
              "enum": {"type": "array"},
              "multipleOf": {"type": "number", "exclusiveMinimum": 0},
              "maximum": {"type": "number"}, "exclusiveMaximum": {"type": "number"},
              "minimum": {"type": "number"}, "exclusiveMinimum": {"type": "number"},
              "maxLength": {"$ref": "#/$defs/nonNegativeInteger"}, "minLength": {"$ref": "#/$defs/nonNegativeInteger"},
              "pattern": {"type": "string"},
              "maxItems": {"$ref": "#/$defs/nonNegativeInteger"}, "minItems": {"$ref": "#/$defs/nonNegativeInteger"},
              "uniqueItems": {"type": "boolean"},
              "maxContains": {"$ref": "#/$defs/nonNegativeInteger"}, "minContains": {"$ref": "#/$defs/nonNegativeInteger"},
              "maxProperties": {"$ref": "#/$defs/nonNegativeInteger"}, "minProperties": {"$ref": "#/$defs/nonNegativeInteger"},
              "required": {"$ref": "#/$defs/stringArray"},
              "dependentRequired": {"type": "object", "additionalProperties": {"$ref": "#/$defs/stringArray"}},
              "title": {"type": "string"}, "description": {"type": "string"},
              "deprecated": {"type": "boolean"}, "readOnly": {"type": "boolean"}, "writeOnly": {"type": "boolean"},
              "examples": {"type": "array"},
              "format": {"type": "string"},
              "contentEncoding": {"type": "string"}, "contentMediaType": {"type": "string"},
              "contentSchema": {"$ref": "#"}
             },
             "$defs": {
              "anchorString": {"type": "string", "pattern": "^[A-Za-z_][-A-Za-z0-9._]*$"},
              "uriString": {"type": "string"},
              "uriReferenceString": {"type": "string"},
              "schemaArray": {"type": "array", "minItems": 1, "items": {"$ref": "#"}},
              "nonNegativeInteger": {"type": "integer", "minimum": 0},
              "simpleTypes": {"enum": ["array", "boolean", "integer", "null", "number", "object", "string"]},
              "stringArray": {"type": "array", "items": {"type": "string"}, "uniqueItems": true}
             }}
            """;

    /**
     * The validator library's registry and the compiled meta-schema, built on first use: setting them
     * up loads and initialises the whole library (about 150 ms in a cold JVM), which a process that
     * never checks a schema (the engine made for {@code blue realm status}) should not pay.
     */
    private static final class Meta {
        static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaLoader(l -> l.fetchRemoteResources(false)));
        static final Schema META = REGISTRY.getSchema(META_2020_12);

        static {
            META.initializeValidators(); // immutable once initialised: shared by every instance
        }

        private Meta() {}
    }
    private static final Map<String, String> OTHER_DRAFTS = Map.of(
            "https://json-schema.org/draft/2019-09/schema", "https://json-schema.org/draft/2019-09/schema",
            "http://json-schema.org/draft-07/schema", "http://json-schema.org/draft-07/schema#",
            "http://json-schema.org/draft-06/schema", "http://json-schema.org/draft-06/schema#",
            "http://json-schema.org/draft-04/schema", "http://json-schema.org/draft-04/schema#");

    /** A schema checked once: its problems, and the compiled validator (made on first use). */
    private static final class Entry {
        final List<String> problems;
        volatile Schema compiled;
        volatile String compileProblem;

        Entry(List<String> problems) {
            this.problems = problems;
        }
    }

    private final Object lock = new Object();
    private final Map<JsonValue, Entry> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<JsonValue, Entry> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private final JsonValue[] recentKeys = new JsonValue[RECENT];
    private final Entry[] recentEntries = new Entry[RECENT];
    private int recentNext;

    /** A validator with its own cache of compiled schemas; the engine keeps one (in its SchemaComparator). */
    public SchemaValidator() {}

    /**
     * What makes {@code schema} not a valid JSON Schema (meta-schema violations with their paths, a
     * {@code $ref} that does not resolve, a pattern that is not a regular expression), or empty.
     */
    public Optional<String> schemaProblem(JsonValue schema) {
        List<String> p = schemaErrors(schema);
        return p.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", p));
    }

    /** Every problem that makes {@code schema} not a valid JSON Schema; empty when it is valid. */
    public List<String> schemaErrors(JsonValue schema) {
        Entry e = entry(schema);
        if (!e.problems.isEmpty()) {
            return e.problems;
        }
        if (needsCompileCheck(schema)) {
            compiled(e, schema);
            if (e.compileProblem != null) {
                return List.of(e.compileProblem);
            }
        }
        return List.of();
    }

    /**
     * Whether {@code instance} is valid under {@code schema}.
     *
     * @throws IllegalArgumentException when {@code schema} is not a valid JSON Schema or cannot be
     *     evaluated (a {@code $ref} cycle that never reaches the instance)
     */
    public boolean valid(JsonValue schema, JsonValue instance) {
        return errors(schema, instance, true).isEmpty();
    }

    /**
     * The validator's messages for {@code instance} under {@code schema}, each starting with the
     * instance path ({@code /read/0: integer found, string expected}); empty when it is valid. When
     * the schema itself is not valid JSON Schema, the single message says so (it does not throw).
     */
    public List<String> validate(JsonValue schema, JsonValue instance) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(instance, "instance");
        try {
            return errors(schema, instance, false);
        } catch (IllegalArgumentException e) {
            return List.of("(schema): " + e.getMessage());
        }
    }

    private List<String> errors(JsonValue schema, JsonValue instance, boolean stopAtFirst) {
        Entry e = entry(schema);
        if (!e.problems.isEmpty()) {
            throw new IllegalArgumentException("not a valid JSON Schema: " + String.join("; ", e.problems));
        }
        Schema s = compiled(e, schema);
        if (s == null) {
            throw new IllegalArgumentException("not a valid JSON Schema: " + e.compileProblem);
        }
        List<Error> errors;
        try {
            errors = s.validate(JsonNodes.toNode(instance), ctx -> ctx.executionConfig(c -> c.failFast(stopAtFirst)));
        } catch (FailFastAssertionException failed) {
            return List.of("invalid");
        } catch (StackOverflowError overflow) {
            throw new IllegalArgumentException("the schema cannot be evaluated: a $ref loops without descending"
                    + " into the instance");
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("the schema cannot be evaluated: " + ex.getMessage(), ex);
        }
        return messages(errors);
    }

    private static List<String> messages(List<Error> errors) {
        Set<String> out = new LinkedHashSet<>();
        for (Error err : errors) {
            String loc = err.getInstanceLocation() == null ? "" : err.getInstanceLocation().toString();
            out.add((loc.isEmpty() ? "(root)" : loc) + ": " + err.getMessage());
        }
        return List.copyOf(out);
    }

    private Entry entry(JsonValue schema) {
        Objects.requireNonNull(schema, "schema");
        synchronized (lock) {
            for (int i = 0; i < RECENT; i++) {
                if (recentKeys[i] == schema) {
                    return recentEntries[i];
                }
            }
            Entry e = cache.get(schema);
            if (e != null) {
                remember(schema, e);
                return e;
            }
        }
        Entry e = new Entry(check(schema));
        synchronized (lock) {
            cache.put(schema, e);
            remember(schema, e);
        }
        return e;
    }

    private void remember(JsonValue schema, Entry e) {
        recentKeys[recentNext] = schema;
        recentEntries[recentNext] = e;
        recentNext = (recentNext + 1) % RECENT;
    }

    private Schema compiled(Entry e, JsonValue schema) {
        Schema s = e.compiled;
        if (s != null || e.compileProblem != null) {
            return s;
        }
        synchronized (e) {
            if (e.compiled == null && e.compileProblem == null) {
                try {
                    Schema c = Meta.REGISTRY.getSchema(JsonNodes.toNode(schema));
                    c.initializeValidators();
                    e.compiled = c;
                } catch (RuntimeException | StackOverflowError ex) {
                    e.compileProblem = "the validator cannot compile it (references are resolved locally only,"
                            + " remote schemas are never fetched): "
                            + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
                }
            }
            return e.compiled;
        }
    }

    /** Meta-schema problems, unresolvable local references and bad patterns (no compilation). */
    private List<String> check(JsonValue schema) {
        Schema meta = Meta.META;
        if (schema instanceof JsonObject o && o.get("$schema") instanceof JsonString declared
                && !Side.isDraft202012(declared.value())) {
            String iri = OTHER_DRAFTS.get(declared.value().replaceAll("#$", ""));
            if (iri == null) {
                return List.of("(root): $schema " + declared.toJson() + " is not a JSON Schema draft this tool knows");
            }
            meta = Meta.REGISTRY.getSchema(SchemaLocation.of(iri));
        }
        List<String> problems = meta == Meta.META && MetaShortcut.certainlyValid(schema) ? new ArrayList<>()
                : new ArrayList<>(messages(meta.validate(JsonNodes.toNode(schema))));
        if (problems.isEmpty()) {
            new LocalCheck(Side.of("schema", schema), problems).schema(schema, "");
        }
        return List.copyOf(problems);
    }

    /** Schemas that reference something other than a local JSON Pointer are compiled to be checked. */
    private static boolean needsCompileCheck(JsonValue schema) {
        return new LocalCheck(Side.of("schema", schema), new ArrayList<>()).nonLocal(schema);
    }

    /** Walks schema positions: local refs must resolve, patterns must compile. */
    private record LocalCheck(Side side, List<String> problems) {
        void schema(JsonValue s, String path) {
            if (!(s instanceof JsonObject o) || problems.size() > 20) {
                return;
            }
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                String k = e.getKey();
                JsonValue v = e.getValue();
                String at = path + "/" + Side.escape(k);
                if (k.equals("$ref") && v instanceof JsonString ref && ref.value().startsWith("#")
                        && side.resolve(ref.value()) == null) {
                    problems.add(at + ": $ref " + ref.toJson() + " does not resolve");
                } else if (k.equals("pattern") && v instanceof JsonString p) {
                    regex(p.value(), at);
                } else if (Keywords.SCHEMA_VALUED.contains(k)) {
                    schema(v, at);
                } else if (Keywords.SCHEMA_ARRAYS.contains(k) && v instanceof JsonArray a) {
                    for (int i = 0; i < a.items().size(); i++) {
                        schema(a.items().get(i), at + "/" + i);
                    }
                } else if (Keywords.SCHEMA_MAPS.contains(k) && v instanceof JsonObject m) {
                    for (Map.Entry<String, JsonValue> sub : m.members().entrySet()) {
                        if (k.equals("patternProperties")) {
                            regex(sub.getKey(), at);
                        }
                        schema(sub.getValue(), at + "/" + Side.escape(sub.getKey()));
                    }
                }
            }
        }

        private void regex(String pattern, String at) {
            try {
                Evaluator.matches(pattern, "");
            } catch (RuntimeException e) {
                problems.add(at + ": " + JsonValue.string(pattern).toJson() + " is not a valid regular expression");
            }
        }

        boolean nonLocal(JsonValue s) {
            if (s instanceof JsonObject o) {
                for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                    if ((e.getKey().equals("$ref") || e.getKey().equals("$dynamicRef"))
                            && e.getValue() instanceof JsonString r && !r.value().startsWith("#")) {
                        return true;
                    }
                    if (nonLocal(e.getValue())) {
                        return true;
                    }
                }
            } else if (s instanceof JsonArray a) {
                for (JsonValue v : a.items()) {
                    if (nonLocal(v)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
