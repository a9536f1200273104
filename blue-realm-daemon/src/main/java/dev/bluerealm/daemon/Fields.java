package dev.bluerealm.daemon;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Names;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Validated, bounded fields of a JSON request body and of path and query parameters. */
final class Fields {
    static final int MAX_TEXT = 512;
    static final int MAX_ITEMS = 200;

    private Fields() {}

    static String name(JsonValue.JsonObject o, String field, String kind) {
        String s = text(o, field, true, 64);
        return name(kind, s);
    }

    static String name(String kind, String s) {
        if (!Names.isValid(s)) {
            throw HttpError.badRequest(Names.describe(kind, s));
        }
        return s;
    }

    /** A string member of at most {@code max} characters; null when absent (or JSON null) and optional. */
    static String text(JsonValue.JsonObject o, String field, boolean required, int max) {
        JsonValue v = o.get(field);
        if (v == null || v instanceof JsonValue.JsonNull) {
            if (required) {
                throw HttpError.badRequest("'" + field + "' is required");
            }
            return null;
        }
        if (!(v instanceof JsonValue.JsonString s)) {
            throw HttpError.badRequest("'" + field + "' must be a string");
        }
        if (s.value().isEmpty() || s.value().length() > max) {
            throw HttpError.badRequest("'" + field + "' must be 1 to " + max + " characters");
        }
        for (int i = 0; i < s.value().length(); i++) {
            if (Character.isISOControl(s.value().charAt(i))) {
                throw HttpError.badRequest("'" + field + "' must not contain control characters");
            }
        }
        return s.value();
    }

    /** An integer member in [min, max]; null when absent and optional. */
    static Long integer(JsonValue.JsonObject o, String field, boolean required, long min, long max) {
        JsonValue v = o.get(field);
        if (v == null || v instanceof JsonValue.JsonNull) {
            if (required) {
                throw HttpError.badRequest("'" + field + "' is required");
            }
            return null;
        }
        if (!(v instanceof JsonValue.JsonNumber n)) {
            throw HttpError.badRequest("'" + field + "' must be a number");
        }
        BigDecimal d = n.value();
        if (d.scale() > 0 || d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw HttpError.badRequest("'" + field + "' must be an integer from " + min + " to " + max);
        }
        return d.longValueExact();
    }

    static List<String> strings(JsonValue.JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v instanceof JsonValue.JsonNull) {
            return List.of();
        }
        if (!(v instanceof JsonValue.JsonArray a) || a.items().size() > MAX_ITEMS) {
            throw HttpError.badRequest("'" + field + "' must be an array of at most " + MAX_ITEMS + " strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : a.items()) {
            if (!(item instanceof JsonValue.JsonString s) || s.value().length() > 2048) {
                throw HttpError.badRequest("'" + field + "' must hold strings of at most 2048 characters");
            }
            out.add(s.value());
        }
        return out;
    }

    /** Refuses members this endpoint does not know (typos would otherwise pass silently). */
    static void only(JsonValue.JsonObject o, String... known) {
        List<String> allowed = List.of(known);
        for (String k : o.members().keySet()) {
            if (!allowed.contains(k)) {
                throw HttpError.badRequest("unknown field '" + k + "'");
            }
        }
    }

    /** A path id: a positive integer. */
    static long id(String segment) {
        if (segment.isEmpty() || segment.length() > 18 || !segment.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw HttpError.badRequest("id must be a positive integer: '" + segment + "'");
        }
        long id = Long.parseLong(segment);
        if (id < 1) {
            throw HttpError.badRequest("id must be a positive integer: '" + segment + "'");
        }
        return id;
    }

    static boolean bool(Map<String, String> query, String name) {
        String v = query.get(name);
        if (v == null) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw HttpError.badRequest("'" + name + "' must be true or false");
    }
}
