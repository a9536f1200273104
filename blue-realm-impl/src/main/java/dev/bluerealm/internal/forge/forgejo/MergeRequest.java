package dev.bluerealm.internal.forge.forgejo;

import java.util.Objects;

/**
 * What to merge and how.
 *
 * @param headSha the head commit that was reviewed: Forgejo refuses the merge (409 "head out of date")
 *     when the branch has moved since (PITFALLS 8)
 * @param title the merge commit's title; empty for Forgejo's default
 * @param message the merge commit's body; empty for Forgejo's default
 * @param deleteBranch whether Forgejo deletes the head branch after merging
 */
public record MergeRequest(MergeStyle style, String headSha, String title, String message, boolean deleteBranch) {
    public MergeRequest {
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(headSha, "headSha");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        if (headSha.isBlank()) {
            throw new IllegalArgumentException("a merge needs the head commit that was reviewed");
        }
    }

    /** A merge commit with Forgejo's default title and message, keeping the branch. */
    public static MergeRequest mergeCommit(String headSha) {
        return new MergeRequest(MergeStyle.MERGE, headSha, "", "", false);
    }
}
