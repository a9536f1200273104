package dev.bluerealm.daemon;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a daemon runs.
 *
 * @param blueHome {@code $BLUE_HOME}: daemon.db, daemon.token, daemon.log and the managed clones
 * @param port the port on 127.0.0.1; 0 picks a free one (tests)
 * @param runDirectory where the PID file and the lock live
 * @param clock time for sessions and notifications
 * @param watchInterval how often the realms are fetched; zero turns the periodic fetch off
 * @param cleanInterval how often sessions of dead processes are removed
 * @param environment the environment handed to the realm engine
 * @since 0.1
 */
public record DaemonConfig(Path blueHome, int port, Path runDirectory, Clock clock, Duration watchInterval,
                           Duration cleanInterval, Map<String, String> environment) {
    /** The port when neither an option nor {@code BLUE_DAEMON_PORT} gives one. */
    public static final int DEFAULT_PORT = 7865;

    public DaemonConfig {
        blueHome = Objects.requireNonNull(blueHome, "blueHome").toAbsolutePath().normalize();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        Objects.requireNonNull(runDirectory, "runDirectory");
        Objects.requireNonNull(clock, "clock");
        if (watchInterval.isNegative() || cleanInterval.isNegative() || cleanInterval.isZero()) {
            throw new IllegalArgumentException("intervals must be positive (watchInterval may be zero: off)");
        }
        environment = Map.copyOf(environment);
    }

    /**
     * The configuration from an environment: {@code BLUE_HOME} (else {@code ~/.blue}),
     * {@code BLUE_DAEMON_PORT}, {@code BLUE_DAEMON_WATCH_SECONDS}, and the run directory of the RFC.
     *
     * @param port an explicit port (the {@code --port} option), or null
     */
    public static DaemonConfig fromEnvironment(Map<String, String> env, Integer port) {
        Path blueHome = blueHome(env);
        int p = port != null ? port : portFrom(env);
        long watch = Long.parseLong(env.getOrDefault("BLUE_DAEMON_WATCH_SECONDS", "60"));
        return new DaemonConfig(blueHome, p, RunDirectory.resolve(blueHome, env), Clock.systemUTC(),
                Duration.ofSeconds(watch), Duration.ofMinutes(1), env);
    }

    /** {@code BLUE_HOME}, else {@code $HOME/.blue}. */
    public static Path blueHome(Map<String, String> env) {
        String bh = env.get("BLUE_HOME");
        if (bh != null && !bh.isBlank()) {
            return Path.of(bh).toAbsolutePath().normalize();
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".blue").toAbsolutePath().normalize();
    }

    static int portFrom(Map<String, String> env) {
        String v = env.get("BLUE_DAEMON_PORT");
        if (v == null || v.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("BLUE_DAEMON_PORT must be a port number, was '" + v + "'");
        }
    }

    /** A copy with another clock. */
    public DaemonConfig withClock(Clock c) {
        return new DaemonConfig(blueHome, port, runDirectory, c, watchInterval, cleanInterval, environment);
    }
}
