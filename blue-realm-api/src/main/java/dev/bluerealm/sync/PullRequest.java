package dev.bluerealm.sync;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A pull request against the realm, on either forge.
 *
 * @param graceDeadline when a non-breaking change may merge without every acknowledgement, or null
 * @param mergeCommit the merge commit once merged, or null
 * @since 0.1
 */
public record PullRequest(int number, String title, String head, String base, String authorRepo, State state,
                          List<String> reviewers, List<Acknowledgement> acknowledgements, boolean breaking,
                          Instant graceDeadline, String mergeCommit) {
    public PullRequest {
        Objects.requireNonNull(state, "state");
        reviewers = List.copyOf(reviewers);
        acknowledgements = List.copyOf(acknowledgements);
    }

    public enum State { OPEN, MERGED, CLOSED }

    /** An importer repo's acknowledgement of a version, by one of its maintainers. */
    public record Acknowledgement(String repo, String by, Instant at, String version) {}
}
