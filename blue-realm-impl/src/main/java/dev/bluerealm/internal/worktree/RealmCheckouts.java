package dev.bluerealm.internal.worktree;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.RealmException;
import dev.bluerealm.internal.credentials.Redaction;
import dev.bluerealm.internal.git.LocalRepo;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.model.RepoEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The repos a change spans (the current repo and those sharing a domain with it) and where each is
 * checked out on this machine: its {@code repos/{repo}.yaml} {@code path}, or for a {@code url} a
 * clone named after the repo in the workspace, the folder holding the current repo (the RFC's
 * {@code cd ../fungal-image-analysis}). A missing clone is made there only when a {@link Cloner} is
 * given ({@code blue realm worktree}); anything else already at that name is reported, never replaced.
 */
public final class RealmCheckouts {
    /** Clones a repo known only by its URL into {@code dir} (absent), leaving nothing there when it fails. */
    @FunctionalInterface
    public interface Cloner {
        void cloneInto(String url, Path dir) throws RealmException;
    }

    private final RealmModel model;
    private final String me;
    private final Path here;
    private final Cloner cloner;

    /**
     * Finds the repos without cloning any.
     *
     * @param me the current repo's name in the realm
     * @param here a folder of the current repo (its main work tree or one of its worktrees)
     */
    public RealmCheckouts(RealmModel model, String me, Path here) {
        this(model, me, here, null);
    }

    /**
     * @param cloner clones a url-only repo that has no clone in the workspace yet; null to clone nothing
     */
    public RealmCheckouts(RealmModel model, String me, Path here, Cloner cloner) {
        this.model = model;
        this.me = me;
        this.here = here;
        this.cloner = cloner;
    }

    /**
     * Where a repo lives on this machine ({@code root}, its main work tree), or why it cannot be used.
     *
     * @param inTheWay something that is not a clone of the repo holds the clone's place
     * @param cloned the clone was made just now
     */
    public record Located(String repo, Path root, String why, boolean inTheWay, boolean cloned) {
        static Located at(String repo, Path root) {
            return new Located(repo, root, null, false, false);
        }

        static Located missing(String repo, String why) {
            return new Located(repo, null, why, false, false);
        }

        public boolean found() {
            return root != null;
        }
    }

    /** The current repo's main work tree. */
    public Path mine() throws RealmException {
        return mainWorkTree(here).orElseThrow(() -> new InvalidRequestException(ErrorCode.NOT_A_REPOSITORY,
                here + " is not inside a git work tree; run this in a repo of the realm"));
    }

    /** The current repo first, then the others of its domains (or of {@code domain}) by name. */
    public List<String> repos(String domain) throws RealmException {
        TreeSet<String> others = new TreeSet<>();
        if (domain != null) {
            DomainModel d = model.domain(domain).orElseThrow(() -> new InvalidRequestException(ErrorCode.NOT_FOUND,
                    "no domain '" + domain + "' in realm '" + model.name() + "'"));
            if (!d.domain().members().contains(me)) {
                throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "'" + me + "' is not in domain '"
                        + domain + "' (" + String.join(", ", d.domain().members()) + "); run this in one of its repos");
            }
            others.addAll(d.domain().members());
        } else {
            model.domainsOf(me).forEach(d -> others.addAll(d.domain().members()));
        }
        others.remove(me);
        List<String> out = new ArrayList<>();
        out.add(me);
        out.addAll(others);
        return out;
    }

    /** Every repo of {@link #repos}, located. */
    public List<Located> locateAll(String domain) throws RealmException {
        Path mine = mine();
        List<Located> out = new ArrayList<>();
        for (String repo : repos(domain)) {
            out.add(repo.equals(me) ? Located.at(repo, mine) : locate(repo, mine.getParent()));
        }
        return out;
    }

    /** Where {@code repo} lives on this machine. */
    public Located locate(String repo) throws RealmException {
        Path mine = mine();
        return repo.equals(me) ? Located.at(repo, mine) : locate(repo, mine.getParent());
    }

    /** Where {@code repo} lives, looking for (or cloning) url-only repos in {@code workspace}. */
    Located locate(String repo, Path workspace) {
        RepoEntry entry = model.repos().get(repo);
        if (entry == null) {
            return Located.missing(repo, "has not joined the realm yet (no repos/" + repo + ".yaml)");
        }
        if (entry.path() != null) {
            Path path;
            try {
                path = workspace.resolve(entry.path()); // an absolute path stays as it is
            } catch (InvalidPathException e) {
                return Located.missing(repo, "its path '" + entry.path() + "' is not a path on this machine");
            }
            return mainWorkTree(path).map(r -> Located.at(repo, r)).orElseGet(() -> Located.missing(repo,
                    "no git repository at " + path + " (its path in repos/" + repo + ".yaml)"));
        }
        Path clone = workspace.resolve(repo); // a valid name: one plain folder name
        String url = Redaction.redact(entry.url());
        if (Files.exists(clone, LinkOption.NOFOLLOW_LINKS)) {
            Optional<Path> root = mainWorkTree(clone).filter(r -> r.equals(realPath(clone)));
            if (root.isEmpty()) {
                return new Located(repo, null, clone + " is there but is not a git clone of " + url
                        + ": left untouched (move it away, then run this again)", true, false);
            }
            String origin = LocalRepo.originUrl(root.get());
            if (origin != null && !sameRepository(origin, entry.url())) {
                return new Located(repo, null, clone + " is a clone of " + Redaction.redact(origin) + ", not of "
                        + url + " (repos/" + repo + ".yaml): left untouched", true, false);
            }
            return Located.at(repo, root.get());
        }
        if (cloner == null) {
            return Located.missing(repo, "no local clone at " + clone + "; `blue realm worktree` clones it there"
                    + " (when not --offline), or run `git clone " + url + " " + clone + "`");
        }
        try {
            cloner.cloneInto(entry.url(), clone);
        } catch (RealmException e) {
            return Located.missing(repo, e.getMessage());
        }
        return mainWorkTree(clone).map(r -> new Located(repo, r, null, false, true)).orElseGet(() ->
                Located.missing(repo, "cloned " + url + " into " + clone + ", but found no work tree there"));
    }

    /**
     * Whether two clone URLs name the same repository: equal once the scheme, user, port, trailing
     * {@code /} and {@code .git} are set aside ({@code https://host/acme/x.git} and
     * {@code git@host:acme/x}), or, on the same host, one path ending with the other (a forge under a
     * sub-path, {@code https://host/git/acme/x}); local paths and {@code file:} URLs by their folder.
     */
    static boolean sameRepository(String a, String b) {
        String[] x = hostAndPath(a);
        String[] y = hostAndPath(b);
        if (!x[0].equalsIgnoreCase(y[0])) {
            return false;
        }
        return x[1].equals(y[1]) || (!x[0].isEmpty() && (x[1].endsWith("/" + y[1]) || y[1].endsWith("/" + x[1])));
    }

    /** {host, path} of a clone URL; a local repository has host "" and its absolute folder. */
    private static String[] hostAndPath(String url) {
        String u = url.strip();
        String host = "";
        String path;
        int scheme = u.indexOf("://");
        int colon = u.indexOf(':');
        int slash = u.indexOf('/');
        boolean file = u.regionMatches(true, 0, "file:", 0, 5);
        if (scheme > 0 && !file) {
            String rest = u.substring(scheme + 3);
            int end = rest.indexOf('/');
            String authority = end < 0 ? rest : rest.substring(0, end);
            path = end < 0 ? "" : rest.substring(end);
            host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":\\d*$", "");
        } else if (!file && scheme < 0 && colon > 0 && (slash < 0 || colon < slash)) { // scp-like: [user@]host:path
            host = u.substring(u.lastIndexOf('@', colon) + 1, colon);
            path = u.substring(colon + 1);
        } else {
            path = file ? u.substring(scheme > 0 ? scheme + 3 : 5) : u;
            try {
                Path p = file ? Path.of(java.net.URI.create(u)) : Path.of(path);
                path = realPath(p.toAbsolutePath().normalize()).toString();
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                // compared as written (InvalidPathException is an IllegalArgumentException)
            }
        }
        path = path.replace('\\', '/').replaceFirst("/+$", "");
        if (path.endsWith(".git")) {
            path = path.substring(0, path.length() - 4).replaceFirst("/+$", "");
        }
        if (!host.isEmpty()) {
            path = path.replaceFirst("^/+", "").replaceFirst("^~[^/]*/", "");
        }
        return new String[] {host.toLowerCase(java.util.Locale.ROOT), path};
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    static Optional<Path> mainWorkTree(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Optional<LinkedWorktrees> git = LinkedWorktrees.open(dir);
        if (git.isEmpty()) {
            return Optional.empty();
        }
        try (LinkedWorktrees g = git.get()) {
            return Optional.of(g.mainWorkTree());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
