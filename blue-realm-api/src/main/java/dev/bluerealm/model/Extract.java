package dev.bluerealm.model;

/**
 * How an exported value is read from the exporter's sources ({@code extract}).
 *
 * @since 0.1
 */
public sealed interface Extract {
    /** The default: {@code blue:export <contract>.<path>} markers in the source files. */
    Extract MARKERS = new Markers();

    /** {@code extract: {markers: true}}. */
    record Markers() implements Extract {}

    /** {@code extract: {file: "config/s3.json#/s3"}}: a JSON/YAML file, optionally at a JSON Pointer. */
    record File(String ref) implements Extract {
        public File {
            Values.nonBlank("extract.file", ref);
        }
    }

    /** {@code extract: {command: "scripts/print-s3.sh"}}: a script in the repo printing the value as JSON. */
    record Command(String command) implements Extract {
        public Command {
            Values.nonBlank("extract.command", command);
        }
    }
}
