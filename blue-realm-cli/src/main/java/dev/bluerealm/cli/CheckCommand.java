package dev.bluerealm.cli;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.contract.CheckMode;
import dev.bluerealm.contract.CheckReport;
import dev.bluerealm.contract.CheckRequest;
import dev.bluerealm.contract.CompatibilityReport;
import dev.bluerealm.contract.Finding;
import dev.bluerealm.contract.Severity;
import dev.bluerealm.json.JsonValue;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code blue realm check}. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validate contracts and bindings (for CI). In a realm checkout it covers the whole realm;",
                "in a participating repo, what that repo exports and imports. Exit 0 clean, 1 errors, 2 warnings only."},
        footer = {"", "Example:", "  blue realm check --mode=exporter",
                "  blue realm check --mode=compatibility --from=1.4.0 --to=1.5.0 --json"})
final class CheckCommand implements Callable<Integer> {
    private final CliContext context;
    @Spec CommandSpec spec;
    @Mixin Common common;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "exporter, importer, contract or compatibility (default: every mode that applies here).")
    String mode;

    @Option(names = "--domain", paramLabel = "D", description = "Only this domain.")
    String domain;

    @Option(names = "--contract", paramLabel = "C", description = "Only this contract.")
    String contract;

    @Option(names = "--from", paramLabel = "VERSION", description = "Compatibility: the older version (default: the previous one).")
    String from;

    @Option(names = "--to", paramLabel = "VERSION", description = "Compatibility: the newer version (default: the current one).")
    String to;

    @Option(names = "--no-cache", description = "Do not use .blue/cache.db (fresh extraction and hooks).")
    boolean noCache;

    @Option(names = "--ci", description = "Run ci_only hooks too (also when the CI environment variable is set).")
    boolean ci;

    @Option(names = "--offline", description = "Use the realm clone as it is, without fetching.")
    boolean offline;

    CheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws RealmException {
        CheckMode m = null;
        if (mode != null) {
            try {
                m = CheckMode.valueOf(mode.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--mode must be exporter, importer, contract or compatibility, not '"
                        + mode + "'");
            }
        }
        if ((from != null || to != null) && m != null && m != CheckMode.COMPATIBILITY) {
            throw new IllegalArgumentException("--from and --to go with --mode=compatibility");
        }
        boolean inCi = ci || (context.env().get("CI") != null && !context.env().get("CI").isBlank()
                && !"false".equalsIgnoreCase(context.env().get("CI")));
        CheckRequest request = new CheckRequest(m, domain, contract, from, to, !noCache, inCi);
        CheckReport report;
        try (Realm realm = Realm.open(context.options().offline(offline).build())) {
            report = realm.checker().check(request);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            out.println(json(report).toPrettyJson());
        } else {
            print(out, report);
        }
        return report.exitCode();
    }

    static JsonValue json(CheckReport r) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("realm", JsonValue.string(r.realm()));
        m.put("repo", JsonValue.stringOrNull(r.repo()));
        m.put("mode", r.mode() == null ? JsonValue.NULL : JsonValue.string(r.mode().name().toLowerCase(Locale.ROOT)));
        m.put("findings", JsonValue.array(r.findings().stream().map(Output::json).toList()));
        m.put("compatibility", JsonValue.array(r.compatibility().stream().map(CompatOutput::json).toList()));
        m.put("passed", JsonValue.array(r.passed().stream().map(p -> {
            Map<String, JsonValue> pm = new LinkedHashMap<>();
            pm.put("mode", JsonValue.string(p.mode().name().toLowerCase(Locale.ROOT)));
            pm.put("domain", JsonValue.stringOrNull(p.domain()));
            pm.put("contract", JsonValue.stringOrNull(p.contract()));
            pm.put("message", JsonValue.string(p.message()));
            return JsonValue.object(pm);
        }).toList()));
        Map<String, JsonValue> summary = new LinkedHashMap<>();
        summary.put("errors", JsonValue.number(r.count(Severity.ERROR)));
        summary.put("warnings", JsonValue.number(r.count(Severity.WARNING)));
        summary.put("infos", JsonValue.number(r.count(Severity.INFO)));
        m.put("summary", JsonValue.object(summary));
        return JsonValue.object(m);
    }

    static void print(PrintWriter out, CheckReport r) {
        for (CompatibilityReport c : r.compatibility()) {
            out.println("Checking " + c.contract() + " " + c.from() + " → " + c.to());
            CompatOutput.print(out, c, "  ");
            boolean breaking = r.findings().stream().anyMatch(f -> f.code().equals("COMPATIBILITY_BREAKING")
                    && c.contract().equals(f.contract()) && java.util.Objects.equals(c.domain(), f.domain()));
            boolean unknown = r.findings().stream().anyMatch(f -> f.code().equals("COMPATIBILITY_UNKNOWN")
                    && c.contract().equals(f.contract()) && java.util.Objects.equals(c.domain(), f.domain()));
            out.println("Result: " + (breaking ? "BREAKING" : unknown ? "UNKNOWN" : "COMPATIBLE"));
            out.println();
        }
        for (CheckReport.Passed p : r.passed()) {
            out.println(Output.OK + " " + p.message());
        }
        for (Finding f : r.findings()) {
            String where = f.file() == null ? "" : " [" + f.file() + (f.line() > 0 ? ":" + f.line() : "") + "]";
            String[] lines = f.message().split("\n", -1);
            out.println(Output.icon(f) + " " + f.code() + ": " + lines[0] + where);
            for (int i = 1; i < lines.length; i++) {
                out.println("  " + lines[i]);
            }
        }
        long errors = r.count(Severity.ERROR);
        long warnings = r.count(Severity.WARNING);
        if (errors + warnings > 0) {
            out.println();
            out.println(errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                    + (warnings == 1 ? "" : "s"));
        }
    }
}
