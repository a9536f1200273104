package dev.bluerealm.internal.check;

import dev.bluerealm.RealmException;
import dev.bluerealm.contract.Severity;
import dev.bluerealm.internal.extract.Extraction;
import dev.bluerealm.internal.hooks.HookInput;
import dev.bluerealm.internal.yaml.Documents;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.ImportBinding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code realm sync} needs from the checks: the values this repo's code exports (with any
 * proposed schema), and the importer hook's verdict on a new version.
 */
public final class SyncSupport {
    private SyncSupport() {}

    /**
     * One exported contract as the repo's code has it.
     *
     * @param value the extracted value completed with the schema's defaults, or null when extraction failed
     * @param proposedSchema the repo's proposed schema ({@code .blue/contracts/}), or null
     * @param problem why the value or the proposed schema could not be read, or null
     */
    public record LocalExport(String domain, Contract realm, JsonValue value, JsonValue proposedSchema, String problem) {}

    /** Every contract this repo exports, read from its code. */
    public static List<LocalExport> exports(CheckContext ctx) {
        List<LocalExport> out = new ArrayList<>();
        for (OwnExports.Export own : OwnExports.of(ctx)) {
            Contract c = own.contract();
            Extraction x = ctx.extractor().extract(own.binding(), c, own.exportedNames());
            String problem = x.ok() ? null : x.problems().stream().map(p -> (p.file().isEmpty() ? "" : p.file()
                    + (p.line() > 0 ? ":" + p.line() : "") + ": ") + p.message()).collect(Collectors.joining("; "));
            JsonValue proposed = null;
            Optional<Path> file = CompatibilityCheck.proposedSchema(ctx, c);
            if (file.isPresent()) {
                try {
                    proposed = Documents.read(file.get(), ctx.repoRoot().relativize(file.get()).toString());
                } catch (RealmException ex) {
                    problem = ex.getMessage();
                }
            }
            out.add(new LocalExport(own.domain().name(), c, x.ok() ? x.value() : null, proposed, problem));
        }
        return out;
    }

    /**
     * Runs this repo's importer hook (if the contract names one) on {@code version} of the contract:
     * empty when it passes or there is none, else what it said.
     */
    public static Optional<String> importerRefusal(CheckContext ctx, String domain, Contract version, ImportBinding imp) {
        if (version.validation() == null || version.validation().importer() == null || ctx.repoRoot() == null) {
            return Optional.empty();
        }
        Report report = new Report();
        boolean ok = Hooks.run(ctx, report, domain, version.name(), ctx.repo(), version.validation().importer(),
                new HookInput(version.name(), domain, version.version().toString(), version.value(), version.schema()),
                "importer hook", imp.binding() == null ? List.of() : List.of(imp.binding()));
        if (ok) {
            return Optional.empty();
        }
        return Optional.of(report.findings.stream().filter(f -> f.severity() == Severity.ERROR)
                .map(f -> f.message()).collect(Collectors.joining("\n")));
    }
}
