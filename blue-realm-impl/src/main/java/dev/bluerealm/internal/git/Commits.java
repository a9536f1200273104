package dev.bluerealm.internal.git;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Builds commits in the object database only: no index, no work tree. */
public final class Commits {
    private Commits() {}

    /**
     * A commit on top of {@code base} (null: a root commit) whose tree is the base's with
     * {@code files} written (path → bytes) or deleted (path → null). Returns null when the tree
     * would not change, so rewriting identical bytes makes no commit.
     */
    public static ObjectId onTop(Repository repo, ObjectId base, String message, Map<String, byte[]> files,
                                 PersonIdent author) throws IOException {
        try (ObjectInserter inserter = repo.newObjectInserter(); RevWalk walk = new RevWalk(repo)) {
            RevCommit parent = base == null ? null : walk.parseCommit(base);
            Map<String, DirCacheEntry> entries = new TreeMap<>();
            if (parent != null) {
                try (TreeWalk tree = new TreeWalk(repo)) {
                    tree.addTree(parent.getTree());
                    tree.setRecursive(true);
                    while (tree.next()) {
                        DirCacheEntry e = new DirCacheEntry(tree.getPathString());
                        e.setFileMode(tree.getFileMode(0));
                        e.setObjectId(tree.getObjectId(0));
                        entries.put(tree.getPathString(), e);
                    }
                }
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                if (f.getValue() == null) {
                    entries.remove(f.getKey());
                } else {
                    DirCacheEntry e = new DirCacheEntry(f.getKey());
                    e.setFileMode(FileMode.REGULAR_FILE);
                    e.setObjectId(inserter.insert(Constants.OBJ_BLOB, f.getValue()));
                    entries.put(f.getKey(), e);
                }
            }
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            entries.values().forEach(builder::add);
            builder.finish();
            ObjectId tree = index.writeTree(inserter);
            if (parent != null && tree.equals(parent.getTree())) {
                return null;
            }
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            if (parent != null) {
                commit.setParentId(parent);
            }
            commit.setAuthor(author);
            commit.setCommitter(author);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }
}
