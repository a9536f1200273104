package dev.bluerealm.admin;

import java.util.Objects;

/**
 * One file a realm write created, updated or deleted, with an optional note (e.g. the binding's role).
 *
 * @param path relative to the realm root
 * @param note or null
 * @since 0.1
 */
public record FileChange(Kind kind, String path, String note) {
    public FileChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
    }

    public enum Kind { CREATED, UPDATED, DELETED }
}
