package dev.bluerealm.internal.extract;

import dev.bluerealm.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 reader for the JSON the extractors meet: marker literals
 * ({@code blue:export c.p = {"a": 1}}), {@code extract: {file: x.json}} and a command's stdout.
 * Numbers are read exactly ({@link BigDecimal}); duplicate object keys, nesting deeper than
 * {@link #MAX_DEPTH} and anything after the value (for {@link #parse}) are errors.
 */
public final class Json {
    /** Deepest nesting of arrays and objects accepted (the YAML limit of DESIGN §3). */
    public static final int MAX_DEPTH = 64;

    /** A value read from the front of a text and the offset just after it. */
    public record Prefix(JsonValue value, int end) {}

    /** A JSON syntax error at a 0-based offset of the text read. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int offset;
        private final int line;
        private final int column;

        SyntaxException(String message, String text, int offset) {
            super(message);
            this.offset = offset;
            int l = 1;
            int c = 1;
            for (int i = 0; i < offset && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    l++;
                    c = 1;
                } else {
                    c++;
                }
            }
            this.line = l;
            this.column = c;
        }

        /** 0-based offset into the text. */
        public int offset() {
            return offset;
        }

        /** 1-based line. */
        public int line() {
            return line;
        }

        /** 1-based column. */
        public int column() {
            return column;
        }
    }

    private final String text;
    private int pos;

    private Json(String text, int start) {
        this.text = text;
        this.pos = start;
    }

    /** The one JSON value that {@code text} holds (surrounding whitespace allowed). */
    public static JsonValue parse(String text) throws SyntaxException {
        Json p = new Json(text, 0);
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
    public static Prefix parsePrefix(String text, int start) throws SyntaxException {
        Json p = new Json(text, start);
        p.skipWhitespace();
        JsonValue v = p.value(0);
        return new Prefix(v, p.pos);
    }

    private JsonValue value(int depth) throws SyntaxException {
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

    private JsonValue object(int depth) throws SyntaxException {
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

    private JsonValue array(int depth) throws SyntaxException {
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

    private String string() throws SyntaxException {
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

    private JsonValue number() throws SyntaxException {
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

    private void literal(String word) throws SyntaxException {
        if (!text.startsWith(word, pos)) {
            throw error("expected a JSON value, found " + describeHere());
        }
        pos += word.length();
    }

    private void expect(char c) throws SyntaxException {
        if (peek() != c) {
            throw error("expected '" + c + "', found " + describeHere());
        }
        pos++;
    }

    private void checkDepth(int depth) throws SyntaxException {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
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

    private SyntaxException error(String message) {
        return new SyntaxException(message, text, pos);
    }
}
