package dev.bluerealm.json;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes {@link JsonValue}s as RFC 8259 text. */
final class JsonWriter {
    private JsonWriter() {}

    static void write(JsonValue value, StringBuilder out, int indent, int depth) {
        // Java 17: no pattern matching for switch yet
        if (value instanceof JsonValue.JsonNull) {
            out.append("null");
        } else if (value instanceof JsonValue.JsonBoolean b) {
            out.append(b.value());
        } else if (value instanceof JsonValue.JsonNumber n) {
            out.append(number(n.value()));
        } else if (value instanceof JsonValue.JsonString s) {
            quote(s.value(), out);
        } else if (value instanceof JsonValue.JsonArray a) {
            writeArray(a.items(), out, indent, depth);
        } else {
            writeObject(((JsonValue.JsonObject) value).members(), out, indent, depth);
        }
    }

    private static void writeArray(List<JsonValue> items, StringBuilder out, int indent, int depth) {
        if (items.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            newline(out, indent, depth + 1);
            write(items.get(i), out, indent, depth + 1);
        }
        newline(out, indent, depth);
        out.append(']');
    }

    private static void writeObject(Map<String, JsonValue> members, StringBuilder out, int indent, int depth) {
        if (members.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<Map.Entry<String, JsonValue>> it = members.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonValue> e = it.next();
            newline(out, indent, depth + 1);
            quote(e.getKey(), out);
            out.append(indent < 0 ? ":" : ": ");
            write(e.getValue(), out, indent, depth + 1);
            if (it.hasNext()) {
                out.append(',');
            }
        }
        newline(out, indent, depth);
        out.append('}');
    }

    private static void newline(StringBuilder out, int indent, int depth) {
        if (indent >= 0) {
            out.append('\n').append(" ".repeat(indent * depth));
        }
    }

    /** Plain digits where reasonable (1000, not 1E+3); exponent form only for extreme scales. */
    static String number(java.math.BigDecimal v) {
        if (Math.abs(v.scale()) > 100) {
            return v.toString();
        }
        return v.scale() <= 0 ? v.toBigInteger().toString() : v.toPlainString();
    }

    static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
