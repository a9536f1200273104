package dev.bluerealm.internal.forge.forgejo;

import java.util.Objects;

/** A comment on a pull request (or issue). */
public record ForgejoComment(long id, String body, String user, String htmlUrl) {
    public ForgejoComment {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(htmlUrl, "htmlUrl");
    }
}
