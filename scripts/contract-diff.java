///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DESCRIPTION Prints what changed in a contract between two versions of the realm's history: each schema change, backwards/forwards verdicts with a witness, and what each importer must do
//DEPS dev.bluerealm:blue-realm-impl:${blue.realm.version:0.1.0-SNAPSHOT}
//DEPS org.slf4j:slf4j-nop:2.0.18

import dev.bluerealm.Realm;
import dev.bluerealm.contract.CheckMode;
import dev.bluerealm.contract.CheckReport;
import dev.bluerealm.contract.CheckRequest;
import dev.bluerealm.contract.CompatibilityReport;
import dev.bluerealm.contract.Finding;
import java.nio.file.Path;

/**
 * {@code contract-diff DOMAIN CONTRACT [FROM [TO]]}, run in a repo of the realm (or a realm
 * checkout): the contract's changes between two versions (default: the previous and the current
 * one). A thin consumer of the API's compatibility check. Exit 1 when a version is unknown.
 */
class contract_diff {
    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: contract-diff DOMAIN CONTRACT [FROM [TO]]");
            System.exit(64);
        }
        String from = args.length > 2 ? args[2] : null;
        String to = args.length > 3 ? args[3] : null;
        try (Realm realm = Realm.open(Path.of("."))) {
            CheckReport report = realm.checker().check(new CheckRequest(CheckMode.COMPATIBILITY, args[0], args[1], from,
                    to, true, false));
            for (Finding f : report.findings()) {
                System.out.println(f.severity().name().toLowerCase() + ": " + f.message());
            }
            for (CompatibilityReport r : report.compatibility()) {
                System.out.println(r.contract() + " " + r.from() + " → " + r.to());
                for (CompatibilityReport.SchemaChange c : r.changes()) {
                    System.out.println("  " + (c.compatible() ? "+" : "!") + " " + (c.path().isEmpty() ? "(root)" : c.path())
                            + ": " + c.kind() + (c.detail() == null || c.detail().isEmpty() ? "" : " (" + c.detail() + ")"));
                }
                System.out.println("  backwards: " + verdict(r.backwards()) + ", forwards: " + verdict(r.forwards()));
                r.witnesses().forEach((dir, w) -> System.out.println("  " + dir.name().toLowerCase() + " witness: "
                        + w.instance().toJson() + " (accepted by " + w.acceptedBy() + ", rejected by " + w.rejectedBy() + ")"));
                for (CompatibilityReport.ImporterImpact i : r.importers()) {
                    System.out.println("  " + i.repo() + " (" + i.range() + "): " + i.action().name().toLowerCase()
                            .replace('_', ' '));
                }
            }
            System.exit(report.exitCode() == 1 ? 1 : 0);
        }
    }

    private static String verdict(CompatibilityReport.Verdict v) {
        return v instanceof CompatibilityReport.Verdict.Holds ? "holds"
                : v instanceof CompatibilityReport.Verdict.DoesNotHold d ? "does not hold (" + d.reason() + ")"
                : "unknown (" + ((CompatibilityReport.Verdict.Unknown) v).reason() + ")";
    }
}
