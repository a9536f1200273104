package dev.bluerealm.sync;

import java.util.List;

/**
 * What {@code realm sync} did.
 *
 * @param opened the pull request opened (or updated, when this repo already had one open for the
 *     same contracts) for this repo's contract changes, or null
 * @param updated true when {@code opened} already existed and its branch got a new commit
 * @param acknowledged the acknowledgements this repo recorded, one per pull request and contract
 * @param refused what an importer hook refused to acknowledge (the pull request stays pending)
 * @param bindingCommit the direct commit moving bindings on main ({@code --ack} with no pull request),
 *     or null
 * @param merged pull requests merged by this run because their conditions held
 * @param notice what happened to notifications: the daemon's answer, or that nothing is listening
 * @param retries how many of this run's writes lost a race to another writer and were redone
 * @param notMerged pull requests whose conditions held but whose merge was refused (a conflict with
 *     main, or a result that would not load), each with why; they stay open
 * @since 0.1
 */
public record SyncResult(String realm, String repo, PullRequest opened, boolean updated,
                         List<Acknowledged> acknowledged, List<Refusal> refused, String bindingCommit,
                         List<PullRequest> merged, String notice, int retries, List<String> notMerged) {
    public SyncResult {
        notMerged = List.copyOf(notMerged);
        acknowledged = List.copyOf(acknowledged);
        refused = List.copyOf(refused);
        merged = List.copyOf(merged);
    }

    /** An acknowledgement recorded for a pull request (null: a binding moved on main, no pull request). */
    public record Acknowledged(Integer pullRequest, String domain, String contract, String fromVersion,
                               String toVersion) {}

    /** An importer hook that failed on a pull request's new version: no acknowledgement. */
    public record Refusal(int pullRequest, String domain, String contract, String version, String reason) {}
}
