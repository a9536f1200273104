package dev.bluerealm.cli;

import dev.bluerealm.daemon.CommandSession;
import java.util.Optional;

/**
 * The daemon session of one command run ({@link Main#run}), if it has one: set when a realm command
 * in a participating repo starts, closed when it ends or when the process is interrupted.
 */
public final class SessionSlot {
    private CommandSession session;
    private boolean closed;

    synchronized void open(CommandSession s) {
        if (closed) {
            s.close(); // interrupted before the command began
            return;
        }
        session = s;
    }

    /** This run's session, once its command has begun one. */
    synchronized Optional<CommandSession> current() {
        return Optional.ofNullable(session);
    }

    /** Ends the session (deregisters); safe to call twice and from a shutdown hook. Returns the ended session. */
    Optional<CommandSession> close() {
        CommandSession s;
        synchronized (this) {
            closed = true;
            s = session;
        }
        if (s != null) {
            s.close();
        }
        return Optional.ofNullable(s);
    }
}
