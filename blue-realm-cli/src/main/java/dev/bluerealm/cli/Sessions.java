package dev.bluerealm.cli;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.RealmOptions;
import dev.bluerealm.daemon.CommandSession;
import dev.bluerealm.model.RepoConfig;
import java.util.Optional;
import picocli.CommandLine;

/** Which command runs get a daemon session: the {@code realm} commands run inside a participating repo. */
final class Sessions {
    private Sessions() {}

    static void begin(CliContext context, CommandLine.ParseResult parsed) {
        // before the command, on its thread: nothing to read (config, git HEAD) when no session will be held
        if (!isRealmCommand(parsed) || CommandSession.off(context.env())) {
            return;
        }
        RealmOptions options = context.options().build();
        Optional<RepoConfig> repo;
        try {
            repo = Realm.repoConfig(options);
        } catch (RealmException | RuntimeException e) {
            return; // the command itself reports a broken config
        }
        if (repo.isEmpty()) {
            return;
        }
        String rfc = activeRfc(options, parsed);
        context.session().open(CommandSession.begin(CommandSession.Request.of(options.resolvedBlueHome(),
                context.env(), repo.get().repo(), repo.get().realm().name(), context.client().pid()).withActiveRfc(rfc)));
    }

    /**
     * What the session works on: the RFC {@code realm worktree --rfc NAME} starts, else the one of the
     * checkout the command runs in (a worktree on {@code feat/NAME}), else none.
     */
    static String activeRfc(RealmOptions options, CommandLine.ParseResult parsed) {
        CommandLine.ParseResult leaf = parsed;
        while (leaf.subcommand() != null) {
            leaf = leaf.subcommand();
        }
        if (leaf.commandSpec().userObject() instanceof WorktreeCommand && leaf.hasMatchedOption(WorktreeCommand.RFC_OPTION)
                && !leaf.hasMatchedOption(WorktreeCommand.REMOVE_OPTION)) {
            return leaf.matchedOptionValue(WorktreeCommand.RFC_OPTION, null);
        }
        try {
            return Realm.activeRfc(options).orElse(null);
        } catch (RealmException | RuntimeException e) {
            return null; // the session goes on without it
        }
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
