package dev.bluerealm.pr;

import dev.bluerealm.model.Names;
import dev.bluerealm.worktree.WorktreeRequest;
import java.util.Objects;

/**
 * What {@code Realm.pullRequestSet} does with the pull requests of one change (the branch
 * {@code feat/NAME} in the current repo and every repo sharing a domain with it).
 *
 * <pre>{@code
 * PullRequestSet opened = realm.pullRequestSet(new PullRequestSetRequest.Open(null, "feat: training metrics v2", null));
 * PullRequestSet merged = realm.pullRequestSet(new PullRequestSetRequest.Merge("training-metrics-v2", null));
 * }</pre>
 *
 * @since 0.1
 */
public sealed interface PullRequestSetRequest {
    /**
     * The change's name (its branch is {@code feat/NAME}), or null for the change the current checkout
     * is on (its branch is {@code feat/NAME}, as in a worktree of {@code Realm.worktrees}).
     */
    String rfc();

    /**
     * Pushes {@code feat/NAME} in every repo that has commits on it and opens one pull request per repo
     * (or, for one open already, pushes its new commits and rewrites its merge order), each body stating
     * its place in the merge order and what it is blocked by.
     *
     * @param body text put before the merge order, or null
     */
    record Open(String rfc, String title, String body) implements PullRequestSetRequest {
        /** @throws IllegalArgumentException for a blank title or an invalid RFC name */
        public Open {
            requireRfc(rfc);
            if (Objects.requireNonNull(title, "title").isBlank()) {
                throw new IllegalArgumentException("the pull requests need a title");
            }
        }
    }

    /** The set as it stands: its order, each pull request's state and what blocks it. Changes nothing. */
    record Status(String rfc) implements PullRequestSetRequest {
        /** @throws IllegalArgumentException for an invalid RFC name */
        public Status {
            requireRfc(rfc);
        }
    }

    /**
     * {@link Status}, after bringing what the forge shows of the merge order up to date: on Forgejo the
     * commit status {@code blue/merge-order} of each open pull request (pending while a blocker is
     * open, success once all are merged). The local forge shows nothing, so there it is {@link Status}.
     */
    record Refresh(String rfc) implements PullRequestSetRequest {
        /** @throws IllegalArgumentException for an invalid RFC name */
        public Refresh {
            requireRfc(rfc);
        }
    }

    /**
     * Merges, in order, every open pull request of the set whose blockers are merged; one whose
     * blockers stay open is reported as blocked (on Forgejo through its merge endpoint, the others'
     * {@code blue/merge-order} statuses brought up to date after). With {@code repo}, only that repo's pull request,
     * and a blocked one is refused ({@code MERGE_BLOCKED}, naming what blocks it).
     *
     * @param repo only this repo's pull request, or null for the whole set
     */
    record Merge(String rfc, String repo) implements PullRequestSetRequest {
        /** @throws IllegalArgumentException for an invalid RFC or repo name */
        public Merge {
            requireRfc(rfc);
            if (repo != null) {
                Names.require("repo", repo);
            }
        }
    }

    private static void requireRfc(String rfc) {
        if (rfc != null) {
            new WorktreeRequest(rfc, null, false); // the same rule as the worktrees' names
        }
    }
}
