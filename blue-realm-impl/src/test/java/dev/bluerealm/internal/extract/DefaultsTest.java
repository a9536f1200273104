package dev.bluerealm.internal.extract;

import static dev.bluerealm.internal.extract.Fixtures.S3_SCHEMA;
import static dev.bluerealm.internal.extract.Fixtures.S3_VALUE;
import static dev.bluerealm.internal.extract.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bluerealm.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultsTest {
    @Test
    void complete_rfcValueWithoutDelete_gainsEmptyDelete() {
        JsonValue extracted = json("{\"read\":[\"jobs/*/masks/*\",\"jobs/*/*/config.json\",\"training-runs/*\","
                + "\"training-metrics/*\"],\"write\":[\"jobs/*/*/manifest.json\",\"training-metrics/*\"]}");
        JsonValue completed = Defaults.complete(S3_SCHEMA, extracted);
        assertEquals(S3_VALUE, completed);
        assertEquals(List.of(), ValueDiff.diff(S3_SCHEMA, S3_VALUE, completed));
    }

    @Test
    void complete_presentMembers_areKeptAndAddedOnesComeAfterInSchemaOrder() {
        JsonValue completed = Defaults.complete(S3_SCHEMA, json("{\"read\":[],\"write\":[\"w\"]}"));
        assertEquals(json("{\"read\":[],\"write\":[\"w\"],\"delete\":[]}"), completed);
        assertEquals(List.of("read", "write", "delete"),
                new ArrayList<>(((JsonValue.JsonObject) completed).members().keySet()));
    }

    @Test
    void complete_memberWithoutDefault_staysAbsent() {
        assertEquals(json("{\"write\":[],\"delete\":[]}"), Defaults.complete(S3_SCHEMA, json("{}")));
    }

    @Test
    void complete_nestedObjectsThroughRefs_areCompleted() {
        JsonValue schema = json("{\"$defs\":{\"limits\":{\"type\":\"object\",\"properties\":{"
                + "\"max\":{\"type\":\"integer\",\"default\":10},\"min\":{\"$ref\":\"#/$defs/zero\"}}},"
                + "\"zero\":{\"type\":\"integer\",\"default\":0}},"
                + "\"properties\":{\"limits\":{\"$ref\":\"#/$defs/limits\"},\"name\":{\"type\":\"string\"}}}");
        assertEquals(json("{\"limits\":{\"max\":3,\"min\":0}}"), Defaults.complete(schema, json("{\"limits\":{\"max\":3}}")));
        // an absent object with no default of its own is not invented
        assertEquals(json("{}"), Defaults.complete(schema, json("{}")));
    }

    @Test
    void complete_defaultObject_isItselfCompleted() {
        JsonValue schema = json("{\"properties\":{\"opts\":{\"default\":{},\"properties\":{\"retries\":{\"default\":3}}}}}");
        assertEquals(json("{\"opts\":{\"retries\":3}}"), Defaults.complete(schema, json("{}")));
    }

    @Test
    void complete_listItems_areCompleted() {
        JsonValue schema = json("{\"properties\":{\"jobs\":{\"type\":\"array\",\"items\":{\"properties\":{"
                + "\"name\":{\"type\":\"string\"},\"gpu\":{\"type\":\"boolean\",\"default\":false}}}}}}");
        assertEquals(json("{\"jobs\":[{\"name\":\"a\",\"gpu\":false},{\"name\":\"b\",\"gpu\":true}]}"),
                Defaults.complete(schema, json("{\"jobs\":[{\"name\":\"a\"},{\"name\":\"b\",\"gpu\":true}]}")));
    }

    @Test
    void complete_scalarOrSchemaless_isUnchanged() {
        assertEquals(JsonValue.number(5), Defaults.complete(S3_SCHEMA, JsonValue.number(5)));
        assertEquals(json("{\"a\":1}"), Defaults.complete(json("{}"), json("{\"a\":1}")));
    }
}
