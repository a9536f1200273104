package dev.bluerealm.internal.extract;

import java.util.Objects;

/**
 * Something wrong with an export's sources: a marker that names no known contract or path, a
 * single value set twice, a missing file, a command that failed.
 *
 * @param file the file it is about, relative to the repo; empty when it is about the export as a whole
 * @param line 1-based line, or 0 when the problem is about the file as a whole
 * @param message what is wrong and, where it helps, what to do
 */
public record Problem(String file, int line, String message) {
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    /** {@code file:line}, or just {@code file} when there is no line (empty when there is no file). */
    public String location() {
        return line > 0 && !file.isEmpty() ? file + ":" + line : file;
    }

    @Override
    public String toString() {
        return file.isEmpty() ? message : location() + ": " + message;
    }
}
