package dev.bluerealm.cli;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.pr.PullRequestSet;
import dev.bluerealm.pr.PullRequestSet.Member;
import dev.bluerealm.pr.PullRequestSetRequest;
import dev.bluerealm.sync.PullRequest;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code blue realm pr}: one pull request per repo of a change, merged exporters first. */
@Command(name = "pr", mixinStandardHelpOptions = true,
        description = "Coordinated pull requests for the change on branch feat/NAME (the checkout's, or --rfc NAME):"
                + " --title pushes the branch in every repo with commits on it and opens one pull request per repo,"
                + " in merge order (exporters before importers), each saying what it is blocked by; --status shows the"
                + " set; --merge merges, in order, every pull request whose blockers are merged. Exit 2 when a repo"
                + " was skipped, blocked or in conflict.",
        footer = {"", "Example:", "  blue realm pr --title \"feat: training metrics v2\"",
                "  blue realm pr --status", "  blue realm pr --merge", "  blue realm pr --merge --repo aperture"})
final class PrCommand implements Callable<Integer> {
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth",
            "seventh", "eighth", "ninth", "tenth");

    private final CliContext context;
    @Spec CommandSpec spec;
    @Mixin Common common;

    @Option(names = "--title", paramLabel = "T", description = "Open the pull requests with this title.")
    String title;

    @Option(names = "--body", paramLabel = "B", description = "Text of each pull request, before its merge order.")
    String body;

    @Option(names = "--status", description = "Show the set: its order, each pull request's state and what blocks it.")
    boolean status;

    @Option(names = "--merge", description = "Merge, in order, every pull request whose blockers are merged.")
    boolean merge;

    @Option(names = "--refresh", description = "Bring the set's blue/merge-order statuses on Forgejo up to date, then"
            + " show the set; the local forge has none to set, so there it is --status.")
    boolean refresh;

    @Option(names = WorktreeCommand.RFC_OPTION, paramLabel = "NAME",
            description = "The change (branch feat/NAME); by default the one the current checkout is on.")
    String rfc;

    @Option(names = "--repo", paramLabel = "R", description = "With --merge: only this repo's pull request (refused"
            + " while its blockers are open).")
    String repo;

    @Option(names = "--offline", description = "Use the realm clone as it is, without fetching.")
    boolean offline;

    PrCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws RealmException {
        PullRequestSetRequest request = request();
        PullRequestSet result;
        try (Realm realm = Realm.open(context.options().offline(offline).build())) {
            result = realm.pullRequestSet(request);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            out.println(json(result).toPrettyJson());
        } else if (result.action() == PullRequestSet.Action.OPEN) {
            printOpened(out, result);
        } else {
            printSet(out, result);
        }
        return result.anyProblem() ? 2 : 0;
    }

    private PullRequestSetRequest request() {
        int modes = (title != null ? 1 : 0) + (status ? 1 : 0) + (merge ? 1 : 0) + (refresh ? 1 : 0);
        if (modes != 1) {
            throw new IllegalArgumentException("say what to do with exactly one of --title T, --status, --merge or"
                    + " --refresh");
        }
        if (body != null && title == null) {
            throw new IllegalArgumentException("--body goes with --title");
        }
        if (repo != null && !merge) {
            throw new IllegalArgumentException("--repo goes with --merge");
        }
        if (title != null) {
            return new PullRequestSetRequest.Open(rfc, title, body);
        }
        if (refresh) {
            return new PullRequestSetRequest.Refresh(rfc);
        }
        return merge ? new PullRequestSetRequest.Merge(rfc, repo) : new PullRequestSetRequest.Status(rfc);
    }

    static JsonValue json(PullRequestSet r) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("rfc", JsonValue.string(r.rfc()));
        m.put("branch", JsonValue.string(r.branch()));
        m.put("action", JsonValue.string(r.action().name().toLowerCase(Locale.ROOT)));
        m.put("merge_order", JsonValue.array(r.mergeOrder().stream().map(JsonValue::string).toList()));
        m.put("pull_requests", JsonValue.array(r.members().stream().map(PrCommand::json).toList()));
        m.put("problems", JsonValue.number(r.members().stream().filter(x -> x.outcome().problem()).count()));
        return JsonValue.object(m);
    }

    private static JsonValue json(Member x) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("repo", JsonValue.string(x.repo()));
        m.put("position", x.inSet() ? JsonValue.number(x.position()) : JsonValue.NULL);
        m.put("number", x.inSet() ? JsonValue.number(x.number()) : JsonValue.NULL);
        m.put("state", x.state() == null ? JsonValue.NULL : JsonValue.string(x.state().name().toLowerCase(Locale.ROOT)));
        m.put("base", x.base() == null ? JsonValue.NULL : JsonValue.string(x.base()));
        m.put("blocked_by", JsonValue.array(x.blockedBy().stream().map(JsonValue::string).toList()));
        m.put("waiting_for", JsonValue.array(x.waitingFor().stream().map(JsonValue::string).toList()));
        m.put("outcome", JsonValue.string(x.outcome().json()));
        m.put("message", JsonValue.string(x.message()));
        return JsonValue.object(m);
    }

    /** The RFC's layout: one line per pull request with its place, then what it is blocked by, then the order. */
    static void printOpened(PrintWriter out, PullRequestSet r) {
        out.println("Creating coordinated PRs:");
        for (Member x : r.members()) {
            if (!x.inSet()) {
                out.println(skippedIcon(x) + " " + x.repo() + ": " + x.message());
                continue;
            }
            String place = "merge " + ordinal(x.position()) + " - " + (x.blockedBy().isEmpty() ? "exports" : "imports");
            String note = switch (x.outcome()) {
                case UPDATED -> "; already open, " + x.message();
                case ALREADY_MERGED -> "; merged already";
                case SKIPPED_DIVERGED -> "; " + x.message();
                default -> "";
            };
            String icon = x.outcome().problem() ? Output.WARN : Output.OK;
            out.println(icon + " " + x.repo() + " PR #" + x.number() + " (" + place + note + ")");
            if (!x.blockedBy().isEmpty()) {
                out.println("Blocked by: " + String.join(", ", x.blockedBy()));
            }
        }
        printOrder(out, r);
    }

    /** {@code --status} and {@code --merge}: each pull request in order with its state, then the order. */
    static void printSet(PrintWriter out, PullRequestSet r) {
        out.println((r.action() == PullRequestSet.Action.MERGE ? "Merging coordinated PRs for '"
                : "Coordinated PRs for '") + r.branch() + "':");
        for (Member x : r.members()) {
            if (!x.inSet()) {
                out.println(skippedIcon(x) + " " + x.repo() + ": " + x.message());
                continue;
            }
            String blockers = String.join(", ", x.waitingFor());
            String line = switch (x.outcome()) {
                case MERGED -> Output.OK + " " + x.label() + " merged into " + x.base();
                case ALREADY_MERGED -> Output.OK + " " + x.label() + " merged";
                case CLOSED -> Output.INFO + " " + x.label() + " closed without merging";
                case BLOCKED -> Output.WAIT + " " + x.label() + " not merged: blocked by " + blockers;
                case CONFLICT -> Output.WARN + " " + x.label() + " not merged: " + x.message();
                default -> x.state() == PullRequest.State.OPEN && !x.waitingFor().isEmpty()
                        ? Output.WAIT + " " + x.label() + " open, blocked by " + blockers
                        : Output.OK + " " + x.label() + " open, ready to merge";
            };
            out.println(line);
        }
        printOrder(out, r);
    }

    private static void printOrder(PrintWriter out, PullRequestSet r) {
        if (!r.mergeOrder().isEmpty()) {
            out.println("Merge order: " + String.join(" → ", r.mergeOrder()));
        }
    }

    private static String skippedIcon(Member x) {
        return x.outcome().problem() ? Output.WARN : Output.INFO;
    }

    private static String ordinal(int position) {
        return position <= ORDINALS.size() ? ORDINALS.get(position - 1) : position + "th";
    }
}
