package dev.bluerealm.model;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.version.Version;
import java.util.List;
import java.util.Objects;

/**
 * domains/{domain}/contracts/{name}.yaml: a JSON value, its JSON Schema, its SemVer version and
 * its owner repo (the only repo that may change it).
 *
 * @param validation hooks, or null
 * @since 0.1
 */
public record Contract(String name, Version version, String owner, Compatibility compatibility,
                       JsonValue schema, JsonValue value, Validation validation, List<EvolutionEntry> evolution) {
    public Contract {
        Names.require("contract", name);
        Objects.requireNonNull(version, "version");
        Names.require("owner", owner);
        Objects.requireNonNull(compatibility, "compatibility");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(value, "value");
        evolution = List.copyOf(evolution);
    }
}
