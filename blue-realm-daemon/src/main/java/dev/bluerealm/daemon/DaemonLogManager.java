package dev.bluerealm.daemon;

import java.util.logging.LogManager;

/**
 * The daemon process's {@link LogManager}: JUL's own shutdown hook resets the loggers while the
 * daemon's hook is still shutting down, which would drop its last log lines; this manager ignores
 * that reset. Set by {@link DaemonMain} ({@code java.util.logging.manager}); not for other use.
 *
 * @since 0.1
 */
public final class DaemonLogManager extends LogManager {
    public DaemonLogManager() {
        super();
    }

    @Override
    public void reset() {
        // the process is ending; handlers write through, so there is nothing to release
    }
}
