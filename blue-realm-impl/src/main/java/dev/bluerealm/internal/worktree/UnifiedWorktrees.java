package dev.bluerealm.internal.worktree;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.RealmException;
import dev.bluerealm.RemoteException;
import dev.bluerealm.internal.credentials.Redaction;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.model.RepoEntry;
import dev.bluerealm.worktree.WorktreeRequest;
import dev.bluerealm.worktree.WorktreeResult;
import dev.bluerealm.worktree.WorktreeResult.Entry;
import dev.bluerealm.worktree.WorktreeResult.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * {@code blue realm worktree}: the same feature branch, as a linked worktree, in the current repo and
 * every repo it shares a domain with. Repos are found on this machine through their
 * {@code repos/{repo}.yaml}: its {@code path}, or for a {@code url} a clone named after the repo
 * beside the current one. A repo without a local clone is reported (with the clone command), not
 * cloned: a worktree command should not reach the network or need another org's credentials.
 */
public final class UnifiedWorktrees {
    private final RealmModel model;
    private final String me;
    private final Path here;

    /**
     * @param me the current repo's name in the realm
     * @param here a folder of the current repo (its main work tree or one of its worktrees)
     */
    public UnifiedWorktrees(RealmModel model, String me, Path here) {
        this.model = model;
        this.me = me;
        this.here = here;
    }

    public WorktreeResult run(WorktreeRequest request) throws RealmException {
        Path mine = mainWorkTree(here).orElseThrow(() -> new InvalidRequestException(ErrorCode.NOT_A_REPOSITORY,
                here + " is not inside a git work tree; worktrees are made in the repos' git repositories"));
        List<Entry> entries = new ArrayList<>();
        for (String repo : repos(request.domain())) {
            Path root = repo.equals(me) ? mine : null;
            if (root == null) {
                Located located = locate(repo, mine.getParent());
                if (located.root() == null) {
                    entries.add(new Entry(repo, null, request.branch(), Outcome.SKIPPED_NO_LOCAL_CLONE, located.why()));
                    continue;
                }
                root = located.root();
            }
            try (LinkedWorktrees git = LinkedWorktrees.open(root).orElseThrow()) {
                entries.add(request.remove() ? remove(repo, git, request) : create(repo, git, request));
            } catch (IOException e) {
                throw new RemoteException(ErrorCode.IO_ERROR, repo + ": " + e.getMessage()
                        + (entries.isEmpty() ? "" : " (done before it: " + entries.stream().map(Entry::repo).toList()
                        + ")"), e);
            }
        }
        return new WorktreeResult(request.rfc(), request.branch(), request.remove(), entries);
    }

    /** The current repo first, then the others of its domains (or of {@code domain}) by name. */
    private List<String> repos(String domain) throws RealmException {
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

    /** Where a repo lives on this machine, or why it cannot be used. */
    private record Located(Path root, String why) {}

    private Located locate(String repo, Path workspace) {
        RepoEntry entry = model.repos().get(repo);
        if (entry == null) {
            return new Located(null, "has not joined the realm yet (no repos/" + repo + ".yaml)");
        }
        if (entry.path() != null) {
            Path path;
            try {
                path = workspace.resolve(entry.path()); // an absolute path stays as it is
            } catch (InvalidPathException e) {
                return new Located(null, "its path '" + entry.path() + "' is not a path on this machine");
            }
            return mainWorkTree(path).map(r -> new Located(r, null)).orElseGet(() -> new Located(null,
                    "no git repository at " + path + " (its path in repos/" + repo + ".yaml)"));
        }
        Path clone = workspace.resolve(repo);
        return mainWorkTree(clone).filter(r -> r.equals(realPath(clone))).map(r -> new Located(r, null))
                .orElseGet(() -> new Located(null, "no local clone at " + clone + "; clone it with `git clone "
                        + Redaction.redact(entry.url()) + " " + clone + "` and run this again"));
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private static Optional<Path> mainWorkTree(Path dir) {
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

    private static Entry create(String repo, LinkedWorktrees git, WorktreeRequest request) throws IOException {
        String branch = Constants.R_HEADS + request.branch();
        Path folder = git.mainWorkTree().resolve(request.folder());
        String shown = request.folder() + "/";
        Optional<LinkedWorktrees.Linked> existing = git.linked(folder);
        if (existing.isPresent()) {
            LinkedWorktrees.Linked l = existing.get();
            if (l.head().equals(branch)) {
                return new Entry(repo, l.folder(), request.branch(), Outcome.EXISTS, shown + " exists on "
                        + request.branch());
            }
            return new Entry(repo, folder, request.branch(), Outcome.SKIPPED_IN_THE_WAY, shown + " is a worktree on "
                    + Repository.shortenRefName(l.head()) + ", not " + request.branch() + ": left untouched");
        }
        if (Files.exists(folder) && !isEmptyFolder(folder)) {
            return new Entry(repo, folder, request.branch(), Outcome.SKIPPED_DIRTY, shown + " holds files and is not"
                    + " a worktree of this repo: left untouched (move them away and run this again)");
        }
        Optional<Path> elsewhere = git.checkedOutAt(branch);
        if (elsewhere.isPresent()) {
            return new Entry(repo, folder, request.branch(), Outcome.SKIPPED_IN_THE_WAY, "branch " + request.branch()
                    + " is checked out at " + elsewhere.get() + ": left untouched");
        }
        String base = git.defaultBranch(branch);
        ObjectId start = git.resolve(base);
        boolean branchExists = git.resolve(branch) != null;
        if (start == null && !branchExists) {
            return new Entry(repo, folder, request.branch(), Outcome.SKIPPED_NO_DEFAULT_BRANCH, "its default branch "
                    + Repository.shortenRefName(base) + " has no commit to branch from");
        }
        git.exclude(WorktreeRequest.FOLDER + "/");
        LinkedWorktrees.Linked made = git.add(folder, branch, start);
        return new Entry(repo, made.folder(), request.branch(), Outcome.CREATED, "created " + shown + " on "
                + (branchExists ? "existing branch " + request.branch()
                : "new branch " + request.branch() + " from " + Repository.shortenRefName(base)));
    }

    private static Entry remove(String repo, LinkedWorktrees git, WorktreeRequest request) throws IOException {
        String branch = Constants.R_HEADS + request.branch();
        Path folder = git.mainWorkTree().resolve(request.folder());
        String shown = request.folder() + "/";
        Optional<LinkedWorktrees.Linked> existing = git.linked(folder);
        String removed = "";
        if (existing.isPresent()) {
            if (!LinkedWorktrees.isClean(existing.get())) {
                return new Entry(repo, existing.get().folder(), request.branch(), Outcome.SKIPPED_DIRTY, shown
                        + " has uncommitted changes or untracked files: left untouched (commit or stash them, then"
                        + " run this again)");
            }
            git.remove(existing.get());
            removed = "removed " + shown + "; ";
        } else if (Files.exists(folder) && !isEmptyFolder(folder)) {
            return new Entry(repo, folder, request.branch(), Outcome.SKIPPED_IN_THE_WAY, shown + " is not a worktree of"
                    + " this repo: left untouched");
        }
        if (git.resolve(branch) == null) {
            return existing.isPresent()
                    ? new Entry(repo, folder, request.branch(), Outcome.REMOVED, removed + "no branch " + request.branch())
                    : new Entry(repo, folder, request.branch(), Outcome.ABSENT, "no worktree " + shown + " and no branch "
                    + request.branch());
        }
        String base = git.defaultBranch(branch);
        String baseName = Repository.shortenRefName(base);
        Optional<Path> checkedOut = git.checkedOutAt(branch);
        if (checkedOut.isPresent()) {
            return new Entry(repo, folder, request.branch(), Outcome.BRANCH_KEPT_UNMERGED, removed + "kept branch "
                    + request.branch() + ": it is checked out at " + checkedOut.get());
        }
        if (!git.isMerged(branch, base)) {
            return new Entry(repo, folder, request.branch(), Outcome.BRANCH_KEPT_UNMERGED, removed + "kept branch "
                    + request.branch() + ": not merged into " + baseName + " (`git branch -D " + request.branch()
                    + "` deletes it)");
        }
        git.deleteBranch(branch);
        return new Entry(repo, folder, request.branch(), Outcome.REMOVED, removed + "deleted branch " + request.branch()
                + " (merged into " + baseName + ")");
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var list = Files.list(folder)) {
            return list.findAny().isEmpty();
        }
    }
}
