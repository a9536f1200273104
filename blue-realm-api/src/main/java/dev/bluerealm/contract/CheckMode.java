package dev.bluerealm.contract;

/**
 * What {@code realm check --mode=...} verifies (DESIGN §4).
 *
 * @since 0.1
 */
public enum CheckMode {
    /** The extracted value equals the realm's, is valid, and the exporter hook passes. */
    EXPORTER,
    /** Each import's resolved version exists, is in range and current; the importer hook passes. */
    IMPORTER,
    /** Schema, value, owner, evolution and version bump are sound. */
    CONTRACT,
    /** The per-field compatibility report between two versions. */
    COMPATIBILITY
}
