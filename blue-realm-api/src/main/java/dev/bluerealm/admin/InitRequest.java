package dev.bluerealm.admin;

import dev.bluerealm.model.Names;

/**
 * {@code blue realm admin init --name N [--url URL | --forgejo URL [--org ORG]]}. Without a URL the
 * realm's remote is the embedded default, a bare repository at {@code $BLUE_HOME/remotes/N.git};
 * with one, it must be an empty repository (or one that does not exist yet, for local paths). With
 * {@code forgejo}, the realm repo is created on that Forgejo (in organization {@code org}, else
 * for the token's user), realm.yaml names it in its {@code forge} block, and the realm's pull
 * requests live there.
 *
 * @param url the remote, or null for the embedded default (or for Forgejo)
 * @param forgejo the base URL of a Forgejo to create the realm repo on, or null
 * @param org the Forgejo organization to create it in, or null for the token's user
 * @since 0.1
 */
public record InitRequest(String name, String url, String forgejo, String org) {
    public InitRequest {
        Names.require("realm", name);
        if (url != null && url.isBlank()) {
            throw new IllegalArgumentException("url is blank");
        }
        if (forgejo != null && forgejo.isBlank()) {
            throw new IllegalArgumentException("forgejo is blank");
        }
        if (url != null && forgejo != null) {
            throw new IllegalArgumentException("give either a url or a forgejo, not both: on Forgejo the realm repo"
                    + " is created, and its URL is Forgejo's");
        }
        if (org != null && forgejo == null) {
            throw new IllegalArgumentException("an org needs a forgejo to create the realm repo in");
        }
        if (org != null && org.isBlank()) {
            throw new IllegalArgumentException("org is blank");
        }
    }

    /** A realm on a plain git remote ({@code url}) or the embedded default (null). */
    public InitRequest(String name, String url) {
        this(name, url, null, null);
    }
}
