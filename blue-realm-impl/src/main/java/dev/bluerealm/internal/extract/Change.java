package dev.bluerealm.internal.extract;

import dev.bluerealm.json.JsonValue;
import java.util.Objects;

/**
 * One difference between a contract's value in the realm and the extracted one.
 *
 * <p>Paths are dot-separated keys as markers write them ({@code limits.max}); an item of a list
 * compared as a set ends in {@code []} ({@code read[]}), an item of an ordered list in its index
 * ({@code jobs[2]}); the whole value is {@code ""}.
 *
 * @param path where
 * @param kind what happened
 * @param before the realm's value there (null for {@link Kind#ADDED})
 * @param after the extracted value there (null for {@link Kind#REMOVED})
 */
public record Change(String path, Kind kind, JsonValue before, JsonValue after) {
    /** What happened at the path. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    /** The suffix of a path that names an item of a list compared as a set. */
    public static final String SET_ITEM = "[]";

    public Change {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        if ((before == null) != (kind == Kind.ADDED) || (after == null) != (kind == Kind.REMOVED)) {
            throw new IllegalArgumentException(kind + " takes " + (kind == Kind.ADDED ? "only after"
                    : kind == Kind.REMOVED ? "only before" : "before and after"));
        }
    }

    /** Whether this adds or removes an item of a list compared as a set. */
    public boolean isSetItem() {
        return path.endsWith(SET_ITEM);
    }

    /** For a set item, the list's path ({@code read} for {@code read[]}); else the path itself. */
    public String listPath() {
        return isSetItem() ? path.substring(0, path.length() - SET_ITEM.length()) : path;
    }

    /**
     * The RFC's short form: {@code + training-metrics/experiments/*} for a set item (strings
     * unquoted), {@code + delete: []} / {@code - limits.max: 5} for a member, and
     * {@code ~ limits.max: 5 → 6} for a changed value.
     */
    @Override
    public String toString() {
        String sign = sign();
        if (isSetItem()) {
            return sign + " " + text(kind == Kind.REMOVED ? before : after);
        }
        return sign + " " + where() + ": " + body();
    }

    /** Like {@link #toString()} but naming the list of a set item: {@code + read[]: training-metrics/experiments/*}. */
    public String describe() {
        if (isSetItem()) {
            return sign() + " " + path + ": " + text(kind == Kind.REMOVED ? before : after);
        }
        return toString();
    }

    private String sign() {
        return kind == Kind.ADDED ? "+" : kind == Kind.REMOVED ? "-" : "~";
    }

    private String where() {
        return path.isEmpty() ? "(value)" : path;
    }

    private String body() {
        switch (kind) {
            case ADDED:
                return after.toJson();
            case REMOVED:
                return before.toJson();
            default:
                return before.toJson() + " \u2192 " + after.toJson();
        }
    }

    private static String text(JsonValue v) {
        return v instanceof JsonValue.JsonString ? ((JsonValue.JsonString) v).value() : v.toJson();
    }
}
