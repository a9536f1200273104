package dev.bluerealm.internal.git;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.RealmException;
import dev.bluerealm.RemoteException;
import dev.bluerealm.internal.progress.GitMonitor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * A clone of a realm repository and the one way to change the realm: build a commit on top of the
 * remote's {@code main} in memory (no work tree involved), push it with compare-and-swap, and on a
 * rejected push fetch, re-plan on the new tip and retry a bounded number of times. A change is one
 * commit or nothing: a realm is never half-written.
 */
public final class RealmStore implements AutoCloseable {
    public static final String BRANCH = "main";
    static final String TRACKING = RemoteRefs.trackingBranch(BRANCH);
    private static final int ATTEMPTS = 12;

    private final Git git;
    private final boolean managed;
    private final Transports transports;
    private final RemoteRefs remote;
    private final CloneLock lock;

    private RealmStore(Git git, boolean managed, Transports transports) {
        this.git = git;
        this.managed = managed;
        this.transports = transports;
        this.remote = new RemoteRefs(git.getRepository(), transports);
        this.lock = new CloneLock(git.getRepository().getDirectory().toPath());
    }

    /**
     * Opens an existing clone.
     *
     * @param managed true for clones under {@code $BLUE_HOME/realms}, whose work tree the store keeps in
     *     step with {@code main}; a user's own checkout is never reset
     */
    public static RealmStore open(Path dir, boolean managed, Transports transports) throws RealmException {
        try {
            return new RealmStore(Git.open(dir.toFile()), managed, transports);
        } catch (IOException e) {
            transports.close();
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot open the realm clone at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Clones {@code url} into {@code dir} (which must not exist) as a managed clone. */
    public static RealmStore cloneInto(String url, Path dir, Transports transports) throws RealmException {
        GitMonitor progress = transports.progress().git("Cloning realm " + transports.shortName(url));
        try {
            Git git = Git.cloneRepository().setURI(url).setDirectory(dir.toFile()).setBranch(BRANCH)
                    .setCloneAllBranches(false).setTransportConfigCallback(transports).setProgressMonitor(progress)
                    .call();
            transports.succeeded();
            progress.complete();
            return new RealmStore(git, true, transports);
        } catch (GitAPIException | RuntimeException e) {
            RealmException failure = transports.failure("cannot clone the realm from " + url, e);
            transports.close();
            Files2.deleteQuietly(dir);
            throw failure;
        } finally {
            progress.close();
        }
    }

    public Repository repository() {
        return git.getRepository();
    }

    public Path directory() {
        return git.getRepository().getWorkTree().toPath();
    }

    /** The clone's origin, ref by ref: for refs other than {@code main} (the local forge's pull requests). */
    public RemoteRefs remote() {
        return remote;
    }

    /** The origin URL of the clone, as configured (it may hold a password: show it through {@link Transports#redact}). */
    public String url() {
        return git.getRepository().getConfig().getString("remote", "origin", "url");
    }

    /** The remote's {@code main} as last fetched, or null for an empty realm repository. */
    public ObjectId tip() throws IOException {
        return git.getRepository().resolve(TRACKING);
    }

    /** Fetches the remote's branches. */
    public void fetch() throws RealmException {
        try (GitMonitor progress = transports.progress().git("Fetching realm " + transports.shortName(url()))) {
            lock.with(() -> {
                try {
                    git.fetch().setRemote("origin").setTransportConfigCallback(transports)
                            .setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/origin/*")).setRemoveDeletedRefs(true)
                            .setProgressMonitor(progress).call();
                } catch (GitAPIException e) {
                    throw new FetchFailed(e);
                }
                return null;
            });
            transports.succeeded();
            progress.complete();
        } catch (FetchFailed e) {
            throw transports.failure("cannot fetch the realm from " + url(), e.getCause());
        } catch (IOException e) {
            throw transports.failure("cannot fetch the realm from " + url(), e);
        } catch (RuntimeException e) {
            throw transports.failure("cannot fetch the realm from " + url(), e);
        }
    }

    /** Carries a fetch's GitAPIException out of the clone lock's action. */
    private static final class FetchFailed extends IOException {
        FetchFailed(GitAPIException cause) {
            super(cause);
        }
    }

    /** A change to the realm: files to write (path → bytes) and to delete (path → null). */
    public record Change(String message, Map<String, byte[]> files) {
        public boolean isEmpty() {
            return files.isEmpty();
        }
    }

    /** Computes the change to make on top of a given tip (null for an empty repository). */
    @FunctionalInterface
    public interface Planner {
        Change plan(ObjectId base) throws RealmException;
    }

    /**
     * Plans on the current tip, commits and pushes with compare-and-swap; on a rejected push,
     * fetches and re-plans on the new tip (so validations such as cycle checks see what others
     * pushed). Returns the pushed commit, or null when the plan was empty.
     */
    public ObjectId write(Planner planner, PersonIdent author) throws RealmException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                ObjectId base = tip();
                Change change = planner.plan(base);
                if (change == null || change.isEmpty()) {
                    return null;
                }
                ObjectId commit = commit(base, change, author);
                if (commit == null) {
                    return null; // the change rewrote files with identical bytes
                }
                RemoteRefUpdate update = push(commit, base);
                RemoteRefUpdate.Status status = update.getStatus();
                if (RemoteRefs.landed(update)) {
                    advanceTo(commit);
                    return commit;
                }
                if (!remote.retryAfter(update)) {
                    throw new RemoteException(ErrorCode.REMOTE_ERROR, transports.redact("the realm remote " + url()
                            + " refused the push: " + RemoteRefs.describe(update)));
                }
                backOff(attempt);
                fetch(); // someone pushed first: re-plan on their tip
            } catch (IOException e) {
                throw new RemoteException(ErrorCode.IO_ERROR, "cannot write the realm clone at " + directory() + ": "
                        + e.getMessage(), e);
            }
        }
        throw new RemoteException(ErrorCode.PUSH_REJECTED, "the realm remote " + transports.redact(url()) + " kept changing; gave up after "
                + ATTEMPTS + " attempts. Nothing was written; run the command again");
    }

    /**
     * Like {@link #write} for another branch of the realm remote (a sync branch): plans on the
     * branch's tip as last fetched, or on {@code startPoint} when the remote has no such branch yet,
     * and pushes with compare-and-swap (a new branch must still be absent). Main is not touched.
     */
    public ObjectId writeBranch(String branch, ObjectId startPoint, Planner planner, PersonIdent author)
            throws RealmException {
        String ref = Constants.R_HEADS + branch;
        String tracking = RemoteRefs.trackingBranch(branch);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                ObjectId remoteTip = git.getRepository().resolve(tracking);
                ObjectId base = remoteTip != null ? remoteTip : startPoint;
                Change change = planner.plan(base);
                if (change == null || change.isEmpty()) {
                    return null;
                }
                ObjectId commit = commit(base, change, author);
                if (commit == null) {
                    return null;
                }
                RemoteRefUpdate update = remote.push(ref, commit, remoteTip);
                if (RemoteRefs.landed(update)) {
                    lock.with(() -> {
                        force(git.getRepository(), tracking, commit);
                        return null;
                    });
                    return commit;
                }
                if (!remote.retryAfter(update)) {
                    throw new RemoteException(ErrorCode.REMOTE_ERROR, transports.redact("the realm remote " + url()
                            + " refused the push of " + branch + ": " + RemoteRefs.describe(update)));
                }
                backOff(attempt);
                fetch(); // someone pushed to the branch first: re-plan on their tip
            } catch (IOException e) {
                throw new RemoteException(ErrorCode.IO_ERROR, "cannot write the realm clone at " + directory() + ": "
                        + e.getMessage(), e);
            }
        }
        throw new RemoteException(ErrorCode.PUSH_REJECTED, "the realm remote " + transports.redact(url())
                + " kept changing " + branch + "; gave up after " + ATTEMPTS + " attempts. Run the command again");
    }

    private ObjectId commit(ObjectId base, Change change, PersonIdent author) throws IOException {
        return Commits.onTop(git.getRepository(), base, change.message(), change.files(), author);
    }

    private RemoteRefUpdate push(ObjectId commit, ObjectId expected) throws RealmException {
        return remote.push(Constants.R_HEADS + BRANCH, commit, expected);
    }

    /** Moves the tracking ref (and, in a managed clone, main and the work tree) to the pushed commit. */
    private void advanceTo(ObjectId commit) throws IOException, RealmException {
        RealmException[] failed = {null};
        lock.with(() -> {
            try {
                advanceLocked(commit);
            } catch (RealmException e) {
                failed[0] = e;
            }
            return null;
        });
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    private void advanceLocked(ObjectId commit) throws IOException, RealmException {
        Repository repo = git.getRepository();
        force(repo, TRACKING, commit);
        if (!managed) {
            return;
        }
        force(repo, Constants.R_HEADS + BRANCH, commit);
        try {
            RefUpdate head = repo.getRefDatabase().newUpdate(Constants.HEAD, false);
            head.link(Constants.R_HEADS + BRANCH);
            git.reset().setMode(ResetCommand.ResetType.HARD).call();
        } catch (GitAPIException e) {
            throw new RemoteException(ErrorCode.IO_ERROR, "pushed, but cannot update the clone at " + directory()
                    + ": " + e.getMessage(), e);
        }
    }

    /** After a fetch: brings a managed clone's main and work tree to the remote's tip. */
    public void syncWorkTree() throws RealmException {
        try {
            ObjectId tip = tip();
            if (managed && tip != null && !tip.equals(repository().resolve(Constants.R_HEADS + BRANCH))) {
                advanceTo(tip);
            }
        } catch (IOException e) {
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot update the clone at " + directory() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A random pause that grows with the attempts, so writers that collided do not collide again in step. */
    private static void backOff(int attempt) throws RealmException {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1,
                    Math.min(1_000L, 20L << Math.min(attempt, 8)) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(ErrorCode.REMOTE_ERROR, "interrupted while retrying a push", e);
        }
    }

    private static void force(Repository repo, String ref, ObjectId id) throws IOException {
        RefUpdate u = repo.updateRef(ref);
        u.setNewObjectId(id);
        u.setForceUpdate(true);
        RefUpdate.Result r = u.update();
        if (r == RefUpdate.Result.LOCK_FAILURE || r == RefUpdate.Result.IO_FAILURE || r == RefUpdate.Result.REJECTED) {
            throw new IOException("cannot update " + ref + ": " + r);
        }
    }

    @Override
    public void close() {
        git.close();
        transports.close();
    }
}
