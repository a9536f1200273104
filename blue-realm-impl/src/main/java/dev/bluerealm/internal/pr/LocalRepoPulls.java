package dev.bluerealm.internal.pr;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.RealmException;
import dev.bluerealm.RemoteException;
import dev.bluerealm.internal.forge.local.LocalForge;
import dev.bluerealm.internal.forge.local.PullRecord;
import dev.bluerealm.internal.git.RemoteRefs;
import dev.bluerealm.internal.git.Transports;
import dev.bluerealm.sync.Forge;
import dev.bluerealm.sync.PullRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * A repo's coordinated pull requests on the local forge: records on {@code refs/blue/pulls} of the
 * repo's own {@code origin}, so a change spanning repos needs nothing but their git remotes. Merging
 * is the local forge's (compare-and-swap push of the base, head branch deleted).
 */
public final class LocalRepoPulls implements RepoPulls {
    private final Repository repo;
    private final RemoteRefs remote;
    private final LocalForge forge;

    private LocalRepoPulls(Repository repo, RemoteRefs remote, LocalForge forge) {
        this.repo = repo;
        this.remote = remote;
        this.forge = forge;
    }

    /** The repo checked out at {@code root}, when it has an {@code origin}; empty otherwise. */
    public static Optional<LocalRepoPulls> open(Path root, Transports transports, PersonIdent actor, Clock clock)
            throws RealmException {
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
        RemoteRefs remote = new RemoteRefs(repo, transports);
        // a coordinated change merges when its order allows, not after a grace period: none applies
        LocalForge forge = new LocalForge(remote, actor, clock, Duration.ZERO, (merged, fastForward) -> { });
        return Optional.of(new LocalRepoPulls(repo, remote, forge));
    }

    /** {@code origin/HEAD} when the clone knows it, else the main work tree's branch, else {@code main}. */
    @Override
    public String base() throws RealmException {
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

    @Override
    public Push push(String branch) throws RealmException {
        String headRef = Constants.R_HEADS + branch;
        String baseRef = Constants.R_HEADS + base();
        try {
            Ref local = repo.exactRef(headRef);
            if (local == null || local.getObjectId() == null) {
                return Push.NO_BRANCH;
            }
            ObjectId tip = local.getObjectId();
            try (RemoteRefs.Session session = remote.session()) {
                Map<String, ObjectId> tips = session.fetch(List.of(headRef, baseRef));
                ObjectId remoteBase = tips.getOrDefault(baseRef, repo.resolve(baseRef));
                ObjectId remoteHead = tips.get(headRef);
                if (tip.equals(remoteHead)) {
                    return Push.UP_TO_DATE;
                }
                if (remoteBase != null && contains(remoteBase, tip)) {
                    return Push.NO_COMMITS;
                }
                if (remoteHead != null && !contains(tip, remoteHead)) {
                    return Push.DIVERGED;
                }
                RemoteRefUpdate update = session.push(headRef, tip, remoteHead);
                if (RemoteRefs.landed(update)) {
                    remote.track(RemoteRefs.trackingBranch(branch), tip);
                    return Push.PUSHED;
                }
                if (RemoteRefs.lostRace(update)) {
                    return Push.DIVERGED; // someone pushed to the branch meanwhile
                }
                throw new RemoteException(ErrorCode.REMOTE_ERROR, remote.url() + " refused the push of " + branch + ": "
                        + RemoteRefs.describe(update));
            }
        } catch (IOException e) {
            throw io(e);
        }
    }

    @Override
    public List<Pull> pulls(String branch) throws RealmException {
        return forge.records(null).stream().filter(r -> r.head().equals(branch)).map(LocalRepoPulls::pull).toList();
    }

    @Override
    public Pull open(String title, String body, String head, String authorRepo) throws RealmException {
        PullRequest pr = forge.open(new Forge.Draft(title, body, head, base(), authorRepo, List.of(), false));
        return new Pull(pr.number(), pr.state(), pr.base(), body);
    }

    @Override
    public void editBody(int number, String body) throws RealmException {
        forge.editBody(number, body);
    }

    @Override
    public void merge(int number) throws RealmException {
        forge.merge(number);
    }

    private boolean contains(ObjectId tip, ObjectId commit) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.isMergedInto(walk.parseCommit(commit), walk.parseCommit(tip));
        }
    }

    private static Pull pull(PullRecord r) {
        return new Pull(r.number(), r.state(), r.base(), r.body());
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
