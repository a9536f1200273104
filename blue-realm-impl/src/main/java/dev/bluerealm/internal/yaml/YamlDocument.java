package dev.bluerealm.internal.yaml;

import dev.bluerealm.model.LoadError;
import java.util.List;

/**
 * A file read as YAML: its root node (null for an empty file or when it could not be read) and
 * the load errors found while reading it.
 */
public record YamlDocument(String file, YamlNode root, List<LoadError> errors) {
    public YamlDocument {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
