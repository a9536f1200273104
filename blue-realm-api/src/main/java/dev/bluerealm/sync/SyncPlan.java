package dev.bluerealm.sync;

import dev.bluerealm.contract.CompatibilityReport;
import dev.bluerealm.json.JsonValue;
import java.util.List;

/**
 * What {@code realm sync} would do, computed without side effects by {@link SyncPlanner}.
 *
 * @param branch the sync branch the changes go on: a new {@code sync/{repo}/{yyyyMMdd-HHmmss}}, or
 *     the branch of {@code updates}
 * @param updates the open pull request of this repo that the changes update (it already changes
 *     the same contracts), or null to open a new one
 * @param problems exported contracts whose code could not be read (extraction or proposed schema
 *     errors): not synced, reported
 * @since 0.1
 */
public record SyncPlan(String realm, String repo, String branch, Integer updates, List<ContractChange> changes,
                       List<OwnershipViolation> violations, List<AffectedImporter> affected,
                       List<BindingUpdate> bindingUpdates, List<String> problems) {
    public SyncPlan {
        problems = List.copyOf(problems);
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

    /**
     * An import binding of this repo to move to a version it acknowledges: the version of an open
     * pull request ({@code pullRequest}), or with {@code --ack} and none open, the newest in-range
     * version on main ({@code pullRequest} null).
     *
     * @param hook true when the importer hook must pass first (false with {@code --ack})
     */
    public record BindingUpdate(String domain, String contract, String fromVersion, String toVersion,
                                Integer pullRequest, boolean hook) {}
}
