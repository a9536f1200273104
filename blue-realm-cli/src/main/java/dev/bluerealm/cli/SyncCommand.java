package dev.bluerealm.cli;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.pr.MergeOrderRefresh;
import dev.bluerealm.pr.PullRequestSet;
import dev.bluerealm.sync.PullRequest;
import dev.bluerealm.sync.SyncPlan;
import dev.bluerealm.sync.SyncRequest;
import dev.bluerealm.sync.SyncResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code blue realm sync}: propose this repo's contract changes, acknowledge others', merge what may merge. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Push this repo's contract changes to the realm as a pull request, acknowledge open pull"
                + " requests this repo imports from (after its importer hook passes), and merge every pull request"
                + " whose conditions hold. On a realm on Forgejo, it then brings the blue/merge-order statuses of"
                + " coordinated pull requests (blue realm pr) up to date; a failure there is only a warning."},
        footer = {"", "Example:", "  cd aperture && blue realm sync --dry-run",
                "  cd fungal-image-analysis && blue realm sync --ack s3-permissions"})
final class SyncCommand implements Callable<Integer> {
    private final CliContext context;
    @Spec CommandSpec spec;
    @Mixin Common common;

    @Option(names = "--dry-run", description = "Print the plan; change nothing anywhere.")
    boolean dryRun;

    @Option(names = "--ack", paramLabel = "CONTRACT",
            description = "Acknowledge CONTRACT without running the importer hook; with no open pull request, move"
                    + " the binding to the newest in-range version on main. Repeatable.")
    List<String> ack = new ArrayList<>();

    @Option(names = "--no-cache", description = "Extract exports afresh (do not use .blue/cache.db).")
    boolean noCache;

    @Option(names = "--ci", description = "Run ci_only hooks too.")
    boolean ci;

    SyncCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws RealmException {
        PrintWriter out = spec.commandLine().getOut();
        SyncRequest request = new SyncRequest(ack, !noCache, ci || context.env().containsKey("CI"));
        try (Realm realm = Realm.open(context.options().build())) {
            SyncPlan plan = realm.syncPlanner(request).plan();
            if (dryRun || !plan.violations().isEmpty()) {
                if (common.json) {
                    out.println(planJson(plan, null).toPrettyJson());
                } else {
                    printPlan(out, plan);
                    if (plan.violations().isEmpty()) {
                        out.println();
                        out.println("(dry run: nothing was written)");
                    }
                }
                if (!plan.violations().isEmpty()) {
                    realm.sync(plan, request); // refuses, naming the owners
                }
                return plan.problems().isEmpty() ? 0 : 2;
            }
            SyncResult result = realm.sync(plan, request);
            String notice = notifyDaemon(plan, result);
            MergeOrderRefresh mergeOrder = refreshMergeOrder(realm);
            if (common.json) {
                Map<String, JsonValue> m = new LinkedHashMap<>(((JsonValue.JsonObject) planJson(plan, result)).members());
                m.put("daemon", JsonValue.stringOrNull(notice));
                m.put("merge_order", JsonValue.object(
                        "updated", JsonValue.array(mergeOrder.updated().stream().map(JsonValue::string).toList()),
                        "problems", JsonValue.array(mergeOrder.problems().stream().map(JsonValue::string).toList())));
                out.println(JsonValue.object(m).toPrettyJson());
            } else {
                printResult(out, plan, result, notice, mergeOrder);
                for (String contract : ack) {
                    boolean moved = plan.bindingUpdates().stream().anyMatch(u -> u.contract().equals(contract));
                    boolean problem = plan.problems().stream()
                            .anyMatch(p -> p.startsWith(contract + ":") || p.contains("/" + contract + ":"));
                    if (!moved && !problem) {
                        out.println(Output.OK + " " + contract + " is already current");
                    }
                }
            }
            return result.refused().isEmpty() && result.notMerged().isEmpty() && plan.problems().isEmpty() ? 0 : 2;
        }
    }

    private static void printPlan(PrintWriter out, SyncPlan plan) {
        out.println("📤 Syncing with realm '" + plan.realm() + "'...");
        if (!plan.changes().isEmpty()) {
            out.println(plan.updates() == null ? "Creating sync branch: " + plan.branch()
                    : "Updating PR #" + plan.updates() + " on " + plan.branch());
            changes(out, plan);
            reviewers(out, plan);
        }
        for (SyncPlan.OwnershipViolation v : plan.violations()) {
            out.println(Output.ERROR + " " + v.contract() + " has local changes, but it is owned by " + v.owner()
                    + "; only its owner may change it");
        }
        for (SyncPlan.BindingUpdate u : plan.bindingUpdates()) {
            out.println("Binding update" + (u.pullRequest() == null ? " on main" : " for PR #" + u.pullRequest())
                    + ": " + u.contract() + " " + nullToNone(u.fromVersion()) + " → " + u.toVersion()
                    + (u.hook() ? " (after the importer hook passes)" : ""));
        }
        problems(out, plan);
        if (plan.isEmpty() && plan.violations().isEmpty() && plan.problems().isEmpty()) {
            out.println(Output.OK + " Nothing to sync: the realm has this repo's contracts and acknowledgements");
        }
    }

    private static void changes(PrintWriter out, SyncPlan plan) {
        out.println("Contract changes detected:");
        for (SyncPlan.ContractChange c : plan.changes()) {
            out.println("  " + c.contract() + ": " + c.fromVersion() + " → " + c.toVersion()
                    + (c.breaking() ? " (breaking)" : " (compatible)"));
            c.added().forEach(l -> out.println("    " + l));
            c.removed().forEach(l -> out.println("    " + l));
        }
    }

    private static void reviewers(PrintWriter out, SyncPlan plan) {
        Set<String> repos = new LinkedHashSet<>();
        plan.affected().forEach(a -> repos.add(a.repo()));
        if (!repos.isEmpty()) {
            out.println("Reviewers: " + String.join(", ", repos) + " maintainers");
        }
        for (SyncPlan.AffectedImporter a : plan.affected()) {
            if (!a.satisfied()) {
                out.println(Output.WARN + "  " + a.repo() + " imports " + a.range() + ", which the new version leaves;"
                        + " it must widen its range");
            }
        }
    }

    private static void problems(PrintWriter out, SyncPlan plan) {
        for (String p : plan.problems()) {
            out.println(Output.WARN + "  " + p);
        }
    }

    /**
     * Tells the daemon (when one runs) about the changes this sync proposed or merged, so every
     * session of the realm on this machine hears of them; returns the line to print.
     */
    private String notifyDaemon(SyncPlan plan, SyncResult r) {
        if (r.opened() == null && r.merged().isEmpty() && r.acknowledged().isEmpty()) {
            return null;
        }
        var daemon = DaemonLink.running(context);
        if (daemon.isEmpty()) {
            return r.opened() == null && r.merged().isEmpty() ? null : r.notice();
        }
        try {
            // what this repo acknowledged is no longer news for it (DESIGN §6)
            for (SyncResult.Acknowledged a : r.acknowledged()) {
                daemon.get().acknowledgeUpTo(plan.realm(), plan.repo(), a.domain(), a.contract(), a.toVersion());
            }
            if (r.opened() == null && r.merged().isEmpty()) {
                return null;
            }
            for (SyncPlan.ContractChange c : plan.changes()) {
                List<String> diff = new ArrayList<>(c.added());
                diff.addAll(c.removed());
                daemon.get().notify(plan.realm(), c.domain(), c.contract(), c.toVersion(),
                        c.breaking() ? "breaking" : r.updated() ? "updated" : "new", plan.repo(), diff,
                        r.opened() == null ? null : r.opened().number());
            }
            Set<String> others = new LinkedHashSet<>();
            daemon.get().sessions().stream().filter(s -> plan.realm().equals(s.realm()) && !plan.repo().equals(s.repo()))
                    .forEach(s -> others.add(s.repo()));
            return others.isEmpty() ? "the daemon has it; no other session is open (others see it when they start)"
                    : String.join("\n", others.stream().map(o -> Output.OK + " " + o + " notified").toList());
        } catch (dev.bluerealm.daemon.client.DaemonClientException e) {
            return "the daemon did not answer (" + e.getMessage() + "); others see this at their next"
                    + " `blue realm status`";
        }
    }

    /**
     * The coordinated pull request sets' {@code blue/merge-order} statuses brought up to date (on a realm
     * on Forgejo; nothing elsewhere), as the daemon does too: a blocker merged on Forgejo's own page
     * unblocks its importers at the next sync. A failure there is shown as a warning and never fails the sync.
     */
    private static MergeOrderRefresh refreshMergeOrder(Realm realm) {
        try {
            return realm.refreshMergeOrder();
        } catch (RealmException | RuntimeException e) {
            return new MergeOrderRefresh(List.of(), List.of(), List.of(String.valueOf(e.getMessage())));
        }
    }

    /** One line per pull request whose status changed, then what could not be refreshed. */
    private static void printMergeOrder(PrintWriter out, MergeOrderRefresh r) {
        for (PullRequestSet set : r.sets()) {
            for (PullRequestSet.Member m : set.members()) {
                if (r.updated().contains(m.label())) {
                    out.println(m.waitingFor().isEmpty()
                            ? Output.OK + " blue/merge-order: " + m.label() + " (" + set.branch() + ") ready to merge"
                            : Output.WAIT + " blue/merge-order: " + m.label() + " (" + set.branch() + ") blocked by "
                            + String.join(", ", m.waitingFor()));
                }
            }
        }
        for (String p : r.problems()) {
            out.println(Output.WARN + " blue/merge-order not refreshed: " + p);
        }
    }

    private static void printResult(PrintWriter out, SyncPlan plan, SyncResult r, String notice,
                                    MergeOrderRefresh mergeOrder) {
        out.println("📤 Syncing with realm '" + plan.realm() + "'...");
        if (r.opened() != null) {
            out.println(r.updated() ? "Updating branch: " + plan.branch() : "Creating sync branch: " + plan.branch());
            changes(out, plan);
            out.println(r.updated() ? "Updating the PR..." : "Opening PR for review...");
            out.println(Output.OK + " PR #" + r.opened().number() + ": \"" + r.opened().title() + "\""
                    + (r.updated() ? " updated" : ""));
            reviewers(out, plan);
        }
        List<SyncResult.Acknowledged> moved = r.acknowledged();
        if (!moved.isEmpty()) {
            out.println("Binding updated:");
            for (SyncResult.Acknowledged a : moved) {
                out.println("  " + a.contract() + ": resolved_version " + nullToNone(a.fromVersion()) + " → "
                        + a.toVersion());
            }
            for (SyncResult.Acknowledged a : moved) {
                out.println(a.pullRequest() == null ? Output.OK + " Committed the binding on main"
                        : Output.OK + " Acknowledged PR #" + a.pullRequest());
            }
        }
        for (SyncResult.Refusal f : r.refused()) {
            out.println(Output.ERROR + " Not acknowledged: PR #" + f.pullRequest() + " (" + f.contract() + " "
                    + f.version() + "): the importer hook failed");
            f.reason().lines().forEach(l -> out.println("    " + l));
        }
        for (PullRequest m : r.merged()) {
            out.println(Output.OK + " PR #" + m.number() + " merged: \"" + m.title() + "\"");
        }
        for (String n : r.notMerged()) {
            out.println(Output.ERROR + " Not merged: " + n);
        }
        problems(out, plan);
        if (notice != null) {
            out.println("Notifying active sessions...");
            notice.lines().forEach(l -> out.println(l.startsWith(Output.OK) ? l : "  " + l));
        }
        if (r.retries() > 0) {
            out.println(Output.INFO + " Others were writing to the realm at the same moment: redid " + r.retries()
                    + (r.retries() == 1 ? " write" : " writes") + " on their changes");
        }
        printMergeOrder(out, mergeOrder);
        if (r.opened() == null && moved.isEmpty() && r.refused().isEmpty() && r.merged().isEmpty()) {
            out.println(Output.OK + " Nothing to sync: the realm has this repo's contracts and acknowledgements");
        } else {
            out.println(Output.OK + " Realm synced");
        }
    }

    private static String nullToNone(String s) {
        return s == null ? "(none)" : s;
    }

    /** A contract change's fields every document shows, in their order; callers add their own after. */
    static Map<String, JsonValue> changeFields(SyncPlan.ContractChange c) {
        Map<String, JsonValue> cm = new LinkedHashMap<>();
        cm.put("domain", JsonValue.string(c.domain()));
        cm.put("contract", JsonValue.string(c.contract()));
        cm.put("from", JsonValue.string(c.fromVersion()));
        cm.put("to", JsonValue.string(c.toVersion()));
        cm.put("breaking", JsonValue.bool(c.breaking()));
        cm.put("added", JsonValue.array(c.added().stream().map(JsonValue::string).toList()));
        cm.put("removed", JsonValue.array(c.removed().stream().map(JsonValue::string).toList()));
        return cm;
    }

    static JsonValue violations(SyncPlan plan) {
        return JsonValue.array(plan.violations().stream().map(v -> JsonValue.object(
                "domain", JsonValue.string(v.domain()), "contract", JsonValue.string(v.contract()),
                "owner", JsonValue.string(v.owner()))).toList());
    }

    /** The stable --json document: the plan, and what was done (null for a dry run). */
    static JsonValue planJson(SyncPlan plan, SyncResult r) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("realm", JsonValue.string(plan.realm()));
        m.put("repo", JsonValue.string(plan.repo()));
        m.put("dry_run", JsonValue.bool(r == null));
        m.put("branch", JsonValue.string(plan.branch()));
        m.put("updates", plan.updates() == null ? JsonValue.NULL : JsonValue.number(plan.updates()));
        m.put("changes", JsonValue.array(plan.changes().stream().map(c -> {
            Map<String, JsonValue> cm = changeFields(c);
            cm.put("value", c.newValue());
            return JsonValue.object(cm);
        }).toList()));
        m.put("violations", violations(plan));
        m.put("affected", JsonValue.array(plan.affected().stream().map(a -> {
            Map<String, JsonValue> am = new LinkedHashMap<>();
            am.put("repo", JsonValue.string(a.repo()));
            am.put("domain", JsonValue.string(a.domain()));
            am.put("contract", JsonValue.string(a.contract()));
            am.put("range", JsonValue.string(a.range()));
            am.put("satisfied", JsonValue.bool(a.satisfied()));
            am.put("maintainers", JsonValue.array(a.maintainers().stream().map(JsonValue::string).toList()));
            return JsonValue.object(am);
        }).toList()));
        m.put("binding_updates", JsonValue.array(plan.bindingUpdates().stream().map(u -> {
            Map<String, JsonValue> um = new LinkedHashMap<>();
            um.put("domain", JsonValue.string(u.domain()));
            um.put("contract", JsonValue.string(u.contract()));
            um.put("from", JsonValue.stringOrNull(u.fromVersion()));
            um.put("to", JsonValue.string(u.toVersion()));
            um.put("pull_request", u.pullRequest() == null ? JsonValue.NULL : JsonValue.number(u.pullRequest()));
            um.put("hook", JsonValue.bool(u.hook()));
            return JsonValue.object(um);
        }).toList()));
        m.put("problems", JsonValue.array(plan.problems().stream().map(JsonValue::string).toList()));
        if (r != null) {
            Map<String, JsonValue> done = new LinkedHashMap<>();
            done.put("pull_request", r.opened() == null ? JsonValue.NULL : pr(r.opened()));
            done.put("updated", JsonValue.bool(r.updated()));
            done.put("acknowledged", JsonValue.array(r.acknowledged().stream().map(a -> {
                Map<String, JsonValue> am = new LinkedHashMap<>();
                am.put("pull_request", a.pullRequest() == null ? JsonValue.NULL : JsonValue.number(a.pullRequest()));
                am.put("domain", JsonValue.string(a.domain()));
                am.put("contract", JsonValue.string(a.contract()));
                am.put("from", JsonValue.stringOrNull(a.fromVersion()));
                am.put("to", JsonValue.string(a.toVersion()));
                return JsonValue.object(am);
            }).toList()));
            done.put("refused", JsonValue.array(r.refused().stream().map(f -> JsonValue.object(
                    "pull_request", JsonValue.number(f.pullRequest()), "contract", JsonValue.string(f.contract()),
                    "version", JsonValue.string(f.version()), "reason", JsonValue.string(f.reason()))).toList()));
            done.put("binding_commit", JsonValue.stringOrNull(r.bindingCommit()));
            done.put("merged", JsonValue.array(r.merged().stream().map(SyncCommand::pr).toList()));
            done.put("notice", JsonValue.string(r.notice()));
            done.put("retries", JsonValue.number(r.retries()));
            done.put("not_merged", JsonValue.array(r.notMerged().stream().map(JsonValue::string).toList()));
            m.put("result", JsonValue.object(done));
        }
        return JsonValue.object(m);
    }

    static JsonValue pr(PullRequest p) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("number", JsonValue.number(p.number()));
        m.put("title", JsonValue.string(p.title()));
        m.put("head", JsonValue.string(p.head()));
        m.put("base", JsonValue.string(p.base()));
        m.put("author_repo", JsonValue.stringOrNull(p.authorRepo()));
        m.put("state", JsonValue.string(p.state().name().toLowerCase(java.util.Locale.ROOT)));
        m.put("reviewers", JsonValue.array(p.reviewers().stream().map(JsonValue::string).toList()));
        m.put("acknowledgements", JsonValue.array(p.acknowledgements().stream().map(a -> JsonValue.object(
                "repo", JsonValue.string(a.repo()), "by", JsonValue.string(a.by()),
                "at", JsonValue.string(a.at().toString()), "version", JsonValue.string(a.version()))).toList()));
        m.put("breaking", JsonValue.bool(p.breaking()));
        m.put("grace_deadline", p.graceDeadline() == null ? JsonValue.NULL : JsonValue.string(p.graceDeadline().toString()));
        m.put("merge_commit", JsonValue.stringOrNull(p.mergeCommit()));
        return JsonValue.object(m);
    }
}
