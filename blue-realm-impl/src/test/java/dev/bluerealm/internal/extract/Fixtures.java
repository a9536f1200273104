package dev.bluerealm.internal.extract;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Compatibility;
import dev.bluerealm.model.Contract;
import dev.bluerealm.version.Version;
import java.util.List;

/** The RFC's s3-permissions contract and small helpers for extraction tests. */
final class Fixtures {
    private Fixtures() {}

    /** The RFC's schema for s3-permissions (read required; write and delete default to []). */
    static final JsonValue S3_SCHEMA = json("{\"type\":\"object\",\"required\":[\"read\"],\"properties\":{"
            + "\"read\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
            + "\"write\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"default\":[]},"
            + "\"delete\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"default\":[]}}}");

    /** The RFC's value at 1.4.0. */
    static final JsonValue S3_VALUE = json("{\"read\":[\"jobs/*/masks/*\",\"jobs/*/*/config.json\",\"training-runs/*\","
            + "\"training-metrics/*\"],\"write\":[\"jobs/*/*/manifest.json\",\"training-metrics/*\"],\"delete\":[]}");

    static JsonValue json(String text) {
        try {
            return Json.parse(text);
        } catch (Json.SyntaxException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static JsonValue str(String s) {
        return JsonValue.string(s);
    }

    static JsonValue strings(String... items) {
        return JsonValue.array(java.util.Arrays.stream(items).map(JsonValue::string).toList());
    }

    static Contract contract(String name, JsonValue schema, JsonValue value) {
        return new Contract(name, Version.parse("1.4.0"), "aperture", new Compatibility(true, false), schema, value,
                null, List.of());
    }

    static Marker marker(String file, int line, String contract, String path, JsonValue value) {
        return new Marker(file, line, contract, List.of(path.split("\\.")), value);
    }
}
