package dev.bluerealm.status;

import dev.bluerealm.contract.Finding;
import java.util.List;

/**
 * {@code blue realm status}: the realm as seen from a repo (its domains, its role in each, the
 * contracts with their versions, the other members) or, from a realm checkout, the whole realm.
 *
 * @param repo the repo the realm was opened from, or null in a realm checkout
 * @param commit the realm commit shown
 * @param domains this repo's domains (all domains in a realm checkout), by name
 * @param repos the other member repos, by name
 * @param findings structural findings, such as pending members
 * @since 0.1
 */
public record RealmStatus(String realm, String repo, String url, String commit, List<DomainStatus> domains,
                          List<RepoStatus> repos, List<Finding> findings, List<LocalChange> localChanges) {
    public RealmStatus {
        domains = List.copyOf(domains);
        repos = List.copyOf(repos);
        findings = List.copyOf(findings);
        localChanges = List.copyOf(localChanges);
    }

    /**
     * A contract this repo exports whose value in the code differs from the realm's (the RFC's
     * "Contract change detected"): the +/- lines and the importers it affects.
     */
    public record LocalChange(String domain, String contract, String version, List<String> diff,
                              List<Importer> importers) {
        public LocalChange {
            diff = List.copyOf(diff);
            importers = List.copyOf(importers);
        }
    }

    /** An importer of a contract and its declared range. */
    public record Importer(String repo, String range) {}

    /**
     * A domain: this repo's role (null in a realm checkout), its contracts and members.
     */
    public record DomainStatus(String name, String role, List<ContractStatus> contracts, List<Member> members) {
        public DomainStatus {
            contracts = List.copyOf(contracts);
            members = List.copyOf(members);
        }
    }

    /**
     * A contract: version and owner; for a contract this repo imports, its range and resolved version.
     *
     * @param importRange or null
     * @param resolvedVersion or null
     */
    public record ContractStatus(String name, String version, String owner, String importRange,
                                 String resolvedVersion) {}

    /** A member of a domain with its role (null without a binding) and whether it has joined. */
    public record Member(String repo, String role, boolean joined) {}

    /** Another repo of the realm: where it lives, whether it joined, and the domains shared with this one. */
    public record RepoStatus(String name, String location, boolean joined, List<String> sharedDomains) {
        public RepoStatus {
            sharedDomains = List.copyOf(sharedDomains);
        }
    }
}
