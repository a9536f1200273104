package dev.bluerealm.daemon;

import dev.bluerealm.daemon.client.DaemonClient;
import dev.bluerealm.daemon.client.DaemonClientException;
import dev.bluerealm.daemon.client.Health;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the CLI calls for {@code blue daemon start|stop|status} and auto-start. The environment
 * decides the run directory ({@code XDG_RUNTIME_DIR}, {@code BLUE_DAEMON_RUN_DIR}) and the port
 * ({@code BLUE_DAEMON_PORT}); the PID file tells where a running daemon listens.
 *
 * <pre>{@code
 * StartResult r = Daemons.start(blueHome, System.getenv());
 * DaemonClient client = DaemonClient.of(blueHome, r.port());
 * }</pre>
 *
 * @since 0.1
 */
public final class Daemons {
    /** How long {@link #start} waits for {@code /health}, and {@link #stop} for the exit. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    private Daemons() {}

    /** Whether the daemon of {@code blueHome} runs; never throws for a missing or dead daemon. */
    public static DaemonStatus status(Path blueHome, Map<String, String> env) {
        Path home = Objects.requireNonNull(blueHome, "blueHome").toAbsolutePath().normalize();
        Path dir = RunDirectory.resolve(home, env);
        Path pidFile = dir.resolve(InstanceLock.PID_FILE);
        Optional<InstanceLock.Owner> owner = InstanceLock.read(dir);
        if (owner.isEmpty() || owner.get().port() < 1 || !InstanceLock.isHeld(dir, owner.get())) {
            return new DaemonStatus(false, 0, 0, null, home, pidFile);
        }
        try {
            Health h = DaemonClient.of(home, owner.get().port()).health();
            boolean same = h.blueHome().equals(home);
            return new DaemonStatus(same, h.pid(), h.port(), h.version(), home, pidFile);
        } catch (DaemonClientException e) {
            return new DaemonStatus(false, owner.get().pid(), owner.get().port(), null, home, pidFile);
        }
    }

    /**
     * Starts the daemon detached (same Java, same class path, {@code DaemonMain run}) unless one
     * runs, and waits (at most {@link #WAIT}) until it answers {@code /health}.
     *
     * @param env the environment the daemon runs with ({@code BLUE_HOME} is set to {@code blueHome})
     * @throws IOException when it did not come up in time, or another BLUE_HOME's daemon holds the lock
     */
    public static StartResult start(Path blueHome, Map<String, String> env) throws IOException {
        Path home = Objects.requireNonNull(blueHome, "blueHome").toAbsolutePath().normalize();
        DaemonStatus s = status(home, env);
        if (s.running()) {
            return new StartResult(false, s.pid(), s.port());
        }
        Files.createDirectories(home);
        List<String> cmd = new ArrayList<>();
        setsid().ifPresent(cmd::add); // a session of its own: no controlling terminal, no job-control signals
        cmd.addAll(DaemonLaunch.sameJava().command());
        cmd.add("--detached");
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.environment().put("BLUE_HOME", home.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("daemon.out").toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            DaemonStatus now = status(home, env);
            if (now.running()) {
                return new StartResult(now.pid() == p.pid(), now.pid(), now.port());
            }
            if (!p.isAlive() && p.exitValue() != 0) {
                throw new IOException("the daemon exited with " + p.exitValue() + ": " + lastLine(home));
            }
            if (!p.isAlive() && lastLine(home).contains("already running") && lastLine(home).contains(" for ")) {
                // the lock of this run directory is held by the daemon of another BLUE_HOME
                throw new IOException(lastLine(home));
            }
            sleep(50);
        }
        throw new IOException("the daemon did not answer /health within " + WAIT.toSeconds() + " s; see "
                + home.resolve("daemon.log"));
    }

    /**
     * Stops the daemon of {@code blueHome} (SIGTERM) and waits until it exited and its PID file is gone.
     *
     * @return false when none was running
     * @throws IOException when it did not stop within {@link #WAIT}
     */
    public static boolean stop(Path blueHome, Map<String, String> env) throws IOException {
        DaemonStatus s = status(blueHome, env);
        if (!s.running()) {
            return false;
        }
        Optional<ProcessHandle> h = ProcessHandle.of(s.pid());
        h.ifPresent(ProcessHandle::destroy);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (h.map(p -> !p.isAlive()).orElse(true) && !Files.exists(s.pidFile())) {
                return true;
            }
            sleep(50);
        }
        throw new IOException("the daemon (pid " + s.pid() + ") did not stop within " + WAIT.toSeconds() + " s");
    }

    /** util-linux's {@code setsid}, where there is one (not on macOS: there {@code --detached} alone holds). */
    private static Optional<String> setsid() {
        for (String p : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(p))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static String lastLine(Path home) {
        try {
            List<String> lines = Files.readAllLines(home.resolve("daemon.out"));
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
