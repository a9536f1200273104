package dev.bluerealm.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON text output (RFC 8259 escaping, pretty layout) and value semantics of {@link JsonValue}. */
class JsonValueTest {

    private static JsonValue num(String decimal) {
        return new JsonValue.JsonNumber(new BigDecimal(decimal));
    }

    private static Map<String, JsonValue> members(Object... keyValues) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], (JsonValue) keyValues[i + 1]);
        }
        return m;
    }

    // ------------------------------------------------------------------ escaping

    @Test
    void object_ofNamesAndValues_keepsTheOrderWritten() {
        // Map.of would print these in an order that changes from JVM to JVM: the shapes we document must not
        JsonValue two = JsonValue.object("zeta", JsonValue.bool(true), "alpha", JsonValue.bool(false));
        JsonValue three = JsonValue.object("m", num("1"), "b", num("2"), "y", num("3"));
        JsonValue four = JsonValue.object("d", JsonValue.NULL, "c", JsonValue.NULL, "b", JsonValue.NULL, "a", JsonValue.NULL);

        assertEquals("{\"zeta\":true,\"alpha\":false}", two.toJson());
        assertEquals("{\"m\":1,\"b\":2,\"y\":3}", three.toJson());
        assertEquals(List.of("d", "c", "b", "a"), List.copyOf(((JsonValue.JsonObject) four).members().keySet()));
        assertThrows(IllegalArgumentException.class, () -> JsonValue.object("a", JsonValue.bool(true), "a", JsonValue.bool(false)));
    }

    @Test
    void toJson_quotesAndBackslashes_areEscaped() {
        assertEquals("\"say \\\"hi\\\" \\\\ bye\"", JsonValue.string("say \"hi\" \\ bye").toJson());
    }

    @Test
    void toJson_namedControlCharacters_useShortEscapes() {
        assertEquals("\"\\n\\r\\t\\b\\f\"", JsonValue.string("\n\r\t\b\f").toJson());
    }

    @Test
    void toJson_otherControlCharacters_useUnicodeEscapes() {
        assertEquals("\"\\u0000\\u0001\\u001f\\u000b\\u001b\"",
                JsonValue.string("\u0000\u0001\u001f\u000b\u001b").toJson());
    }

    @Test
    void toJson_everyControlCharacter_isEscaped() {
        for (char c = 0; c < 0x20; c++) {
            String json = JsonValue.string(String.valueOf(c)).toJson();
            assertEquals('\\', json.charAt(1), "char " + (int) c + " -> " + json);
            for (int i = 0; i < json.length(); i++) {
                assertEquals(false, json.charAt(i) < 0x20, "raw control char in " + json);
            }
        }
    }

    @Test
    void toJson_lineAndParagraphSeparators_areEscaped() {
        // valid raw in JSON, but not in JavaScript string literals before ES2019: escaped for safety
        assertEquals("\"a\\u2028b\\u2029c\"", JsonValue.string("a\u2028b\u2029c").toJson());
    }

    @Test
    void toJson_slashDelAndNonAscii_areKeptAsIs() {
        String text = "a/b\u007f é 日本 \uD83D\uDE00";
        assertEquals("\"" + text + "\"", JsonValue.string(text).toJson());
    }

    @Test
    void toJson_memberNames_areEscapedLikeStrings() {
        JsonValue v = JsonValue.object(members("a\"b\n", JsonValue.NULL));
        assertEquals("{\"a\\\"b\\n\":null}", v.toJson());
    }

    // ------------------------------------------------------------------ layout

    @Test
    void toJson_nestedValue_isCompact() {
        JsonValue v = JsonValue.object(members(
                "read", JsonValue.array(List.of(JsonValue.string("jobs/*"), JsonValue.string("training-runs/*"))),
                "write", JsonValue.array(List.of()),
                "limits", JsonValue.object(members("max", JsonValue.number(3), "on", JsonValue.bool(true))),
                "none", JsonValue.NULL,
                "empty", JsonValue.object(Map.of())));
        assertEquals("{\"read\":[\"jobs/*\",\"training-runs/*\"],\"write\":[],\"limits\":{\"max\":3,\"on\":true},"
                + "\"none\":null,\"empty\":{}}", v.toJson());
    }

    @Test
    void toPrettyJson_nestedValue_indentsTwoSpacesOnePerLine() {
        JsonValue v = JsonValue.object(members(
                "read", JsonValue.array(List.of(JsonValue.string("jobs/*"), JsonValue.string("training-runs/*"))),
                "write", JsonValue.array(List.of()),
                "limits", JsonValue.object(members("max", JsonValue.number(3),
                        "nested", JsonValue.array(List.of(JsonValue.object(members("a", JsonValue.bool(false))))))),
                "empty", JsonValue.object(Map.of())));
        String expected = String.join("\n",
                "{",
                "  \"read\": [",
                "    \"jobs/*\",",
                "    \"training-runs/*\"",
                "  ],",
                "  \"write\": [],",
                "  \"limits\": {",
                "    \"max\": 3,",
                "    \"nested\": [",
                "      {",
                "        \"a\": false",
                "      }",
                "    ]",
                "  },",
                "  \"empty\": {}",
                "}");
        assertEquals(expected, v.toPrettyJson());
    }

    @Test
    void toPrettyJson_scalarsAndEmpties_areOneLine() {
        assertEquals("\"x\"", JsonValue.string("x").toPrettyJson());
        assertEquals("null", JsonValue.NULL.toPrettyJson());
        assertEquals("[]", JsonValue.array(List.of()).toPrettyJson());
        assertEquals("{}", JsonValue.object(Map.of()).toPrettyJson());
        assertEquals("[\n  1\n]", JsonValue.array(List.of(JsonValue.number(1))).toPrettyJson());
    }

    @Test
    void toJson_objects_keepInsertionOrder() {
        JsonValue v = JsonValue.object(members("z", JsonValue.number(1), "a", JsonValue.number(2),
                "m", JsonValue.number(3)));
        assertEquals("{\"z\":1,\"a\":2,\"m\":3}", v.toJson());
    }

    // ------------------------------------------------------------------ numbers

    @Test
    void jsonNumber_trailingZeros_areEqualAndHashAlike() {
        assertEquals(num("1"), num("1.0"));
        assertEquals(num("1").hashCode(), num("1.000").hashCode());
        assertEquals(num("1.5"), num("1.50"));
        assertEquals(num("0"), num("0.000"));
        assertEquals(num("0"), num("-0.0"));
        assertEquals(num("1000"), num("1E+3"));
        assertEquals(num("1000"), num("1000.00"));
        assertNotEquals(num("1"), num("1.0000001"));
        assertEquals(JsonValue.number(1), num("1.0"));
    }

    @ParameterizedTest
    @CsvSource({
        "1000, 1000",
        "1E+3, 1000",
        "1000.000, 1000",
        "1.0, 1",
        "-1.0, -1",
        "0.00, 0",
        "-0, 0",
        "-0.0, 0",
        "1.50, 1.5",
        "0.1, 0.1",
        "1E-7, 0.0000001",
        "-2.5E-3, -0.0025",
        "12345678901234567890123456789, 12345678901234567890123456789",
        "1E+20, 100000000000000000000",
        "9223372036854775808, 9223372036854775808",
        "3.14159265358979323846264338327950288, 3.14159265358979323846264338327950288",
    })
    void toJson_numbers_printPlainAndNormalised(String in, String out) {
        assertEquals(out, num(in).toJson());
    }

    @Test
    void toJson_extremeScale_staysValidJson() {
        // far beyond any plain rendering: exponent form, which is still a JSON number
        assertEquals("1E+200", num("1E+200").toJson());
        assertEquals("1E-200", num("1E-200").toJson());
        assertEquals(new BigInteger("1" + "0".repeat(100)).toString(), num("1E+100").toJson());
    }

    @Test
    void number_long_isExact() {
        assertEquals("9223372036854775807", JsonValue.number(Long.MAX_VALUE).toJson());
        assertEquals("-9223372036854775808", JsonValue.number(Long.MIN_VALUE).toJson());
    }

    // ------------------------------------------------------------------ value semantics

    @Test
    void object_mutableInput_isCopiedAndUnmodifiable() {
        Map<String, JsonValue> m = members("a", JsonValue.number(1));
        JsonValue.JsonObject o = new JsonValue.JsonObject(m);
        m.put("b", JsonValue.number(2));
        assertEquals(1, o.members().size());
        assertEquals(JsonValue.number(1), o.get("a"));
        assertThrows(UnsupportedOperationException.class, () -> o.members().put("c", JsonValue.NULL));
    }

    @Test
    void array_mutableInput_isCopiedAndUnmodifiable() {
        List<JsonValue> items = new ArrayList<>(List.of(JsonValue.number(1)));
        JsonValue.JsonArray a = new JsonValue.JsonArray(items);
        items.add(JsonValue.number(2));
        assertEquals(1, a.items().size());
        assertThrows(UnsupportedOperationException.class, () -> a.items().add(JsonValue.NULL));
    }

    @Test
    void constructors_nulls_areRefused() {
        Map<String, JsonValue> nullValue = new LinkedHashMap<>();
        nullValue.put("a", null);
        assertThrows(NullPointerException.class, () -> new JsonValue.JsonObject(nullValue));
        Map<String, JsonValue> nullKey = new LinkedHashMap<>();
        nullKey.put(null, JsonValue.NULL);
        assertThrows(NullPointerException.class, () -> new JsonValue.JsonObject(nullKey));
        List<JsonValue> nullItem = new ArrayList<>();
        nullItem.add(null);
        assertThrows(NullPointerException.class, () -> new JsonValue.JsonArray(nullItem));
        assertThrows(NullPointerException.class, () -> new JsonValue.JsonString(null));
    }

    @Test
    void stringOrNull_null_isTheNullValue() {
        assertSame(JsonValue.NULL, JsonValue.stringOrNull(null));
        assertEquals(JsonValue.string("x"), JsonValue.stringOrNull("x"));
        assertEquals(new JsonValue.JsonNull(), JsonValue.NULL);
    }

    @Test
    void equals_numbersInsideStructures_compareByValue() {
        JsonValue a = JsonValue.object(members("n", num("1.0"), "l", JsonValue.array(List.of(num("2.50")))));
        JsonValue b = JsonValue.object(members("n", num("1"), "l", JsonValue.array(List.of(num("2.5")))));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a.toJson(), b.toJson());
    }

    @Test
    void equals_differentTypes_areNotEqual() {
        assertNotEquals(JsonValue.string("1"), JsonValue.number(1));
        assertNotEquals(JsonValue.string("true"), JsonValue.bool(true));
        assertNotEquals(JsonValue.string("null"), JsonValue.NULL);
        assertNotEquals(JsonValue.array(List.of()), JsonValue.object(Map.of()));
    }
}
