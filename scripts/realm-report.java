///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DESCRIPTION Writes a Markdown report of a realm: its domains, contracts with versions and owners, who imports what (range, resolved version, status) and the open pull requests
//DEPS dev.bluerealm:blue-realm-impl:${blue.realm.version:0.1.0-SNAPSHOT}
//DEPS org.slf4j:slf4j-nop:2.0.18

import dev.bluerealm.Realm;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.sync.PullRequest;
import java.nio.file.Path;

/**
 * {@code realm-report [DIR]}: the realm of the repo (or realm checkout) at DIR (default: here) as
 * Markdown on standard output, e.g. for a wiki page or a CI summary. A thin consumer of the API:
 * {@code ./jbang scripts/realm-report.java > realm.md}.
 */
class realm_report {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        try (Realm realm = Realm.open(dir)) {
            StringBuilder md = new StringBuilder("# Realm `" + realm.name() + "`\n\n");
            md.append("Remote: ").append(realm.url()).append(", commit `").append(realm.commit()).append("`.\n");
            for (DomainModel d : realm.model().domains().values()) {
                md.append("\n## Domain `").append(d.name()).append("`\n\n");
                md.append("Members: ").append(String.join(", ", d.domain().members())).append(".\n\n");
                md.append("| contract | version | owner | importers (range → resolved) |\n|---|---|---|---|\n");
                for (Contract c : d.contracts().values()) {
                    StringBuilder importers = new StringBuilder();
                    for (Binding b : d.bindings().values()) {
                        for (ImportBinding i : b.imports()) {
                            if (i.contract().equals(c.name())) {
                                importers.append(importers.length() == 0 ? "" : "; ").append(b.repo()).append(" (`")
                                        .append(i.range()).append("` → ")
                                        .append(i.resolvedVersion() == null ? "unbound" : i.resolvedVersion()).append(')');
                            }
                        }
                    }
                    md.append("| `").append(c.name()).append("` | ").append(c.version()).append(" | ").append(c.owner())
                            .append(" | ").append(importers.length() == 0 ? "none" : importers).append(" |\n");
                }
            }
            var open = realm.pullRequests(PullRequest.State.OPEN);
            md.append("\n## Open pull requests\n\n");
            if (open.isEmpty()) {
                md.append("None.\n");
            }
            for (PullRequest p : open) {
                md.append("- #").append(p.number()).append(" ").append(p.title()).append(p.breaking() ? " (breaking)" : "")
                        .append(": acknowledged by ").append(p.acknowledgements().isEmpty() ? "nobody yet"
                                : String.join(", ", p.acknowledgements().stream().map(a -> a.repo() + " " + a.version())
                                        .toList())).append('\n');
            }
            System.out.print(md);
        }
    }
}
