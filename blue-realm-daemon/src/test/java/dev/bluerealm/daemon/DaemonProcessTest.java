package dev.bluerealm.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.daemon.client.DaemonClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real daemon processes: one per BLUE_HOME, SIGTERM, the {@link Daemons} facade. */
class DaemonProcessTest {
    @TempDir
    Path tmp;

    Map<String, String> env() {
        return Map.of("BLUE_HOME", tmp.resolve("blue-home").toString(), "BLUE_DAEMON_PORT", "0",
                "BLUE_DAEMON_RUN_DIR", tmp.resolve("run").toString(), "BLUE_DAEMON_WATCH_SECONDS", "0");
    }

    Process spawn(String name) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), DaemonMain.class.getName(), "run");
        pb.environment().putAll(env());
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve(name + ".out").toFile());
        return pb.start();
    }

    @Test
    void run_twoDaemonsRacing_exactlyOneWins() throws Exception {
        Process a = spawn("a");
        Process b = spawn("b");
        List<Process> both = List.of(a, b);
        try {
            Process loser = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (loser == null && System.nanoTime() < deadline) {
                for (Process p : both) {
                    if (!p.isAlive()) {
                        loser = p;
                    }
                }
                Thread.sleep(50);
            }
            assertTrue(loser != null, "neither daemon gave way");
            Process winner = loser == a ? b : a;
            assertEquals(0, loser.exitValue());
            String out = Files.readString(tmp.resolve((loser == a ? "a" : "b") + ".out"), StandardCharsets.UTF_8);
            DaemonStatus s = Daemons.status(tmp.resolve("blue-home"), env());
            assertTrue(s.running(), s.toString());
            assertEquals(winner.pid(), s.pid());
            assertTrue(out.contains("daemon already running (pid " + winner.pid() + ", port " + s.port() + ")"), out);
            assertTrue(winner.isAlive());
        } finally {
            for (Process p : both) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void sigterm_stopsGracefullyAndRemovesPidFile() throws Exception {
        Process p = spawn("d");
        try {
            Path pidFile = tmp.resolve("run/blue.pid");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!Daemons.status(tmp.resolve("blue-home"), env()).running() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            DaemonStatus s = Daemons.status(tmp.resolve("blue-home"), env());
            assertTrue(s.running());
            DaemonClient c = DaemonClient.of(tmp.resolve("blue-home"), s.port());
            c.registerSession("aperture", "letemcook", "c", ProcessHandle.current().pid(), null);
            assertTrue(Files.exists(pidFile));
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(15, TimeUnit.SECONDS));
            assertFalse(Files.exists(pidFile));
            assertFalse(Daemons.status(tmp.resolve("blue-home"), env()).running());
            String log = Files.readString(tmp.resolve("blue-home/daemon.log"));
            assertTrue(log.contains("daemon started: pid " + p.pid()), log);
            assertTrue(log.contains("daemon stopped"), log);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void sigkill_thenRestart_takesOverWithTheSameDatabase() throws Exception {
        Path home = tmp.resolve("blue-home");
        StartResult first = Daemons.start(home, env());
        DaemonClient.of(home, first.port()).notify("letemcook", "s3-access", "s3-permissions", "1.5.0", "updated",
                "aperture", List.of(), null);
        ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly(); // SIGKILL: no hook, the PID file stays
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.of(first.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            assertTrue(System.nanoTime() < deadline);
            Thread.sleep(20);
        }
        assertTrue(Files.exists(tmp.resolve("run/blue.pid")));
        assertFalse(Daemons.status(home, env()).running()); // a stale PID file without the lock is no daemon
        StartResult second = Daemons.start(home, env());
        try {
            assertTrue(second.started());
            assertEquals(1, DaemonClient.of(home, second.port()).notifications(null, null, false).size());
        } finally {
            Daemons.stop(home, env());
        }
    }

    @Test
    void daemons_start_runDirectoryHeldByAnotherBlueHome_failsNamingIt() throws Exception {
        Path home = tmp.resolve("blue-home");
        StartResult first = Daemons.start(home, env());
        try {
            Map<String, String> other = new java.util.HashMap<>(env());
            other.put("BLUE_HOME", tmp.resolve("other-home").toString());
            java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> Daemons.start(tmp.resolve("other-home"), other));
            assertTrue(e.getMessage().contains("daemon already running (pid " + first.pid() + ", port " + first.port()
                    + ") for " + home), e.getMessage());
        } finally {
            Daemons.stop(home, env());
        }
    }

    @Test
    void daemons_startStatusStop() throws Exception {
        Path home = tmp.resolve("blue-home");
        assertFalse(Daemons.status(home, env()).running());
        assertFalse(Daemons.stop(home, env()));
        StartResult first = Daemons.start(home, env());
        try {
            assertTrue(first.started());
            StartResult again = Daemons.start(home, env());
            assertFalse(again.started());
            assertEquals(first.pid(), again.pid());
            assertEquals("daemon already running (pid " + first.pid() + ", port " + first.port() + ")", again.message());
            assertEquals("ok", DaemonClient.of(home, first.port()).health().status());
        } finally {
            assertTrue(Daemons.stop(home, env()));
        }
        assertFalse(Daemons.status(home, env()).running());
        assertFalse(ProcessHandle.of(first.pid()).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void status_askedInsideTheDaemonsOwnProcess_keepsItsLock() throws Exception {
        // a command the daemon runs for a client asks whether the daemon runs; probing the lock file from the
        // daemon's own process would drop its lock (POSIX record locks), and a second daemon would then start
        Path home = tmp.resolve("blue-home");
        DaemonConfig config = DaemonConfig.fromEnvironment(env(), null);
        try (DaemonServer inProcess = DaemonServer.create(config, (CommandHost) null)) {
            inProcess.start();
            for (int i = 0; i < 3; i++) {
                DaemonStatus s = Daemons.status(home, env());
                assertTrue(s.running(), s.toString());
                assertEquals(ProcessHandle.current().pid(), s.pid());
            }
            Process second = spawn("second");
            try {
                assertTrue(second.waitFor(20, TimeUnit.SECONDS), "a second daemon started beside the first");
                assertEquals(0, second.exitValue());
                String out = Files.readString(tmp.resolve("second.out"), StandardCharsets.UTF_8);
                assertTrue(out.contains("daemon already running (pid " + ProcessHandle.current().pid()), out);
            } finally {
                second.destroyForcibly();
            }
        }
    }
}
