package dev.bluerealm.internal.forge.local;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.RefusedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The git side of merging a pull request, in the object database only (no work tree): a
 * fast-forward when the base is an ancestor of the head, otherwise a merge commit built with JGit's
 * recursive merger in memory; conflicts are refused, naming the paths.
 */
final class BranchMerger {
    /** How far back along the base's first parents {@link #mergedBy} looks. */
    private static final int SEARCH_LIMIT = 10_000;

    private final Repository repo;

    BranchMerger(Repository repo) {
        this.repo = repo;
    }

    /** The outcome of {@link #merge}: the commit to push as the new base tip. */
    record Result(ObjectId commit, boolean fastForward) {}

    /** True when {@code commit} is {@code tip} or one of its ancestors. */
    boolean contains(ObjectId tip, ObjectId commit) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.isMergedInto(walk.parseCommit(commit), walk.parseCommit(tip));
        }
    }

    /**
     * For a head already contained in the base: the commit on the base's first-parent line that
     * brought it in — the head itself after a fast-forward, else the merge commit whose first parent
     * does not contain it yet. This is how an interrupted merge learns the commit it had pushed.
     */
    ObjectId mergedBy(ObjectId baseTip, ObjectId head) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit target = walk.parseCommit(head);
            RevCommit c = walk.parseCommit(baseTip);
            for (int i = 0; i < SEARCH_LIMIT; i++) {
                if (c.equals(target) || c.getParentCount() == 0) {
                    return c;
                }
                RevCommit parent = walk.parseCommit(c.getParent(0));
                if (!walk.isMergedInto(target, parent)) {
                    return c;
                }
                c = parent;
            }
            return c;
        }
    }

    /**
     * Merges {@code headTip} into {@code baseTip}: the head itself when the base is its ancestor, else
     * a new merge commit (base first, head second) in the object database.
     *
     * @param what the pull request, for the refusal ("pull #3")
     * @throws RefusedException MERGE_CONFLICT, naming the conflicting paths
     */
    Result merge(ObjectId baseTip, ObjectId headTip, String message, PersonIdent who, String what, String head,
                 String base) throws IOException, RefusedException {
        if (contains(headTip, baseTip)) {
            return new Result(headTip, true);
        }
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            // in memory: the recursive strategy's merger for an inserter is a ResolveMerger with no work tree
            ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(inserter, repo.getConfig());
            if (!merger.merge(baseTip, headTip)) {
                throw new RefusedException(ErrorCode.MERGE_CONFLICT, what + " cannot merge '" + head + "' into '" + base
                        + "': " + conflicts(merger) + ". Update the branch from '" + base + "' and resolve them first");
            }
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(merger.getResultTreeId());
            commit.setParentIds(baseTip, headTip);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return new Result(id, false);
        }
    }

    private static String conflicts(ResolveMerger m) {
        List<String> parts = new ArrayList<>();
        TreeSet<String> unmerged = new TreeSet<>(m.getUnmergedPaths());
        if (!unmerged.isEmpty()) {
            parts.add("conflicting changes in " + String.join(", ", unmerged));
        }
        Map<String, ResolveMerger.MergeFailureReason> failing = m.getFailingPaths();
        if (failing != null && !failing.isEmpty()) {
            List<String> f = new ArrayList<>();
            new TreeMap<>(failing).forEach((path, why) -> f.add(path + " (" + why + ")"));
            parts.add("cannot merge " + String.join(", ", f));
        }
        return parts.isEmpty() ? "the branches do not merge cleanly" : String.join("; ", parts);
    }
}
