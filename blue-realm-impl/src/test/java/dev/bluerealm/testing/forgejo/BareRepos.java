package dev.bluerealm.testing.forgejo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** What the server does to its bare repositories with JGit: create, inspect, merge, delete branches. */
final class BareRepos {
    private BareRepos() {}

    /** A merge the repository refuses (conflicts, a diverged fast-forward, a moved base); Forgejo answers 409. */
    static final class MergeRefused extends Exception {
        MergeRefused(String message) {
            super(message, null, false, false);
        }
    }

    /** Creates a bare repository whose HEAD is {@code branch}; with {@code readme}, one commit adding README.md. */
    static void create(Path dir, String branch, Optional<String> readme, PersonIdent who) throws IOException {
        try (Git git = Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch(branch).call()) {
            if (readme.isEmpty()) {
                return;
            }
            Repository repo = git.getRepository();
            try (ObjectInserter ins = repo.newObjectInserter()) {
                TreeFormatter tree = new TreeFormatter();
                tree.append("README.md", FileMode.REGULAR_FILE,
                        ins.insert(Constants.OBJ_BLOB, readme.get().getBytes(StandardCharsets.UTF_8)));
                CommitBuilder c = commit(ins.insert(tree), who, who, "Initial commit\n");
                ObjectId id = ins.insert(c);
                ins.flush();
                update(repo, branch, ObjectId.zeroId(), id);
            }
        } catch (GitAPIException | MergeRefused e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    static Optional<String> branch(Path dir, String branch) throws IOException {
        try (Repository repo = open(dir)) {
            Ref ref = repo.exactRef(Constants.R_HEADS + branch);
            return ref == null ? Optional.empty() : Optional.of(ref.getObjectId().name());
        }
    }

    static boolean isEmpty(Path dir) throws IOException {
        try (Repository repo = open(dir)) {
            return repo.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).isEmpty();
        }
    }

    /** The commit {@code ref} names: a branch, a tag, or the SHA of an existing commit. */
    static Optional<String> resolveCommit(Path dir, String ref) throws IOException {
        try (Repository repo = open(dir); RevWalk walk = new RevWalk(repo)) {
            for (String candidate : List.of(Constants.R_HEADS + ref, Constants.R_TAGS + ref)) {
                Ref r = repo.exactRef(candidate);
                if (r != null) {
                    return Optional.of(walk.parseCommit(r.getObjectId()).name());
                }
            }
            if (ObjectId.isId(ref) && repo.getObjectDatabase().has(ObjectId.fromString(ref))) {
                return Optional.of(walk.parseCommit(ObjectId.fromString(ref)).name());
            }
            return Optional.empty();
        } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            return Optional.empty();
        }
    }

    static Optional<String> mergeBase(Path dir, String a, String b) throws IOException {
        try (Repository repo = open(dir); RevWalk walk = new RevWalk(repo)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(ObjectId.fromString(a)));
            walk.markStart(walk.parseCommit(ObjectId.fromString(b)));
            RevCommit base = walk.next();
            return base == null ? Optional.empty() : Optional.of(base.name());
        }
    }

    static boolean isAncestor(Path dir, String ancestor, String of) throws IOException {
        try (Repository repo = open(dir); RevWalk walk = new RevWalk(repo)) {
            return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(ancestor)), walk.parseCommit(ObjectId.fromString(of)));
        }
    }

    /** Whether merging {@code head} into {@code base} (SHAs) has no conflict: Forgejo's conflict check. */
    static boolean mergesCleanly(Path dir, String base, String head) throws IOException {
        try (Repository repo = open(dir)) {
            ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repo, true);
            return merger.merge(ObjectId.fromString(base), ObjectId.fromString(head));
        }
    }

    /**
     * Merges {@code headSha} into branch {@code base} in {@code style} (merge, rebase, rebase-merge,
     * squash, fast-forward-only) and moves the branch; returns the new tip of the base.
     */
    static String merge(Path dir, String style, String base, String headSha, String message, PersonIdent author,
            PersonIdent committer) throws IOException, MergeRefused {
        try (Repository repo = open(dir); RevWalk walk = new RevWalk(repo); ObjectInserter ins = repo.newObjectInserter()) {
            Ref baseRef = repo.exactRef(Constants.R_HEADS + base);
            if (baseRef == null) {
                throw new MergeRefused("base branch " + base + " does not exist");
            }
            RevCommit tip = walk.parseCommit(baseRef.getObjectId());
            RevCommit head = walk.parseCommit(ObjectId.fromString(headSha));
            boolean fastForward = walk.isMergedInto(tip, head);
            ObjectId result = switch (style) {
                case "fast-forward-only" -> {
                    if (!fastForward) {
                        throw new MergeRefused("Fast-forward-only merge is not possible: " + base + " has diverged");
                    }
                    yield head;
                }
                case "merge" -> commitOf(ins, mergedTree(repo, tip, head), message, author, committer, tip, head);
                case "squash" -> commitOf(ins, mergedTree(repo, tip, head), message, author, committer, tip);
                case "rebase" -> fastForward ? head : rebase(repo, walk, ins, tip, head, committer);
                case "rebase-merge" -> {
                    ObjectId rebased = fastForward ? head : rebase(repo, walk, ins, tip, head, committer);
                    yield commitOf(ins, walk.parseCommit(rebased).getTree(), message, author, committer, tip, rebased);
                }
                default -> throw new IllegalArgumentException("merge style " + style);
            };
            ins.flush();
            update(repo, base, tip, result);
            return result.name();
        }
    }

    private static ObjectId mergedTree(Repository repo, RevCommit base, RevCommit head) throws IOException, MergeRefused {
        ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repo, true);
        if (!merger.merge(base, head)) {
            throw new MergeRefused("Merge conflicts: " + merger.getUnmergedPaths());
        }
        return merger.getResultTreeId();
    }

    // Replays the head's commits not in the base onto the base, oldest first, keeping their authors.
    private static ObjectId rebase(Repository repo, RevWalk walk, ObjectInserter ins, RevCommit onto, RevCommit head,
            PersonIdent committer) throws IOException, MergeRefused {
        walk.reset();
        walk.sort(RevSort.TOPO);
        walk.markStart(head);
        walk.markUninteresting(onto);
        List<RevCommit> commits = new ArrayList<>();
        walk.forEach(commits::add);
        Collections.reverse(commits);
        ObjectId current = onto;
        for (RevCommit c : commits) {
            if (c.getParentCount() != 1) {
                continue; // merge commits are dropped, as git rebase does
            }
            ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repo, true);
            merger.setBase(c.getParent(0));
            if (!merger.merge(current, c)) {
                throw new MergeRefused("Rebase conflicts on " + c.name() + ": " + merger.getUnmergedPaths());
            }
            current = commitOf(ins, merger.getResultTreeId(), c.getFullMessage(), c.getAuthorIdent(), committer, current);
        }
        return current;
    }

    private static ObjectId commitOf(ObjectInserter ins, ObjectId tree, String message, PersonIdent author,
            PersonIdent committer, ObjectId... parents) throws IOException {
        CommitBuilder c = commit(tree, author, committer, message);
        c.setParentIds(parents);
        return ins.insert(c);
    }

    private static CommitBuilder commit(ObjectId tree, PersonIdent author, PersonIdent committer, String message) {
        CommitBuilder c = new CommitBuilder();
        c.setTreeId(tree);
        c.setAuthor(author);
        c.setCommitter(committer);
        c.setMessage(message);
        return c;
    }

    /** Deletes {@code branch}; false when it does not exist. */
    static boolean deleteBranch(Path dir, String branch) throws IOException {
        try (Repository repo = open(dir)) {
            Ref ref = repo.exactRef(Constants.R_HEADS + branch);
            if (ref == null) {
                return false;
            }
            RefUpdate u = repo.updateRef(ref.getName());
            u.setExpectedOldObjectId(ref.getObjectId());
            u.setForceUpdate(true);
            RefUpdate.Result r = u.delete();
            if (r != RefUpdate.Result.FORCED && r != RefUpdate.Result.NO_CHANGE) {
                throw new IOException("deleting " + branch + ": " + r);
            }
            return true;
        }
    }

    private static void update(Repository repo, String branch, ObjectId expected, ObjectId id)
            throws IOException, MergeRefused {
        RefUpdate u = repo.updateRef(Constants.R_HEADS + branch);
        u.setExpectedOldObjectId(expected);
        u.setNewObjectId(id);
        RefUpdate.Result r = u.update();
        switch (r) {
            case NEW, FAST_FORWARD, FORCED, NO_CHANGE -> { }
            case LOCK_FAILURE, REJECTED -> throw new MergeRefused("merge push out of date");
            default -> throw new IOException("updating " + branch + ": " + r);
        }
    }

    private static Repository open(Path dir) throws IOException {
        return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
    }
}
