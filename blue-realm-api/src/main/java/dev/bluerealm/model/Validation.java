package dev.bluerealm.model;

import java.util.List;

/**
 * A contract's validation hooks: scripts in the exporter's and importer's own repos.
 *
 * @param exporter path of the exporter hook, or null
 * @param importer path of the importer hook, or null
 * @param ciOnly hooks run only in CI
 * @since 0.1
 */
public record Validation(String exporter, String importer, List<String> ciOnly) {
    public Validation {
        if (exporter != null) {
            Values.nonBlank("validation.exporter", exporter);
        }
        if (importer != null) {
            Values.nonBlank("validation.importer", importer);
        }
        ciOnly = Values.nonBlank("validation.ci_only", ciOnly);
    }
}
