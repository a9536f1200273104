package dev.bluerealm.internal.check;

import dev.bluerealm.contract.CheckMode;
import dev.bluerealm.contract.Severity;
import dev.bluerealm.internal.hooks.HookInput;
import dev.bluerealm.internal.realm.RealmPaths;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.version.Version;
import dev.bluerealm.version.VersionRange;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;
import java.util.Optional;

/**
 * {@code --mode=importer} (DESIGN §4): each import's resolved version exists in the contract's
 * history and satisfies its range (else error); a newer in-range version makes the binding stale
 * (warning); in a participating repo, the binding file exists and the importer hook passes. A bad
 * range or resolved version is a finding for that import only: every other import is still checked.
 */
final class ImporterCheck {
    private ImporterCheck() {}

    static void run(CheckContext ctx, CheckScope scope, Report report) {
        for (CheckScope.ScopedBinding sb : scope.bindings()) {
            String domain = sb.domain().name();
            String repo = sb.binding().repo();
            String file = RealmPaths.binding(domain, repo);
            for (ImportBinding imp : sb.binding().imports()) {
                if (!scope.wants(imp.contract())) {
                    continue;
                }
                Contract contract = sb.domain().contracts().get(imp.contract());
                if (contract == null) {
                    continue; // BINDING_UNKNOWN_CONTRACT, reported with the realm's structural findings
                }
                check(ctx, report, domain, repo, file, imp, contract);
            }
        }
    }

    private static void check(CheckContext ctx, Report report, String domain, String repo, String file,
                              ImportBinding imp, Contract contract) {
        String name = contract.name();
        VersionRange range = null;
        try {
            range = VersionRange.parse(imp.range());
        } catch (IllegalArgumentException e) {
            report.add(Severity.ERROR, "RANGE_INVALID", repo + " imports " + name + " with range '" + imp.range()
                    + "': " + e.getMessage(), domain, name, repo, file, 0);
        }
        Version resolved = null;
        if (imp.resolvedVersion() == null) {
            report.add(Severity.ERROR, "RESOLVED_VERSION_MISSING", repo + "'s import of " + name
                    + " has no resolved_version", domain, name, repo, file, 0);
        } else if (Version.isValid(imp.resolvedVersion())) {
            resolved = Version.parse(imp.resolvedVersion());
        } // not SemVer: RESOLVED_VERSION_INVALID is a structural finding
        List<Version> known = ctx.versions(domain, contract);
        boolean ok = range != null && resolved != null;
        if (resolved != null && !known.contains(resolved)) {
            ok = false;
            report.add(Severity.ERROR, "RESOLVED_VERSION_UNKNOWN", repo + " is bound to " + name + " " + resolved
                    + ", which the realm's history never had (known: " + join(known) + ")", domain, name, repo, file, 0);
        }
        if (range != null && resolved != null && !range.matches(resolved)) {
            ok = false;
            report.add(Severity.ERROR, "RESOLVED_OUT_OF_RANGE", repo + " is bound to " + name + " " + resolved
                    + ", outside its range " + imp.range(), domain, name, repo, file, 0);
        }
        boolean stale = false;
        if (range != null) {
            Optional<Version> newest = range.newest(known);
            if (newest.isEmpty()) {
                report.add(Severity.WARNING, "RANGE_MATCHES_NOTHING", "no version of " + name + " satisfies " + repo
                        + "'s range " + imp.range() + " (current: " + contract.version() + ")", domain, name, repo,
                        file, 0);
            } else if (resolved != null && newest.get().compareTo(resolved) > 0) {
                stale = true;
                report.add(Severity.WARNING, "BINDING_STALE", name + ": " + repo + " is bound to " + resolved + "; "
                        + newest.get() + " is available in its range " + imp.range(), domain, name, repo, file, 0);
            }
            if (!range.matches(contract.version())) {
                report.add(Severity.WARNING, "RANGE_EXCLUDES_CURRENT", name + " is at " + contract.version()
                        + ", outside " + repo + "'s range " + imp.range() + "; widen the range to take it", domain,
                        name, repo, file, 0);
            }
        }
        if (ctx.repoRoot() != null) {
            ok &= bindingFile(ctx, report, domain, repo, file, imp, name);
            if (resolved != null && contract.validation() != null && contract.validation().importer() != null) {
                Optional<Contract> at = ctx.at(domain, contract, resolved);
                if (at.isPresent()) {
                    ok &= Hooks.run(ctx, report, domain, name, repo, contract.validation().importer(),
                            new HookInput(name, domain, resolved.toString(), at.get().value(), at.get().schema()),
                            "importer hook", imp.binding() == null ? List.of() : List.of(imp.binding()));
                }
            }
        }
        if (ok && !stale) {
            report.pass(CheckMode.IMPORTER, domain, name, name + ": binding at " + resolved + " (current)");
        }
    }

    private static boolean bindingFile(CheckContext ctx, Report report, String domain, String repo, String file,
                                       ImportBinding imp, String name) {
        if (imp.binding() == null) {
            report.add(Severity.WARNING, "BINDING_FILE_UNDECLARED", repo + "'s import of " + name + " names no binding"
                    + " file; set `binding:` to the file that uses the contract", domain, name, repo, file, 0);
            return true;
        }
        java.nio.file.Path p = ctx.repoRoot().resolve(imp.binding()).normalize();
        if (!p.startsWith(ctx.repoRoot()) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            report.add(Severity.ERROR, "BINDING_FILE_MISSING", "the binding file " + imp.binding() + " of " + name
                    + " does not exist in " + repo, domain, name, repo, file, 0);
            return false;
        }
        return true;
    }

    static String join(List<Version> versions) {
        return versions.stream().map(Version::toString).reduce((a, b) -> a + ", " + b).orElse("none");
    }
}
