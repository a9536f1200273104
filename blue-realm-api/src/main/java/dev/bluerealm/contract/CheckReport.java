package dev.bluerealm.contract;

import java.util.List;

/**
 * The result of a check: every finding and every compatibility report, with the exit code the
 * CLI uses (0 clean, 1 any error, 2 warnings only).
 *
 * @param repo the participating repo the check ran in, or null in a realm checkout
 * @param mode the mode asked for, or null for all
 * @since 0.1
 */
public record CheckReport(String realm, String repo, CheckMode mode, List<Finding> findings,
                          List<CompatibilityReport> compatibility, List<Passed> passed) {
    public CheckReport {
        findings = List.copyOf(findings);
        compatibility = List.copyOf(compatibility);
        passed = List.copyOf(passed);
    }

    /**
     * A check that passed, for the human output ("✓ s3-permissions: code matches contract").
     *
     * @param domain or null
     */
    public record Passed(CheckMode mode, String domain, String contract, String message) {}

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** 1 when any error, 2 when warnings only, else 0. */
    public int exitCode() {
        return count(Severity.ERROR) > 0 ? 1 : count(Severity.WARNING) > 0 ? 2 : 0;
    }
}
