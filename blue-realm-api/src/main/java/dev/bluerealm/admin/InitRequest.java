package dev.bluerealm.admin;

import dev.bluerealm.model.Names;

/**
 * {@code blue realm admin init --name N [--url URL]}. Without a URL the realm's remote is the
 * embedded default, a bare repository at {@code $BLUE_HOME/remotes/N.git}; with one, it must be an
 * empty repository (or one that does not exist yet, for local paths).
 *
 * @param url the remote, or null for the embedded default
 * @since 0.1
 */
public record InitRequest(String name, String url) {
    public InitRequest {
        Names.require("realm", name);
        if (url != null && url.isBlank()) {
            throw new IllegalArgumentException("url is blank");
        }
    }
}
