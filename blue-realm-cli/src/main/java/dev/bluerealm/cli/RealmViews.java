package dev.bluerealm.cli;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.cli.mcp.RealmTools;
import dev.bluerealm.contract.CheckMode;
import dev.bluerealm.contract.CheckReport;
import dev.bluerealm.contract.CheckRequest;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.sync.PendingChange;
import dev.bluerealm.sync.SyncPlan;
import dev.bluerealm.sync.SyncRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON documents the CLI prints with {@code --json}, for callers other than a command: the MCP
 * tools. Every answer comes from the API, as the commands' do.
 */
public final class RealmViews implements RealmTools {
    private final CliContext context;

    /** Views from {@code context}'s environment and clock; its daemon session (if any) is "you" in status. */
    public RealmViews(CliContext context) {
        this.context = context;
    }

    private CliContext at(Path cwd) {
        return new CliContext(cwd, context.env(), context.clock(), context.session(), new ProgressSlot(), context.client());
    }

    @Override
    public JsonValue status(Path cwd) throws RealmException {
        CliContext here = at(cwd);
        StatusCommand.Loaded loaded = StatusCommand.load(here, false);
        return StatusCommand.document(loaded, StatusCommand.daemonView(here, loaded.status()));
    }

    @Override
    public JsonValue check(Path cwd, String mode, String domain, String contract) throws RealmException {
        CheckMode m = null;
        if (mode != null) {
            try {
                m = CheckMode.valueOf(mode.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT,
                        "mode must be exporter, importer, contract or compatibility, not '" + mode + "'");
            }
        }
        try (Realm realm = Realm.open(at(cwd).options().build())) {
            CheckReport report = realm.checker().check(new CheckRequest(m, domain, contract, null, null, true, false));
            Map<String, JsonValue> doc = new LinkedHashMap<>(((JsonValue.JsonObject) CheckCommand.json(report)).members());
            doc.put("local_changes", realm.repo().isPresent() ? localChanges(realm) : JsonValue.NULL);
            return JsonValue.object(doc);
        }
    }

    /** What a sync would propose from the files as they are now (committed or not), and for whom. */
    private static JsonValue localChanges(Realm realm) {
        SyncPlan plan;
        try {
            plan = realm.syncPlanner(SyncRequest.defaults()).plan();
        } catch (RealmException e) {
            return JsonValue.object("error", JsonValue.string(e.getMessage()),
                    "code", JsonValue.string(e.code().name()));
        }
        List<JsonValue> changes = new ArrayList<>();
        for (SyncPlan.ContractChange c : plan.changes()) {
            Map<String, JsonValue> cm = SyncCommand.changeFields(c);
            cm.put("compatibility", c.compatibility() == null ? JsonValue.NULL : CompatOutput.json(c.compatibility()));
            cm.put("importers", JsonValue.array(plan.affected().stream()
                    .filter(a -> a.domain().equals(c.domain()) && a.contract().equals(c.contract())).map(a -> {
                        Map<String, JsonValue> am = new LinkedHashMap<>();
                        am.put("repo", JsonValue.string(a.repo()));
                        am.put("range", JsonValue.string(a.range()));
                        am.put("takes_new_version", JsonValue.bool(a.satisfied()));
                        am.put("maintainers", JsonValue.array(a.maintainers().stream().map(JsonValue::string).toList()));
                        return JsonValue.object(am);
                    }).toList()));
            changes.add(JsonValue.object(cm));
        }
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("changes", JsonValue.array(changes));
        m.put("violations", SyncCommand.violations(plan));
        m.put("problems", JsonValue.array(plan.problems().stream().map(JsonValue::string).toList()));
        return JsonValue.object(m);
    }

    @Override
    public JsonValue contract(Path cwd, String contract, String domain) throws RealmException {
        if (contract == null) {
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "contract is required");
        }
        try (Realm realm = Realm.open(at(cwd).options().build())) {
            List<DomainModel> holding = realm.model().domains().values().stream()
                    .filter(d -> (domain == null || d.name().equals(domain)) && d.contracts().containsKey(contract))
                    .toList();
            if (holding.isEmpty()) {
                throw new InvalidRequestException(ErrorCode.NOT_FOUND, "no contract '" + contract + "'"
                        + (domain == null ? "" : " in domain '" + domain + "'") + " in realm '" + realm.name() + "'");
            }
            if (holding.size() > 1) {
                throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "contract '" + contract
                        + "' is in several domains (" + String.join(", ", holding.stream().map(DomainModel::name).toList())
                        + "); give the domain");
            }
            DomainModel d = holding.get(0);
            Contract c = d.contracts().get(contract);
            Map<String, JsonValue> m = new LinkedHashMap<>();
            m.put("realm", JsonValue.string(realm.name()));
            m.put("domain", JsonValue.string(d.name()));
            m.put("name", JsonValue.string(c.name()));
            m.put("version", JsonValue.string(c.version().toString()));
            m.put("owner", JsonValue.string(c.owner()));
            m.put("compatibility", JsonValue.object("backwards", JsonValue.bool(c.compatibility().backwards()),
                    "forwards", JsonValue.bool(c.compatibility().forwards())));
            m.put("value", c.value());
            m.put("schema", c.schema());
            m.put("history", JsonValue.array(c.evolution().stream().map(e -> {
                Map<String, JsonValue> em = new LinkedHashMap<>();
                em.put("version", JsonValue.string(e.version().toString()));
                em.put("changes", JsonValue.array(e.changes().stream().map(JsonValue::string).toList()));
                em.put("compatible", JsonValue.bool(e.compatible()));
                return JsonValue.object(em);
            }).toList()));
            m.put("bindings", JsonValue.array(bindings(d, contract)));
            List<JsonValue> pending = new ArrayList<>();
            for (PendingChange p : realm.pendingChanges()) {
                if (p.domain().equals(d.name()) && p.contract().equals(contract)) {
                    Map<String, JsonValue> pm = new LinkedHashMap<>();
                    pm.put("pull_request", JsonValue.number(p.pullRequest()));
                    pm.put("title", JsonValue.stringOrNull(p.title()));
                    pm.put("author_repo", JsonValue.stringOrNull(p.authorRepo()));
                    pm.put("from", JsonValue.stringOrNull(p.fromVersion()));
                    pm.put("to", JsonValue.string(p.toVersion()));
                    pm.put("breaking", JsonValue.bool(p.breaking()));
                    pm.put("diff", JsonValue.array(p.diff().stream().map(JsonValue::string).toList()));
                    pending.add(JsonValue.object(pm));
                }
            }
            m.put("pending", JsonValue.array(pending));
            return JsonValue.object(m);
        }
    }

    private static List<JsonValue> bindings(DomainModel d, String contract) {
        List<JsonValue> out = new ArrayList<>();
        for (Binding b : d.bindings().values()) {
            for (ExportBinding e : b.exports()) {
                if (e.contract().equals(contract)) {
                    Map<String, JsonValue> bm = new LinkedHashMap<>();
                    bm.put("repo", JsonValue.string(b.repo()));
                    bm.put("direction", JsonValue.string("exports"));
                    bm.put("source_files", JsonValue.array(e.sourceFiles().stream().map(JsonValue::string).toList()));
                    out.add(JsonValue.object(bm));
                }
            }
            for (ImportBinding i : b.imports()) {
                if (i.contract().equals(contract)) {
                    Map<String, JsonValue> bm = new LinkedHashMap<>();
                    bm.put("repo", JsonValue.string(b.repo()));
                    bm.put("direction", JsonValue.string("imports"));
                    bm.put("range", JsonValue.string(i.range()));
                    bm.put("resolved_version", JsonValue.stringOrNull(i.resolvedVersion()));
                    bm.put("status", i.status() == null ? JsonValue.NULL : JsonValue.string(i.status().yaml()));
                    out.add(JsonValue.object(bm));
                }
            }
        }
        return out;
    }
}
