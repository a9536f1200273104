package dev.bluerealm.cli;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.sync.PullRequest;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code blue realm approve PR}: a governance approver approves a pull request (a breaking change). */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Approve a pull request as one of the realm's governance approvers (breaking changes need it),"
                + " then merge it if its conditions hold.",
        footer = {"", "Example:", "  blue realm approve 15"})
final class ApproveCommand implements Callable<Integer> {
    private final CliContext context;
    @Spec CommandSpec spec;
    @Mixin Common common;

    @Parameters(paramLabel = "PR", description = "The pull request's number.")
    int number;

    ApproveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws RealmException {
        PrintWriter out = spec.commandLine().getOut();
        try (Realm realm = Realm.open(context.options().build())) {
            PullRequest pr = realm.approve(number);
            if (common.json) {
                out.println(SyncCommand.pr(pr).toPrettyJson());
            } else {
                out.println(Output.OK + " Approved PR #" + pr.number() + ": \"" + pr.title() + "\"");
                if (pr.state() == PullRequest.State.MERGED) {
                    out.println(Output.OK + " PR #" + pr.number() + " merged");
                } else {
                    out.println("  still open: it merges once every affected importer acknowledged");
                }
            }
            return 0;
        }
    }
}
