package dev.bluerealm.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bluerealm.Realm;
import dev.bluerealm.daemon.client.DaemonClient;
import dev.bluerealm.pr.PullRequestSetRequest;
import dev.bluerealm.testing.forgejo.ForgejoThreeRepos;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's periodic realm fetch keeps the coordinated pull requests' {@code blue/merge-order}
 * statuses on Forgejo up to date: a blocker merged on Forgejo's own page unblocks its importer at the
 * next watcher round, with no {@code blue} command run.
 */
class DaemonMergeOrderTest {
    @TempDir Path tmp;
    ForgejoThreeRepos f;
    DaemonServer daemon;

    @BeforeEach
    void coordinatedChangeOnForgejo() throws Exception {
        f = ForgejoThreeRepos.start(tmp);
        f.host(f.realm().aperture(), f.realm().fungal(), f.realm().mlInfra());
        f.worktreesWithCommits();
        try (Realm r = f.open(f.realm().fungal())) {
            r.pullRequestSet(new PullRequestSetRequest.Open(ForgejoThreeRepos.RFC, "feat: training metrics v2", null));
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) {
            daemon.stop();
        }
        if (f != null) {
            f.close();
        }
    }

    @Test
    void watcherRound_afterTheBlockerMergesOnForgejo_turnsItsImportersMergeOrderSuccess() throws Exception {
        f.mergeOnForgejo("aperture");
        assertEquals("pending", f.mergeOrder("fungal-image-analysis").state(), "nothing refreshed it yet");
        Path home = f.realm().machine().blueHome();
        Map<String, String> env = Map.of("HOME", tmp.resolve("home").toString(), "BLUE_FORGEJO_TOKEN", f.token());
        daemon = DaemonServer.create(new DaemonConfig(home, 0, tmp.resolve("run"),
                new MutableClock(Instant.parse("2026-01-24T10:00:00Z")), Duration.ZERO, Duration.ofMinutes(1), env));
        daemon.start();
        DaemonClient.of(home, daemon.port()).registerSession("ml-infra", "letemcook", "cli-1",
                ProcessHandle.current().pid(), null);

        daemon.scanRealms(); // one round of the periodic fetch

        assertEquals("success", f.mergeOrder("fungal-image-analysis").state());
        assertEquals("merge order: ready to merge", f.mergeOrder("fungal-image-analysis").description());
        assertEquals("pending", f.mergeOrder("ml-infra").state(), "its blocker is still open");
        assertEquals("blocked by eric/fungal-image-analysis#1", f.mergeOrder("ml-infra").description());
    }
}
