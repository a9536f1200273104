package dev.bluerealm.cli;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.daemon.CommandSession;
import dev.bluerealm.model.RepoConfig;
import java.util.Optional;
import picocli.CommandLine;

/** Which command runs get a daemon session: the {@code realm} commands run inside a participating repo. */
final class Sessions {
    private Sessions() {}

    static void begin(CliContext context, CommandLine.ParseResult parsed) {
        if (!isRealmCommand(parsed)) {
            return;
        }
        Optional<RepoConfig> repo;
        try {
            repo = Realm.repoConfig(context.options().build());
        } catch (RealmException | RuntimeException e) {
            return; // the command itself reports a broken config
        }
        repo.ifPresent(r -> context.session().open(CommandSession.begin(CommandSession.Request.of(
                context.options().build().resolvedBlueHome(), context.env(), r.repo(), r.realm().name()))));
    }

    /** {@code blue realm ...} with a command to run (not a help or version request). */
    static boolean isRealmCommand(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult sub = parsed.subcommand();
        if (sub == null || !sub.commandSpec().name().equals("realm")) {
            return false;
        }
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return false;
            }
        }
        return true;
    }
}
