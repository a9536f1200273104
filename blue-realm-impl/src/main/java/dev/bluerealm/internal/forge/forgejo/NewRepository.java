package dev.bluerealm.internal.forge.forgejo;

import java.util.Objects;

/**
 * A repository to create.
 *
 * @param autoInit whether Forgejo makes a first commit, so that the default branch exists for branches
 *     and pull requests to start from
 * @param defaultBranch empty for Forgejo's default
 */
public record NewRepository(String name, String description, boolean isPrivate, boolean autoInit, String defaultBranch) {
    public NewRepository {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultBranch, "defaultBranch");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a repository needs a name");
        }
    }
}
