package dev.bluerealm.internal.history;

import dev.bluerealm.internal.realm.RealmPaths;
import dev.bluerealm.internal.yaml.RealmCodec;
import dev.bluerealm.model.Contract;
import dev.bluerealm.version.Version;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The versions every contract file has carried in the realm's history (DESIGN §4: "versions are
 * looked up in the realm's git history, the commit at which a contract file carried that
 * version"). One walk of the first-parent history records each contract file's distinct blobs,
 * newest first; blobs are decoded only when a version is asked for, and each at most once.
 */
public final class ContractHistory {
    /** A contract as it was at one commit. */
    public record Entry(String commit, Contract contract) {}

    private final Repository repository;
    private final RealmCodec codec;
    private final Map<String, List<Blob>> blobs = new HashMap<>();
    private final Map<ObjectId, Optional<Contract>> decoded = new java.util.concurrent.ConcurrentHashMap<>();

    private record Blob(ObjectId id, String commit) {}

    public ContractHistory(Repository repository, ObjectId tip, RealmCodec codec) throws IOException {
        this(repository, tip, codec, Map.of());
    }

    /**
     * @param known contracts already decoded, by the git blob id of their file's bytes (the realm as
     *     loaded): a version in history with the same bytes is not decoded again
     */
    public ContractHistory(Repository repository, ObjectId tip, RealmCodec codec, Map<ObjectId, Contract> known)
            throws IOException {
        this.repository = repository;
        this.codec = codec;
        known.forEach((id, c) -> decoded.put(id, Optional.of(c)));
        if (tip != null) {
            walk(tip);
        }
    }

    private void walk(ObjectId tip) throws IOException {
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            walk.setFirstParent(true);
            walk.sort(RevSort.TOPO);
            walk.markStart(walk.parseCommit(tip));
            Map<String, ObjectId> seenTrees = new HashMap<>();
            for (RevCommit c : walk) {
                try (TreeWalk tree = new TreeWalk(reader)) {
                    tree.addTree(c.getTree());
                    tree.setRecursive(false);
                    tree.setFilter(PathFilter.create("domains"));
                    while (tree.next()) {
                        String path = tree.getPathString();
                        if (tree.isSubtree()) {
                            // only domains/*/contracts/ holds contract files; a subtree unchanged since the
                            // newer commit just visited holds blobs already recorded
                            String[] parts = path.split("/");
                            boolean relevant = parts.length <= 2 || parts.length == 3 && parts[2].equals("contracts");
                            if (relevant && !tree.getObjectId(0).equals(seenTrees.put(path, tree.getObjectId(0)))) {
                                tree.enterSubtree();
                            }
                            continue;
                        }
                        String[] parts = path.split("/");
                        if (parts.length == 4 && parts[2].equals("contracts") && path.endsWith(".yaml")
                                && tree.getFileMode(0) != FileMode.GITLINK) {
                            List<Blob> list = blobs.computeIfAbsent(path, k -> new ArrayList<>());
                            ObjectId id = tree.getObjectId(0);
                            // newest first, each blob once, with the newest commit that carried it
                            if (list.isEmpty() || !list.get(list.size() - 1).id().equals(id)) {
                                list.add(new Blob(id, c.name()));
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Decodes, on every core, each version of these contracts (domain/contract pairs) that is not
     * decoded yet: a check over the whole realm needs them all, and decoding is most of its cost.
     */
    public void prefetch(java.util.Collection<String[]> contracts) {
        List<Blob> todo = new ArrayList<>();
        for (String[] dc : contracts) {
            for (Blob b : blobs.getOrDefault(RealmPaths.contract(dc[0], dc[1]), List.of())) {
                if (!decoded.containsKey(b.id())) {
                    todo.add(b);
                }
            }
        }
        // the object reader is single-threaded: read the bytes first, then decode in parallel
        List<byte[]> bytes = new ArrayList<>();
        for (Blob b : todo) {
            try {
                bytes.add(repository.open(b.id()).getCachedBytes(2 * 1024 * 1024));
            } catch (IOException e) {
                bytes.add(null);
            }
        }
        java.util.stream.IntStream.range(0, todo.size()).parallel().forEach(i -> decoded.putIfAbsent(todo.get(i).id(),
                bytes.get(i) == null ? Optional.empty()
                        : Optional.ofNullable(codec.contract("history", bytes.get(i)).value())));
    }

    /** Every version of the contract in history, newest first, each with the newest commit that carried it. */
    public List<Entry> versions(String domain, String contract) {
        Map<Version, Entry> byVersion = new LinkedHashMap<>();
        for (Blob b : blobs.getOrDefault(RealmPaths.contract(domain, contract), List.of())) {
            decode(b).ifPresent(c -> byVersion.putIfAbsent(c.version(), new Entry(b.commit(), c)));
        }
        return new ArrayList<>(byVersion.values());
    }

    /** The contract as it was at {@code version}, if it ever carried it. */
    public Optional<Entry> at(String domain, String contract, Version version) {
        return versions(domain, contract).stream().filter(e -> e.contract().version().equals(version)).findFirst();
    }

    /** The newest version older than {@code current} (by precedence) in history, if any. */
    public Optional<Entry> previous(String domain, String contract, Version current) {
        return versions(domain, contract).stream().filter(e -> e.contract().version().compareTo(current) < 0)
                .max((a, b) -> a.contract().version().compareTo(b.contract().version()));
    }

    /**
     * Versions carried by more than one distinct content: a contract changed without a version
     * bump. Returns the versions reused, newest first.
     */
    public List<Version> reusedVersions(String domain, String contract) {
        Map<Version, Contract> seen = new HashMap<>();
        List<Version> reused = new ArrayList<>();
        for (Blob b : blobs.getOrDefault(RealmPaths.contract(domain, contract), List.of())) {
            Optional<Contract> c = decode(b);
            if (c.isEmpty()) {
                continue;
            }
            Contract other = seen.putIfAbsent(c.get().version(), c.get());
            if (other != null && (!other.schema().equals(c.get().schema()) || !other.value().equals(c.get().value()))
                    && !reused.contains(c.get().version())) {
                reused.add(c.get().version());
            }
        }
        return reused;
    }

    private Optional<Contract> decode(Blob b) {
        Optional<Contract> known = decoded.get(b.id());
        if (known != null) {
            return known;
        }
        return decoded.computeIfAbsent(b.id(), id -> {
            try {
                byte[] bytes = repository.open(id).getCachedBytes(2 * 1024 * 1024);
                // a version that no longer loads (older formats, broken commits) is simply not a version
                return Optional.ofNullable(codec.contract("history", bytes).value());
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }
}
