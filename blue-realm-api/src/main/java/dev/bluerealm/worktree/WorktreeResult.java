package dev.bluerealm.worktree;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code Realm.worktrees} did, one entry per repo (the current repo first, then by name).
 *
 * @param rfc the request's RFC name
 * @param branch {@code feat/NAME}
 * @param removed true for {@code --remove}
 * @since 0.1
 */
public record WorktreeResult(String rfc, String branch, boolean removed, List<Entry> repos) {
    public WorktreeResult {
        Objects.requireNonNull(rfc, "rfc");
        Objects.requireNonNull(branch, "branch");
        repos = List.copyOf(repos);
    }

    /** True when some repo was skipped: the command did not do everything it was asked. */
    public boolean anySkipped() {
        return repos.stream().anyMatch(e -> e.outcome().skipped());
    }

    /** How many repos ended with {@code outcome}. */
    public long count(Outcome outcome) {
        return repos.stream().filter(e -> e.outcome() == outcome).count();
    }

    /**
     * One repo.
     *
     * @param path the worktree's folder ({@code <repo>/.worktrees/feat-NAME}), or null when the repo has
     *     no local clone
     * @param message what happened, in words (why it was skipped, what to do)
     * @param cloned true when the repo, known to the realm only by its {@code url}, had no clone on this
     *     machine and was cloned just now into the folder beside the current repo
     */
    public record Entry(String repo, Path path, String branch, Outcome outcome, String message, boolean cloned) {
        public Entry {
            Objects.requireNonNull(repo, "repo");
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(message, "message");
        }

        /** A repo that was not cloned now. */
        public Entry(String repo, Path path, String branch, Outcome outcome, String message) {
            this(repo, path, branch, outcome, message, false);
        }
    }

    /** How many repos were cloned just now (url-only repos without a clone on this machine). */
    public long cloned() {
        return repos.stream().filter(Entry::cloned).count();
    }

    /** What happened in one repo. */
    public enum Outcome {
        /** The worktree and (unless it existed) its branch were created. */
        CREATED(false),
        /** The worktree was there already, on the branch: nothing changed. */
        EXISTS(false),
        /** The worktree was removed, and its branch deleted (it was merged into the default branch, or gone). */
        REMOVED(false),
        /** The worktree was removed; its branch was kept because it is not merged into the default branch. */
        BRANCH_KEPT_UNMERGED(false),
        /** {@code --remove} found neither the worktree nor the branch. */
        ABSENT(false),
        /** Uncommitted changes (or files) are in the way: left untouched. */
        SKIPPED_DIRTY(true),
        /**
         * The folder or the branch is used by something else (another branch, another worktree), or the
         * folder a url-only repo is cloned into holds something that is not its clone: left untouched.
         */
        SKIPPED_IN_THE_WAY(true),
        /**
         * The repo has no clone on this machine that could be used: its {@code path} holds no git
         * repository, or, known only by its URL, it could not be cloned (offline, or the clone failed,
         * leaving nothing behind).
         */
        SKIPPED_NO_LOCAL_CLONE(true),
        /** The repo's default branch has no commit to branch from. */
        SKIPPED_NO_DEFAULT_BRANCH(true);

        private final boolean skipped;

        Outcome(boolean skipped) {
            this.skipped = skipped;
        }

        /** True when the repo was left as it was because something was wrong there. */
        public boolean skipped() {
            return skipped;
        }

        /** The JSON spelling: {@code created}, {@code skipped_dirty}, ... */
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
