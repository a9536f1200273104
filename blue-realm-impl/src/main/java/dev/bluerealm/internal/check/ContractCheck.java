package dev.bluerealm.internal.check;

import dev.bluerealm.contract.Bump;
import dev.bluerealm.contract.CheckMode;
import dev.bluerealm.contract.CompatibilityReport;
import dev.bluerealm.contract.Severity;
import dev.bluerealm.internal.history.ContractHistory;
import dev.bluerealm.internal.progress.Progress;
import dev.bluerealm.internal.realm.RealmPaths;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.EvolutionEntry;
import dev.bluerealm.version.Version;
import java.util.List;
import java.util.Optional;

/**
 * {@code --mode=contract} (DESIGN §4): the schema is valid JSON Schema; the value is valid under it;
 * the evolution log is ordered and ends at the current version; the bump since the previous version
 * in realm history is at least the required one; no version was reused for different content.
 * (An owner that is not a member is a structural finding of the realm.)
 */
final class ContractCheck {
    private ContractCheck() {}

    static void run(CheckContext ctx, CheckScope scope, Report report) {
        List<CheckScope.Scoped> contracts = scope.contracts();
        ctx.history().get().prefetch(contracts.stream()
                .map(s -> new String[] {s.domain().name(), s.contract().name()}).toList());
        // contracts are independent: check them on every core, then report in realm order
        Report[] parts = new Report[contracts.size()];
        try (Progress.Task task = ctx.progress().start("Checking contracts", contracts.size())) {
            java.util.stream.IntStream.range(0, contracts.size()).parallel().forEach(i -> {
                parts[i] = new Report();
                check(ctx, parts[i], contracts.get(i).domain().name(), contracts.get(i).contract());
                task.advance(1);
            });
            task.complete();
        }
        for (Report part : parts) {
            part.findings.forEach(f -> report.add(f.severity(), f.code(), f.message(), f.domain(), f.contract(),
                    f.repo(), f.file(), f.line()));
            report.passed.addAll(part.passed);
        }
    }

    private static void check(CheckContext ctx, Report report, String domain, Contract c) {
        String file = RealmPaths.contract(domain, c.name());
        int before = report.findings.size();
        Optional<String> schemaProblem = ctx.schemas().validator().schemaProblem(c.schema());
        if (schemaProblem.isPresent()) {
            report.add(Severity.ERROR, "SCHEMA_INVALID", c.name() + ": the schema is not valid JSON Schema: "
                    + schemaProblem.get(), domain, c.name(), c.owner(), file, 0);
        } else {
            List<String> problems = ctx.schemas().validator().validate(c.schema(), c.value());
            for (String p : problems) {
                report.add(Severity.ERROR, "VALUE_INVALID", c.name() + " " + c.version() + ": the value does not match"
                        + " its schema: " + p, domain, c.name(), c.owner(), file, 0);
            }
        }
        evolution(report, domain, c, file);
        ContractHistory history = ctx.history().get();
        for (Version v : history.reusedVersions(domain, c.name())) {
            report.add(Severity.ERROR, "VERSION_REUSED", c.name() + " " + v + " was changed without a new version:"
                    + " two different contents carry " + v, domain, c.name(), c.owner(), file, 0);
        }
        Optional<ContractHistory.Entry> newer = history.versions(domain, c.name()).stream()
                .filter(e -> e.contract().version().compareTo(c.version()) > 0).findFirst();
        if (newer.isPresent()) {
            report.add(Severity.ERROR, "VERSION_REGRESSED", c.name() + " is at " + c.version() + " but the realm's"
                    + " history already had " + newer.get().contract().version(), domain, c.name(), c.owner(), file, 0);
        }
        Optional<ContractHistory.Entry> previous = history.previous(domain, c.name(), c.version());
        String bumpNote = "";
        if (previous.isPresent() && schemaProblem.isEmpty()) {
            Contract prev = previous.get().contract();
            Bump.Change change = changeKind(ctx, prev, c);
            Bump required = Bump.required(prev.version(), change);
            if (!required.satisfiedBy(prev.version(), c.version())) {
                report.add(Severity.ERROR, "BUMP_TOO_SMALL", c.name() + " " + prev.version() + " → " + c.version()
                        + " is " + describe(change) + ", which needs a " + required.name().toLowerCase() + " bump: "
                        + required.apply(prev.version()) + " or later", domain, c.name(), c.owner(), file, 0);
            } else {
                bumpNote = ", version bump correct";
            }
        }
        if (report.findings.size() == before) {
            report.pass(CheckMode.CONTRACT, domain, c.name(), c.name() + ": valid schema" + bumpNote);
        }
    }

    /** Breaking when it breaks a direction the new contract promises; else compatible when schema or value changed. */
    static Bump.Change changeKind(CheckContext ctx, Contract prev, Contract next) {
        if (!prev.schema().equals(next.schema())) {
            CompatibilityReport r = ctx.schemas().compare(prev.schema(), next.schema());
            return breaking(next, r) ? Bump.Change.BREAKING : Bump.Change.COMPATIBLE;
        }
        return prev.value().equals(next.value()) ? Bump.Change.OTHER : Bump.Change.COMPATIBLE;
    }

    static boolean breaking(Contract promised, CompatibilityReport r) {
        return promised.compatibility().backwards() && !r.backwards().holds()
                || promised.compatibility().forwards() && !r.forwards().holds();
    }

    private static String describe(Bump.Change change) {
        switch (change) {
            case BREAKING:
                return "a breaking change";
            case COMPATIBLE:
                return "a compatible schema or value change";
            default:
                return "a change";
        }
    }

    private static void evolution(Report report, String domain, Contract c, String file) {
        List<EvolutionEntry> log = c.evolution();
        for (int i = 1; i < log.size(); i++) {
            if (log.get(i).version().compareTo(log.get(i - 1).version()) <= 0) {
                report.add(Severity.ERROR, "EVOLUTION_UNORDERED", c.name() + ": evolution lists " + log.get(i).version()
                        + " after " + log.get(i - 1).version() + "; list versions oldest first", domain, c.name(),
                        c.owner(), file, 0);
            }
        }
        if (!log.isEmpty() && !log.get(log.size() - 1).version().equals(c.version())) {
            report.add(Severity.ERROR, "EVOLUTION_NOT_CURRENT", c.name() + ": evolution ends at "
                    + log.get(log.size() - 1).version() + " but the contract is at " + c.version()
                    + "; add an entry for " + c.version(), domain, c.name(), c.owner(), file, 0);
        }
    }
}
