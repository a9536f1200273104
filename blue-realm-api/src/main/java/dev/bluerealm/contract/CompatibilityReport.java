package dev.bluerealm.contract;

import dev.bluerealm.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The compatibility of one contract between two versions (or a realm schema and a proposed one):
 * the verdict in each direction, every change with its JSON path and kind, a witness instance for
 * each direction that does not hold, and what each importer must do.
 *
 * @since 0.1
 */
public record CompatibilityReport(String domain, String contract, String from, String to, Verdict backwards,
                                  Verdict forwards, List<SchemaChange> changes, Map<Direction, Witness> witnesses,
                                  List<ImporterImpact> importers) {
    public CompatibilityReport {
        Objects.requireNonNull(backwards, "backwards");
        Objects.requireNonNull(forwards, "forwards");
        changes = List.copyOf(changes);
        witnesses = Map.copyOf(witnesses);
        importers = List.copyOf(importers);
    }

    /** The two relations: backwards (NEW ⊆ OLD) and forwards (OLD ⊆ NEW). */
    public enum Direction { BACKWARDS, FORWARDS }

    /** Whether a relation holds. Unknown counts as not holding. */
    public sealed interface Verdict {
        record Holds() implements Verdict {}

        record DoesNotHold(String reason) implements Verdict {}

        record Unknown(String reason) implements Verdict {}

        default boolean holds() {
            return this instanceof Holds;
        }
    }

    /** One change between the schemas, e.g. {@code /properties/delete} added optional property. */
    public record SchemaChange(String path, String kind, String detail, boolean compatible) {}

    /** A concrete instance one schema accepts and the other rejects, confirmed by the validator. */
    public record Witness(JsonValue instance, String acceptedBy, String rejectedBy) {}

    /** For one importer: whether the new version satisfies its range, and what it must do. */
    public record ImporterImpact(String repo, String range, boolean satisfied, Action action) {}

    /** What an importer must do about a new version. */
    public enum Action { NOTHING, UPDATE_BINDING, WIDEN_RANGE }
}
