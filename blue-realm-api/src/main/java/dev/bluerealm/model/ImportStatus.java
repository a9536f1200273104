package dev.bluerealm.model;

/**
 * Where an import binding stands against the contract's versions.
 *
 * @since 0.1
 */
public enum ImportStatus {
    /** The resolved version is the newest in range. */
    CURRENT("current"),
    /** A newer in-range version is on the realm's main branch. */
    STALE("stale"),
    /** A newer version waits in an open pull request. */
    PENDING("pending");

    private final String yaml;

    ImportStatus(String yaml) {
        this.yaml = yaml;
    }

    /** The spelling used in realm files. */
    public String yaml() {
        return yaml;
    }
}
