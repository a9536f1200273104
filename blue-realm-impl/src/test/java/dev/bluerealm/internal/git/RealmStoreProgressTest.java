package dev.bluerealm.internal.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.RealmException;
import dev.bluerealm.progress.ProgressTask;
import dev.bluerealm.testing.GitHttpServer;
import dev.bluerealm.testing.RecordingProgress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clone, fetch and push report their progress: a task per operation, JGit's phases as its children. */
class RealmStoreProgressTest {
    @TempDir Path tmp;
    Path bare;
    final PersonIdent who = new PersonIdent("eric", "eric@example.com");
    final RecordingProgress progress = new RecordingProgress();

    @BeforeEach
    void setUp() throws Exception {
        bare = tmp.resolve("remotes/letemcook.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        try (RealmStore s = RealmStore.cloneInto(bare.toUri().toString(), tmp.resolve("seed"), Transports.defaults())) {
            s.write(base -> files(40, "v1"), who); // enough objects for JGit to count
        }
    }

    private static RealmStore.Change files(int n, String content) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            files.put("domains/d" + i + "/domain.yaml", ("name: d" + i + "\n# " + content + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new RealmStore.Change("write " + content, files);
    }

    /** The one top-level task named {@code label}: started, with phases that have sane totals, ended completed. */
    private ProgressTask completedOperation(String label) {
        List<ProgressTask> roots = progress.roots(label);
        assertEquals(1, roots.size(), "one " + label + " task: " + progress.events());
        ProgressTask op = roots.get(0);
        assertEquals(label, op.label());
        assertFalse(op.hasTotal(), "an operation's size is its phases'");
        assertTrue(progress.completed(op), progress.events().toString());
        List<ProgressTask> phases = progress.children(op);
        assertFalse(phases.isEmpty(), "JGit's phases are reported: " + progress.events());
        for (ProgressTask phase : phases) {
            List<Long> advances = progress.advances(phase);
            if (phase.hasTotal() && !advances.isEmpty()) {
                assertEquals(phase.total(), advances.get(advances.size() - 1), "a finished phase reaches its total: "
                        + progress.events());
            }
            assertTrue(progress.completed(phase), progress.events().toString());
        }
        return op;
    }

    @Test
    void cloneFetchPush_overFile_reportStartPhasesAndEndInOrder() throws Exception {
        try (RealmStore store = RealmStore.cloneInto(bare.toUri().toString(), tmp.resolve("a"),
                Transports.defaults(progress))) {
            ProgressTask clone = completedOperation("Cloning realm letemcook");
            assertTrue(progress.children(clone).stream().anyMatch(p -> p.label().equals("Receiving objects")
                    && p.total() > 40), progress.events().toString());

            progress.clear();
            try (RealmStore other = RealmStore.cloneInto(bare.toUri().toString(), tmp.resolve("b"), Transports.defaults())) {
                other.write(base -> files(40, "v2"), who);
            }
            store.fetch();
            completedOperation("Fetching realm letemcook");
            progress.assertWellFormed();

            progress.clear();
            store.write(base -> files(40, "v3"), who);
            ProgressTask push = completedOperation("Pushing main to letemcook");
            assertTrue(progress.children(push).stream().anyMatch(p -> p.label().equals("Writing objects")),
                    progress.events().toString());
            progress.assertWellFormed();
            assertEquals(0, progress.indexOf(e -> e.kind().equals("start") && e.task() == push), "the push starts first");
            assertEquals(progress.events().size() - 1, progress.indexOf(e -> e.kind().equals("end") && e.task() == push),
                    "and ends last");
        }
    }

    @Test
    void cloneAndFetch_overSmartHttp_reportTheServersPhasesToo() throws Exception {
        try (GitHttpServer server = GitHttpServer.start(bare.getParent());
             RealmStore store = RealmStore.cloneInto(server.url("letemcook"), tmp.resolve("a"),
                     Transports.defaults(progress))) {
            ProgressTask clone = completedOperation("Cloning realm letemcook");
            assertTrue(progress.children(clone).stream().anyMatch(p -> p.label().equals("Receiving objects")),
                    progress.events().toString());
            progress.assertWellFormed();

            progress.clear();
            try (RealmStore other = RealmStore.cloneInto(bare.toUri().toString(), tmp.resolve("b"), Transports.defaults())) {
                other.write(base -> files(40, "v2"), who);
            }
            store.fetch();
            completedOperation("Fetching realm letemcook");
            progress.clear();
            store.write(base -> files(40, "v3"), who);
            completedOperation("Pushing main to letemcook");
            progress.assertWellFormed();
            assertEquals("name: d0\n# v3\n", Files.readString(tmp.resolve("a/domains/d0/domain.yaml")));
        }
    }

    @Test
    void clone_ofMissingRemote_stillEndsItsTask_notCompleted() {
        assertThrows(RealmException.class, () -> RealmStore.cloneInto(tmp.resolve("nowhere.git").toUri().toString(),
                tmp.resolve("a"), Transports.defaults(progress)));
        progress.assertWellFormed();
        ProgressTask clone = progress.roots("Cloning realm nowhere").get(0);
        assertFalse(progress.completed(clone));
    }

    @Test
    void fetch_afterTheRemoteWentAway_stillEndsItsTask_notCompleted() throws Exception {
        try (RealmStore store = RealmStore.cloneInto(bare.toUri().toString(), tmp.resolve("a"),
                Transports.defaults(progress))) {
            progress.clear();
            dev.bluerealm.internal.git.Files2.deleteQuietly(bare);
            assertThrows(RealmException.class, store::fetch);
            progress.assertWellFormed();
            assertFalse(progress.completed(progress.roots("Fetching realm letemcook").get(0)));
        }
    }

    @Test
    void listenerThatThrows_doesNotBreakTheClone() throws Exception {
        dev.bluerealm.progress.ProgressListener broken = new dev.bluerealm.progress.ProgressListener() {
            @Override
            public void advanced(ProgressTask task, long done) {
                throw new IllegalStateException("display gone");
            }
        };
        try (RealmStore store = RealmStore.cloneInto(bare.toUri().toString(), tmp.resolve("a"), Transports.defaults(broken))) {
            assertTrue(Files.isRegularFile(store.directory().resolve("domains/d0/domain.yaml")));
        }
    }
}
