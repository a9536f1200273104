package dev.bluerealm.internal.pr;

import dev.bluerealm.RealmException;
import dev.bluerealm.sync.PullRequest;
import java.util.List;
import java.util.Objects;

/**
 * One repo's side of a coordinated change: its feature branch on its remote and the pull requests
 * kept for that remote (the local forge's records on it, or a Forgejo repository's).
 */
public interface RepoPulls extends AutoCloseable {
    /** A pull request of the repo, with its body (where the set's block lives). */
    record Pull(int number, PullRequest.State state, String base, String body) {
        public Pull {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(body, "body");
        }
    }

    /** What pushing the feature branch found. */
    enum Push {
        /** The remote's branch now has the local commits. */
        PUSHED,
        /** The remote had them already. */
        UP_TO_DATE,
        /** There is no such local branch. */
        NO_BRANCH,
        /** The local branch has nothing beyond the base branch. */
        NO_COMMITS,
        /** The remote's branch has commits the local one lacks: nothing was pushed. */
        DIVERGED
    }

    /** The branch pull requests merge into: the remote's default branch. */
    String base() throws RealmException;

    /** Pushes local {@code branch} to the remote when it has commits beyond the base (fast-forward only). */
    Push push(String branch) throws RealmException;

    /** The pull requests whose head is {@code branch}, by number. */
    List<Pull> pulls(String branch) throws RealmException;

    Pull open(String title, String body, String head, String authorRepo) throws RealmException;

    void editBody(int number, String body) throws RealmException;

    /** Merges the pull request into its base and deletes its branch. */
    void merge(int number) throws RealmException;

    @Override
    void close();
}
