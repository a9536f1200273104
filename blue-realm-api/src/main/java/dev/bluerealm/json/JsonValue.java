package dev.bluerealm.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON value: a contract's value or schema, or a document the CLI prints with {@code --json}.
 * Framework-free and immutable; objects keep their member order. Numbers are compared by value
 * ({@code 1.0} equals {@code 1}).
 *
 * <pre>{@code
 * JsonValue v = JsonValue.object(Map.of("read", JsonValue.array(List.of(JsonValue.string("jobs/*")))));
 * v.toJson();   // {"read":["jobs/*"]}
 * }</pre>
 *
 * @since 0.1
 */
public sealed interface JsonValue {

    /** {@code null}. */
    JsonNull NULL = new JsonNull();

    /** An object; members in the given order. */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        public JsonObject {
            members.forEach((k, v) -> {
                Objects.requireNonNull(k, "member name");
                Objects.requireNonNull(v, "member value");
            });
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        public JsonValue get(String name) {
            return members.get(name);
        }
    }

    /** An array. */
    record JsonArray(List<JsonValue> items) implements JsonValue {
        public JsonArray {
            items = List.copyOf(items);
        }
    }

    /** A string. */
    record JsonString(String value) implements JsonValue {
        public JsonString {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A number, held exactly and normalised so that equal numbers are equal records. */
    record JsonNumber(BigDecimal value) implements JsonValue {
        public JsonNumber {
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }
    }

    /** {@code true} or {@code false}. */
    record JsonBoolean(boolean value) implements JsonValue {}

    /** {@code null}; use {@link JsonValue#NULL}. */
    record JsonNull() implements JsonValue {}

    static JsonValue string(String s) {
        return new JsonString(s);
    }

    static JsonValue number(long n) {
        return new JsonNumber(BigDecimal.valueOf(n));
    }

    static JsonValue bool(boolean b) {
        return new JsonBoolean(b);
    }

    static JsonValue array(List<? extends JsonValue> items) {
        return new JsonArray(List.copyOf(items));
    }

    static JsonValue object(Map<String, ? extends JsonValue> members) {
        return new JsonObject(new LinkedHashMap<>(members));
    }

    /**
     * An object of two members in this order. Unlike {@code Map.of}, whose iteration order changes
     * from run to run, the order of these overloads is the order written, so a documented JSON shape
     * prints the same every time.
     *
     * @throws IllegalArgumentException when a name appears twice
     */
    static JsonValue object(String n1, JsonValue v1, String n2, JsonValue v2) {
        return ordered(n1, v1, n2, v2);
    }

    /** An object of three members in this order (see {@link #object(String, JsonValue, String, JsonValue)}). */
    static JsonValue object(String n1, JsonValue v1, String n2, JsonValue v2, String n3, JsonValue v3) {
        return ordered(n1, v1, n2, v2, n3, v3);
    }

    /** An object of four members in this order (see {@link #object(String, JsonValue, String, JsonValue)}). */
    static JsonValue object(String n1, JsonValue v1, String n2, JsonValue v2, String n3, JsonValue v3,
                            String n4, JsonValue v4) {
        return ordered(n1, v1, n2, v2, n3, v3, n4, v4);
    }

    private static JsonValue ordered(Object... namesAndValues) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            if (members.put(name, (JsonValue) namesAndValues[i + 1]) != null) {
                throw new IllegalArgumentException("member '" + name + "' appears twice");
            }
        }
        return new JsonObject(members);
    }

    /** A string value, or {@link #NULL} when {@code s} is null. */
    static JsonValue stringOrNull(String s) {
        return s == null ? NULL : new JsonString(s);
    }

    /** Compact JSON text. */
    default String toJson() {
        StringBuilder out = new StringBuilder();
        JsonWriter.write(this, out, -1, 0);
        return out.toString();
    }

    /** JSON text indented by two spaces, one member or item per line. */
    default String toPrettyJson() {
        StringBuilder out = new StringBuilder();
        JsonWriter.write(this, out, 2, 0);
        return out.toString();
    }
}
