package dev.bluerealm.model;

import java.util.Objects;

/**
 * A participating repo's .blue/config.yaml: its realm and its name in that realm.
 *
 * @since 0.1
 */
public record RepoConfig(RealmRef realm, String repo) {
    /** Where the file lives, relative to the repo's root. */
    public static final String PATH = ".blue/config.yaml";

    public RepoConfig {
        Objects.requireNonNull(realm, "realm");
        Names.require("repo", repo);
    }
}
