package dev.bluerealm.cli;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.status.RealmStatus;
import java.io.PrintWriter;
import dev.bluerealm.daemon.client.Notification;
import dev.bluerealm.daemon.client.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code blue realm status}. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the realm: this repo's domains and role in each, contracts with versions, the other repos.",
        footer = {"", "Example:", "  cd aperture && blue realm status"})
final class StatusCommand implements Callable<Integer> {
    private final CliContext context;
    @Spec CommandSpec spec;
    @Mixin Common common;

    @Option(names = "--offline", description = "Use the realm clone as it is, without fetching.")
    boolean offline;

    StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws RealmException {
        PrintWriter out = spec.commandLine().getOut();
        Loaded loaded = load(context, offline);
        loaded.warning().ifPresent(w -> spec.commandLine().getErr().println(Output.WARN + "  " + w));
        DaemonView daemon = daemonView(context, loaded.status());
        if (common.json) {
            out.println(document(loaded, daemon).toPrettyJson());
        } else {
            print(out, loaded.status());
            daemon.print(out, context.clock().instant());
        }
        return 0;
    }

    /** The status, and whether it is the last fetched state because the remote could not be reached. */
    record Loaded(RealmStatus status, boolean stale, java.util.Optional<String> warning) {}

    static Loaded load(CliContext context, boolean offline) throws RealmException {
        try (Realm realm = Realm.open(context.options().offline(offline).build())) {
            return new Loaded(realm.status(), false, java.util.Optional.empty());
        } catch (RealmException e) {
            if (offline || e.code() != ErrorCode.REMOTE_ERROR) {
                throw e;
            }
            // unreachable remote: show what the clone knows, and say so
            try (Realm realm = Realm.open(context.options().offline(true).build())) {
                return new Loaded(realm.status(), true,
                        java.util.Optional.of(e.getMessage() + "; showing the last fetched state"));
            }
        }
    }

    /** What {@code --json} prints (and the MCP tool realm_status answers). */
    static JsonValue document(Loaded loaded, DaemonView daemon) {
        Map<String, JsonValue> m = new LinkedHashMap<>(((JsonValue.JsonObject) json(loaded.status(), loaded.stale())).members());
        m.put("daemon", daemon.json());
        return JsonValue.object(m);
    }

    /** What the daemon adds to the status: who else works in the realm now, and what they changed. */
    record DaemonView(boolean reachable, String problem, List<SessionLine> sessions, List<Notification> notifications) {
        static final DaemonView NONE = new DaemonView(false, null, List.of(), List.of());

        JsonValue json() {
            if (!reachable) {
                return JsonValue.NULL;
            }
            Map<String, JsonValue> m = new LinkedHashMap<>();
            m.put("sessions", JsonValue.array(sessions.stream().map(s -> {
                Map<String, JsonValue> sm = new LinkedHashMap<>();
                sm.put("repo", JsonValue.string(s.repo()));
                sm.put("you", JsonValue.bool(s.you()));
                sm.put("state", JsonValue.string(s.idle() ? "idle" : "active"));
                sm.put("active_rfc", JsonValue.stringOrNull(s.activeRfc()));
                return JsonValue.object(sm);
            }).toList()));
            m.put("notifications", JsonValue.array(notifications.stream().map(NotificationText::json).toList()));
            return JsonValue.object(m);
        }

        void print(PrintWriter out, java.time.Instant now) {
            if (problem != null) {
                out.println();
                out.println(Output.WARN + "  the daemon did not answer (" + problem + "); sessions and notifications not shown");
                return;
            }
            if (!sessions.isEmpty()) {
                out.println();
                out.println("Active sessions:");
                for (SessionLine s : sessions) {
                    out.println("  • " + s.repo() + (s.you() ? " (you)" : "")
                            + (s.activeRfc() != null ? " - working on " + s.activeRfc() : s.idle() ? " - idle"
                            : s.you() ? "" : " - active"));
                }
            }
            for (Notification n : notifications) {
                out.println();
                NotificationText.print(out, n, now);
            }
        }
    }

    /**
     * One line per repo with a session in this realm: "(you)" for this command's repo, the RFC being
     * worked on, idle when none of the repo's sessions did anything for 5 minutes.
     */
    record SessionLine(String repo, boolean you, boolean idle, String activeRfc) {
        static List<SessionLine> of(List<Session> sessions, String realm, String repo, java.util.OptionalLong own) {
            Map<String, List<Session>> byRepo = new java.util.TreeMap<>();
            sessions.stream().filter(s -> realm.equals(s.realm()))
                    .forEach(s -> byRepo.computeIfAbsent(s.repo(), k -> new java.util.ArrayList<>()).add(s));
            List<SessionLine> lines = new java.util.ArrayList<>();
            byRepo.forEach((name, list) -> {
                boolean you = name.equals(repo) && list.stream().anyMatch(s -> own.isPresent() && s.id() == own.getAsLong());
                boolean idle = !you && list.stream().allMatch(Session::idle);
                String rfc = list.stream().filter(s -> s.activeRfc() != null && !s.idle())
                        .max(java.util.Comparator.comparing(Session::lastActivity)).map(Session::activeRfc)
                        .orElse(null);
                lines.add(new SessionLine(name, you, idle, rfc));
            });
            lines.sort(java.util.Comparator.comparing((SessionLine l) -> !l.you()).thenComparing(SessionLine::repo));
            return lines;
        }
    }

    static DaemonView daemonView(CliContext context, RealmStatus s) {
        if (s.repo() == null) {
            return DaemonView.NONE;
        }
        var daemon = DaemonLink.running(context);
        if (daemon.isEmpty()) {
            return DaemonView.NONE;
        }
        try {
            List<SessionLine> sessions = SessionLine.of(daemon.get().sessions(), s.realm(), s.repo(),
                    DaemonLink.sessionId(context));
            return new DaemonView(true, null, sessions, daemon.get().notifications(s.realm(), s.repo(), true));
        } catch (dev.bluerealm.daemon.client.DaemonClientException e) {
            return new DaemonView(false, e.getMessage(), List.of(), List.of());
        }
    }

    static JsonValue json(RealmStatus s, boolean stale) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("realm", JsonValue.string(s.realm()));
        m.put("repo", JsonValue.stringOrNull(s.repo()));
        m.put("url", JsonValue.string(s.url()));
        m.put("commit", JsonValue.stringOrNull(s.commit()));
        m.put("stale", JsonValue.bool(stale));
        m.put("domains", JsonValue.array(s.domains().stream().map(d -> {
            Map<String, JsonValue> dm = new LinkedHashMap<>();
            dm.put("name", JsonValue.string(d.name()));
            dm.put("role", JsonValue.stringOrNull(d.role()));
            dm.put("contracts", JsonValue.array(d.contracts().stream().map(c -> {
                Map<String, JsonValue> cm = new LinkedHashMap<>();
                cm.put("name", JsonValue.string(c.name()));
                cm.put("version", JsonValue.string(c.version()));
                cm.put("owner", JsonValue.string(c.owner()));
                if (c.importRange() != null) {
                    Map<String, JsonValue> im = new LinkedHashMap<>();
                    im.put("range", JsonValue.string(c.importRange()));
                    im.put("resolved_version", JsonValue.stringOrNull(c.resolvedVersion()));
                    im.put("status", JsonValue.stringOrNull(c.importStatus()));
                    cm.put("import", JsonValue.object(im));
                } else {
                    cm.put("import", JsonValue.NULL);
                }
                return JsonValue.object(cm);
            }).toList()));
            dm.put("members", JsonValue.array(d.members().stream().map(mb -> {
                Map<String, JsonValue> mm = new LinkedHashMap<>();
                mm.put("repo", JsonValue.string(mb.repo()));
                mm.put("role", JsonValue.stringOrNull(mb.role()));
                mm.put("joined", JsonValue.bool(mb.joined()));
                return JsonValue.object(mm);
            }).toList()));
            return JsonValue.object(dm);
        }).toList()));
        m.put("repos", JsonValue.array(s.repos().stream().map(r -> {
            Map<String, JsonValue> rm = new LinkedHashMap<>();
            rm.put("name", JsonValue.string(r.name()));
            rm.put("location", JsonValue.stringOrNull(r.location()));
            rm.put("joined", JsonValue.bool(r.joined()));
            rm.put("shared_domains", JsonValue.array(r.sharedDomains().stream().map(JsonValue::string).toList()));
            return JsonValue.object(rm);
        }).toList()));
        m.put("findings", JsonValue.array(s.findings().stream().map(Output::json).toList()));
        m.put("local_changes", JsonValue.array(s.localChanges().stream().map(c -> {
            Map<String, JsonValue> cm = new LinkedHashMap<>();
            cm.put("domain", JsonValue.string(c.domain()));
            cm.put("contract", JsonValue.string(c.contract()));
            cm.put("version", JsonValue.string(c.version()));
            cm.put("diff", JsonValue.array(c.diff().stream().map(JsonValue::string).toList()));
            cm.put("importers", JsonValue.array(c.importers().stream().map(i -> JsonValue.object(
                    "repo", JsonValue.string(i.repo()), "range", JsonValue.string(i.range()))).toList()));
            return JsonValue.object(cm);
        }).toList()));
        m.put("pull_requests", JsonValue.array(s.pullRequests().stream().map(p -> {
            Map<String, JsonValue> pm = new LinkedHashMap<>();
            pm.put("number", JsonValue.number(p.number()));
            pm.put("title", JsonValue.string(p.title()));
            pm.put("author_repo", JsonValue.stringOrNull(p.authorRepo()));
            pm.put("domain", JsonValue.string(p.domain()));
            pm.put("contract", JsonValue.string(p.contract()));
            pm.put("from", JsonValue.string(p.fromVersion()));
            pm.put("to", JsonValue.string(p.toVersion()));
            pm.put("breaking", JsonValue.bool(p.breaking()));
            pm.put("diff", JsonValue.array(p.diff().stream().map(JsonValue::string).toList()));
            pm.put("import_range", JsonValue.stringOrNull(p.importRange()));
            pm.put("satisfied", JsonValue.bool(p.satisfied()));
            pm.put("acknowledged", JsonValue.bool(p.acknowledged()));
            pm.put("waiting_for", JsonValue.array(p.waitingFor().stream().map(JsonValue::string).toList()));
            return JsonValue.object(pm);
        }).toList()));
        return JsonValue.object(m);
    }

    /** Open pull requests: for an importer, what changed and whether its range takes it; for the author, what it waits for. */
    private static void pullRequests(PrintWriter out, RealmStatus s) {
        for (RealmStatus.PullRequestStatus p : s.pullRequests()) {
            out.println();
            String change = p.contract() + " " + p.fromVersion() + " → " + p.toVersion() + (p.breaking() ? " (breaking)" : "");
            if (p.importRange() != null) {
                out.println("🔔 Pull request #" + p.number() + " from " + p.authorRepo() + ": " + change);
                p.diff().forEach(line -> out.println("    " + line));
                if (!p.satisfied()) {
                    out.println("  Your import (" + p.importRange() + ") does not include " + p.toVersion()
                            + ": widen the range to take it.");
                } else if (p.acknowledged()) {
                    out.println("  You acknowledged " + p.toVersion() + ".");
                } else {
                    out.println("  Your import (" + p.importRange() + ") is still satisfied.");
                    out.println("  Update binding when ready, then run 'blue realm sync' to acknowledge.");
                }
            } else {
                out.println("⏳ Pull request #" + p.number() + ": " + change
                        + (p.waitingFor().isEmpty() ? " is ready to merge (at the next sync)" : " waits for:"));
                p.waitingFor().forEach(w -> out.println("    - " + w));
            }
        }
    }

    static void print(PrintWriter out, RealmStatus s) {
        out.println(s.repo() != null ? "📊 " + s.repo() + " (in realm: " + s.realm() + ")"
                : "📊 realm " + s.realm() + " (realm checkout)");
        for (RealmStatus.LocalChange c : s.localChanges()) {
            out.println();
            out.println(Output.WARN + " Contract change detected:");
            out.println("  " + c.contract() + " has local changes:");
            c.diff().forEach(line -> out.println("    " + line));
            if (!c.importers().isEmpty()) {
                out.println();
                out.println("  Affected repos:");
                c.importers().forEach(i -> out.println("    - " + i.repo() + " (imports " + i.range() + ")"));
            }
            out.println();
            out.println("  Run 'blue realm sync' to update realm");
        }
        pullRequests(out, s);
        out.println();
        out.println("Domains:");
        if (s.domains().isEmpty()) {
            out.println("  (none yet: create one with `blue realm admin domain create NAME --repos a,b`)");
        }
        for (RealmStatus.DomainStatus d : s.domains()) {
            out.println("  " + d.name() + (d.role() != null ? " (" + d.role() + ")" : ""));
            for (RealmStatus.ContractStatus c : d.contracts()) {
                String line = "    Contract: " + c.name() + " v" + c.version();
                if (c.importRange() != null) {
                    line += " (imports " + c.importRange() + ", resolved " + c.resolvedVersion()
                            + (c.importStatus() == null || c.importStatus().equals("current") ? "" : "; " + c.importStatus())
                            + ")";
                } else if (s.repo() != null && !c.owner().equals(s.repo())) {
                    line += " (owner: " + c.owner() + ")";
                }
                out.println(line);
            }
            if (s.repo() == null) {
                for (RealmStatus.Member m : d.members()) {
                    out.println("    • " + m.repo() + (m.role() != null ? " (" + m.role() + ")" : "")
                            + (m.joined() ? "" : " - not joined yet"));
                }
            }
        }
        if (!s.repos().isEmpty()) {
            out.println();
            out.println(s.repo() != null ? "Other repos:" : "Repos:");
            for (RealmStatus.RepoStatus r : s.repos()) {
                String where = r.sharedDomains().isEmpty() ? "" : " (" + String.join(", ", r.sharedDomains()) + ")";
                out.println("  • " + r.name() + where + (r.joined() ? "" : " - not joined yet"));
            }
        }
        var notable = s.findings().stream().filter(f -> !f.code().equals("PENDING_MEMBER")).toList();
        if (!notable.isEmpty()) {
            out.println();
            out.println("Findings:");
            notable.forEach(f -> out.println("  " + Output.icon(f) + " " + f.message()));
        }
    }
}
