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
 * @param pullRequests open pull requests this repo takes part in (it opened them, or imports what they
 *     change); empty offline and in a realm checkout
 * @since 0.1
 */
public record RealmStatus(String realm, String repo, String url, String commit, List<DomainStatus> domains,
                          List<RepoStatus> repos, List<Finding> findings, List<LocalChange> localChanges,
                          List<PullRequestStatus> pullRequests) {
    public RealmStatus {
        domains = List.copyOf(domains);
        repos = List.copyOf(repos);
        findings = List.copyOf(findings);
        localChanges = List.copyOf(localChanges);
        pullRequests = List.copyOf(pullRequests);
    }

    /**
     * A contract change waiting in an open pull request.
     *
     * @param diff the value's +/- lines against main
     * @param importRange this repo's range when it imports the contract, else null
     * @param satisfied whether {@code toVersion} is in {@code importRange} (true when not an importer)
     * @param acknowledged whether this repo acknowledged {@code toVersion} already
     * @param waitingFor what the pull request still needs before it may merge
     */
    public record PullRequestStatus(int number, String title, String authorRepo, String domain, String contract,
                                    String fromVersion, String toVersion, boolean breaking, List<String> diff,
                                    String importRange, boolean satisfied, boolean acknowledged,
                                    List<String> waitingFor) {
        public PullRequestStatus {
            diff = List.copyOf(diff);
            waitingFor = List.copyOf(waitingFor);
        }
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
     * @param importStatus for an import: {@code current} (bound to the newest version in range),
     *     {@code stale} (a newer in-range version is on main) or {@code pending} (a newer version
     *     waits in an open pull request); else null
     */
    public record ContractStatus(String name, String version, String owner, String importRange,
                                 String resolvedVersion, String importStatus) {}

    /** A member of a domain with its role (null without a binding) and whether it has joined. */
    public record Member(String repo, String role, boolean joined) {}

    /** Another repo of the realm: where it lives, whether it joined, and the domains shared with this one. */
    public record RepoStatus(String name, String location, boolean joined, List<String> sharedDomains) {
        public RepoStatus {
            sharedDomains = List.copyOf(sharedDomains);
        }
    }
}
