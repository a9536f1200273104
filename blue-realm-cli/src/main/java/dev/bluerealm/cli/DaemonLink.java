package dev.bluerealm.cli;

import dev.bluerealm.daemon.DaemonStatus;
import dev.bluerealm.daemon.Daemons;
import dev.bluerealm.daemon.client.DaemonClient;
import java.util.Optional;

/**
 * The daemon of this {@code BLUE_HOME}, when one is running and wanted ({@code BLUE_DAEMON=off}
 * means never). Commands use it to tell other sessions what they did and to show what others did;
 * without it they work the same and say so once.
 */
final class DaemonLink {
    private DaemonLink() {}

    static Optional<DaemonClient> running(CliContext context) {
        if ("off".equalsIgnoreCase(context.env().getOrDefault("BLUE_DAEMON", ""))) {
            return Optional.empty();
        }
        DaemonStatus s = Daemons.status(context.options().build().resolvedBlueHome(), context.env());
        return s.running() ? Optional.of(DaemonClient.of(s.blueHome(), s.port())) : Optional.empty();
    }
}
