package dev.bluerealm.daemon;

import java.util.Objects;

/**
 * What {@link ServiceInstaller#install} did.
 *
 * @since 0.1
 */
public record InstallResult(ServiceUnit unit, Outcome outcome) {
    /** Whether the file was written. */
    public enum Outcome {
        /** There was no file; now there is. */
        CREATED,
        /** A file with other content was overwritten ({@code force}). */
        REPLACED,
        /** The file already held exactly this unit; nothing was written. */
        UNCHANGED
    }

    public InstallResult {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(outcome, "outcome");
    }
}
