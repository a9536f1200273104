package dev.bluerealm.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.api.Pair;

/** {@link JsonParser}: RFC 8259 strictness, exact numbers, bounded depth, and round trips with the writer. */
class JsonParserTest {
    private static final long SEED = 0x750_4E1L;

    @Test
    void parse_everyKind_buildsTheValue() {
        JsonValue v = JsonParser.parse(" {\"a\": [1, -2.50, 1e3, true, false, null, \"x\\u00e9\\n\"], \"b\": {}} ");
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("a", JsonValue.array(List.of(JsonValue.number(1), new JsonValue.JsonNumber(new BigDecimal("-2.5")),
                JsonValue.number(1000), JsonValue.bool(true), JsonValue.bool(false), JsonValue.NULL,
                JsonValue.string("xé\n"))));
        m.put("b", JsonValue.object(Map.of()));
        assertEquals(JsonValue.object(m), v);
    }

    @Test
    void parse_bigNumber_isExact() {
        JsonValue v = JsonParser.parse("123456789012345678901234567890.000000000000000000001");
        assertEquals(new JsonValue.JsonNumber(new BigDecimal("123456789012345678901234567890.000000000000000000001")), v);
    }

    @Test
    void parse_memberOrder_isKept() {
        JsonValue.JsonObject o = (JsonValue.JsonObject) JsonParser.parse("{\"z\":1,\"a\":2,\"m\":3}");
        assertEquals(List.of("z", "a", "m"), List.copyOf(o.members().keySet()));
    }

    @Test
    void parse_surrogatePairEscape_decodes() {
        assertEquals(JsonValue.string("\uD83D\uDE00"), JsonParser.parse("\"\\uD83D\\uDE00\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "[1,]", "{\"a\":1,}", "{a:1}", "'x'", "01", "-", "1.", "1e", ".5", "+1",
            "tru", "nul", "\"abc", "\"\\x\"", "\"\\u12g4\"", "\"a\tb\"", "[1 2]", "{\"a\" 1}", "1 2", "NaN",
            "Infinity", "{\"a\":1,\"a\":2}", "[\"\\u12\"]"})
    void parse_invalidText_throwsWithPosition(String text) {
        JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse(text));
        assertTrue(e.getMessage().contains("at position " + e.position()), e.getMessage());
        assertTrue(e.position() >= 0 && e.position() <= text.length(), e.getMessage());
    }

    @Test
    void parse_trailingText_namesItsPosition() {
        JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse("{} x"));
        assertEquals(3, e.position());
    }

    @Test
    void parse_duplicateMember_isRefused() {
        JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse("{\"a\":1,\"a\":2}"));
        assertTrue(e.getMessage().contains("duplicate member name \"a\""), e.getMessage());
    }

    @Test
    void parse_deeperThanMax_isRefused() {
        assertEquals(3, depthOf(JsonParser.parse("[[[1]]]", 3)));
        JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse("[[[[1]]]]", 3));
        assertTrue(e.getMessage().contains("nesting deeper than 3"), e.getMessage());
        assertThrows(JsonParseException.class, () -> JsonParser.parse("{\"a\":{\"b\":{}}}", 2));
    }

    @Test
    void parse_hugeNesting_failsWithoutStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThrows(JsonParseException.class, () -> JsonParser.parse(deep));
    }

    @Test
    void parse_zeroMaxDepth_isAnArgumentError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("1", 0));
        assertTrue(e.getMessage().contains("maxDepth"));
    }

    @Test
    void parse_toJsonOfAnyValue_givesTheValueBack() {
        qt().withFixedSeed(SEED).withExamples(2000).forAll(json(4)).checkAssert(v -> {
            assertEquals(v, JsonParser.parse(v.toJson()));
            assertEquals(v, JsonParser.parse(v.toPrettyJson()));
        });
    }

    private static int depthOf(JsonValue v) {
        if (v instanceof JsonValue.JsonArray a) {
            return 1 + a.items().stream().mapToInt(JsonParserTest::depthOf).max().orElse(0);
        }
        if (v instanceof JsonValue.JsonObject o) {
            return 1 + o.members().values().stream().mapToInt(JsonParserTest::depthOf).max().orElse(0);
        }
        return 0;
    }

    // ------------------------------------------------------------------ generators

    private static Gen<String> text() {
        return Generate.frequency(
                Pair.of(3, strings().basicLatinAlphabet().ofLengthBetween(0, 8)),
                Pair.of(1, strings().allPossible().ofLengthBetween(0, 6)),
                Pair.of(1, Generate.pick(List.of("\"", "\\", "\u2028", "\u0000", "é日本", "\uD83D\uDE00", "/"))));
    }

    private static Gen<BigDecimal> decimal() {
        Gen<BigDecimal> small = longs().all().zip(integers().between(-12, 12),
                (unscaled, scale) -> BigDecimal.valueOf(unscaled, scale));
        Gen<BigDecimal> special = Generate.pick(List.of("0", "-0.0", "1E+3", "1E+150", "1E-150", "-2.5E-3",
                "123456789012345678901234567890.5", "18446744073709551616")).map(s -> new BigDecimal(s));
        return Generate.frequency(Pair.of(4, small), Pair.of(1, special));
    }

    private static Gen<JsonValue> scalar() {
        return Generate.frequency(
                Pair.of(4, text().map(s -> JsonValue.string(s))),
                Pair.of(3, decimal().map(d -> new JsonValue.JsonNumber(d))),
                Pair.of(1, booleans().all().map(b -> JsonValue.bool(b))),
                Pair.of(1, Generate.constant(JsonValue.NULL)));
    }

    private static Gen<JsonValue> json(int depth) {
        if (depth == 0) {
            return scalar();
        }
        Gen<JsonValue> inner = json(depth - 1);
        Gen<JsonValue> array = lists().of(inner).ofSizeBetween(0, 4).map(items -> new JsonValue.JsonArray(items));
        Gen<String> key = text();
        Gen<Integer> size = integers().between(0, 4);
        Gen<JsonValue> object = in -> {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            int n = size.generate(in);
            for (int i = 0; i < n; i++) {
                members.put(key.generate(in), inner.generate(in));
            }
            return new JsonValue.JsonObject(members);
        };
        return Generate.frequency(Pair.of(2, scalar()), Pair.of(1, array), Pair.of(2, object));
    }
}
