package dev.bluerealm.internal.extract;

import dev.bluerealm.json.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * One {@code blue:export <contract>.<path>} marker found in a source file, with the value it carries.
 *
 * @param file the source file, relative to the repo
 * @param line 1-based line of the marker
 * @param contract the exported contract it names
 * @param path the key path into the contract's value ({@code [limits, max]}); never empty
 * @param value the first string literal on the line, or the JSON literal after {@code =}
 */
public record Marker(String file, int line, String contract, List<String> path, JsonValue value) {
    public Marker {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contract, "contract");
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a marker's path is never empty");
        }
        Objects.requireNonNull(value, "value");
    }

    /** {@code file:line}. */
    public String location() {
        return file + ":" + line;
    }

    /** The path as written: {@code limits.max}. */
    public String dottedPath() {
        return String.join(".", path);
    }
}
