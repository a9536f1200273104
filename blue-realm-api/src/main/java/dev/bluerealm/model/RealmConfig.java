package dev.bluerealm.model;

import java.time.Instant;
import java.util.Objects;

/**
 * realm.yaml: the realm's name, format version, creation time, governance and trust.
 *
 * @since 0.1
 */
public record RealmConfig(String name, String version, Instant createdAt, Governance governance, Trust trust) {
    /** The format version this library writes. */
    public static final String FORMAT_VERSION = "1.0.0";

    public RealmConfig {
        Names.require("realm", name);
        Values.nonBlank("version", version);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(governance, "governance");
        Objects.requireNonNull(trust, "trust");
    }
}
