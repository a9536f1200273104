package dev.bluerealm.internal.pr;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.RealmException;
import dev.bluerealm.RemoteException;
import dev.bluerealm.internal.git.RemoteRefs;
import dev.bluerealm.internal.git.Transports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * A clone's side of a coordinated change, whatever forge keeps its pull requests: the feature
 * branch pushed to {@code origin}, fast-forward only.
 */
final class FeatureBranch implements AutoCloseable {
    private final Repository repo;
    private final RemoteRefs remote;

    private FeatureBranch(Repository repo, RemoteRefs remote) {
        this.repo = repo;
        this.remote = remote;
    }

    /** The clone at {@code root}, when it has an {@code origin}; empty otherwise. */
    static Optional<FeatureBranch> open(Path root, Transports transports) throws RealmException {
        Repository repo;
        try {
            repo = new FileRepositoryBuilder().findGitDir(root.toFile()).setMustExist(true).build();
        } catch (IOException | IllegalArgumentException e) {
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot open the git repository at " + root + ": "
                    + e.getMessage(), e);
        }
        if (repo.getConfig().getString("remote", "origin", "url") == null) {
            repo.close();
            return Optional.empty();
        }
        return Optional.of(new FeatureBranch(repo, new RemoteRefs(repo, transports)));
    }

    RemoteRefs remote() {
        return remote;
    }

    /** {@code origin}'s URL as configured. */
    String originUrl() {
        return repo.getConfig().getString("remote", "origin", "url");
    }

    /** {@code origin/HEAD} when the clone knows it, else the main work tree's branch, else {@code main}. */
    String localBase() throws RealmException {
        try {
            Ref originHead = repo.exactRef(Constants.R_REMOTES + "origin/" + Constants.HEAD);
            if (originHead != null && originHead.isSymbolic()) {
                return Repository.shortenRefName(originHead.getTarget().getName()).replaceFirst("^origin/", "");
            }
            String head = repo.getFullBranch();
            if (head != null && head.startsWith(Constants.R_HEADS) && !head.startsWith(Constants.R_HEADS + "feat/")) {
                return Repository.shortenRefName(head);
            }
            return "main";
        } catch (IOException e) {
            throw io(e);
        }
    }

    /** Pushes local {@code branch} when it has commits beyond {@code base} on the remote. */
    RepoPulls.Push push(String branch, String base) throws RealmException {
        String headRef = Constants.R_HEADS + branch;
        String baseRef = Constants.R_HEADS + base;
        try {
            Ref local = repo.exactRef(headRef);
            if (local == null || local.getObjectId() == null) {
                return RepoPulls.Push.NO_BRANCH;
            }
            ObjectId tip = local.getObjectId();
            try (RemoteRefs.Session session = remote.session()) {
                Map<String, ObjectId> tips = session.fetch(List.of(headRef, baseRef));
                ObjectId remoteBase = tips.getOrDefault(baseRef, repo.resolve(baseRef));
                ObjectId remoteHead = tips.get(headRef);
                if (tip.equals(remoteHead)) {
                    return RepoPulls.Push.UP_TO_DATE;
                }
                if (remoteBase != null && contains(remoteBase, tip)) {
                    return RepoPulls.Push.NO_COMMITS;
                }
                if (remoteHead != null && !contains(tip, remoteHead)) {
                    return RepoPulls.Push.DIVERGED;
                }
                RemoteRefUpdate update = session.push(headRef, tip, remoteHead);
                if (RemoteRefs.landed(update)) {
                    remote.track(RemoteRefs.trackingBranch(branch), tip);
                    return RepoPulls.Push.PUSHED;
                }
                if (RemoteRefs.lostRace(update)) {
                    return RepoPulls.Push.DIVERGED; // someone pushed to the branch meanwhile
                }
                throw new RemoteException(ErrorCode.REMOTE_ERROR, remote.url() + " refused the push of " + branch + ": "
                        + RemoteRefs.describe(update));
            }
        } catch (IOException e) {
            throw io(e);
        }
    }

    private boolean contains(ObjectId tip, ObjectId commit) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.isMergedInto(walk.parseCommit(commit), walk.parseCommit(tip));
        }
    }

    private RemoteException io(IOException e) {
        return new RemoteException(ErrorCode.IO_ERROR, "cannot read the git repository at " + repo.getDirectory() + ": "
                + e.getMessage(), e);
    }

    @Override
    public void close() {
        repo.close();
    }
}
