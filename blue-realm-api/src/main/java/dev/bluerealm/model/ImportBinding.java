package dev.bluerealm.model;

import java.time.Instant;

/**
 * One entry of a binding's {@code imports}. The range and resolved version are kept as written: a
 * range that does not parse or a resolved version that is not SemVer is a finding for
 * {@code realm check}, never a load error.
 *
 * @param range the version range as written (Cargo syntax, or {@code npm:} prefixed)
 * @param binding the binding file in the importer repo, or null when not declared yet
 * @param status the recorded status, or null (computed)
 * @param resolvedVersion the version the importer is bound to, as written, or null
 * @param resolvedAt when it was bound, or null
 * @since 0.1
 */
public record ImportBinding(String contract, String range, String binding, ImportStatus status,
                            String resolvedVersion, Instant resolvedAt) {
    public ImportBinding {
        Names.require("contract", contract);
        Values.nonBlank("version", range);
        if (binding != null) {
            Values.nonBlank("binding", binding);
        }
    }
}
