package dev.bluerealm.internal.forge.local;

import dev.bluerealm.internal.git.Commits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A realm remote on disk for forge tests: a bare repository whose {@code main} holds a realm.yaml.
 * Other writers (an exporter pushing its sync branch, someone moving main) are simulated by
 * committing straight into it; the forge under test always goes through a transport.
 */
final class BareRemote implements AutoCloseable {
    static final PersonIdent EXPORTER = new PersonIdent("aperture-bot", "bot@aperture.example",
            java.time.Instant.parse("2026-01-24T10:00:00Z"), java.time.ZoneOffset.UTC);

    private final Path dir;
    private final Repository repo;

    private BareRemote(Path dir, Repository repo) {
        this.dir = dir;
        this.repo = repo;
    }

    /** A bare repository at {@code dir} whose main has one commit. */
    static BareRemote create(Path dir) throws Exception {
        Repository repo = Git.init().setBare(true).setInitialBranch("main").setDirectory(dir.toFile()).call().getRepository();
        BareRemote remote = new BareRemote(dir, repo);
        remote.commit("main", null, Map.of("realm.yaml", "name: letemcook\n",
                "domains/s3-access/contracts/s3-permissions.yaml", "name: s3-permissions\nversion: 1.4.0\n"), "init");
        return remote;
    }

    Path dir() {
        return dir;
    }

    /** {@code file://} URL of the remote. */
    String fileUrl() {
        return dir.toUri().toString();
    }

    Repository repository() {
        return repo;
    }

    /**
     * Commits {@code files} (path → text, null deletes) on top of {@code from} (a branch, or null for
     * main) and points {@code branch} at it, as a push by someone else would.
     */
    ObjectId commit(String branch, String from, Map<String, String> files, String message) throws IOException {
        ObjectId base = ref(Constants.R_HEADS + (from == null ? branch : from));
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((k, v) -> bytes.put(k, v == null ? null : v.getBytes(StandardCharsets.UTF_8)));
        ObjectId id = Commits.onTop(repo, base, message, bytes, EXPORTER);
        set(Constants.R_HEADS + branch, id);
        return id;
    }

    /** Points {@code ref} at {@code id} (null deletes it). */
    void set(String ref, ObjectId id) throws IOException {
        RefUpdate u = repo.updateRef(ref);
        u.setForceUpdate(true);
        RefUpdate.Result result;
        if (id == null) {
            result = u.delete();
        } else {
            u.setNewObjectId(id);
            result = u.update();
        }
        if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.IO_FAILURE
                || result == RefUpdate.Result.REJECTED) {
            throw new IOException("cannot set " + ref + ": " + result);
        }
    }

    /** The id of {@code ref} (full name) on the remote, or null. */
    ObjectId ref(String ref) throws IOException {
        return repo.exactRef(ref) == null ? null : repo.exactRef(ref).getObjectId();
    }

    ObjectId branch(String name) throws IOException {
        return ref(Constants.R_HEADS + name);
    }

    RevCommit parse(ObjectId id) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(id);
        }
    }

    /** A file of a commit as text, or null. */
    String file(ObjectId commit, String path) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(commit);
            try (TreeWalk tree = TreeWalk.forPath(repo, path, c.getTree())) {
                return tree == null ? null : new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** The number of commits on {@code ref}'s history. */
    int history(String ref) throws Exception {
        int n = 0;
        try (RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(ref(ref)));
            while (walk.next() != null) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() {
        repo.close();
    }
}
