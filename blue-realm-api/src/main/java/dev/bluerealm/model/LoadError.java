package dev.bluerealm.model;

import java.util.Objects;

/**
 * One reason a file could not be loaded: the file (relative to the realm or repo root), the
 * 1-based line and column (0 when unknown), and what was wrong or expected.
 *
 * @since 0.1
 */
public record LoadError(String file, int line, int column, String message) {
    public LoadError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: message}, the form compilers use, so editors can jump to it. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
    }
}
