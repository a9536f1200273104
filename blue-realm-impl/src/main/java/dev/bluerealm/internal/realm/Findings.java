package dev.bluerealm.internal.realm;

import dev.bluerealm.contract.Finding;
import dev.bluerealm.contract.Severity;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.version.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * The structural findings of a loaded realm (DESIGN §3): a well-formed realm that says something
 * wrong. They never stop the realm from loading; {@code realm check} reports them with the rest.
 */
public final class Findings {
    private Findings() {}

    public static List<Finding> of(RealmModel model) {
        List<Finding> out = new ArrayList<>();
        for (DomainModel d : model.domains().values()) {
            String domainFile = RealmPaths.domain(d.name());
            for (String member : d.domain().members()) {
                if (!model.repos().containsKey(member)) {
                    out.add(new Finding(Severity.INFO, "PENDING_MEMBER", "member '" + member + "' of domain '"
                            + d.name() + "' has not joined the realm yet", d.name(), null, member, domainFile, 0));
                }
            }
            for (Contract c : d.contracts().values()) {
                if (!d.domain().members().contains(c.owner())) {
                    out.add(new Finding(Severity.ERROR, "OWNER_NOT_MEMBER", "contract '" + c.name() + "' is owned by '"
                            + c.owner() + "', which is not a member of domain '" + d.name() + "'", d.name(), c.name(),
                            c.owner(), RealmPaths.contract(d.name(), c.name()), 0));
                }
            }
            for (Binding b : d.bindings().values()) {
                String file = RealmPaths.binding(d.name(), b.repo());
                if (!d.domain().members().contains(b.repo())) {
                    out.add(new Finding(Severity.ERROR, "BINDING_NOT_MEMBER", "repo '" + b.repo()
                            + "' has a binding in domain '" + d.name() + "' but is not one of its members", d.name(),
                            null, b.repo(), file, 0));
                }
                for (ExportBinding e : b.exports()) {
                    Contract c = d.contracts().get(e.contract());
                    if (c == null) {
                        out.add(unknownContract(d, b, e.contract(), file));
                    } else if (!c.owner().equals(b.repo())) {
                        out.add(new Finding(Severity.ERROR, "EXPORTER_NOT_OWNER", "repo '" + b.repo() + "' exports '"
                                + c.name() + "', which is owned by '" + c.owner() + "'", d.name(), c.name(), b.repo(),
                                file, 0));
                    }
                    if (!b.role().provides()) {
                        out.add(new Finding(Severity.ERROR, "ROLE_MISMATCH", "repo '" + b.repo() + "' exports '"
                                + e.contract() + "' but its role is " + b.role().yaml(), d.name(), e.contract(),
                                b.repo(), file, 0));
                    }
                }
                for (ImportBinding i : b.imports()) {
                    if (!d.contracts().containsKey(i.contract())) {
                        out.add(unknownContract(d, b, i.contract(), file));
                    }
                    if (!b.role().consumes()) {
                        out.add(new Finding(Severity.ERROR, "ROLE_MISMATCH", "repo '" + b.repo() + "' imports '"
                                + i.contract() + "' but its role is " + b.role().yaml(), d.name(), i.contract(),
                                b.repo(), file, 0));
                    }
                    if (i.resolvedVersion() != null && !Version.isValid(i.resolvedVersion())) {
                        out.add(new Finding(Severity.ERROR, "RESOLVED_VERSION_INVALID", "resolved_version '"
                                + i.resolvedVersion() + "' of '" + i.contract() + "' is not a SemVer version", d.name(),
                                i.contract(), b.repo(), file, 0));
                    }
                }
            }
        }
        return out;
    }

    private static Finding unknownContract(DomainModel d, Binding b, String contract, String file) {
        return new Finding(Severity.ERROR, "BINDING_UNKNOWN_CONTRACT", "repo '" + b.repo() + "' binds contract '"
                + contract + "', which domain '" + d.name() + "' does not have", d.name(), contract, b.repo(), file, 0);
    }
}
