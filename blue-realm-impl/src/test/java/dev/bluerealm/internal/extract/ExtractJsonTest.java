package dev.bluerealm.internal.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict JSON reader and JSON Pointers the extractors use. */
class ExtractJsonTest {
    @Test
    void parse_document_keepsOrderAndExactNumbers() throws Exception {
        JsonValue v = Json.parse(" {\"b\": [1, 2.50, -3e2, true, false, null], \"a\": \"x\\u00e9\\n\\\"\"} \n");
        JsonValue.JsonObject o = (JsonValue.JsonObject) v;
        assertEquals(List.of("b", "a"), List.copyOf(o.members().keySet()));
        assertEquals(JsonValue.string("x\u00e9\n\""), o.get("a"));
        List<JsonValue> items = ((JsonValue.JsonArray) o.get("b")).items();
        assertEquals(new JsonValue.JsonNumber(new BigDecimal("2.5")), items.get(1));
        assertEquals(new JsonValue.JsonNumber(new BigDecimal("-300")), items.get(2));
        assertEquals(JsonValue.NULL, items.get(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":1,}", "[1,]", "{a:1}", "'x'", "01", "1.", "-", "\"\\x\"", "\"a\nb\"",
        "{\"a\":1,\"a\":2}", "1 2", "tru", "NaN"})
    void parse_invalidJson_isASyntaxError(String text) {
        assertThrows(Json.SyntaxException.class, () -> Json.parse(text));
    }

    @Test
    void parse_error_saysWhere() {
        Json.SyntaxException e = assertThrows(Json.SyntaxException.class, () -> Json.parse("{\n  \"a\": 1,\n  \"b\" 2\n}"));
        assertEquals(3, e.line());
        assertEquals(7, e.column());
        assertTrue(e.getMessage().contains("expected ':'"), e.getMessage());
    }

    @Test
    void parse_deepNesting_isRefused() {
        String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        Json.SyntaxException e = assertThrows(Json.SyntaxException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("deeper"), e.getMessage());
    }

    @Test
    void parsePrefix_stopsAfterTheValue() throws Exception {
        Json.Prefix p = Json.parsePrefix("x = {\"a\": [1]} */ trailing", 3);
        assertEquals(JsonValue.object(Map.of("a", JsonValue.array(List.of(JsonValue.number(1))))), p.value());
        assertEquals(" */ trailing", "x = {\"a\": [1]} */ trailing".substring(p.end()));
    }

    @Test
    void pointer_escapes_areDecodedTildeOneBeforeTildeZero() {
        assertEquals(List.of("a/b", "m~n", "~1"), JsonPointer.parse("/a~1b/m~0n/~01"));
        assertEquals(List.of(), JsonPointer.parse(""));
        assertEquals(List.of(""), JsonPointer.parse("/"));
        assertEquals("/a~1b/m~0n", JsonPointer.format(List.of("a/b", "m~n")));
    }

    @Test
    void pointer_malformed_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> JsonPointer.parse("s3"));
        assertThrows(IllegalArgumentException.class, () -> JsonPointer.parse("/a~2"));
        assertThrows(IllegalArgumentException.class, () -> JsonPointer.parse("/a~"));
    }

    @Test
    void pointer_get_walksObjectsAndArrays() throws Exception {
        JsonValue doc = Json.parse("{\"s3\":{\"read\":[\"a\",\"b\"]},\"a/b\":1,\"\":2}");
        assertEquals(JsonValue.string("b"), JsonPointer.get(doc, "/s3/read/1"));
        assertEquals(JsonValue.number(1), JsonPointer.get(doc, "/a~1b"));
        assertEquals(JsonValue.number(2), JsonPointer.get(doc, "/"));
        assertEquals(doc, JsonPointer.get(doc, ""));
        assertNull(JsonPointer.get(doc, "/s3/read/2"));
        assertNull(JsonPointer.get(doc, "/s3/read/01"));
        assertNull(JsonPointer.get(doc, "/s3/read/-"));
        assertNull(JsonPointer.get(doc, "/nope"));
    }
}
