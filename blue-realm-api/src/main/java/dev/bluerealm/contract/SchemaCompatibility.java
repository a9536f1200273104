package dev.bluerealm.contract;

import dev.bluerealm.json.JsonValue;

/**
 * Decides, for a schema change OLD → NEW, whether {@code backwards} (NEW ⊆ OLD) and {@code forwards}
 * (OLD ⊆ NEW) hold. Sound: it never claims a relation that does not hold; where it cannot prove one
 * it answers {@link CompatibilityReport.Verdict.Unknown} with the reason.
 *
 * @since 0.1
 */
public interface SchemaCompatibility {
    /**
     * Compares two schemas; the report's importers list is empty (no realm context here).
     *
     * @throws IllegalArgumentException when either is not a valid JSON Schema
     */
    CompatibilityReport compare(JsonValue oldSchema, JsonValue newSchema);
}
