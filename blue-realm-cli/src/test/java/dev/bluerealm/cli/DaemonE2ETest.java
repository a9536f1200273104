package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code blue daemon start|status|stop} on a BLUE_HOME of its own: a real detached process on loopback. */
class DaemonE2ETest {
    @TempDir Path tmp;

    @Test
    void startStatusStop_aRealDetachedDaemon() {
        Cli blue = new Cli(tmp.resolve("blue-home"), tmp.resolve("home"))
                .withDaemon(tmp.resolve("run"));
        Cli.Result none = blue.run(tmp, "daemon", "status");
        assertTrue(none.out().startsWith("no daemon running for "), none.toString());
        Cli.Result start = blue.run(tmp, "daemon", "start");
        assertEquals(0, start.code(), start.toString());
        assertTrue(start.out().startsWith("✓ daemon running on 127.0.0.1:"), start.out());
        try {
            Cli.Result again = blue.run(tmp, "daemon", "start");
            assertTrue(again.out().startsWith("daemon already running (pid "), again.toString());
            Cli.Result status = blue.run(tmp, "daemon", "status", "--json");
            assertTrue(status.out().contains("\"running\": true"), status.out());
        } finally {
            Cli.Result stop = blue.run(tmp, "daemon", "stop");
            assertEquals("✓ daemon stopped\n", stop.out(), stop.toString());
        }
        assertTrue(blue.run(tmp, "daemon", "status").out().startsWith("no daemon running"));
    }

    @Test
    void syncWithADaemonRunning_notifiesIt_andTheImportersStatusShowsTheNotification() throws Exception {
        dev.bluerealm.testing.RfcWorkspace w = dev.bluerealm.testing.RfcWorkspace.create(tmp, "fiona@example.com");
        Cli blue = new Cli(tmp.resolve("blue-home"), tmp.resolve("home"))
                .withDaemon(tmp.resolve("run"));
        assertEquals(0, blue.run(tmp, "daemon", "start").code());
        try {
            java.nio.file.Files.writeString(w.aperture().resolve("models/training/s3_paths.py"),
                    "EXPERIMENTS = \"training-metrics/experiments/*\"  # blue:export s3-permissions.read\n",
                    java.nio.file.StandardOpenOption.APPEND);
            Cli.Result sync = blue.run(w.aperture(), "realm", "sync");
            assertEquals(0, sync.code(), sync.toString());
            assertTrue(sync.out().contains("Notifying active sessions...\n"
                    + "  the daemon has it; no other session is open (others see it when they start)\n"), sync.out());
            Cli.Result status = blue.run(w.fungal(), "realm", "status");
            assertTrue(status.out().contains("🔔 Notification from aperture (just now):\n"
                    + "  Contract 's3-permissions' proposed at 1.5.0 (PR #1)\n"
                    + "    + training-metrics/experiments/*\n"), status.out());
            Cli.Result own = blue.run(w.aperture(), "realm", "status");
            assertTrue(!own.out().contains("🔔 Notification"), "a repo is not notified of its own change: " + own.out());
            // the importer acknowledges: the notification is settled for it
            Cli.Result ack = blue.run(w.fungal(), "realm", "sync", "--ack", "s3-permissions");
            assertEquals(0, ack.code(), ack.toString());
            assertTrue(ack.out().contains("✓ Acknowledged PR #1"), ack.out());
            Cli.Result after = blue.run(w.fungal(), "realm", "status");
            assertTrue(!after.out().contains("🔔 Notification from aperture"), "still shown after the ack: " + after.out());
        } finally {
            blue.run(tmp, "daemon", "stop");
        }
    }

    @Test
    void status_listsActiveSessions_thisRepoFirst_othersWithTheirRfc_andInJson() throws Exception {
        dev.bluerealm.testing.RfcWorkspace w = dev.bluerealm.testing.RfcWorkspace.create(tmp, "fiona@example.com");
        Cli blue = new Cli(tmp.resolve("blue-home"), tmp.resolve("home")).withDaemon(tmp.resolve("run"));
        dev.bluerealm.daemon.StartResult d = dev.bluerealm.daemon.Daemons.start(tmp.resolve("blue-home"),
                java.util.Map.of("BLUE_DAEMON_PORT", "0", "BLUE_DAEMON_RUN_DIR", tmp.resolve("run").toString(),
                        "BLUE_DAEMON_WATCH_SECONDS", "0"));
        try {
            var client = dev.bluerealm.daemon.client.DaemonClient.of(tmp.resolve("blue-home"), d.port());
            client.registerSession("aperture", "letemcook", "gui-1", ProcessHandle.current().pid(), "training-metrics-v2");
            client.registerSession("ml-infra", "another-realm", "gui-2", ProcessHandle.current().pid(), null);
            Cli.Result status = blue.run(w.fungal(), "realm", "status");
            assertEquals(0, status.code(), status.toString());
            assertTrue(status.out().contains("\nActive sessions:\n  • fungal-image-analysis (you)\n"
                    + "  • aperture - working on training-metrics-v2\n"), status.out());
            assertTrue(!status.out().contains("ml-infra"), "a session of another realm: " + status.out());
            Cli.Result json = blue.run(w.fungal(), "realm", "status", "--json");
            var doc = (dev.bluerealm.json.JsonValue.JsonObject) dev.bluerealm.json.JsonParser.parse(json.out(), 64);
            var sessions = ((dev.bluerealm.json.JsonValue.JsonArray) ((dev.bluerealm.json.JsonValue.JsonObject)
                    doc.get("daemon")).get("sessions")).items();
            assertEquals(2, sessions.size(), json.out());
            assertTrue(sessions.get(1).toJson().contains("\"active_rfc\":\"training-metrics-v2\""), json.out());
            assertEquals(1, client.sessions().stream().filter(s -> s.repo().equals("aperture")).count(),
                    "status ended its own session only");
        } finally {
            blue.run(tmp, "daemon", "stop");
        }
    }

    @Test
    void daemonThatCannotStart_commandStillWorks_andSaysSoInOneLine() throws Exception {
        dev.bluerealm.testing.RfcWorkspace w = dev.bluerealm.testing.RfcWorkspace.create(tmp, "fiona@example.com");
        Cli blue = new Cli(tmp.resolve("blue-home"), tmp.resolve("home")).withDaemon(tmp.resolve("run"))
                .with("BLUE_DAEMON_PORT", "not-a-port");
        Cli.Result status = blue.run(w.fungal(), "realm", "status");
        assertEquals(0, status.code(), status.toString());
        assertTrue(status.out().startsWith("📊 fungal-image-analysis (in realm: letemcook)"), status.out());
        java.util.List<String> lines = status.err().lines().toList();
        assertEquals(1, lines.size(), status.err());
        assertTrue(lines.get(0).startsWith("ℹ  daemon: the daemon could not be started: the daemon exited with 2"),
                status.err());
        assertTrue(!status.out().contains("Active sessions"), status.out());
    }
}
