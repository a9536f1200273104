package dev.bluerealm.internal.check;

import dev.bluerealm.RealmException;
import dev.bluerealm.contract.CheckMode;
import dev.bluerealm.contract.Severity;
import dev.bluerealm.internal.extract.Change;
import dev.bluerealm.internal.extract.Defaults;
import dev.bluerealm.internal.extract.Extraction;
import dev.bluerealm.internal.extract.Problem;
import dev.bluerealm.internal.extract.ValueDiff;
import dev.bluerealm.internal.hooks.HookInput;
import dev.bluerealm.internal.realm.RealmPaths;
import dev.bluerealm.internal.yaml.Documents;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.ExportBinding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code --mode=exporter} (DESIGN §4): in the exporter repo, the extracted value equals the realm's
 * contract value (else a +/- diff), is valid under the schema (the proposed one when the repo keeps
 * one), and the exporter hook passes; {@code ci_only} hooks run too when in CI. In a realm checkout
 * there is no code to extract from: an info finding says so.
 */
final class ExporterCheck {
    private ExporterCheck() {}

    static void run(CheckContext ctx, CheckScope scope, Report report) {
        if (scope.inRealmCheckout()) {
            report.add(Severity.INFO, "EXPORTER_NEEDS_REPO", "exporter checks compare code with the realm: run them in"
                    + " the exporter repo", null, null, null, null, 0);
            return;
        }
        List<CheckScope.ScopedBinding> bindings = scope.bindings();
        long total = bindings.stream().flatMap(sb -> sb.binding().exports().stream().filter(e ->
                sb.domain().contracts().containsKey(e.contract()) && scope.wants(e.contract()))).count();
        try (dev.bluerealm.internal.progress.Progress.Task task = ctx.progress().start("Checking exports", total)) {
            for (CheckScope.ScopedBinding sb : bindings) {
                List<String> exported = sb.binding().exports().stream().map(ExportBinding::contract).toList();
                for (ExportBinding e : sb.binding().exports()) {
                    Contract c = sb.domain().contracts().get(e.contract());
                    if (c != null && scope.wants(c.name())) {
                        check(ctx, report, sb.domain().name(), e, c, exported);
                        task.advance(1);
                    }
                }
            }
            task.complete();
        }
    }

    /** The extraction and its differences from the realm, shared with status ("Contract change detected"). */
    record Comparison(Extraction extraction, List<Change> changes) {}

    static Comparison compare(CheckContext ctx, ExportBinding e, Contract c, List<String> exported) {
        Extraction x = ctx.extractor().extract(e, c, exported);
        if (!x.ok() || x.value() == null) {
            return new Comparison(x, List.of());
        }
        JsonValue realm = Defaults.complete(c.schema(), c.value());
        return new Comparison(x, ValueDiff.diff(c.schema(), realm, x.value()));
    }

    private static void check(CheckContext ctx, Report report, String domain, ExportBinding e, Contract c,
                              List<String> exported) {
        String repo = ctx.repo();
        int before = report.findings.size();
        Comparison cmp = compare(ctx, e, c, exported);
        Extraction x = cmp.extraction();
        for (Problem p : x.problems()) {
            report.add(Severity.ERROR, "EXTRACT_FAILED", c.name() + ": " + p.message(), domain, c.name(), repo,
                    p.file().isEmpty() ? RealmPaths.binding(domain, repo) : p.file(), p.line());
        }
        if (x.ok() && x.value() != null) {
            if (!cmp.changes().isEmpty()) {
                report.add(Severity.ERROR, "VALUE_MISMATCH", c.name() + ": the code differs from the contract (" + c.version()
                        + "):\n" + cmp.changes().stream().map(ch -> "  " + ch.describe()).collect(Collectors.joining("\n"))
                        + "\nRun 'blue realm sync' to propose the change", domain, c.name(), repo, null, 0);
            }
            JsonValue schema = c.schema();
            Path proposed = CompatibilityCheck.proposedSchema(ctx, c).orElse(null);
            if (proposed != null) {
                try {
                    schema = Documents.read(proposed, ctx.repoRoot().relativize(proposed).toString());
                } catch (RealmException ex) {
                    report.add(Severity.ERROR, "PROPOSED_SCHEMA_INVALID", c.name() + ": " + ex.getMessage(), domain,
                            c.name(), repo, ctx.repoRoot().relativize(proposed).toString(), 0);
                    schema = null;
                }
            }
            if (schema != null) {
                for (String problem : ctx.schemas().validator().validate(schema, x.value())) {
                    report.add(Severity.ERROR, "VALUE_INVALID", c.name() + ": the extracted value does not match the"
                            + (proposed != null ? " proposed" : "") + " schema: " + problem, domain, c.name(), repo,
                            null, 0);
                }
            }
            if (c.validation() != null) {
                HookInput input = new HookInput(c.name(), domain, c.version().toString(), x.value(),
                        schema == null ? c.schema() : schema);
                List<String> hooks = new ArrayList<>();
                if (c.validation().exporter() != null) {
                    hooks.add(c.validation().exporter());
                }
                if (ctx.ci()) {
                    hooks.addAll(c.validation().ciOnly());
                }
                for (String hook : hooks) {
                    Hooks.run(ctx, report, domain, c.name(), repo, hook, input,
                            hook.equals(c.validation().exporter()) ? "exporter hook" : "ci_only hook", e.sourceFiles());
                }
            }
        }
        if (report.findings.size() == before) {
            report.pass(CheckMode.EXPORTER, domain, c.name(), c.name() + ": code matches contract");
        }
    }
}
