package dev.bluerealm.internal.extract;

import dev.bluerealm.json.JsonParseException;
import dev.bluerealm.json.JsonParser;
import dev.bluerealm.json.JsonValue;

/**
 * The JSON the extractors meet (marker literals, {@code extract: {file: x.json}}, a command's
 * stdout), read with the API's {@link JsonParser}; a syntax error becomes a checked
 * {@link SyntaxException} with the line and column the problem reports need.
 */
public final class Json {
    /** Deepest nesting of arrays and objects accepted (the YAML limit of DESIGN §3). */
    public static final int MAX_DEPTH = 64;

    private Json() {}

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

    /** The one JSON value that {@code text} holds (surrounding whitespace allowed). */
    public static JsonValue parse(String text) throws SyntaxException {
        try {
            return JsonParser.parse(text, MAX_DEPTH);
        } catch (JsonParseException e) {
            throw new SyntaxException(e.reason(), text, e.position());
        }
    }

    /** The JSON value starting at {@code start} (leading whitespace skipped); anything after it is left. */
    public static Prefix parsePrefix(String text, int start) throws SyntaxException {
        try {
            JsonParser.Prefix p = JsonParser.parsePrefix(text, start, MAX_DEPTH);
            return new Prefix(p.value(), p.end());
        } catch (JsonParseException e) {
            throw new SyntaxException(e.reason(), text, e.position());
        }
    }
}
