package dev.bluerealm.internal.schema;

import static dev.bluerealm.internal.schema.SchemaGenerators.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.bluerealm.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {
    private final SchemaValidator validator = new SchemaValidator();

    private static final JsonValue S3 = json(SchemaComparatorTest.S3_1_4_0);

    @Test
    void valid_rfcValue_true() {
        assertTrue(validator.valid(S3, json("{'read':['jobs/*/masks/*'],'write':[],'delete':[]}")));
    }

    @Test
    void validate_wrongItemType_messagesCarryInstancePaths() {
        List<String> errors = validator.validate(S3, json("{'read':['ok', 5],'write':'no'}"));

        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("/read/1: "), errors.toString());
        assertTrue(errors.get(1).startsWith("/write: "), errors.toString());
    }

    @Test
    void validate_missingRequiredAtRoot_rootIsNamed() {
        List<String> errors = validator.validate(S3, json("{}"));

        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("(root): ") && errors.get(0).contains("read"), errors.toString());
    }

    @Test
    void schemaProblem_validSchema_empty() {
        assertEquals(Optional.empty(), validator.schemaProblem(S3));
        assertEquals(Optional.empty(), validator.schemaProblem(json("true")));
    }

    @Test
    void schemaProblem_invalidKeywordValues_namedWithSchemaPaths() {
        assertTrue(validator.schemaProblem(json("{'type':'strin'}")).orElseThrow().contains("/type"));
        assertTrue(validator.schemaProblem(json("{'items':[{}]}")).orElseThrow().contains("/items"));
        assertTrue(validator.schemaProblem(json("5")).orElseThrow().startsWith("(root)"));
        assertTrue(validator.schemaProblem(json("{'required':['a','a']}")).orElseThrow().contains("/required"));
        assertTrue(validator.schemaProblem(json("{'pattern':'['}")).orElseThrow().contains("regular expression"));
        assertTrue(validator.schemaProblem(json("{'$ref':'#/$defs/x'}")).orElseThrow().contains("does not resolve"));
    }

    @Test
    void schemaProblem_remoteReference_reportedNotFetched() {
        String problem = validator.schemaProblem(json("{'$ref':'http://127.0.0.1:9/schema.json'}")).orElseThrow();

        assertTrue(problem.contains("remote schemas are never fetched"), problem);
    }

    @Test
    void validate_invalidSchema_reportsTheSchemaProblemInsteadOfThrowing() {
        List<String> errors = validator.validate(json("{'type':'strin'}"), json("'x'"));

        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("(schema): not a valid JSON Schema"), errors.toString());
    }

    @Test
    void valid_invalidSchemaOrRefLoop_throwsIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> validator.valid(json("{'minimum':'x'}"), json("1")));
        assertThrows(IllegalArgumentException.class, () -> validator.valid(
                json("{'$defs':{'a':{'$ref':'#/$defs/a'}},'$ref':'#/$defs/a'}"), json("1")));
    }

    @Test
    void valid_sameSchemaManyTimes_compiledOnceAndStillCorrect() {
        JsonValue schema = json("{'type':'integer','maximum':10}");
        for (int i = 0; i < 200; i++) {
            assertEquals(i <= 10, validator.valid(schema, JsonValue.number(i)));
        }
        // an equal but distinct schema object hits the same entry
        assertFalse(validator.valid(json("{'type':'integer','maximum':10}"), JsonValue.number(11)));
    }

    @Test
    void valid_integerTypeWithExactNumbers_matchesJsonSchemaIntegers() {
        JsonValue integer = json("{'type':'integer'}");

        assertTrue(validator.valid(integer, new JsonValue.JsonNumber(new BigDecimal("2.0"))));
        assertTrue(validator.valid(integer, new JsonValue.JsonNumber(new BigDecimal("1e30"))));
        assertFalse(validator.valid(integer, new JsonValue.JsonNumber(new BigDecimal("2.5"))));
    }

    @Test
    void jsonNodes_roundTrip_keepsValuesAndOrder() {
        JsonValue v = json("{'b':[1, 2.5, -3e2, 12345678901234567890123, true, null, 'x'],'a':{'c':{}}}");

        assertEquals(v, JsonNodes.fromNode(JsonNodes.toNode(v)));
        assertEquals(List.of("b", "a"), List.copyOf(((JsonValue.JsonObject) JsonNodes.fromNode(JsonNodes.toNode(v)))
                .members().keySet()));
    }

    @Test
    void schemaProblem_generatedAndCorruptedSchemas_agreesWithTheOfficialMetaSchema() {
        com.networknt.schema.Schema official = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        qt().withFixedSeed(0x3E7A_5C4EL).withExamples(500).forAll(SchemaGenerators.possiblyInvalidSchemas())
                .checkAssert(s -> {
                    boolean officialValid = official.validate(JsonNodes.toNode(s)).isEmpty();
                    Optional<String> problem = validator.schemaProblem(s);
                    if (!officialValid) {
                        assertTrue(problem.isPresent(), () -> "missed: " + s.toJson());
                    } else if (problem.isPresent()) {
                        // beyond the meta-schema: references that do not resolve, patterns that do not compile
                        assertTrue(problem.get().contains("does not resolve") || problem.get().contains("regular expression")
                                || problem.get().contains("cannot compile"), () -> problem.get() + " for " + s.toJson());
                    }
                });
    }
}
