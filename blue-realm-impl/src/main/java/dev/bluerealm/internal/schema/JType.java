package dev.bluerealm.internal.schema;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.json.JsonValue.JsonArray;
import dev.bluerealm.json.JsonValue.JsonBoolean;
import dev.bluerealm.json.JsonValue.JsonNumber;
import dev.bluerealm.json.JsonValue.JsonObject;
import dev.bluerealm.json.JsonValue.JsonString;
import java.util.EnumSet;

/**
 * The JSON types an instance can have. {@code integer} is not a type of its own here: it is
 * {@link #NUMBER} with the integer restriction ({@link Conj#integer}). Declared scalars first, so
 * that samples and witnesses prefer {@code 0} or {@code "a"} to a nested structure.
 */
enum JType {
    NUMBER("number"), STRING("string"), BOOLEAN("boolean"), NULL("null"), OBJECT("object"), ARRAY("array");

    final String schemaName;

    JType(String schemaName) {
        this.schemaName = schemaName;
    }

    static JType of(JsonValue v) {
        if (v instanceof JsonObject) {
            return OBJECT;
        }
        if (v instanceof JsonArray) {
            return ARRAY;
        }
        if (v instanceof JsonString) {
            return STRING;
        }
        if (v instanceof JsonNumber) {
            return NUMBER;
        }
        if (v instanceof JsonBoolean) {
            return BOOLEAN;
        }
        return NULL;
    }

    /** The types a {@code type} name allows ({@code integer} → number); empty for an unknown name. */
    static EnumSet<JType> named(String name) {
        if ("integer".equals(name)) {
            return EnumSet.of(NUMBER);
        }
        for (JType t : values()) {
            if (t.schemaName.equals(name)) {
                return EnumSet.of(t);
            }
        }
        return EnumSet.noneOf(JType.class);
    }

    static String names(EnumSet<JType> types) {
        StringBuilder out = new StringBuilder();
        for (JType t : types) {
            out.append(out.length() == 0 ? "" : ", ").append(t.schemaName);
        }
        return out.toString();
    }
}
