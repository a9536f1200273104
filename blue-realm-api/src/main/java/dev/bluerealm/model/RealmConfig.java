package dev.bluerealm.model;

import java.time.Instant;
import java.util.Objects;

/**
 * realm.yaml: the realm's name, format version, creation time, governance, trust and, when its
 * pull requests live on a hosted forge, that forge.
 *
 * @param forge the hosted forge of the realm's pull requests, or null for the embedded local forge
 * @since 0.1
 */
public record RealmConfig(String name, String version, Instant createdAt, Governance governance, Trust trust,
                          ForgeConfig forge) {
    /** The format version this library writes. */
    public static final String FORMAT_VERSION = "1.0.0";

    public RealmConfig {
        Names.require("realm", name);
        Values.nonBlank("version", version);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(governance, "governance");
        Objects.requireNonNull(trust, "trust");
    }

    /** A realm on the embedded local forge. */
    public RealmConfig(String name, String version, Instant createdAt, Governance governance, Trust trust) {
        this(name, version, createdAt, governance, trust, null);
    }
}
