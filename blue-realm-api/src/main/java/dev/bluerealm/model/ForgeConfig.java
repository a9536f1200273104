package dev.bluerealm.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * The optional {@code forge} block of realm.yaml: where the realm's pull requests live when it is
 * not the embedded local forge (records on {@code refs/blue/pulls} of the realm repo). Absent in
 * realm.yaml means the local forge.
 *
 * <pre>{@code
 * forge:
 *   type: forgejo
 *   url: https://git.example.com
 *   repo: realms/letemcook
 *   merge_style: squash        # optional; default merge
 * }</pre>
 *
 * @param url the forge's base URL, {@code https://host} or {@code https://host/subpath}, without a
 *     trailing slash or {@code /api/v1}
 * @param repo the realm repository on the forge, {@code owner/name}
 * @param mergeStyle how the forge merges a realm pull request
 * @since 0.1
 */
public record ForgeConfig(Type type, String url, String repo, MergeStyle mergeStyle) {
    /** The kinds of hosted forge a realm may name. */
    public enum Type {
        FORGEJO("forgejo");

        private final String yaml;

        Type(String yaml) {
            this.yaml = yaml;
        }

        public String yaml() {
            return yaml;
        }
    }

    /** How a pull request is merged: Forgejo's merge styles, as realm.yaml spells them. */
    public enum MergeStyle {
        MERGE("merge"), REBASE("rebase"), REBASE_MERGE("rebase-merge"), SQUASH("squash"),
        FAST_FORWARD_ONLY("fast-forward-only");

        private final String yaml;

        MergeStyle(String yaml) {
            this.yaml = yaml;
        }

        public String yaml() {
            return yaml;
        }
    }

    public ForgeConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mergeStyle, "mergeStyle");
        url = checkUrl(url);
        Values.nonBlank("repo", repo);
        int slash = repo.indexOf('/');
        if (slash <= 0 || slash != repo.lastIndexOf('/') || slash == repo.length() - 1) {
            throw new IllegalArgumentException("forge repo '" + repo + "' is not owner/name");
        }
    }

    /** A forge merging with a merge commit (the default). */
    public ForgeConfig(Type type, String url, String repo) {
        this(type, url, repo, MergeStyle.MERGE);
    }

    /** A Forgejo forge holding the realm repo {@code owner/name}. */
    public static ForgeConfig forgejo(String url, String owner, String name) {
        return new ForgeConfig(Type.FORGEJO, url, owner + "/" + name);
    }

    /** The repository's owner (a user or an organization). */
    public String owner() {
        return repo.substring(0, repo.indexOf('/'));
    }

    /** The repository's name. */
    public String name() {
        return repo.substring(repo.indexOf('/') + 1);
    }

    private static String checkUrl(String url) {
        Values.nonBlank("forge url", url);
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        try {
            URI u = new URI(trimmed);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null || u.getQuery() != null
                    || u.getFragment() != null || u.getUserInfo() != null) {
                throw new IllegalArgumentException("forge url '" + url + "' is not http(s)://host[/path]"
                        + " (no credentials, query or fragment)");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("forge url '" + url + "' is not a URL: " + e.getMessage());
        }
        return trimmed;
    }
}
