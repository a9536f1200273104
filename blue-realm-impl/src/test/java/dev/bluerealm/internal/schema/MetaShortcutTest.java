package dev.bluerealm.internal.schema;

import static dev.bluerealm.internal.schema.SchemaGenerators.json;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.json.JsonValue.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The shortcut may only ever say "valid" when the official draft 2020-12 meta-schema agrees. */
class MetaShortcutTest {
    private static final Schema OFFICIAL = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    private static final String[] KEYWORDS = {"$id", "$schema", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor",
        "$recursiveRef", "$recursiveAnchor", "$vocabulary", "$comment", "$defs", "definitions", "dependencies",
        "prefixItems", "items", "contains", "additionalProperties", "properties", "patternProperties",
        "dependentSchemas", "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf", "not",
        "unevaluatedItems", "unevaluatedProperties", "type", "enum", "const", "multipleOf", "maximum",
        "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
        "uniqueItems", "maxContains", "minContains", "maxProperties", "minProperties", "required", "dependentRequired",
        "title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples", "format",
        "contentEncoding", "contentMediaType", "contentSchema", "x-extension"};

    /** Values that are one step from right: wrong sign, fractions, empties, duplicates, bad anchors and ids. */
    private static final String[] NEAR_MISSES = {"-1", "0", "1", "1.5", "2e2", "-0.5", "''", "'a'", "'a#b#'", "'#x'",
        "'1bad'", "'_ok-1.2'", "'string'", "'strin'", "[]", "['a']", "['a','a']", "['string','string']",
        "['string','integer']", "[1]", "[{}]", "[true]", "{}", "{'a':true}", "{'a':['x']}", "{'a':['x','x']}",
        "{'a':1}", "{'a':{'type':'nope'}}", "{'type':'integer'}", "true", "false", "null"};

    @Test
    void certainlyValid_corruptedSchemas_neverDisagreesWithTheOfficialMetaSchema() {
        int[] accepted = {0};
        qt().withFixedSeed(0x5EED_3E7AL).withExamples(3000).forAll(SchemaGenerators.seeded(MetaShortcutTest::corrupted))
                .checkAssert(s -> {
                    if (MetaShortcut.certainlyValid(s)) {
                        accepted[0]++;
                        assertTrue(OFFICIAL.validate(JsonNodes.toNode(s)).isEmpty(),
                                () -> "the shortcut accepted what the meta-schema refuses: " + s.toJson());
                    }
                });
        assertTrue(accepted[0] > 300, "the property exercised the shortcut too rarely: " + accepted[0]);
    }

    @Test
    void certainlyValid_generatedValidSchemas_acceptsThemAll() {
        qt().withFixedSeed(0xA11_600DL).withExamples(1000).forAll(SchemaGenerators.schemas())
                .checkAssert(s -> {
                    if (OFFICIAL.validate(JsonNodes.toNode(s)).isEmpty()) {
                        assertTrue(MetaShortcut.certainlyValid(s), () -> "missed a valid schema: " + s.toJson());
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'type':'strin'}", "{'type':[]}", "{'type':['string','string']}", "{'minLength':-1}",
        "{'minLength':1.5}", "{'multipleOf':0}", "{'required':['a','a']}", "{'required':[1]}", "{'allOf':[]}",
        "{'$anchor':'1x'}", "{'$id':'a#b#'}", "{'properties':{'a':1}}", "{'items':[{}]}", "{'enum':{}}",
        "{'$vocabulary':{'x':1}}", "{'dependencies':{'a':['x','x']}}", "{'not':{'type':'nope'}}", "1", "'x'"})
    void certainlyValid_invalidShapes_areLeftToTheValidator(String schema) {
        JsonValue s = json(schema);
        assertFalse(MetaShortcut.certainlyValid(s), schema);
        assertFalse(OFFICIAL.validate(JsonNodes.toNode(s)).isEmpty(), "the table itself is wrong: " + schema);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "{}", "{'type':['string','null'],'maxLength':0}", "{'minimum':-1.5,'multipleOf':0.5}",
        "{'$id':'urn:x#','$anchor':'_a.b-c','dependencies':{'a':['b'],'c':{}}}", "{'maxItems':2e2,'x-extension':[1]}"})
    void certainlyValid_validShapes_areAccepted(String schema) {
        JsonValue s = json(schema);
        assertTrue(OFFICIAL.validate(JsonNodes.toNode(s)).isEmpty(), "the table itself is wrong: " + schema);
        assertTrue(MetaShortcut.certainlyValid(s), schema);
    }

    /** A generated schema with one keyword, somewhere in it, set to a near miss or a random value. */
    private static JsonValue corrupted(Random r) {
        JsonValue s = SchemaGenerators.schema(r);
        List<List<String>> places = new ArrayList<>();
        SchemaGenerators.places(s, new ArrayList<>(), places);
        List<String> at = places.get(r.nextInt(places.size()));
        return SchemaGenerators.replaceAt(s, at, 0, node -> {
            Map<String, JsonValue> m = node instanceof JsonObject o ? new LinkedHashMap<>(o.members())
                    : new LinkedHashMap<>();
            JsonValue value = r.nextInt(3) == 0 ? SchemaGenerators.any(r, 2)
                    : json(NEAR_MISSES[r.nextInt(NEAR_MISSES.length)]);
            m.put(KEYWORDS[r.nextInt(KEYWORDS.length)], value);
            return new JsonObject(m);
        });
    }
}
