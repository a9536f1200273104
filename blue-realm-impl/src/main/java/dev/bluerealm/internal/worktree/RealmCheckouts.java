package dev.bluerealm.internal.worktree;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.RealmException;
import dev.bluerealm.internal.credentials.Redaction;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.model.RepoEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The repos a change spans (the current repo and those sharing a domain with it) and where each is
 * checked out on this machine: its {@code repos/{repo}.yaml} {@code path}, or for a {@code url} a
 * clone named after the repo beside the current one. Nothing is cloned: a command that spans repos
 * should not reach the network or need another org's credentials to find them.
 */
public final class RealmCheckouts {
    private final RealmModel model;
    private final String me;
    private final Path here;

    /**
     * @param me the current repo's name in the realm
     * @param here a folder of the current repo (its main work tree or one of its worktrees)
     */
    public RealmCheckouts(RealmModel model, String me, Path here) {
        this.model = model;
        this.me = me;
        this.here = here;
    }

    /** Where a repo lives on this machine ({@code root}, its main work tree), or why it cannot be used. */
    public record Located(String repo, Path root, String why) {
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
            out.add(repo.equals(me) ? new Located(repo, mine, null) : locate(repo, mine.getParent()));
        }
        return out;
    }

    /** Where {@code repo} lives on this machine. */
    public Located locate(String repo) throws RealmException {
        Path mine = mine();
        return repo.equals(me) ? new Located(repo, mine, null) : locate(repo, mine.getParent());
    }

    /** Where {@code repo} lives, looking for url-only repos in {@code workspace}. */
    Located locate(String repo, Path workspace) {
        RepoEntry entry = model.repos().get(repo);
        if (entry == null) {
            return new Located(repo, null, "has not joined the realm yet (no repos/" + repo + ".yaml)");
        }
        if (entry.path() != null) {
            Path path;
            try {
                path = workspace.resolve(entry.path()); // an absolute path stays as it is
            } catch (InvalidPathException e) {
                return new Located(repo, null, "its path '" + entry.path() + "' is not a path on this machine");
            }
            return mainWorkTree(path).map(r -> new Located(repo, r, null)).orElseGet(() -> new Located(repo, null,
                    "no git repository at " + path + " (its path in repos/" + repo + ".yaml)"));
        }
        Path clone = workspace.resolve(repo);
        return mainWorkTree(clone).filter(r -> r.equals(realPath(clone))).map(r -> new Located(repo, r, null))
                .orElseGet(() -> new Located(repo, null, "no local clone at " + clone + "; clone it with `git clone "
                        + Redaction.redact(entry.url()) + " " + clone + "` and run this again"));
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
