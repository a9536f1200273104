package dev.bluerealm.internal.forge.forgejo;

import java.util.Objects;

/**
 * A commit status (a CI check result) on a commit.
 *
 * @param state {@code pending}, {@code success}, {@code error}, {@code failure} or {@code warning}
 * @param context the check's name, which branch protection matches on
 */
public record ForgejoCommitStatus(long id, String state, String context, String description, String targetUrl,
        String creator) {
    public ForgejoCommitStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(targetUrl, "targetUrl");
        Objects.requireNonNull(creator, "creator");
    }
}
