package dev.bluerealm.internal.worktree;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.RealmException;
import dev.bluerealm.RemoteException;
import dev.bluerealm.internal.credentials.Redaction;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.worktree.WorktreeRequest;
import dev.bluerealm.worktree.WorktreeResult;
import dev.bluerealm.worktree.WorktreeResult.Entry;
import dev.bluerealm.worktree.WorktreeResult.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * {@code blue realm worktree}: the same feature branch, as a linked worktree, in the current repo and
 * every repo it shares a domain with, found on this machine by {@link RealmCheckouts}. A repo known
 * only by its URL and not cloned yet is cloned beside the current repo first (when a
 * {@link RealmCheckouts.Cloner} is given); {@code --remove} clones nothing.
 */
public final class UnifiedWorktrees {
    private final RealmModel model;
    private final String me;
    private final Path here;
    private final RealmCheckouts.Cloner cloner;

    /**
     * @param me the current repo's name in the realm
     * @param here a folder of the current repo (its main work tree or one of its worktrees)
     * @param cloner clones url-only repos missing on this machine; null to report them instead
     */
    public UnifiedWorktrees(RealmModel model, String me, Path here, RealmCheckouts.Cloner cloner) {
        this.model = model;
        this.me = me;
        this.here = here;
        this.cloner = cloner;
    }

    public WorktreeResult run(WorktreeRequest request) throws RealmException {
        RealmCheckouts checkouts = new RealmCheckouts(model, me, here, request.remove() ? null : cloner);
        Path mine;
        try {
            mine = checkouts.mine();
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(ErrorCode.NOT_A_REPOSITORY, here + " is not inside a git work tree;"
                    + " worktrees are made in the repos' git repositories");
        }
        List<Entry> entries = new ArrayList<>();
        for (String repo : checkouts.repos(request.domain())) {
            Path root = repo.equals(me) ? mine : null;
            boolean cloned = false;
            if (root == null) {
                RealmCheckouts.Located located = checkouts.locate(repo, mine.getParent());
                if (!located.found()) {
                    entries.add(new Entry(repo, null, request.branch(), located.inTheWay() ? Outcome.SKIPPED_IN_THE_WAY
                            : Outcome.SKIPPED_NO_LOCAL_CLONE, located.why()));
                    continue;
                }
                root = located.root();
                cloned = located.cloned();
            }
            try (LinkedWorktrees git = LinkedWorktrees.open(root).orElseThrow()) {
                Entry e = request.remove() ? remove(repo, git, request) : create(repo, git, request);
                entries.add(cloned ? new Entry(e.repo(), e.path(), e.branch(), e.outcome(), "cloned "
                        + Redaction.redact(model.repos().get(repo).url()) + " into " + root + "; " + e.message(), true)
                        : e);
            } catch (IOException e) {
                throw new RemoteException(ErrorCode.IO_ERROR, repo + ": " + e.getMessage()
                        + (entries.isEmpty() ? "" : " (done before it: " + entries.stream().map(Entry::repo).toList()
                        + ")"), e);
            }
        }
        return new WorktreeResult(request.rfc(), request.branch(), request.remove(), entries);
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
