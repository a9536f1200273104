package dev.bluerealm.model;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a binding's {@code exports}: the contract, the source files to watch, how to extract.
 *
 * @since 0.1
 */
public record ExportBinding(String contract, List<String> sourceFiles, Extract extract) {
    public ExportBinding {
        Names.require("contract", contract);
        sourceFiles = Values.nonBlank("source_files", sourceFiles);
        Objects.requireNonNull(extract, "extract");
    }
}
