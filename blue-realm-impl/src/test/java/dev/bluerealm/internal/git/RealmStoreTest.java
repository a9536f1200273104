package dev.bluerealm.internal.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.RealmException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealmStoreTest {
    @TempDir Path tmp;
    Path bare;
    final PersonIdent who = new PersonIdent("eric", "eric@example.com");

    @BeforeEach
    void setUp() throws Exception {
        bare = tmp.resolve("realm.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        try (RealmStore s = RealmStore.cloneInto(bare.toUri().toString(), tmp.resolve("seed"), Transports.defaults())) {
            s.write(base -> change("realm.yaml", "name: r\n"), who);
        }
    }

    private static RealmStore.Change change(String path, String text) {
        return new RealmStore.Change("write " + path, Map.of(path, text.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> remoteLog() throws Exception {
        List<String> messages = new ArrayList<>();
        try (Git g = Git.open(bare.toFile())) {
            for (RevCommit c : g.log().call()) {
                messages.add(c.getShortMessage());
            }
        }
        return messages;
    }

    @Test
    void write_staleTip_isRejectedThenReplannedOnTheNewTip() throws Exception {
        try (RealmStore a = RealmStore.cloneInto(bare.toUri().toString(), tmp.resolve("a"), Transports.defaults());
             RealmStore b = RealmStore.cloneInto(bare.toUri().toString(), tmp.resolve("b"), Transports.defaults())) {
            a.write(base -> change("repos/a.yaml", "name: a\n"), who);
            List<ObjectId> bases = new ArrayList<>();
            b.write(base -> {
                bases.add(base);
                return change("repos/b.yaml", "name: b\n");
            }, who);
            assertEquals(2, bases.size(), "planned once on the stale tip, once after fetching");
            assertEquals(List.of("write repos/b.yaml", "write repos/a.yaml", "write realm.yaml"), remoteLog());
            assertEquals("name: a\n", Files.readString(tmp.resolve("b/repos/a.yaml")), "managed work tree follows main");
        }
    }

    @Test
    void write_plannerRefuses_pushesNothing() throws Exception {
        try (RealmStore a = RealmStore.cloneInto(bare.toUri().toString(), tmp.resolve("a"), Transports.defaults())) {
            ObjectId before = a.tip();
            assertThrows(InvalidRequestException.class, () -> a.write(base -> {
                throw new InvalidRequestException(ErrorCode.ALREADY_EXISTS, "no");
            }, who));
            a.fetch();
            assertEquals(before, a.tip());
        }
    }

    @Test
    void write_identicalBytes_makesNoCommit() throws Exception {
        try (RealmStore a = RealmStore.cloneInto(bare.toUri().toString(), tmp.resolve("a"), Transports.defaults())) {
            assertNull(a.write(base -> change("realm.yaml", "name: r\n"), who));
            assertEquals(1, remoteLog().size());
        }
    }

    @Test
    void write_deletesFiles() throws Exception {
        try (RealmStore a = RealmStore.cloneInto(bare.toUri().toString(), tmp.resolve("a"), Transports.defaults())) {
            a.write(base -> change("repos/x.yaml", "name: x\n"), who);
            java.util.HashMap<String, byte[]> del = new java.util.HashMap<>();
            del.put("repos/x.yaml", null);
            a.write(base -> new RealmStore.Change("delete", del), who);
            assertEquals(false, Files.exists(tmp.resolve("a/repos/x.yaml")));
        }
    }

    @Test
    void write_concurrentWriters_loseNothingAndDuplicateNothing() throws Exception {
        int writers = 3;
        int each = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicInteger rejected = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int id = w;
                futures.add(pool.submit(() -> {
                    try (RealmStore s = RealmStore.cloneInto(bare.toUri().toString(), tmp.resolve("w" + id), Transports.defaults())) {
                        for (int i = 0; i < each; i++) {
                            String path = "repos/w" + id + "-" + i + ".yaml";
                            while (true) {
                                try {
                                    s.write(base -> change(path, "name: w" + id + "\n"), who);
                                    break;
                                } catch (RealmException e) {
                                    if (e.code() != ErrorCode.PUSH_REJECTED) {
                                        throw e;
                                    }
                                    rejected.incrementAndGet(); // bounded retries ran out: nothing was written, try again
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> log = remoteLog();
        assertEquals(writers * each + 1, log.size(), "one commit per write, none lost or doubled: " + log);
        assertEquals(log.size(), log.stream().distinct().count());
    }
}
