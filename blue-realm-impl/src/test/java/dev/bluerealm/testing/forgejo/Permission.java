package dev.bluerealm.testing.forgejo;

/** A user's access to a repository, as Forgejo's collaborator levels (ordered: each includes the previous). */
public enum Permission {
    NONE, READ, WRITE, ADMIN;

    boolean atLeast(Permission other) {
        return compareTo(other) >= 0;
    }
}
