package dev.bluerealm.model;

import dev.bluerealm.version.Version;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a contract's {@code evolution} log.
 *
 * @since 0.1
 */
public record EvolutionEntry(Version version, List<String> changes, boolean compatible) {
    public EvolutionEntry {
        Objects.requireNonNull(version, "version");
        changes = List.copyOf(changes);
    }
}
