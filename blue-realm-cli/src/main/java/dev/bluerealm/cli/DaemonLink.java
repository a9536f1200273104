package dev.bluerealm.cli;

import dev.bluerealm.daemon.CommandSession;
import dev.bluerealm.daemon.DaemonStatus;
import dev.bluerealm.daemon.Daemons;
import dev.bluerealm.daemon.client.DaemonClient;
import java.util.Optional;

/**
 * The daemon of this {@code BLUE_HOME}, when one is running and wanted ({@code BLUE_DAEMON=off}
 * means never). Commands use it to tell other sessions what they did and to show what others did;
 * without it they work the same. A command with a session uses its session's daemon (started for
 * it when none ran); others only a daemon already running.
 */
final class DaemonLink {
    private DaemonLink() {}

    static Optional<DaemonClient> running(CliContext context) {
        if (CommandSession.off(context.env())) {
            return Optional.empty();
        }
        Optional<CommandSession> session = context.session().current();
        if (session.isPresent()) {
            return session.get().daemon();
        }
        DaemonStatus s = Daemons.status(context.options().build().resolvedBlueHome(), context.env());
        return s.running() ? Optional.of(DaemonClient.of(s.blueHome(), s.port())) : Optional.empty();
    }

    /** This command's own session id, if it has one. */
    static java.util.OptionalLong sessionId(CliContext context) {
        return context.session().current().map(CommandSession::id).orElse(java.util.OptionalLong.empty());
    }
}
