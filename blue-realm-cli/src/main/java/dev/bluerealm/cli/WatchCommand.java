package dev.bluerealm.cli;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.RemoteException;
import dev.bluerealm.daemon.CommandSession;
import dev.bluerealm.daemon.client.DaemonClient;
import dev.bluerealm.daemon.client.DaemonClientException;
import dev.bluerealm.daemon.client.Notification;
import dev.bluerealm.model.RepoConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code blue realm watch}: a long-lived session in this repo that prints what the other repos of the
 * realm change as the daemon hears of it (their syncs on this machine, its fetches of the realm for
 * other machines). While it runs, the others' {@code realm status} lists this repo among the active
 * sessions and their syncs report it notified. Ctrl-C ends it and its session.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Stay in the realm: print the other repos' contract changes as they happen (needs the daemon; Ctrl-C stops).",
        footer = {"", "Example:", "  cd fungal-image-analysis && blue realm watch"})
final class WatchCommand implements Callable<Integer> {
    private final CliContext context;
    @Spec CommandSpec spec;
    @Mixin Common common;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2",
            description = "How often to ask the daemon (default: ${DEFAULT-VALUE} s).")
    double interval;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N notifications (scripts that wait for a change).")
    Integer max;

    WatchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws RealmException, InterruptedException {
        if (!(interval >= 0.1 && interval <= 3600)) {
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "--interval must be 0.1..3600 seconds");
        }
        if (max != null && max < 1) {
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "--max must be at least 1");
        }
        RepoConfig repo = Realm.repoConfig(context.options().build()).orElseThrow(() -> new InvalidRequestException(
                ErrorCode.NOT_IN_REALM, "blue realm watch runs in a participating repo (join one with `blue realm admin join`)"));
        CommandSession session = context.session().current().orElseThrow(() -> new RemoteException(
                ErrorCode.REMOTE_ERROR, "blue realm watch needs the daemon, and BLUE_DAEMON=off"));
        DaemonClient daemon = session.daemon().orElseThrow(() -> new RemoteException(ErrorCode.REMOTE_ERROR,
                "blue realm watch needs the daemon: " + session.problem().orElse("BLUE_DAEMON=off")));
        PrintWriter out = spec.commandLine().getOut();
        String realm = repo.realm().name();
        if (!common.json) {
            out.println("👀 Watching realm '" + realm + "' as " + repo.repo() + " (session "
                    + session.id().orElse(0) + "); Ctrl-C to stop");
            out.flush();
        }
        long seen = 0;
        int printed = 0;
        long sleep = Math.round(interval * 1000);
        while (true) {
            try {
                for (Notification n : daemon.notifications(realm, repo.repo(), true)) {
                    if (n.id() <= seen) {
                        continue;
                    }
                    seen = n.id();
                    if (common.json) {
                        out.println(NotificationText.json(n).toJson()); // one object per line
                    } else {
                        out.println();
                        NotificationText.print(out, n, context.clock().instant());
                    }
                    out.flush();
                    if (max != null && ++printed >= max) {
                        return 0;
                    }
                }
            } catch (DaemonClientException e) {
                throw new RemoteException(ErrorCode.REMOTE_ERROR, "the daemon stopped answering: " + e.getMessage(), e);
            }
            Thread.sleep(sleep);
        }
    }
}
