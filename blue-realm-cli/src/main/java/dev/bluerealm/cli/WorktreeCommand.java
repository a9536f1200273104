package dev.bluerealm.cli;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.worktree.WorktreeRequest;
import dev.bluerealm.worktree.WorktreeResult;
import dev.bluerealm.worktree.WorktreeResult.Entry;
import dev.bluerealm.worktree.WorktreeResult.Outcome;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code blue realm worktree --rfc NAME}: one feature branch, as a git worktree, in every repo of this repo's domains. */
@Command(name = "worktree", mixinStandardHelpOptions = true,
        description = "Create a git worktree at .worktrees/feat-NAME/ on a new branch feat/NAME (from each repo's"
                + " default branch) in this repo and every repo sharing a domain with it. A repo the realm knows only"
                + " by its url is cloned beside this one first (not with --offline). Running it again reports"
                + " what exists; files in the way are reported, never overwritten. Exit 2 when a repo was skipped.",
        footer = {"", "Example:", "  blue realm worktree --rfc training-metrics-v2",
                "  blue realm worktree --rfc training-metrics-v2 --remove"})
final class WorktreeCommand implements Callable<Integer> {
    /** The option {@link Sessions} reads to record the RFC as the session's {@code active_rfc}. */
    static final String RFC_OPTION = "--rfc";
    static final String REMOVE_OPTION = "--remove";

    private final CliContext context;
    @Spec CommandSpec spec;
    @Mixin Common common;

    @Option(names = RFC_OPTION, required = true, paramLabel = "NAME",
            description = "The change's name: branch feat/NAME, folder .worktrees/feat-NAME/.")
    String rfc;

    @Option(names = "--domain", paramLabel = "D", description = "Only the repos of domain D.")
    String domain;

    @Option(names = REMOVE_OPTION, description = "Remove the worktrees, and each branch merged into its repo's default"
            + " branch (an unmerged branch is kept).")
    boolean remove;

    @Option(names = "--offline", description = "Use the realm clone as it is, without fetching, and clone no repo.")
    boolean offline;

    WorktreeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws RealmException {
        WorktreeRequest request = new WorktreeRequest(rfc, domain, remove);
        WorktreeResult result;
        try (Realm realm = Realm.open(context.options().offline(offline).build())) {
            result = realm.worktrees(request);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            out.println(json(result).toPrettyJson());
        } else {
            print(out, result);
        }
        return result.anySkipped() ? 2 : 0;
    }

    static JsonValue json(WorktreeResult r) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("rfc", JsonValue.string(r.rfc()));
        m.put("branch", JsonValue.string(r.branch()));
        m.put("action", JsonValue.string(r.removed() ? "remove" : "create"));
        m.put("repos", JsonValue.array(r.repos().stream().map(e -> {
            Map<String, JsonValue> em = new LinkedHashMap<>();
            em.put("repo", JsonValue.string(e.repo()));
            em.put("path", e.path() == null ? JsonValue.NULL : JsonValue.string(e.path().toString()));
            em.put("branch", JsonValue.string(e.branch()));
            em.put("outcome", JsonValue.string(e.outcome().json()));
            em.put("message", JsonValue.string(e.message()));
            em.put("cloned", JsonValue.bool(e.cloned()));
            return JsonValue.object(em);
        }).toList()));
        m.put("skipped", JsonValue.number(r.repos().stream().filter(e -> e.outcome().skipped()).count()));
        return JsonValue.object(m);
    }

    /** The RFC's layout: a heading, one line per repo, a summary. */
    static void print(PrintWriter out, WorktreeResult r) {
        out.println((r.removed() ? "Removing" : "Creating") + " unified worktree '" + r.branch() + "':");
        for (Entry e : r.repos()) {
            out.println(icon(e.outcome()) + " " + e.repo() + ": " + line(e));
        }
        int all = r.repos().size();
        List<String> summary = new ArrayList<>();
        if (r.removed()) {
            long removed = r.count(Outcome.REMOVED) + r.count(Outcome.BRANCH_KEPT_UNMERGED);
            if (removed > 0) {
                summary.add("removed from " + repos(removed, all));
            }
            if (r.count(Outcome.BRANCH_KEPT_UNMERGED) > 0) {
                summary.add("branch kept (unmerged) in " + repos(r.count(Outcome.BRANCH_KEPT_UNMERGED), all));
            }
        } else {
            if (r.count(Outcome.CREATED) > 0) {
                summary.add("created in " + repos(r.count(Outcome.CREATED), all));
            }
            if (r.count(Outcome.EXISTS) > 0) {
                summary.add("already in " + repos(r.count(Outcome.EXISTS), all));
            }
        }
        if (!summary.isEmpty()) {
            out.println((r.removed() ? "Worktree '" : "Branch '") + r.branch() + "' " + String.join(", ", summary) + ".");
        }
        long skipped = r.repos().stream().filter(e -> e.outcome().skipped()).count();
        if (skipped > 0) {
            out.println(Output.WARN + " " + repos(skipped, all) + " skipped (see above); nothing there was changed.");
        }
    }

    private static String line(Entry e) {
        String folder = e.path() == null ? "" : e.path().getParent().getFileName() + "/" + e.path().getFileName() + "/";
        String cloned = e.cloned() ? " (cloned into " + e.path().getParent().getParent() + ")" : "";
        switch (e.outcome()) {
            case CREATED:
                return folder + cloned;
            case EXISTS:
                return folder + " (exists)" + cloned;
            default:
                return e.message();
        }
    }

    private static String icon(Outcome o) {
        if (o.skipped()) {
            return Output.WARN;
        }
        return o == Outcome.ABSENT ? Output.INFO : Output.OK;
    }

    /** "both repos" when it is all of two, as the RFC says; else "1 repo", "3 repos". */
    private static String repos(long n, int all) {
        if (n == 2 && all == 2) {
            return "both repos";
        }
        return n + (n == 1 ? " repo" : " repos");
    }
}
