package dev.bluerealm.internal.extract;

import static dev.bluerealm.internal.extract.Fixtures.S3_SCHEMA;
import static dev.bluerealm.internal.extract.Fixtures.json;
import static dev.bluerealm.internal.extract.Fixtures.marker;
import static dev.bluerealm.internal.extract.Fixtures.str;
import static dev.bluerealm.internal.extract.Fixtures.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ValueAssembler: markers → value, with list or scalar decided by the schema. */
class MarkerAssemblyTest {
    private static final JsonValue LIMITS_SCHEMA = json("{\"type\":\"object\",\"$defs\":{"
            + "\"limits\":{\"type\":\"object\",\"properties\":{\"max\":{\"type\":\"integer\"},\"min\":{\"type\":\"integer\"}}},"
            + "\"paths\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},"
            + "\"properties\":{\"limits\":{\"$ref\":\"#/$defs/limits\"},\"read\":{\"$ref\":\"#/$defs/paths\"},"
            + "\"name\":{\"type\":\"string\"}}}");

    @Test
    void assemble_listPath_collectsEveryMarkerInOrderWithoutDuplicates() {
        Assembly a = ValueAssembler.assemble("s3-permissions", S3_SCHEMA, List.of(
                marker("a.py", 1, "s3-permissions", "read", str("jobs/*/masks/*")),
                marker("a.py", 2, "s3-permissions", "write", str("training-metrics/*")),
                marker("a.py", 5, "s3-permissions", "read", str("training-runs/*")),
                marker("b.py", 1, "s3-permissions", "read", str("jobs/*/masks/*")),
                marker("b.py", 9, "s3-permissions", "read", str("training-metrics/*"))));
        assertEquals(List.of(), a.problems());
        assertEquals(json("{\"read\":[\"jobs/*/masks/*\",\"training-runs/*\",\"training-metrics/*\"],"
                + "\"write\":[\"training-metrics/*\"]}"), a.value());
    }

    @Test
    void assemble_members_followTheSchemaOrder() {
        Assembly a = ValueAssembler.assemble("s3-permissions", S3_SCHEMA, List.of(
                marker("a.py", 1, "s3-permissions", "delete", str("d")),
                marker("a.py", 2, "s3-permissions", "read", str("r"))));
        assertEquals(List.of("read", "delete"),
                new ArrayList<>(((JsonValue.JsonObject) a.value()).members().keySet()));
    }

    @Test
    void assemble_pathsThroughRefs_decideListOrScalar() {
        Assembly a = ValueAssembler.assemble("c", LIMITS_SCHEMA, List.of(
                marker("a.ts", 3, "c", "limits.max", JsonValue.number(5)),
                marker("a.ts", 4, "c", "read", str("x")),
                marker("a.ts", 5, "c", "read", str("y")),
                marker("a.ts", 6, "c", "name", str("n"))));
        assertEquals(List.of(), a.problems());
        assertEquals(json("{\"limits\":{\"max\":5},\"read\":[\"x\",\"y\"],\"name\":\"n\"}"), a.value());
    }

    @Test
    void assemble_twoMarkersForOneScalar_isAProblemNamingBothLines() {
        Assembly a = ValueAssembler.assemble("c", LIMITS_SCHEMA, List.of(
                marker("a.py", 3, "c", "limits.max", JsonValue.number(5)),
                marker("b.py", 7, "c", "limits.max", JsonValue.number(6))));
        assertEquals(1, a.problems().size());
        Problem p = a.problems().get(0);
        assertEquals("b.py", p.file());
        assertEquals(7, p.line());
        assertTrue(p.message().contains("a.py:3") && p.message().contains("b.py:7"), p.message());
        assertEquals(json("{\"limits\":{\"max\":5}}"), a.value());
    }

    @Test
    void assemble_jsonArrayLiteralOnAListPath_addsEachElement() {
        Assembly a = ValueAssembler.assemble("s3-permissions", S3_SCHEMA, List.of(
                marker("a.py", 1, "s3-permissions", "read", strings("x", "y")),
                marker("a.py", 2, "s3-permissions", "read", strings("y", "z")),
                marker("a.py", 3, "s3-permissions", "write", strings())));
        assertEquals(json("{\"read\":[\"x\",\"y\",\"z\"],\"write\":[]}"), a.value());
    }

    @Test
    void assemble_listOfListsPath_keepsAnArrayLiteralAsOneItem() {
        JsonValue schema = json("{\"properties\":{\"pairs\":{\"type\":\"array\",\"items\":{\"type\":\"array\"}}}}");
        Assembly a = ValueAssembler.assemble("c", schema, List.of(
                marker("a", 1, "c", "pairs", strings("a", "b")),
                marker("a", 2, "c", "pairs", strings("a", "b"))));
        assertEquals(json("{\"pairs\":[[\"a\",\"b\"]]}"), a.value());
    }

    @Test
    void assemble_unknownPath_isAProblemWithFileLineAndTheKnownKeys() {
        Assembly a = ValueAssembler.assemble("s3-permissions", S3_SCHEMA, List.of(
                marker("src/x.py", 12, "s3-permissions", "reed", str("x"))));
        Problem p = a.problems().get(0);
        assertEquals("src/x.py:12", p.location());
        assertTrue(p.message().contains("no 'reed'") && p.message().contains("read, write, delete"), p.message());
        assertEquals(JsonValue.object(java.util.Map.of()), a.value());
    }

    @Test
    void assemble_nestedUnknownPath_namesWhereItWasLookedFor() {
        Assembly a = ValueAssembler.assemble("c", LIMITS_SCHEMA, List.of(
                marker("a", 1, "c", "limits.maximum", JsonValue.number(1))));
        assertTrue(a.problems().get(0).message().contains("no 'maximum' in limits (it has: max, min)"),
                a.problems().get(0).message());
    }

    @Test
    void assemble_pathIntoAList_isAProblem() {
        Assembly a = ValueAssembler.assemble("s3-permissions", S3_SCHEMA, List.of(
                marker("a", 4, "s3-permissions", "read.first", str("x"))));
        assertTrue(a.problems().get(0).message().contains("read is a list"), a.problems().get(0).message());
    }

    @Test
    void assemble_wholeObjectAndAMemberOfIt_isAProblemNamingBoth() {
        Assembly a = ValueAssembler.assemble("c", LIMITS_SCHEMA, List.of(
                marker("a", 1, "c", "limits.max", JsonValue.number(2)),
                marker("b", 2, "c", "limits", json("{\"max\":1}"))));
        assertEquals(1, a.problems().size());
        Problem p = a.problems().get(0);
        assertEquals("a:1", p.location());
        assertTrue(p.message().contains("b:2"), p.message());
        assertEquals(json("{\"limits\":{\"max\":1}}"), a.value());
    }

    @Test
    void assemble_additionalAndPatternProperties_acceptTheirKeys() {
        JsonValue schema = json("{\"type\":\"object\",\"patternProperties\":{\"^x-\":{\"type\":\"string\"}},"
                + "\"additionalProperties\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}");
        Assembly a = ValueAssembler.assemble("c", schema, List.of(
                marker("a", 1, "c", "x-owner", str("me")),
                marker("a", 2, "c", "buckets", str("b1")),
                marker("a", 3, "c", "buckets", str("b2"))));
        assertEquals(List.of(), a.problems());
        assertEquals(json("{\"x-owner\":\"me\",\"buckets\":[\"b1\",\"b2\"]}"), a.value());
    }

    @Test
    void assemble_allOfBranches_areFollowed() {
        JsonValue schema = json("{\"allOf\":[{\"properties\":{\"a\":{\"type\":\"string\"}}},"
                + "{\"properties\":{\"b\":{\"type\":[\"array\",\"null\"]}}}]}");
        Assembly a = ValueAssembler.assemble("c", schema, List.of(
                marker("f", 1, "c", "a", str("one")),
                marker("f", 2, "c", "b", str("x")),
                marker("f", 3, "c", "b", str("y"))));
        assertEquals(json("{\"a\":\"one\",\"b\":[\"x\",\"y\"]}"), a.value());
    }

    @Test
    void assemble_markersOfOtherContracts_areIgnored() {
        Assembly a = ValueAssembler.assemble("s3-permissions", S3_SCHEMA, List.of(
                marker("a", 1, "other", "anything", str("x")),
                marker("a", 2, "s3-permissions", "read", str("r"))));
        assertEquals(List.of(), a.problems());
        assertEquals(json("{\"read\":[\"r\"]}"), a.value());
    }
}
