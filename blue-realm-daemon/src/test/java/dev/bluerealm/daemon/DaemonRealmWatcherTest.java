package dev.bluerealm.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.daemon.client.DaemonClient;
import dev.bluerealm.daemon.client.Notification;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.testing.RfcWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link RealmWatcher}: a version pushed to the realm's remote becomes a notification. */
class DaemonRealmWatcherTest {
    private static final String CONTRACT = "domains/s3-access/contracts/s3-permissions.yaml";

    @TempDir
    Path tmp;

    DaemonServer daemon;

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.stop();
        }
    }

    DaemonClient start(RfcWorkspace w, Duration watch) throws Exception {
        Path home = w.machine().blueHome();
        daemon = DaemonServer.create(new DaemonConfig(home, 0, tmp.resolve("run"),
                new MutableClock(Instant.parse("2026-01-24T10:00:00Z")), watch, Duration.ofMinutes(1),
                Map.of("HOME", tmp.resolve("home").toString())));
        daemon.start();
        return DaemonClient.of(home, daemon.port());
    }

    void pushVersion(RfcWorkspace w, String version) throws Exception {
        String yaml = RfcWorkspace.CONTRACT_FILES.get(CONTRACT).replace("version: \"1.4.0\"", "version: \"" + version + "\"");
        w.machine().commitTo(w.remote(), Map.of(CONTRACT, yaml), "s3-permissions " + version);
    }

    @Test
    void sync_versionPushedToRemote_becomesNotification_deduplicated() throws Exception {
        RfcWorkspace w = RfcWorkspace.create(tmp, RfcWorkspace.ERIC);
        DaemonClient client = start(w, Duration.ZERO);
        client.registerSession("fungal-image-analysis", "letemcook", "cli-1", ProcessHandle.current().pid(), null);
        assertEquals(List.of(), client.syncRealm("letemcook")); // the first scan records what is there

        pushVersion(w, "1.5.0");
        List<Notification> created = client.syncRealm("letemcook");
        assertEquals(1, created.size(), created.toString());
        Notification n = created.get(0);
        assertEquals("s3-access", n.domain());
        assertEquals("s3-permissions", n.contract());
        assertEquals("1.5.0", n.version());
        assertEquals("updated", n.changeType());
        assertEquals("aperture", n.fromRepo());
        assertEquals(List.of("s3-permissions: 1.4.0 -> 1.5.0"), n.diff());
        assertEquals(List.of(), client.syncRealm("letemcook")); // nothing new

        pushVersion(w, "2.0.0");
        List<Notification> breaking = client.syncRealm("letemcook");
        assertEquals(1, breaking.size());
        assertEquals("breaking", breaking.get(0).changeType());
        assertEquals(2, client.notifications("letemcook", "fungal-image-analysis", true).size());
    }

    @Test
    void sync_newOpenPullRequest_becomesNotificationOfItsContractChange() throws Exception {
        RfcWorkspace w = RfcWorkspace.create(tmp, "fiona@example.com");
        DaemonClient client = start(w, Duration.ZERO);
        client.registerSession("fungal-image-analysis", "letemcook", "cli-1", ProcessHandle.current().pid(), null);
        assertEquals(List.of(), client.syncRealm("letemcook"));
        Files.writeString(w.aperture().resolve("models/training/s3_paths.py"),
                "EXPERIMENTS = \"training-metrics/experiments/*\"  # blue:export s3-permissions.read\n",
                java.nio.file.StandardOpenOption.APPEND);
        try (dev.bluerealm.Realm r = dev.bluerealm.Realm.open(w.machine().options(w.aperture()).build())) {
            r.sync(r.syncPlanner(dev.bluerealm.sync.SyncRequest.defaults()).plan(),
                    dev.bluerealm.sync.SyncRequest.defaults());
        }
        List<Notification> created = client.syncRealm("letemcook");
        Notification pr = created.stream().filter(n -> n.pullRequest() != null).findFirst().orElseThrow(
                () -> new AssertionError("no pull request notification in " + created));
        assertEquals("new", pr.changeType());
        assertEquals("aperture", pr.fromRepo());
        assertEquals("s3-access", pr.domain());
        assertEquals("s3-permissions", pr.contract());
        assertEquals("1.5.0", pr.version());
        assertEquals(List.of("+ training-metrics/experiments/*"), pr.diff());
        assertEquals(List.of(), client.syncRealm("letemcook"));
    }

    @Test
    void sync_createdNotification_isPushedToOpenEventStreams() throws Exception {
        RfcWorkspace w = RfcWorkspace.create(tmp, RfcWorkspace.ERIC);
        DaemonClient client = start(w, Duration.ZERO);
        client.registerSession("fungal-image-analysis", "letemcook", "cli-1", ProcessHandle.current().pid(), null);
        client.syncRealm("letemcook");
        try (EventClient events = EventClient.open(daemon.port(), "?realm=letemcook&repo=fungal-image-analysis", null)) {
            events.catchUp();
            pushVersion(w, "1.5.0");
            Notification created = client.syncRealm("letemcook").get(0);
            EventClient.Block pushed = events.nextNotification();
            assertEquals(String.valueOf(created.id()), pushed.id());
            assertTrue(pushed.data().contains("\"version\":\"1.5.0\""), pushed.data());
        }
    }

    @Test
    void periodicFetch_seesPushedVersion() throws Exception {
        RfcWorkspace w = RfcWorkspace.create(tmp, RfcWorkspace.ERIC);
        DaemonClient client = start(w, Duration.ofMillis(200));
        client.registerSession("fungal-image-analysis", "letemcook", "cli-1", ProcessHandle.current().pid(), null);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (client.sessions().isEmpty() || lastSync() == null) {
            assertTrue(System.nanoTime() < deadline, "no first scan");
            Thread.sleep(100);
        }
        pushVersion(w, "1.5.0");
        List<Notification> seen = List.of();
        while (seen.isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the periodic fetch did not see 1.5.0");
            Thread.sleep(100);
            seen = client.notifications("letemcook", null, false);
        }
        assertEquals("1.5.0", seen.get(0).version());
    }

    private String lastSync() throws Exception {
        RawHttp http = new RawHttp(daemon.port(), "");
        JsonValue.JsonArray realms = (JsonValue.JsonArray) http.get("/realms").json().get("realms");
        if (realms.items().isEmpty()) {
            return null;
        }
        JsonValue v = ((JsonValue.JsonObject) realms.items().get(0)).get("last_sync");
        return v instanceof JsonValue.JsonString s ? s.value() : null;
    }

    @Test
    void getRealm_listsReposDomainsAndContracts() throws Exception {
        RfcWorkspace w = RfcWorkspace.create(tmp, RfcWorkspace.ERIC);
        start(w, Duration.ZERO);
        RawHttp http = new RawHttp(daemon.port(), Files.readString(w.machine().blueHome().resolve("daemon.token")).trim());
        assertEquals(200, http.post("/realms/letemcook/sync", "").status()); // GET shows the last fetched state
        RawHttp.Response r = http.get("/realms/letemcook");
        assertEquals(200, r.status(), r.body());
        String body = r.body();
        assertTrue(body.contains("\"name\":\"s3-access\""), body);
        assertTrue(body.contains("{\"name\":\"s3-permissions\",\"version\":\"1.4.0\",\"owner\":\"aperture\"}"), body);
        assertTrue(body.contains("\"name\":\"fungal-image-analysis\""), body);
        assertTrue(body.contains("\"last_sync\":\"2026-01-24T10:00:00Z\""), body);
    }
}
