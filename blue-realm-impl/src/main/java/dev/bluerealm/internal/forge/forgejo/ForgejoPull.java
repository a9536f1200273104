package dev.bluerealm.internal.forge.forgejo;

import java.util.List;
import java.util.Objects;

/**
 * A pull request on Forgejo.
 *
 * @param number the index used in paths ({@code /pulls/{index}})
 * @param state {@code open} or {@code closed} (a merged pull request is closed and {@code merged})
 * @param mergeable Forgejo's conflict check; false while it runs, and blind to approvals and status checks
 * @param mergeCommitSha empty unless merged
 * @param user the author's login
 * @param requestedReviewers logins whose review is requested and not yet given
 */
public record ForgejoPull(long number, String title, String body, String state, String headRef, String headSha,
        String baseRef, boolean merged, boolean mergeable, String mergeCommitSha, String user,
        List<String> requestedReviewers, String htmlUrl) {
    public ForgejoPull {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(headRef, "headRef");
        Objects.requireNonNull(headSha, "headSha");
        Objects.requireNonNull(baseRef, "baseRef");
        Objects.requireNonNull(mergeCommitSha, "mergeCommitSha");
        Objects.requireNonNull(user, "user");
        requestedReviewers = List.copyOf(requestedReviewers);
        Objects.requireNonNull(htmlUrl, "htmlUrl");
    }

    public boolean isOpen() {
        return state.equals("open");
    }
}
