package dev.bluerealm.internal.sync;

import dev.bluerealm.model.Governance;
import dev.bluerealm.sync.PullRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a sync pull request may merge (DESIGN §5 item 3): every affected importer acknowledged the
 * version it proposes (an acknowledgement counts when given by one of that repo's maintainers), or
 * the change is not breaking and its grace period has passed; a breaking change also needs an
 * approval from one of the governance approvers when the governance asks for it, and never merges
 * on grace alone. One policy for every forge.
 */
public final class MergePolicy {
    private MergePolicy() {}

    /** An importer that must acknowledge {@code version}. */
    public record Required(String repo, String version) {}

    /** The verdict, with what is still missing when it may not merge. */
    public record Decision(boolean merge, List<String> waitingFor) {}

    /**
     * @param required the acknowledgements the pull request needs
     * @param maintainers each repo's maintainers (repos/{repo}.yaml)
     * @param approvals who approved the pull request
     */
    public static Decision decide(PullRequest pr, List<Required> required, Map<String, List<String>> maintainers,
                                  Set<String> approvals, Governance governance, Instant now) {
        return decide(pr, required, maintainers, approvals, governance, now, false);
    }

    /**
     * @param approvalRequired true for a pull request only an approver may let in whatever the
     *     governance says of breaking changes (a join under {@code admission: approval})
     */
    public static Decision decide(PullRequest pr, List<Required> required, Map<String, List<String>> maintainers,
                                  Set<String> approvals, Governance governance, Instant now, boolean approvalRequired) {
        List<String> waiting = new ArrayList<>();
        if (pr.state() != PullRequest.State.OPEN) {
            return new Decision(false, List.of("it is " + pr.state().name().toLowerCase(java.util.Locale.ROOT)));
        }
        for (Required r : required) {
            List<String> allowed = maintainers.getOrDefault(r.repo(), List.of());
            boolean acked = pr.acknowledgements().stream().anyMatch(a -> a.repo().equals(r.repo())
                    && r.version().equals(a.version()) && allowed.contains(a.by()));
            if (!acked) {
                waiting.add(r.repo() + " to acknowledge " + r.version());
            }
        }
        boolean approved = governance.approvers().stream().anyMatch(approvals::contains);
        if (approvalRequired) {
            if (!approved) {
                waiting.add("an approver (" + String.join(", ", governance.approvers()) + ") to approve it");
            }
            return new Decision(waiting.isEmpty(), waiting);
        }
        if (pr.breaking()) {
            if (governance.breakingChanges().requireApproval() && !approved) {
                waiting.add("an approver (" + String.join(", ", governance.approvers()) + ") to approve the breaking"
                        + " change");
            }
            return new Decision(waiting.isEmpty(), waiting);
        }
        boolean graceOver = pr.graceDeadline() != null && !now.isBefore(pr.graceDeadline());
        if (graceOver && !waiting.isEmpty()) {
            return new Decision(true, List.of());
        }
        if (!waiting.isEmpty() && pr.graceDeadline() != null) {
            waiting.add("or the grace period to end at " + pr.graceDeadline());
        }
        return new Decision(waiting.isEmpty(), waiting);
    }
}
