package dev.bluerealm.sync;

import dev.bluerealm.RealmException;
import java.util.List;
import java.util.Optional;

/**
 * Where the realm's pull requests live: the embedded local forge (records on {@code refs/blue/pulls}
 * of the realm repo) or Forgejo. One merge policy applies to both.
 *
 * @since 0.1
 */
public interface Forge {
    /** A pull request to open: title, body, the branch to merge and the repos to review it. */
    record Draft(String title, String body, String head, String base, String authorRepo, List<String> reviewers,
                 boolean breaking) {
        public Draft {
            reviewers = List.copyOf(reviewers);
        }
    }

    PullRequest open(Draft draft) throws RealmException;

    List<PullRequest> list(PullRequest.State state) throws RealmException;

    Optional<PullRequest> get(int number) throws RealmException;

    /** Records an importer's acknowledgement (on Forgejo, an approving review). */
    PullRequest acknowledge(int number, PullRequest.Acknowledgement acknowledgement) throws RealmException;

    /** Records an approver's approval of a breaking change. */
    PullRequest approve(int number, String approver) throws RealmException;

    /** Merges the pull request and deletes its branch. */
    PullRequest merge(int number) throws RealmException;
}
