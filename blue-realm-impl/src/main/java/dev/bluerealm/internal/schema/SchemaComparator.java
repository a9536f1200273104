package dev.bluerealm.internal.schema;

import dev.bluerealm.contract.CompatibilityReport;
import dev.bluerealm.contract.CompatibilityReport.Direction;
import dev.bluerealm.contract.CompatibilityReport.SchemaChange;
import dev.bluerealm.contract.CompatibilityReport.Verdict;
import dev.bluerealm.contract.CompatibilityReport.Witness;
import dev.bluerealm.contract.SchemaCompatibility;
import dev.bluerealm.json.JsonValue;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides {@code backwards} (NEW ⊆ OLD: every instance valid under the new schema is valid under the
 * old one) and {@code forwards} (OLD ⊆ NEW) for a schema change, lists the changes, and backs each
 * relation that does not hold with a witness the validator confirms.
 *
 * <p>Sound: {@code Holds} only when proven ({@link Subsumption}); {@code DoesNotHold} only with a
 * confirmed witness; otherwise {@code Unknown} with the reason (e.g. two different regular
 * expressions). Stateless and thread-safe; compiled validators are shared through
 * {@link SchemaValidator}'s cache.
 *
 * <pre>{@code
 * CompatibilityReport r = new SchemaComparator().compare(oldSchema, newSchema);
 * r.backwards().holds();                        // new values readable by old importers
 * r.witnesses().get(Direction.FORWARDS);         // e.g. {"read": [], "experiments": 5}
 * }</pre>
 */
public final class SchemaComparator implements SchemaCompatibility {
    private final SchemaValidator validator = new SchemaValidator();

    /** The validator this comparator confirms witnesses with; the engine's one, with its cache. */
    public SchemaValidator validator() {
        return validator;
    }

    /**
     * Compares two schemas (domain, contract, from and to of the report are null; importers empty).
     *
     * @throws IllegalArgumentException when either is not a valid JSON Schema (the message names
     *     which one and what is wrong)
     * @throws NullPointerException when either is null
     */
    @Override
    public CompatibilityReport compare(JsonValue oldSchema, JsonValue newSchema) {
        Objects.requireNonNull(oldSchema, "oldSchema");
        Objects.requireNonNull(newSchema, "newSchema");
        requireSchema("old", oldSchema);
        requireSchema("new", newSchema);
        Side oldSide = Side.of("old", oldSchema);
        Side newSide = Side.of("new", newSchema);
        List<SchemaChange> changes = ChangeDetector.detect(oldSide, newSide);
        Map<Direction, Witness> witnesses = new EnumMap<>(Direction.class);
        Verdict backwards = verdict(Direction.BACKWARDS, newSide, oldSide, witnesses);
        Verdict forwards = verdict(Direction.FORWARDS, oldSide, newSide, witnesses);
        return new CompatibilityReport(null, null, null, null, backwards, forwards, changes, witnesses, List.of());
    }

    private void requireSchema(String which, JsonValue schema) {
        Optional<String> problem = validator.schemaProblem(schema);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("the " + which + " schema is not a valid JSON Schema: " + problem.get());
        }
    }

    /** Does {@code smaller} ⊆ {@code larger} hold; if not, find the witness (accepted by smaller). */
    private Verdict verdict(Direction direction, Side smaller, Side larger, Map<Direction, Witness> witnesses) {
        Outcome outcome = new Subsumption(smaller, larger).check();
        if (outcome.holds()) {
            return new Verdict.Holds();
        }
        Optional<WitnessFinder.Found> found = WitnessFinder.find(validator, smaller, larger, outcome);
        if (found.isPresent()) {
            witnesses.put(direction, new Witness(found.get().instance(), smaller.label(), larger.label()));
            return new Verdict.DoesNotHold(found.get().reason());
        }
        return new Verdict.Unknown(outcome.reason());
    }
}
