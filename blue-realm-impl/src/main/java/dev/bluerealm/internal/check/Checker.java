package dev.bluerealm.internal.check;

import dev.bluerealm.contract.CheckMode;
import dev.bluerealm.contract.CheckReport;
import dev.bluerealm.contract.CheckRequest;
import dev.bluerealm.contract.ContractChecker;
import dev.bluerealm.contract.Finding;
import java.util.List;

/**
 * The engine's {@link ContractChecker}: runs the modes asked for (all that apply when none is),
 * and reports every finding, including the realm's structural ones in scope. A bad binding never
 * stops the check of the others.
 */
public final class Checker implements ContractChecker {
    /** Makes the context of one run. */
    public interface Contexts {
        CheckContext open(CheckRequest request);
    }

    private final String realm;
    private final List<Finding> structural;
    private final Contexts contexts;

    /**
     * @param contexts makes the context of one run (the cache is opened per run, honouring --no-cache)
     */
    public Checker(String realm, List<Finding> structural, Contexts contexts) {
        this.realm = realm;
        this.structural = List.copyOf(structural);
        this.contexts = contexts;
    }

    @Override
    public CheckReport check(CheckRequest request) {
        CheckContext ctx = contexts.open(request);
        try {
            CheckScope scope = CheckScope.of(ctx.model(), ctx.repo(), request);
            Report report = new Report();
            for (String w : ctx.cacheWarnings()) {
                report.add(dev.bluerealm.contract.Severity.INFO, "CACHE_REBUILT", w, null, null, ctx.repo(),
                        ".blue/cache.db", 0);
            }
            for (Finding f : structural) {
                if (inScope(f, scope)) {
                    report.findings.add(f);
                }
            }
            CheckMode mode = request.mode();
            if (mode == null || mode == CheckMode.CONTRACT) {
                ContractCheck.run(ctx, scope, report);
            }
            if (mode == null || mode == CheckMode.COMPATIBILITY) {
                CompatibilityCheck.run(ctx, scope, request, report);
            }
            if (mode == null || mode == CheckMode.IMPORTER) {
                ImporterCheck.run(ctx, scope, report);
            }
            if (mode == CheckMode.EXPORTER || mode == null && !scope.inRealmCheckout()) {
                ExporterCheck.run(ctx, scope, report);
            }
            return report.build(realm, ctx.repo(), mode);
        } finally {
            if (ctx.cache() != null) {
                ctx.cache().close();
            }
        }
    }

    /** The export cache over a repo's cache.db, for extractors. */
    public static dev.bluerealm.internal.extract.ScanCache exportCache(dev.bluerealm.internal.cache.CacheDb db) {
        return new ExportCache(db);
    }

    private static boolean inScope(Finding f, CheckScope scope) {
        if (scope.domain() != null && f.domain() != null && !scope.domain().equals(f.domain())) {
            return false;
        }
        if (scope.contract() != null && f.contract() != null && !scope.contract().equals(f.contract())) {
            return false;
        }
        if (scope.repo() == null || f.domain() == null) {
            return true;
        }
        // in a participating repo: what concerns its own domains
        return scope.model().domain(f.domain()).map(d -> d.domain().members().contains(scope.repo())
                || d.bindings().containsKey(scope.repo())).orElse(false);
    }
}
