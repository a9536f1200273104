package dev.bluerealm.internal.hooks;

import java.util.Objects;

/**
 * How a validation hook ended.
 *
 * @param status the verdict
 * @param exitCode the process's exit code; -1 when it did not run to an exit (refused, timed out, could not start)
 * @param output its stdout and stderr as they interleaved, the last {@link HookRunner#OUTPUT_LIMIT} bytes at most
 * @param message one sentence for the finding: what ran and what it means
 */
public record HookResult(Status status, int exitCode, String output, String message) {
    /** A hook's verdict (exit 0 valid, 1 invalid, 2 warning, any other exit invalid). */
    public enum Status {
        VALID, INVALID, WARNING,
        /** It ran past its time and was stopped, with every process it started: an error. */
        TIMEOUT,
        /** It was not run: the path escapes the repo, or the script is not this repo's committed code. */
        REFUSED
    }

    public HookResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(message, "message");
    }

    /** True for {@link Status#VALID} and {@link Status#WARNING}. */
    public boolean passed() {
        return status == Status.VALID || status == Status.WARNING;
    }
}
