package dev.bluerealm.internal.pr;

import dev.bluerealm.RealmException;
import dev.bluerealm.sync.PullRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One repo's side of a coordinated change: its feature branch on its remote and the pull requests
 * kept for that remote (the local forge's records on it, {@link LocalRepoPulls}, or a Forgejo
 * repository's, {@link ForgejoRepoPulls}).
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

    /**
     * How the forge's own pages name pull request {@code number} so that they link it
     * ({@code owner/name#7} on Forgejo); empty when its pages are not linked (the local forge).
     */
    default Optional<String> reference(int number) {
        return Optional.empty();
    }

    /**
     * Shows on the forge whether the open pull request may merge yet: on Forgejo the commit status
     * {@code blue/merge-order} of its head, pending while {@code waitingFor} (references, as
     * {@link #reference} gives them) is not empty; the local forge has nothing to show it on.
     */
    default void showMergeOrder(int number, List<String> waitingFor) throws RealmException {
    }

    @Override
    void close();
}
