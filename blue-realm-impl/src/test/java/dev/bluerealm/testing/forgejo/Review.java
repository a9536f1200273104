package dev.bluerealm.testing.forgejo;

import java.time.Instant;

/** A pull request review, or a review request (state {@code REQUEST_REVIEW}); guarded by the {@link Forge}'s lock. */
final class Review {
    final long id;
    final Account reviewer;
    final String state;
    final String body;
    final String commitId;
    final boolean official;
    final Instant submitted;
    boolean stale;

    Review(long id, Account reviewer, String state, String body, String commitId, boolean official, Instant submitted) {
        this.id = id;
        this.reviewer = reviewer;
        this.state = state;
        this.body = body;
        this.commitId = commitId;
        this.official = official;
        this.submitted = submitted;
    }
}
