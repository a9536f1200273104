package dev.bluerealm.internal.git;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.RealmException;
import dev.bluerealm.RemoteException;
import dev.bluerealm.internal.progress.GitMonitor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;

/**
 * The refs of a clone's {@code origin}, read and written one at a time: fetch the objects of
 * named refs, push one ref with compare-and-swap (the remote applies it only while the ref still
 * has the id we saw). Stateless apart from the clone, so one instance may be shared by threads.
 */
public final class RemoteRefs {
    private static final String REMOTE = "origin";
    private final java.util.concurrent.atomic.AtomicInteger lostRaces = new java.util.concurrent.atomic.AtomicInteger();

    private final Repository repo;
    private final Transports transports;

    public RemoteRefs(Repository repo, Transports transports) {
        this.repo = repo;
        this.transports = transports;
    }

    public Repository repository() {
        return repo;
    }

    /** The origin URL of the clone. */
    public String url() {
        return repo.getConfig().getString("remote", REMOTE, "url");
    }

    /** The local ref that tracks the remote's branch {@code branch}: {@code refs/remotes/origin/BRANCH}. */
    public static String trackingBranch(String branch) {
        return Constants.R_REMOTES + REMOTE + "/" + branch;
    }

    /**
     * Opens a connection to the remote for several fetches and pushes: over ssh they share one
     * session (one handshake), which matters when an operation reads, pushes and reads again.
     */
    public Session session() throws RealmException {
        try {
            Transport transport = Transport.open(repo, REMOTE);
            transports.configure(transport);
            return new Session(transport);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw transports.failure("cannot reach the realm remote " + url(), e);
        }
    }

    /** {@link Session#fetch} on a connection of its own. */
    public Map<String, ObjectId> fetch(Collection<String> refs) throws RealmException {
        try (Session s = session()) {
            return s.fetch(refs);
        }
    }

    /** {@link Session#push} on a connection of its own. */
    public RemoteRefUpdate push(String ref, ObjectId newId, ObjectId expected) throws RealmException {
        try (Session s = session()) {
            return s.push(ref, newId, expected);
        }
    }

    /** A connection to the remote; not for concurrent use. */
    public final class Session implements AutoCloseable {
        private final Transport transport;

        private Session(Transport transport) {
            this.transport = transport;
        }

        /**
         * Fetches the objects of the named refs (full names) as one snapshot of the remote and returns
         * their ids there; a ref the remote does not have is left out of the map. No local ref is
         * touched (see {@link #track}), so concurrent callers on one clone do not contend for locks.
         */
        public Map<String, ObjectId> fetch(Collection<String> refs) throws RealmException {
            List<RefSpec> specs = new ArrayList<>();
            refs.forEach(r -> specs.add(new RefSpec(r)));
            try (FetchConnection connection = transport.openFetch(specs)) {
                Map<String, ObjectId> ids = new LinkedHashMap<>();
                List<Ref> want = new ArrayList<>();
                for (String name : refs) {
                    Ref ref = connection.getRef(name);
                    if (ref == null || ref.getObjectId() == null) {
                        continue;
                    }
                    ids.put(name, ref.getObjectId());
                    // objects arrive in whole packs and are inserted with their closure: having the tip is having it all
                    if (!repo.getObjectDatabase().has(ref.getObjectId())) {
                        want.add(ref);
                    }
                }
                if (!want.isEmpty()) {
                    try (GitMonitor progress = transports.progress().git("Fetching from "
                            + transports.shortName(url()))) {
                        connection.fetch(progress, want, Set.of());
                        progress.complete();
                    }
                }
                transports.succeeded();
                return ids;
            } catch (IOException | RuntimeException e) {
                throw transports.failure("cannot fetch from the realm remote " + url(), e);
            }
        }

        /**
         * Pushes {@code ref} to {@code newId} (null deletes it) only if the remote still has it at
         * {@code expected} (null: only if the remote does not have it). The result's status says
         * whether it was applied; see {@link #lostRace}.
         */
        public RemoteRefUpdate push(String ref, ObjectId newId, ObjectId expected) throws RealmException {
            try (GitMonitor progress = transports.progress().git("Pushing " + Repository.shortenRefName(ref)
                    + " to " + transports.shortName(url()))) {
                RemoteRefUpdate update = new RemoteRefUpdate(repo, (String) null, newId, ref, false, null,
                        expected == null ? ObjectId.zeroId() : expected);
                transport.push(progress, List.of(update));
                transports.succeeded();
                if (landed(update)) {
                    progress.complete();
                }
                return update;
            } catch (IOException | RuntimeException e) {
                throw transports.failure("cannot push to the realm remote " + url(), e);
            }
        }

        @Override
        public void close() {
            transport.close();
        }
    }

    /**
     * {@link #lostRace} for an update about to be retried: counts it, so a command can say how often
     * others were writing at the same moment.
     */
    public boolean retryAfter(RemoteRefUpdate update) {
        boolean lost = lostRace(update);
        if (lost) {
            lostRaces.incrementAndGet();
        }
        return lost;
    }

    /** How many updates through this object lost a race and were retried. */
    public int lostRaces() {
        return lostRaces.get();
    }

    /**
     * The remote's ref is now where the update wanted it: pushed, or already there (another process
     * pushed the very same commit a moment earlier, as two merges fast-forwarding one branch do).
     */
    public static boolean landed(RemoteRefUpdate update) {
        return update.getStatus() == RemoteRefUpdate.Status.OK || update.getStatus() == RemoteRefUpdate.Status.UP_TO_DATE;
    }

    /** Another writer got there first: the ref moved, or the server could not lock it while it did. */
    public static boolean lostRace(RemoteRefUpdate update) {
        switch (update.getStatus()) {
            case REJECTED_NONFASTFORWARD:
            case REJECTED_REMOTE_CHANGED:
                return true;
            case REJECTED_OTHER_REASON:
                String m = update.getMessage() == null ? "" : update.getMessage().toLowerCase(Locale.ROOT);
                return m.contains("lock") || m.contains("failed to update ref") || m.contains("stale info");
            default:
                return false;
        }
    }

    /** A refused update as text: its status and the server's message, if any. */
    public static String describe(RemoteRefUpdate update) {
        return update.getStatus() + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")");
    }

    /**
     * Points a local ref at {@code id} (null deletes it), best effort: it only keeps fetched objects
     * reachable and speeds up the next fetch, so losing a lock to a concurrent writer is harmless.
     */
    public void track(String localRef, ObjectId id) {
        try {
            RefUpdate u = repo.updateRef(localRef);
            u.setForceUpdate(true);
            if (id == null) {
                u.delete();
            } else {
                u.setNewObjectId(id);
                u.update();
            }
        } catch (IOException e) {
            // best effort, see above
        }
    }
}
