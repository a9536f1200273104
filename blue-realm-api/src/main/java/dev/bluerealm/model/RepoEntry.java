package dev.bluerealm.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * repos/{repo}.yaml: a participating repo, where it lives ({@code path} on this machine or a
 * clone {@code url}; at most one), and who maintains it.
 *
 * @param org optional org prefix, or null
 * @param path local path, or null
 * @param url clone URL, or null
 * @since 0.1
 */
public record RepoEntry(String name, String org, String path, String url, List<String> maintainers, Instant joinedAt) {
    public RepoEntry {
        Names.require("repo", name);
        if (org != null) {
            Values.nonBlank("org", org);
        }
        if (path != null && url != null) {
            throw new IllegalArgumentException("repo '" + name + "' has both path and url; give one");
        }
        if (path != null) {
            Values.nonBlank("path", path);
        }
        if (url != null) {
            Values.nonBlank("url", url);
        }
        maintainers = Values.nonBlank("maintainers", maintainers);
        Objects.requireNonNull(joinedAt, "joinedAt");
    }

    /** True when {@code identity} maintains this repo (e-mail addresses compare case-insensitively). */
    public boolean isMaintainer(String identity) {
        return identity != null && maintainers.stream().anyMatch(m -> m.equalsIgnoreCase(identity));
    }

    /** The repo's location as written: its url, else its path, else null. */
    public String location() {
        return url != null ? url : path;
    }
}
