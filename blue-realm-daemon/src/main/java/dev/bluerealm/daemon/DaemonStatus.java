package dev.bluerealm.daemon;

import java.nio.file.Path;

/**
 * Whether a daemon runs for a {@code BLUE_HOME}, and where.
 *
 * @param running true when a daemon holds the lock and answers {@code /health} for this BLUE_HOME
 * @param pid its process id, or 0
 * @param port its port, or 0
 * @param version its version, or null
 * @param pidFile where the PID file is (or would be)
 * @since 0.1
 */
public record DaemonStatus(boolean running, long pid, int port, String version, Path blueHome, Path pidFile) {}
