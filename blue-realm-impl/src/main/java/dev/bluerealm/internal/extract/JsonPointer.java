package dev.bluerealm.internal.extract;

import dev.bluerealm.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** RFC 6901 JSON Pointers: {@code /s3/read/0}, with {@code ~1} for '/' and {@code ~0} for '~'. */
public final class JsonPointer {
    private JsonPointer() {}

    /**
     * The reference tokens of a pointer ({@code ""} is the whole document).
     *
     * @throws IllegalArgumentException when it does not start with '/' or has a '~' not followed by 0 or 1
     */
    public static List<String> parse(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        if (pointer.charAt(0) != '/') {
            throw new IllegalArgumentException("JSON Pointer '" + pointer + "' must be empty or start with '/'");
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            StringBuilder t = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c != '~') {
                    t.append(c);
                } else if (i + 1 < raw.length() && raw.charAt(i + 1) == '0') {
                    t.append('~');
                    i++;
                } else if (i + 1 < raw.length() && raw.charAt(i + 1) == '1') {
                    t.append('/');
                    i++;
                } else {
                    throw new IllegalArgumentException("JSON Pointer '" + pointer
                            + "': '~' must be followed by 0 (for '~') or 1 (for '/')");
                }
            }
            tokens.add(t.toString());
        }
        return tokens;
    }

    /** The value at the tokens, or null when there is none. */
    public static JsonValue get(JsonValue document, List<String> tokens) {
        JsonValue at = document;
        for (String token : tokens) {
            if (at instanceof JsonValue.JsonObject) {
                at = ((JsonValue.JsonObject) at).get(token);
            } else if (at instanceof JsonValue.JsonArray) {
                List<JsonValue> items = ((JsonValue.JsonArray) at).items();
                if (!token.matches("0|[1-9][0-9]{0,8}")) {
                    return null;
                }
                int index = Integer.parseInt(token);
                at = index < items.size() ? items.get(index) : null;
            } else {
                return null;
            }
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    /** The value at {@code pointer}, or null when there is none. */
    public static JsonValue get(JsonValue document, String pointer) {
        return get(document, parse(pointer));
    }

    /** Writes tokens back as a pointer, escaping '~' and '/'. */
    public static String format(List<String> tokens) {
        StringBuilder out = new StringBuilder();
        for (String t : tokens) {
            out.append('/').append(t.replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }
}
