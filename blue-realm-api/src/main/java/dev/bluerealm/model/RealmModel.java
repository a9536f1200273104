package dev.bluerealm.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole realm as loaded from one commit: realm.yaml, the repos, and the domains (each map sorted
 * by name). Immutable.
 *
 * @since 0.1
 */
public record RealmModel(RealmConfig config, Map<String, RepoEntry> repos, Map<String, DomainModel> domains) {
    public RealmModel {
        Objects.requireNonNull(config, "config");
        repos = Values.byName("repo", repos, RepoEntry::name);
        domains = Values.byName("domain", domains, DomainModel::name);
    }

    public String name() {
        return config.name();
    }

    public Optional<RepoEntry> repo(String name) {
        return Optional.ofNullable(repos.get(name));
    }

    public Optional<DomainModel> domain(String name) {
        return Optional.ofNullable(domains.get(name));
    }

    /** The governance in force for a domain: its governance.yaml when it has one, else the realm's. */
    public Governance governanceFor(String domain) {
        DomainModel d = domains.get(domain);
        return d != null && d.governance() != null ? d.governance() : config.governance();
    }

    /** The domains that list {@code repo} as a member, in name order. */
    public List<DomainModel> domainsOf(String repo) {
        return domains.values().stream().filter(d -> d.domain().members().contains(repo)).toList();
    }
}
