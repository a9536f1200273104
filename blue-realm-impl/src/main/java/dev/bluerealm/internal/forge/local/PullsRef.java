package dev.bluerealm.internal.forge.local;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.RealmException;
import dev.bluerealm.RealmInternalException;
import dev.bluerealm.RealmLoadException;
import dev.bluerealm.RemoteException;
import dev.bluerealm.internal.git.Commits;
import dev.bluerealm.internal.git.RemoteRefs;
import dev.bluerealm.model.LoadError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The ref {@code refs/blue/pulls} of the realm remote: a chain of commits whose tree holds
 * {@code meta.json} and one {@code pulls/N.json} per pull request. Every read fetches the ref; every
 * change is a new commit built in memory on top of the tip just read, pushed only if the remote's
 * ref is still that tip. When another writer got there first, the change is re-applied to their tip,
 * a bounded number of times, so two machines opening pull requests at once get distinct numbers and
 * neither loses its record.
 */
final class PullsRef {
    static final String REF = "refs/blue/pulls";
    /** Where the clone keeps the last tip it saw (only so the objects stay reachable and fetches stay small). */
    static final String TRACKING = "refs/blue/origin/pulls";
    static final String META = "meta.json";
    static final int ATTEMPTS = 40; // 20 machines opening pull requests at once all land (SyncBenchmark)
    private static final Pattern RECORD = Pattern.compile("pulls/([1-9][0-9]{0,9})\\.json");
    private static final int CACHE_LIMIT = 10_000;

    private final RemoteRefs remote;
    private final PullCodec codec = new PullCodec();
    /** Decoded records by blob id: a record unchanged between two reads is not decoded twice. */
    private final Map<ObjectId, PullRecord> decoded = new ConcurrentHashMap<>();

    PullsRef(RemoteRefs remote) {
        this.remote = remote;
    }

    static String file(int number) {
        return "pulls/" + number + ".json";
    }

    /** The size of a record's file, in bytes. */
    int size(PullRecord record) {
        return codec.encode(record).length;
    }

    /** Fetches the ref and lists its files. */
    Snapshot read(RemoteRefs.Session session) throws RealmException {
        ObjectId tip = session.fetch(List.of(REF)).get(REF);
        Snapshot snapshot = new Snapshot(tip);
        if (tip != null) {
            remote.track(TRACKING, tip);
        }
        return snapshot;
    }

    /** What a change to the ref does: the result to return, and the records (and next number) to write. */
    record Change<T>(T result, String message, List<PullRecord> records, Integer next) {
        static <T> Change<T> none(T result) {
            return new Change<>(result, null, List.of(), null);
        }

        boolean isEmpty() {
            return records.isEmpty() && next == null;
        }
    }

    /** Computes a change from the ref as it is; called again on the new tip after a lost race. */
    @FunctionalInterface
    interface Edit<T> {
        Change<T> apply(Snapshot snapshot) throws RealmException;
    }

    /**
     * Reads the ref, applies {@code edit} and pushes the result with compare-and-swap, re-reading
     * and re-applying after a lost race; returns the result of the edit that was pushed (or that
     * needed no change).
     *
     * @param what what the change is, for the message when every attempt lost ("open a pull request")
     */
    <T> T update(RemoteRefs.Session session, String what, Edit<T> edit, Supplier<PersonIdent> author)
            throws RealmException {
        Repository repo = remote.repository();
        for (int attempt = 1; ; attempt++) {
            Snapshot snapshot = read(session);
            Change<T> change = edit.apply(snapshot);
            if (change.isEmpty()) {
                return change.result();
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (PullRecord r : change.records()) {
                byte[] bytes = codec.encode(r);
                if (bytes.length > PullCodec.MAX_BYTES) {
                    throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "the record of pull #" + r.number()
                            + " would be larger than " + PullCodec.MAX_BYTES / 1024 + " KiB");
                }
                files.put(file(r.number()), bytes);
            }
            if (change.next() != null) {
                files.put(META, codec.encode(new PullCodec.Meta(PullCodec.FORMAT, change.next())));
            }
            ObjectId commit;
            try {
                commit = Commits.onTop(repo, snapshot.tip(), change.message(), files, author.get());
            } catch (IOException e) {
                throw new RemoteException(ErrorCode.IO_ERROR, "cannot write to the realm clone at " + repo.getDirectory()
                        + ": " + e.getMessage(), e);
            }
            if (commit == null) {
                return change.result(); // identical bytes: nothing to push
            }
            RemoteRefUpdate update = session.push(REF, commit, snapshot.tip());
            if (RemoteRefs.landed(update)) {
                remote.track(TRACKING, commit);
                return change.result();
            }
            if (!remote.retryAfter(update)) {
                throw new RemoteException(ErrorCode.REMOTE_ERROR, "the realm remote " + remote.url()
                        + " refused the update of " + REF + ": " + RemoteRefs.describe(update));
            }
            if (attempt == ATTEMPTS) {
                throw new RemoteException(ErrorCode.PUSH_REJECTED, "the realm remote " + remote.url() + " kept changing "
                        + REF + "; gave up after " + ATTEMPTS + " attempts to " + what
                        + ". Nothing was written; run the command again");
            }
            backOff(attempt);
        }
    }

    /**
     * A random pause after the {@code attempt}-th lost race, up to 50 ms, 100 ms, 200 ms … 2 s, so that
     * writers who collided spread out instead of colliding again (about 10 s in all, at worst).
     */
    static void backOff(int attempt) throws RemoteException {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, Math.min(2_000L, 25L << Math.min(attempt, 10)) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(ErrorCode.REMOTE_ERROR, "interrupted while retrying a push", e);
        }
    }

    /** The ref's files at one tip; records are decoded on demand. */
    final class Snapshot {
        private final ObjectId tip;
        private final TreeMap<Integer, ObjectId> records = new TreeMap<>();
        private ObjectId meta;

        Snapshot(ObjectId tip) throws RealmException {
            this.tip = tip;
            if (tip == null) {
                return; // no pull request was ever opened
            }
            Repository repo = remote.repository();
            List<LoadError> errors = new ArrayList<>();
            try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
                tree.addTree(walk.parseCommit(tip).getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    String path = tree.getPathString();
                    Matcher m = RECORD.matcher(path);
                    if (tree.getFileMode(0) != FileMode.REGULAR_FILE) {
                        errors.add(new LoadError(REF + ":" + path, 0, 0, "is not a regular file"));
                    } else if (path.equals(META)) {
                        meta = tree.getObjectId(0);
                    } else if (m.matches() && Long.parseLong(m.group(1)) <= Integer.MAX_VALUE) {
                        records.put(Integer.parseInt(m.group(1)), tree.getObjectId(0));
                    } else {
                        errors.add(new LoadError(REF + ":" + path, 0, 0, "unexpected file; " + REF
                                + " holds meta.json and pulls/NUMBER.json"));
                    }
                }
            } catch (IOException e) {
                throw new RealmInternalException("cannot read " + REF + " at " + tip.name(), e);
            }
            if (!errors.isEmpty()) {
                throw new RealmLoadException(errors);
            }
            meta(); // refuse a newer format before anything else is read
        }

        ObjectId tip() {
            return tip;
        }

        PullCodec.Meta meta() throws RealmException {
            return meta == null ? PullCodec.Meta.EMPTY : codec.decodeMeta(REF + ":" + META, bytes(META, meta));
        }

        /** The number the next pull request gets: never one in use, even if meta.json lags. */
        int nextNumber() throws RealmException {
            int next = meta().next();
            return records.isEmpty() ? next : Math.max(next, records.lastKey() + 1);
        }

        Optional<PullRecord> get(int number) throws RealmException {
            ObjectId blob = records.get(number);
            return blob == null ? Optional.empty() : Optional.of(decode(number, blob));
        }

        /** Every record, by number. */
        List<PullRecord> all() throws RealmException {
            List<PullRecord> all = new ArrayList<>();
            for (Map.Entry<Integer, ObjectId> e : records.entrySet()) {
                all.add(decode(e.getKey(), e.getValue()));
            }
            return Collections.unmodifiableList(all);
        }

        private PullRecord decode(int number, ObjectId blob) throws RealmException {
            PullRecord cached = decoded.get(blob);
            if (cached != null && cached.number() == number) {
                return cached;
            }
            PullRecord r = codec.decode(REF + ":" + file(number), number, bytes(file(number), blob));
            if (decoded.size() >= CACHE_LIMIT) {
                decoded.clear();
            }
            decoded.put(blob, r);
            return r;
        }

        private byte[] bytes(String path, ObjectId blob) throws RealmLoadException {
            try (ObjectReader reader = remote.repository().newObjectReader()) {
                return reader.open(blob).getCachedBytes(PullCodec.MAX_BYTES);
            } catch (LargeObjectException e) {
                throw new RealmLoadException(List.of(new LoadError(REF + ":" + path, 0, 0, "is larger than "
                        + PullCodec.MAX_BYTES / 1024 + " KiB")));
            } catch (IOException e) {
                throw new RealmInternalException("cannot read " + REF + " at " + tip.name(), e);
            }
        }
    }
}
