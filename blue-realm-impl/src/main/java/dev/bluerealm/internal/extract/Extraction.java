package dev.bluerealm.internal.extract;

import dev.bluerealm.json.JsonValue;
import java.util.List;

/**
 * An exported value as the exporter's sources say it.
 *
 * @param value the value completed with the schema's defaults; null when none could be read (a
 *     missing file, a failed command). With problems but a value, the value holds what could be
 *     read (markers with problems left out) and should not be proposed.
 * @param problems what is wrong, each with file and line where there is one
 * @param filesRead the files read, relative to the repo, in order (source files for markers, the
 *     file for {@code file}, the script for {@code command})
 */
public record Extraction(JsonValue value, List<Problem> problems, List<String> filesRead) {
    public Extraction {
        problems = List.copyOf(problems);
        filesRead = List.copyOf(filesRead);
    }

    /** True when there is a value and no problem. */
    public boolean ok() {
        return value != null && problems.isEmpty();
    }
}
