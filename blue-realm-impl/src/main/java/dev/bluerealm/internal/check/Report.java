package dev.bluerealm.internal.check;

import dev.bluerealm.contract.CheckMode;
import dev.bluerealm.contract.CheckReport;
import dev.bluerealm.contract.CompatibilityReport;
import dev.bluerealm.contract.Finding;
import dev.bluerealm.contract.Severity;
import java.util.ArrayList;
import java.util.List;

/** Collects what the checks find, in order, then builds the {@link CheckReport}. */
final class Report {
    final List<Finding> findings = new ArrayList<>();
    final List<CompatibilityReport> compatibility = new ArrayList<>();
    final List<CheckReport.Passed> passed = new ArrayList<>();

    void add(Severity severity, String code, String message, String domain, String contract, String repo, String file,
             int line) {
        Finding f = new Finding(severity, code, message, domain, contract, repo, file, line);
        if (!findings.contains(f)) {
            findings.add(f);
        }
    }

    void pass(CheckMode mode, String domain, String contract, String message) {
        passed.add(new CheckReport.Passed(mode, domain, contract, message));
    }

    CheckReport build(String realm, String repo, CheckMode mode) {
        return new CheckReport(realm, repo, mode, findings, compatibility, passed);
    }
}
