package dev.bluerealm.internal.forge.forgejo;

import java.util.Objects;

/**
 * A repository on Forgejo.
 *
 * @param defaultBranch empty for an empty repository
 * @param canPush whether the token's user may push (and so open and merge pull requests)
 */
public record ForgejoRepository(long id, String owner, String name, String defaultBranch, String cloneUrl,
        String htmlUrl, boolean isPrivate, boolean empty, boolean archived, boolean canPush) {
    public ForgejoRepository {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultBranch, "defaultBranch");
        Objects.requireNonNull(cloneUrl, "cloneUrl");
        Objects.requireNonNull(htmlUrl, "htmlUrl");
    }

    /** {@code owner/name}. */
    public String fullName() {
        return owner + "/" + name;
    }
}
