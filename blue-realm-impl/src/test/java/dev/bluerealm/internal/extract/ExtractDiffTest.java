package dev.bluerealm.internal.extract;

import static dev.bluerealm.internal.extract.Fixtures.S3_SCHEMA;
import static dev.bluerealm.internal.extract.Fixtures.S3_VALUE;
import static dev.bluerealm.internal.extract.Fixtures.json;
import static dev.bluerealm.internal.extract.Fixtures.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ValueDiff and Change: set semantics for lists of scalars, merge keeping the realm's order. */
class ExtractDiffTest {
    @Test
    void diff_sameItemsInAnotherOrder_isEmpty() {
        JsonValue reordered = json("{\"delete\":[],\"write\":[\"training-metrics/*\",\"jobs/*/*/manifest.json\"],"
                + "\"read\":[\"training-metrics/*\",\"training-runs/*\",\"jobs/*/*/config.json\",\"jobs/*/masks/*\"]}");
        assertEquals(List.of(), ValueDiff.diff(S3_SCHEMA, S3_VALUE, reordered));
    }

    @Test
    void diff_rfcNewPath_isOneAddedItemPrintedAsTheRfcDoes() {
        JsonValue extracted = json("{\"read\":[\"jobs/*/masks/*\",\"jobs/*/*/config.json\",\"training-runs/*\","
                + "\"training-metrics/*\",\"training-metrics/experiments/*\"],"
                + "\"write\":[\"jobs/*/*/manifest.json\",\"training-metrics/*\"],\"delete\":[]}");
        List<Change> changes = ValueDiff.diff(S3_SCHEMA, S3_VALUE, extracted);
        assertEquals(List.of(new Change("read[]", Change.Kind.ADDED, null, str("training-metrics/experiments/*"))), changes);
        assertEquals("+ training-metrics/experiments/*", changes.get(0).toString());
        assertEquals("+ read[]: training-metrics/experiments/*", changes.get(0).describe());
        assertEquals("read", changes.get(0).listPath());
        assertTrue(changes.get(0).isSetItem());
    }

    @Test
    void diff_removedItem_printsWithAMinus() {
        JsonValue extracted = json("{\"read\":[\"jobs/*/*/config.json\",\"training-runs/*\",\"training-metrics/*\"],"
                + "\"write\":[\"jobs/*/*/manifest.json\",\"training-metrics/*\"],\"delete\":[]}");
        List<Change> changes = ValueDiff.diff(S3_SCHEMA, S3_VALUE, extracted);
        assertEquals(1, changes.size());
        assertEquals("- jobs/*/masks/*", changes.get(0).toString());
    }

    @Test
    void diff_changedScalar_printsBeforeAndAfter() {
        List<Change> changes = ValueDiff.diff(json("{}"), json("{\"limits\":{\"max\":5,\"name\":\"a\"}}"),
                json("{\"limits\":{\"max\":6,\"name\":\"a\"}}"));
        assertEquals(List.of(new Change("limits.max", Change.Kind.CHANGED, JsonValue.number(5), JsonValue.number(6))),
                changes);
        assertEquals("~ limits.max: 5 \u2192 6", changes.get(0).toString());
    }

    @Test
    void diff_addedAndRemovedMembers_nameTheirPaths() {
        List<Change> changes = ValueDiff.diff(S3_SCHEMA, json("{\"read\":[],\"write\":[\"w\"]}"),
                json("{\"read\":[],\"delete\":[]}"));
        assertEquals(List.of("- write: [\"w\"]", "+ delete: []"), changes.stream().map(Change::toString).toList());
    }

    @Test
    void diff_numbersEqualInValue_areEqual() {
        assertEquals(List.of(), ValueDiff.diff(json("{}"), json("{\"a\":1.0,\"b\":[1,2]}"), json("{\"a\":1,\"b\":[2.00,1]}")));
    }

    @Test
    void diff_listOfObjects_isComparedByPosition() {
        List<Change> changes = ValueDiff.diff(json("{}"), json("{\"jobs\":[{\"n\":1},{\"n\":2}]}"),
                json("{\"jobs\":[{\"n\":1},{\"n\":3},{\"n\":4}]}"));
        assertEquals(List.of("~ jobs[1].n: 2 \u2192 3", "+ jobs[2]: {\"n\":4}"),
                changes.stream().map(Change::toString).toList());
    }

    @Test
    void diff_typeChangeAtTheRoot_isOneChange() {
        assertEquals("~ (value): [] \u2192 {}", ValueDiff.diff(json("{}"), json("[]"), json("{}")).get(0).toString());
    }

    @Test
    void merge_keepsRealmOrderAndAppendsNewItems() {
        JsonValue extracted = json("{\"write\":[\"training-metrics/*\",\"new/w/*\"],"
                + "\"read\":[\"training-metrics/experiments/*\",\"training-metrics/*\",\"jobs/*/masks/*\","
                + "\"training-runs/*\"],\"delete\":[]}");
        JsonValue merged = ValueDiff.merge(S3_VALUE, extracted);
        assertEquals("{\"read\":[\"jobs/*/masks/*\",\"training-runs/*\",\"training-metrics/*\","
                + "\"training-metrics/experiments/*\"],\"write\":[\"training-metrics/*\",\"new/w/*\"],\"delete\":[]}",
                merged.toJson());
        assertEquals(List.of(), ValueDiff.diff(S3_SCHEMA, merged, extracted));
    }

    @Test
    void merge_newMembers_comeAfterTheRealmsOnes() {
        JsonValue merged = ValueDiff.merge(json("{\"b\":1,\"a\":2}"), json("{\"c\":3,\"a\":2,\"b\":1}"));
        assertEquals("{\"b\":1,\"a\":2,\"c\":3}", merged.toJson());
    }

    @Test
    void merge_withSchemaOfScalarItems_treatsMixedListsAsSets() {
        JsonValue schema = json("{\"properties\":{\"ids\":{\"type\":\"array\",\"items\":{\"type\":[\"string\",\"integer\"]}}}}");
        JsonValue merged = ValueDiff.merge(schema, json("{\"ids\":[\"a\",1,\"b\"]}"), json("{\"ids\":[2,\"b\",\"a\"]}"));
        assertEquals("{\"ids\":[\"a\",\"b\",2]}", merged.toJson());
    }

    @Test
    void change_inconsistentBeforeAfter_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Change("a", Change.Kind.ADDED, str("x"), str("y")));
        assertThrows(IllegalArgumentException.class, () -> new Change("a", Change.Kind.REMOVED, null, str("y")));
        assertThrows(IllegalArgumentException.class, () -> new Change("a", Change.Kind.CHANGED, null, str("y")));
    }
}
