package dev.bluerealm.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A strict RFC 8259 reader into {@link JsonValue}, the one JSON parser of blue-realm (the daemon's
 * request bodies, the engine's extractors). Numbers are read exactly ({@link BigDecimal}); duplicate
 * member names, nesting deeper than the given depth and anything after the value (for
 * {@link #parse}) are errors, each a {@link JsonParseException} with the offset where it was found.
 * A leading byte-order mark is skipped.
 *
 * <pre>{@code
 * JsonValue v = JsonParser.parse("{\"read\": [\"jobs/*\"]}");
 * JsonParser.Prefix p = JsonParser.parsePrefix("x = [1] // rest", 4, 64);   // p.end() == 7
 * }</pre>
 *
 * @since 0.1
 */
public final class JsonParser {
    /** The nesting depth {@link #parse(String)} allows. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    /** A value read from the front of a text and the offset just after it. */
    public record Prefix(JsonValue value, int end) {}

    private final String text;
    private final int maxDepth;
    private int pos;

    private JsonParser(String text, int start, int maxDepth) {
        this.text = Objects.requireNonNull(text, "text");
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, was " + maxDepth);
        }
        this.maxDepth = maxDepth;
        this.pos = start;
    }

    /** {@link #parse(String, int)} with {@link #DEFAULT_MAX_DEPTH}. */
    public static JsonValue parse(String text) {
        return parse(text, DEFAULT_MAX_DEPTH);
    }

    /**
     * Parses one JSON value that makes up the whole of {@code text} (surrounding whitespace allowed).
     *
     * @param maxDepth the most arrays and objects nested in one another (at least 1)
     * @throws NullPointerException when {@code text} is null
     * @throws IllegalArgumentException when {@code maxDepth} is below 1
     * @throws JsonParseException when the text is not JSON or nests deeper than {@code maxDepth}
     */
    public static JsonValue parse(String text, int maxDepth) {
        JsonParser p = new JsonParser(text, 0, maxDepth);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            p.pos = 1;
        }
        p.skipWhitespace();
        JsonValue v = p.value(0);
        p.skipWhitespace();
        if (p.pos < text.length()) {
            throw p.error("unexpected " + p.describeHere() + " after the JSON value");
        }
        return v;
    }

    /** The JSON value starting at {@code start} (leading whitespace skipped); anything after it is left. */
    public static Prefix parsePrefix(String text, int start, int maxDepth) {
        JsonParser p = new JsonParser(text, start, maxDepth);
        p.skipWhitespace();
        JsonValue v = p.value(0);
        return new Prefix(v, p.pos);
    }

    private JsonValue value(int depth) {
        if (pos >= text.length()) {
            throw error("expected a JSON value, found the end of the text");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return JsonValue.string(string());
            case 't':
                literal("true");
                return JsonValue.bool(true);
            case 'f':
                literal("false");
                return JsonValue.bool(false);
            case 'n':
                literal("null");
                return JsonValue.NULL;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("expected a JSON value, found " + describeHere());
        }
    }

    private JsonValue object(int depth) {
        checkDepth(depth);
        pos++; // {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new JsonValue.JsonObject(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name in double quotes, found " + describeHere());
            }
            int keyAt = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            JsonValue v = value(depth);
            if (members.putIfAbsent(key, v) != null) {
                pos = keyAt;
                throw error("duplicate member name \"" + key + "\"");
            }
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                return new JsonValue.JsonObject(members);
            } else {
                throw error("expected ',' or '}' in an object, found " + describeHere());
            }
        }
    }

    private JsonValue array(int depth) {
        checkDepth(depth);
        pos++; // [
        List<JsonValue> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new JsonValue.JsonArray(items);
        }
        while (true) {
            skipWhitespace();
            items.add(value(depth));
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                return new JsonValue.JsonArray(items);
            } else {
                throw error("expected ',' or ']' in an array, found " + describeHere());
            }
        }
    }

    private String string() {
        int start = pos;
        pos++; // "
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                pos = start;
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("control character U+" + String.format("%04X", (int) c) + " in a string; escape it");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                pos = start;
                throw error("unterminated string");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"': out.append('"'); break;
                case '\\': out.append('\\'); break;
                case '/': out.append('/'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 't': out.append('\t'); break;
                case 'u':
                    if (pos + 4 > text.length()) {
                        pos -= 2;
                        throw error("incomplete \\u escape");
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.digit(text.charAt(pos + i), 16);
                        if (d < 0) {
                            pos -= 2;
                            throw error("bad \\u escape");
                        }
                        code = code * 16 + d;
                    }
                    pos += 4;
                    out.append((char) code);
                    break;
                default:
                    pos -= 2;
                    throw error("unknown escape \\" + e);
            }
        }
    }

    private JsonValue number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw error("expected a digit, found " + describeHere());
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after '.', found " + describeHere());
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent, found " + describeHere());
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (pos - start > 1000) {
            pos = start;
            throw error("number longer than 1000 characters");
        }
        try {
            return new JsonValue.JsonNumber(new BigDecimal(text.substring(start, pos)));
        } catch (NumberFormatException | ArithmeticException e) {
            pos = start;
            throw error("number out of range");
        }
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("expected a JSON value, found " + describeHere());
        }
        pos += word.length();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "', found " + describeHere());
        }
        pos++;
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw error("nesting deeper than " + maxDepth + " levels");
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private String describeHere() {
        if (pos >= text.length()) {
            return "the end of the text";
        }
        int cp = text.codePointAt(pos);
        if (cp < 0x20) {
            return "U+" + String.format("%04X", cp);
        }
        return "'" + new String(Character.toChars(cp)) + "'";
    }

    private JsonParseException error(String message) {
        return new JsonParseException(message, pos);
    }
}
