package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.daemon.Daemons;
import dev.bluerealm.daemon.StartResult;
import dev.bluerealm.daemon.client.DaemonClient;
import dev.bluerealm.daemon.client.Session;
import dev.bluerealm.json.JsonParser;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.testing.ThreeRepoRealm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RFC's "Coordinated Changes (Unified Worktrees)" through the {@code blue} command. */
class WorktreeE2ETest {
    private static final String FOLDER = ".worktrees/feat-training-metrics-v2";

    @TempDir Path tmp;
    Cli blue;
    ThreeRepoRealm w;

    @BeforeEach
    void realm() throws Exception {
        blue = new Cli(tmp.resolve("blue-home"), tmp.resolve("home"));
        w = ThreeRepoRealm.create(tmp);
    }

    @Test
    void worktree_fromAperture_printsTheRfcsOutput_thenReportsWhatExists() throws Exception {
        Cli.Result r = blue.run(w.aperture(), "realm", "worktree", "--rfc", "training-metrics-v2");

        assertEquals(0, r.code(), r.toString());
        assertEquals("""
                Creating unified worktree 'feat/training-metrics-v2':
                ✓ aperture: .worktrees/feat-training-metrics-v2/
                ✓ fungal-image-analysis: .worktrees/feat-training-metrics-v2/
                Branch 'feat/training-metrics-v2' created in both repos.
                """, r.out());
        try (Git g = Git.open(w.fungal().resolve(FOLDER).toFile())) {
            assertEquals("feat/training-metrics-v2", g.getRepository().getBranch());
        }

        Cli.Result again = blue.run(w.aperture(), "realm", "worktree", "--rfc", "training-metrics-v2");

        assertEquals(0, again.code(), again.toString());
        assertEquals("""
                Creating unified worktree 'feat/training-metrics-v2':
                ✓ aperture: .worktrees/feat-training-metrics-v2/ (exists)
                ✓ fungal-image-analysis: .worktrees/feat-training-metrics-v2/ (exists)
                Branch 'feat/training-metrics-v2' already in both repos.
                """, again.out());
    }

    @Test
    void worktree_json_threeReposThenRemove() throws Exception {
        Cli.Result r = blue.run(w.fungal(), "realm", "worktree", "--rfc", "training-metrics-v2", "--json");

        assertEquals(0, r.code(), r.toString());
        JsonValue.JsonObject doc = (JsonValue.JsonObject) JsonParser.parse(r.out(), 64);
        assertEquals("training-metrics-v2", ((JsonValue.JsonString) doc.get("rfc")).value());
        assertEquals("feat/training-metrics-v2", ((JsonValue.JsonString) doc.get("branch")).value());
        assertEquals("create", ((JsonValue.JsonString) doc.get("action")).value());
        List<JsonValue> repos = ((JsonValue.JsonArray) doc.get("repos")).items();
        assertEquals(3, repos.size(), r.out());
        assertEquals(List.of("fungal-image-analysis", "aperture", "ml-infra"), repos.stream()
                .map(x -> ((JsonValue.JsonString) ((JsonValue.JsonObject) x).get("repo")).value()).toList());
        for (JsonValue x : repos) {
            JsonValue.JsonObject e = (JsonValue.JsonObject) x;
            assertEquals("created", ((JsonValue.JsonString) e.get("outcome")).value(), r.out());
            assertTrue(Files.isDirectory(Path.of(((JsonValue.JsonString) e.get("path")).value())), r.out());
            assertEquals(List.of("repo", "path", "branch", "outcome", "message", "cloned"), List.copyOf(e.members().keySet()));
        }

        Files.writeString(w.mlInfra().resolve(FOLDER).resolve("draft.txt"), "wip\n");
        Cli.Result removed = blue.run(w.fungal(), "realm", "worktree", "--rfc", "training-metrics-v2", "--remove");

        assertEquals(2, removed.code(), "a skipped repo is a warning: " + removed);
        assertEquals("""
                Removing unified worktree 'feat/training-metrics-v2':
                ✓ fungal-image-analysis: removed .worktrees/feat-training-metrics-v2/; deleted branch feat/training-metrics-v2 (merged into main)
                ✓ aperture: removed .worktrees/feat-training-metrics-v2/; deleted branch feat/training-metrics-v2 (merged into main)
                ⚠️ ml-infra: .worktrees/feat-training-metrics-v2/ has uncommitted changes or untracked files: left untouched (commit or stash them, then run this again)
                Worktree 'feat/training-metrics-v2' removed from 2 repos.
                ⚠️ 1 repo skipped (see above); nothing there was changed.
                """, removed.out());
        assertEquals("wip\n", Files.readString(w.mlInfra().resolve(FOLDER).resolve("draft.txt")));
    }

    @Test
    void worktree_badName_isUsageError64() {
        Cli.Result r = blue.run(w.fungal(), "realm", "worktree", "--rfc", "../escape");
        assertEquals(Main.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("invalid RFC name '../escape'"), r.err());
        assertFalse(Files.exists(w.fungal().resolve(".worktrees")));
    }

    @Test
    void sessions_worktreeAndCommandsInsideIt_recordActiveRfc() throws Exception {
        Path blueHome = tmp.resolve("blue-home");
        Cli daemonBlue = new Cli(blueHome, tmp.resolve("home")).withDaemon(tmp.resolve("run"));
        StartResult d = Daemons.start(blueHome, Map.of("BLUE_DAEMON_PORT", "0", "BLUE_DAEMON_RUN_DIR",
                tmp.resolve("run").toString(), "BLUE_DAEMON_WATCH_SECONDS", "0"));
        try {
            DaemonClient client = DaemonClient.of(blueHome, d.port());
            long fungal = client.registerSession("fungal-image-analysis", "letemcook", "gui-1",
                    ProcessHandle.current().pid(), null);
            long aperture = client.registerSession("aperture", "letemcook", "gui-2", ProcessHandle.current().pid(), null);

            Cli.Result made = daemonBlue.with("BLUE_SESSION", Long.toString(fungal))
                    .run(w.fungal(), "realm", "worktree", "--rfc", "training-metrics-v2");
            assertEquals(0, made.code(), made.toString());
            Cli.Result inside = new Cli(blueHome, tmp.resolve("home")).withDaemon(tmp.resolve("run"))
                    .with("BLUE_SESSION", Long.toString(aperture)).run(w.aperture().resolve(FOLDER), "realm", "status");
            assertEquals(0, inside.code(), inside.toString());

            Map<Long, String> rfcs = new java.util.HashMap<>();
            for (Session s : client.sessions()) {
                rfcs.put(s.id(), s.activeRfc());
            }
            assertEquals("training-metrics-v2", rfcs.get(fungal), "blue realm worktree --rfc records its RFC");
            assertEquals("training-metrics-v2", rfcs.get(aperture), "a command inside the worktree reports it");
        } finally {
            daemonBlue.run(tmp, "daemon", "stop");
        }
    }
}
