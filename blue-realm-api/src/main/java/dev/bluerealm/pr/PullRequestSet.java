package dev.bluerealm.pr;

import dev.bluerealm.sync.PullRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The pull requests of one change, as {@code Realm.pullRequestSet} left them: one member per repo
 * considered, those with a pull request in merge order first ({@link Member#position()} 1, 2, …),
 * then the repos skipped, by name.
 *
 * @param rfc the change's name
 * @param branch {@code feat/NAME}
 * @param action what was asked
 * @since 0.1
 */
public record PullRequestSet(String rfc, String branch, Action action, List<Member> members) {
    public PullRequestSet {
        Objects.requireNonNull(rfc, "rfc");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(action, "action");
        members = List.copyOf(members);
    }

    /** What was asked. */
    public enum Action { OPEN, STATUS, REFRESH, MERGE }

    /** The pull requests in merge order, as {@code repo#number}: {@code aperture#45 → fungal#23}. */
    public List<String> mergeOrder() {
        return members.stream().filter(Member::inSet).sorted(Comparator.comparingInt(Member::position))
                .map(Member::label).toList();
    }

    /** True when some repo was skipped, blocked or in conflict: not everything asked was done. */
    public boolean anyProblem() {
        return members.stream().anyMatch(m -> m.outcome().problem());
    }

    /**
     * One repo.
     *
     * @param position its place in the merge order (1 merges first), or 0 when it has no pull request
     * @param number its pull request's number on its repo's forge, or 0 when it has none
     * @param state its pull request's state, or null when it has none
     * @param base the branch it merges into, or null when it has none
     * @param blockedBy the pull requests that merge before it ({@code repo#number}), in merge order
     * @param waitingFor those of {@code blockedBy} not merged yet
     * @param message what happened, in words (why it was skipped, what blocks it, what to do)
     */
    public record Member(String repo, int position, int number, PullRequest.State state, String base,
                         List<String> blockedBy, List<String> waitingFor, Outcome outcome, String message) {
        public Member {
            Objects.requireNonNull(repo, "repo");
            blockedBy = List.copyOf(blockedBy);
            waitingFor = List.copyOf(waitingFor);
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(message, "message");
        }

        /** True when the repo has a pull request in the set. */
        public boolean inSet() {
            return number > 0;
        }

        /** {@code repo#number}. */
        public String label() {
            return repo + "#" + number;
        }
    }

    /** What happened to one repo. */
    public enum Outcome {
        /** Its branch was pushed and its pull request opened. */
        OPENED(false),
        /** Its pull request was open already: new commits were pushed and its merge order rewritten. */
        UPDATED(false),
        /** Its pull request is open (and waits for {@code waitingFor}, if any). */
        OPEN(false),
        /** Its pull request was merged now. */
        MERGED(false),
        /** Its pull request had been merged before. */
        ALREADY_MERGED(false),
        /** Its pull request was closed without merging. */
        CLOSED(false),
        /** Not merged: pull requests it is blocked by are still open. */
        BLOCKED(true),
        /** Not merged: its branch and its base changed the same lines. */
        CONFLICT(true),
        /** The repo has no commits on the branch: it takes no part in the change. */
        SKIPPED_NO_COMMITS(false),
        /**
         * The repo's clone has no {@code origin} remote to push to and keep pull requests on, or (for a
         * realm on Forgejo) its {@code origin} is not a repository on that Forgejo.
         */
        SKIPPED_NO_REMOTE(true),
        /** The repo has no clone on this machine. */
        SKIPPED_NO_LOCAL_CLONE(true),
        /** The remote's branch has commits the local one lacks: pull them first. */
        SKIPPED_DIVERGED(true);

        private final boolean problem;

        Outcome(boolean problem) {
            this.problem = problem;
        }

        /** True when something kept the repo from what was asked. */
        public boolean problem() {
            return problem;
        }

        /** The JSON spelling: {@code opened}, {@code skipped_no_commits}, ... */
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
