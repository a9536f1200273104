package dev.bluerealm.internal.pr;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A code repo's {@code owner/name} on a Forgejo, read from its clone URL: {@code http(s)://host[:port][/sub]/owner/name[.git]}
 * on the forge's host and port, under its sub-path.
 */
record ForgejoRepoName(String owner, String name) {
    /** {@code url}'s repository when it is a clone URL of the Forgejo at {@code forgeUrl}; empty otherwise. */
    static Optional<ForgejoRepoName> of(String url, String forgeUrl) {
        Optional<URI> origin = httpUri(url);
        Optional<URI> forge = httpUri(forgeUrl);
        if (origin.isEmpty() || forge.isEmpty() || !origin.get().getHost().equalsIgnoreCase(forge.get().getHost())
                || port(origin.get()) != port(forge.get())) {
            return Optional.empty();
        }
        String prefix = strip(forge.get().getPath()) + "/";
        String path = strip(origin.get().getPath());
        if (!path.startsWith(prefix)) {
            return Optional.empty();
        }
        String[] parts = path.substring(prefix.length()).split("/");
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        String name = parts[1].endsWith(".git") ? parts[1].substring(0, parts[1].length() - 4) : parts[1];
        return name.isEmpty() ? Optional.empty() : Optional.of(new ForgejoRepoName(parts[0], name));
    }

    @Override
    public String toString() {
        return owner + "/" + name;
    }

    private static Optional<URI> httpUri(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? Optional.of(u)
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static String strip(String path) {
        String p = path == null ? "" : path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
