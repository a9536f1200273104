package dev.bluerealm.model;

import java.util.List;
import java.util.Objects;

/**
 * domains/{domain}/bindings/{repo}.yaml: a repo's role in the domain and what it exports and imports.
 *
 * @since 0.1
 */
public record Binding(String repo, Role role, List<ExportBinding> exports, List<ImportBinding> imports) {
    public Binding {
        Names.require("repo", repo);
        Objects.requireNonNull(role, "role");
        exports = List.copyOf(exports);
        imports = List.copyOf(imports);
    }
}
