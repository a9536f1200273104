package dev.bluerealm.internal.forge.forgejo;

import java.util.Objects;

/**
 * A review of a pull request.
 *
 * @param state {@code APPROVED}, {@code REQUEST_CHANGES}, {@code COMMENT}, {@code PENDING} or
 *     {@code REQUEST_REVIEW} (Forgejo leaves it a bare string)
 * @param commitId the head commit reviewed
 * @param stale true when the head moved since the review
 * @param body the review's text; empty when it has none
 */
public record ForgejoReview(long id, String user, String state, String commitId, boolean stale, boolean dismissed,
        boolean official, String body) {
    public ForgejoReview {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(commitId, "commitId");
    }

    /** An approval of the current head that nobody dismissed (ENDPOINTS.md 4.5). */
    public boolean isCurrentApproval() {
        return state.equals(ReviewEvent.APPROVED.name()) && !stale && !dismissed;
    }
}
