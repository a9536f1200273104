package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.daemon.DaemonStatus;
import dev.bluerealm.daemon.Daemons;
import dev.bluerealm.daemon.client.DaemonClient;
import dev.bluerealm.daemon.client.Session;
import dev.bluerealm.testing.RfcWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions across real {@code blue} processes (DESIGN §6): the first command auto-starts the daemon,
 * a watching importer is told of a sync in another repo, Ctrl-C ends a session, and a change pushed
 * from a second machine (another BLUE_HOME) reaches this machine's sessions through the daemon's
 * periodic fetch.
 */
class SessionsE2ETest {
    @TempDir Path tmp;
    private final List<Process> processes = new ArrayList<>();

    private Path blueHome() {
        return TestMachine.blueHome(tmp);
    }

    private Map<String, String> machine() {
        return TestMachine.env(tmp, 1);
    }

    @AfterEach
    void stop() throws IOException {
        processes.forEach(Process::destroyForcibly);
        Daemons.stop(blueHome(), machine());
    }

    /** A {@code blue} process in {@code dir}, its output (both streams) going to {@code name}.out. */
    private Process blue(Path dir, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(name + ".out").toFile());
        pb.environment().remove("BLUE_DAEMON"); // the build may turn daemons off for every other test
        pb.environment().putAll(machine());
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private String output(String name) throws IOException {
        Path f = tmp.resolve(name + ".out");
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
    }

    private void await(String what, BooleanSupplier done) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder outputs = new StringBuilder();
                try (var files = Files.list(tmp)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".out")).toList()) {
                        outputs.append("\n--- ").append(f.getFileName()).append('\n').append(Files.readString(f));
                    }
                }
                Path daemonOut = blueHome().resolve("daemon.out");
                if (Files.exists(daemonOut)) {
                    outputs.append("\n--- daemon.out\n").append(Files.readString(daemonOut));
                }
                throw new AssertionError("timed out waiting for " + what + outputs);
            }
            Thread.sleep(50);
        }
    }

    private boolean contains(String name, String text) {
        try {
            return output(name).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private DaemonClient daemon() {
        DaemonStatus s = Daemons.status(blueHome(), machine());
        assertTrue(s.running(), s.toString());
        return DaemonClient.of(blueHome(), s.port());
    }

    private static void addExport(RfcWorkspace w) throws IOException {
        Files.writeString(w.aperture().resolve("models/training/s3_paths.py"),
                "EXPERIMENTS = \"training-metrics/experiments/*\"  # blue:export s3-permissions.read\n",
                StandardOpenOption.APPEND);
    }

    @Test
    void watchingImporter_isToldOfASyncInAnotherProcess_andStatusShowsIt_andCtrlCEndsItsSession() throws Exception {
        RfcWorkspace w = RfcWorkspace.create(tmp, "fiona@example.com");
        // the first command finds no daemon and starts one; it holds a session while it watches
        Process watch = blue(w.fungal(), "watch", "realm", "watch", "--max", "1", "--interval", "0.2");
        await("the watch to start", () -> contains("watch", "👀 Watching realm 'letemcook' as fungal-image-analysis"));
        List<Session> live = daemon().sessions();
        assertEquals(1, live.size(), live.toString());
        assertEquals("fungal-image-analysis", live.get(0).repo());
        assertEquals(watch.pid(), live.get(0).pid());

        addExport(w);
        Process sync = blue(w.aperture(), "sync", "realm", "sync");
        assertTrue(sync.waitFor(2, TimeUnit.MINUTES), "sync hung");
        assertEquals(0, sync.exitValue(), output("sync"));
        assertTrue(output("sync").contains("Notifying active sessions...\n✓ fungal-image-analysis notified\n"),
                output("sync"));

        assertTrue(watch.waitFor(1, TimeUnit.MINUTES), "the watch did not see the notification: " + output("watch"));
        assertEquals(0, watch.exitValue(), output("watch"));
        assertTrue(output("watch").contains("🔔 Notification from aperture (just now):\n"
                + "  Contract 's3-permissions' proposed at 1.5.0 (PR #1)\n"
                + "    + training-metrics/experiments/*\n"), output("watch"));

        Process status = blue(w.fungal(), "status", "realm", "status");
        assertTrue(status.waitFor(2, TimeUnit.MINUTES));
        assertTrue(output("status").contains("\nActive sessions:\n  • fungal-image-analysis (you)\n"), output("status"));
        assertTrue(output("status").contains("🔔 Notification from aperture"), output("status"));
        assertEquals(List.of(), daemon().sessions(), "every command ended its session");

        // Ctrl-C on a watch: the session goes with it
        Process second = blue(w.fungal(), "watch2", "realm", "watch");
        await("the second watch to start", () -> contains("watch2", "👀 Watching"));
        assertEquals(1, daemon().sessions().size());
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(second.pid())).start().waitFor());
        assertTrue(second.waitFor(30, TimeUnit.SECONDS), "Ctrl-C did not stop the watch");
        assertEquals(List.of(), daemon().sessions(), "the interrupted watch left its session behind");
        assertTrue(Daemons.status(blueHome(), machine()).running(), "the daemon outlives the commands");
    }

    @Test
    void changePushedFromASecondMachine_reachesThisMachinesWatchThroughThePeriodicFetch() throws Exception {
        RfcWorkspace w = RfcWorkspace.create(tmp, "fiona@example.com");
        Process watch = blue(w.fungal(), "watch", "realm", "watch", "--max", "1", "--interval", "0.2");
        await("the watch to start", () -> contains("watch", "👀 Watching"));
        daemon().syncRealm("letemcook"); // the daemon's first look at the realm: what is there is not news

        // machine two: its own BLUE_HOME (its own clone of the realm), no daemon; aperture's sync pushes there
        Cli other = new Cli(tmp.resolve("blue-home-2"), tmp.resolve("home"));
        addExport(w);
        Cli.Result sync = other.run(w.aperture(), "realm", "sync");
        assertEquals(0, sync.code(), sync.toString());
        assertTrue(sync.out().contains("✓ PR #1"), sync.out());

        assertTrue(watch.waitFor(1, TimeUnit.MINUTES), "the push never reached this machine: " + output("watch"));
        assertTrue(output("watch").contains("🔔 Notification from aperture (just now):\n"
                + "  Contract 's3-permissions' proposed at 1.5.0 (PR #1)\n"
                + "    + training-metrics/experiments/*\n"), output("watch"));
    }
}
