package dev.bluerealm.sync;

import dev.bluerealm.contract.CompatibilityReport;
import dev.bluerealm.json.JsonValue;
import java.util.List;

/**
 * What {@code realm sync} would do, computed without side effects by {@link SyncPlanner}.
 *
 * @since 0.1
 */
public record SyncPlan(String realm, String repo, String branch, List<ContractChange> changes,
                       List<OwnershipViolation> violations, List<AffectedImporter> affected,
                       List<BindingUpdate> bindingUpdates) {
    public SyncPlan {
        changes = List.copyOf(changes);
        violations = List.copyOf(violations);
        affected = List.copyOf(affected);
        bindingUpdates = List.copyOf(bindingUpdates);
    }

    public boolean isEmpty() {
        return changes.isEmpty() && bindingUpdates.isEmpty();
    }

    /** A new version of a contract this repo owns: value and schema, diffs and the proposed version. */
    public record ContractChange(String domain, String contract, String fromVersion, String toVersion,
                                 JsonValue oldValue, JsonValue newValue, JsonValue newSchema, List<String> added,
                                 List<String> removed, CompatibilityReport compatibility, boolean breaking) {}

    /** A change to a contract this repo does not own: refused before anything is written. */
    public record OwnershipViolation(String domain, String contract, String owner) {}

    /** An importer of a changed contract, with its maintainers (the reviewers). */
    public record AffectedImporter(String repo, String domain, String contract, String range, boolean satisfied,
                                   List<String> maintainers) {}

    /** An import binding of this repo moved to a version it acknowledges. */
    public record BindingUpdate(String domain, String contract, String fromVersion, String toVersion,
                                Integer pullRequest) {}
}
