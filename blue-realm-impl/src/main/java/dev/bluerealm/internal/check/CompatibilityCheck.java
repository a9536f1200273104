package dev.bluerealm.internal.check;

import dev.bluerealm.RealmException;
import dev.bluerealm.contract.CheckMode;
import dev.bluerealm.contract.CheckRequest;
import dev.bluerealm.contract.CompatibilityReport;
import dev.bluerealm.contract.Severity;
import dev.bluerealm.internal.history.ContractHistory;
import dev.bluerealm.internal.realm.RealmPaths;
import dev.bluerealm.internal.yaml.Documents;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.version.Version;
import dev.bluerealm.version.VersionRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --mode=compatibility [--from A --to B]} (DESIGN §4): the per-change report and verdicts
 * between two versions found in realm history (default: previous → current), with a witness for each
 * direction that does not hold and what each importer must do. In an exporter repo holding a
 * proposed schema ({@code .blue/contracts/{contract}.schema.yaml|json}) it compares the realm's
 * schema with the proposed one: what an exporter's PR CI runs.
 */
final class CompatibilityCheck {
    private CompatibilityCheck() {}

    static void run(CheckContext ctx, CheckScope scope, CheckRequest request, Report report) {
        List<CheckScope.Scoped> contracts = scope.contracts();
        try (dev.bluerealm.internal.progress.Progress.Task task = ctx.progress().start("Comparing contract versions",
                contracts.size())) {
            for (CheckScope.Scoped s : contracts) {
                check(ctx, report, request, s.domain(), s.contract());
                task.advance(1);
            }
            task.complete();
        }
    }

    private static void check(CheckContext ctx, Report report, CheckRequest request, DomainModel domain, Contract c) {
        String file = RealmPaths.contract(domain.name(), c.name());
        Contract from;
        JsonValue toSchema;
        String toLabel;
        Optional<Path> proposed = proposedSchema(ctx, c);
        if (proposed.isPresent() && request.from() == null && request.to() == null) {
            from = c;
            toLabel = "proposed";
            try {
                toSchema = Documents.read(proposed.get(), ctx.repoRoot().relativize(proposed.get()).toString());
            } catch (RealmException e) {
                report.add(Severity.ERROR, "PROPOSED_SCHEMA_INVALID", c.name() + ": " + e.getMessage(), domain.name(),
                        c.name(), ctx.repo(), ctx.repoRoot().relativize(proposed.get()).toString(), 0);
                return;
            }
        } else {
            Optional<Contract> a = version(ctx, report, domain.name(), c, request.from(), true, file);
            Optional<Contract> b = version(ctx, report, domain.name(), c, request.to(), false, file);
            if (a.isEmpty() || b.isEmpty()) {
                return;
            }
            if (a.get().version().equals(b.get().version()) && request.from() == null) {
                report.pass(CheckMode.COMPATIBILITY, domain.name(), c.name(), c.name() + ": only " + c.version()
                        + " in the realm's history; nothing to compare");
                return;
            }
            from = a.get();
            toSchema = b.get().schema();
            toLabel = b.get().version().toString();
        }
        CompatibilityReport r;
        try {
            r = ctx.schemas().compare(from.schema(), toSchema);
        } catch (IllegalArgumentException e) {
            report.add(Severity.ERROR, "SCHEMA_INVALID", c.name() + ": " + e.getMessage(), domain.name(), c.name(),
                    c.owner(), file, 0);
            return;
        }
        Version to = Version.isValid(toLabel) ? Version.parse(toLabel) : null;
        r = new CompatibilityReport(domain.name(), c.name(), from.version().toString(), toLabel, r.backwards(),
                r.forwards(), r.changes(), r.witnesses(), to == null ? List.of() : importers(domain, c.name(), to));
        report.compatibility.add(r);
        if (ContractCheck.breaking(c, r)) {
            boolean unknownOnly = (!c.compatibility().backwards() || !(r.backwards() instanceof CompatibilityReport.Verdict.DoesNotHold))
                    && (!c.compatibility().forwards() || !(r.forwards() instanceof CompatibilityReport.Verdict.DoesNotHold));
            if (unknownOnly) {
                report.add(Severity.WARNING, "COMPATIBILITY_UNKNOWN", c.name() + " " + from.version() + " → " + toLabel
                        + ": compatibility cannot be proved (" + reason(r) + ")", domain.name(), c.name(), c.owner(),
                        file, 0);
            } else {
                report.add(Severity.ERROR, "COMPATIBILITY_BREAKING", c.name() + " " + from.version() + " → " + toLabel
                        + " breaks what the contract promises (" + reason(r) + ")", domain.name(), c.name(), c.owner(),
                        file, 0);
            }
        }
    }

    private static String reason(CompatibilityReport r) {
        List<String> out = new ArrayList<>();
        describe("backwards", r.backwards(), out);
        describe("forwards", r.forwards(), out);
        return String.join("; ", out);
    }

    private static void describe(String name, CompatibilityReport.Verdict v, List<String> out) {
        if (v instanceof CompatibilityReport.Verdict.DoesNotHold) {
            out.add(name + " does not hold: " + ((CompatibilityReport.Verdict.DoesNotHold) v).reason());
        } else if (v instanceof CompatibilityReport.Verdict.Unknown) {
            out.add(name + " unknown: " + ((CompatibilityReport.Verdict.Unknown) v).reason());
        }
    }

    private static Optional<Contract> version(CheckContext ctx, Report report, String domain, Contract c, String asked,
                                              boolean from, String file) {
        if (asked == null) {
            if (!from) {
                return Optional.of(c);
            }
            Optional<ContractHistory.Entry> prev = ctx.history().get().previous(domain, c.name(), c.version());
            return Optional.of(prev.map(ContractHistory.Entry::contract).orElse(c));
        }
        if (!Version.isValid(asked)) {
            report.add(Severity.ERROR, "VERSION_NOT_FOUND", "--" + (from ? "from" : "to") + " " + asked
                    + " is not a SemVer version", domain, c.name(), null, file, 0);
            return Optional.empty();
        }
        Optional<Contract> found = ctx.at(domain, c, Version.parse(asked));
        if (found.isEmpty()) {
            report.add(Severity.ERROR, "VERSION_NOT_FOUND", c.name() + " " + asked + " is not in the realm's history"
                    + " (known: " + ImporterCheck.join(ctx.versions(domain, c)) + ")", domain, c.name(), null, file, 0);
        }
        return found;
    }

    /** The schema the owner proposes in its repo (.blue/contracts/{contract}.schema.yaml|yml|json), if any. */
    static Optional<Path> proposedSchema(CheckContext ctx, Contract c) {
        if (ctx.repoRoot() == null || !c.owner().equals(ctx.repo())) {
            return Optional.empty();
        }
        for (String ext : List.of(".schema.yaml", ".schema.yml", ".schema.json")) {
            Path p = ctx.repoRoot().resolve(".blue/contracts").resolve(c.name() + ext);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** For each importer: does {@code to} satisfy its range, and what must it do. */
    static List<CompatibilityReport.ImporterImpact> importers(DomainModel domain, String contract, Version to) {
        List<CompatibilityReport.ImporterImpact> out = new ArrayList<>();
        for (Binding b : domain.bindings().values()) {
            for (ImportBinding i : b.imports()) {
                if (!i.contract().equals(contract)) {
                    continue;
                }
                boolean satisfied;
                try {
                    satisfied = VersionRange.parse(i.range()).matches(to);
                } catch (IllegalArgumentException e) {
                    satisfied = false;
                }
                CompatibilityReport.Action action = !satisfied ? CompatibilityReport.Action.WIDEN_RANGE
                        : to.toString().equals(i.resolvedVersion()) ? CompatibilityReport.Action.NOTHING
                        : CompatibilityReport.Action.UPDATE_BINDING;
                out.add(new CompatibilityReport.ImporterImpact(b.repo(), i.range(), satisfied, action));
            }
        }
        return out;
    }
}
