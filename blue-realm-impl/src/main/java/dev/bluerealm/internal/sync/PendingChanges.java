package dev.bluerealm.internal.sync;

import dev.bluerealm.internal.realm.RealmPaths;
import dev.bluerealm.internal.yaml.RealmCodec;
import dev.bluerealm.model.Contract;
import dev.bluerealm.sync.PullRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The contracts open pull requests change: each pull request's branch compared with where it left
 * main (their merge base), so what main gained since does not count as the branch's change.
 */
final class PendingChanges {
    private PendingChanges() {}

    /**
     * @param tips each pull request's branch tip as last fetched (absent: the branch is gone, skipped)
     */
    static List<SyncInputs.Pending> read(Repository repo, ObjectId main, List<PullRequest> open,
                                         java.util.function.Function<String, ObjectId> tips, RealmCodec codec)
            throws IOException {
        List<SyncInputs.Pending> out = new ArrayList<>();
        if (main == null) {
            return out;
        }
        for (PullRequest pr : open) {
            ObjectId head = tips.apply(pr.head());
            if (head == null) {
                continue;
            }
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit headCommit = walk.parseCommit(head);
                walk.setRevFilter(RevFilter.MERGE_BASE);
                walk.markStart(walk.parseCommit(main));
                walk.markStart(headCommit);
                RevCommit base = walk.next();
                if (base == null) {
                    continue; // unrelated history: not a sync branch of this realm
                }
                try (TreeWalk tree = new TreeWalk(repo)) {
                    tree.addTree(base.getTree());
                    tree.addTree(headCommit.getTree());
                    tree.setRecursive(true);
                    tree.setFilter(TreeFilter.ANY_DIFF);
                    while (tree.next()) {
                        String path = tree.getPathString();
                        String[] parts = path.split("/");
                        if (parts.length != 4 || !parts[0].equals("domains") || !parts[2].equals("contracts")
                                || !path.endsWith(".yaml") || tree.getObjectId(1).equals(ObjectId.zeroId())) {
                            continue;
                        }
                        byte[] bytes = repo.open(tree.getObjectId(1)).getCachedBytes(1 << 20);
                        RealmCodec.Decoded<Contract> c = codec.contract(path, bytes);
                        if (c.value() != null && path.equals(RealmPaths.contract(parts[1], c.value().name()))) {
                            out.add(new SyncInputs.Pending(pr, parts[1], c.value()));
                        }
                    }
                }
            }
        }
        return out;
    }
}
