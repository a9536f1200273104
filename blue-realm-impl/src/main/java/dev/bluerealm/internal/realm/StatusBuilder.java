package dev.bluerealm.internal.realm;

import dev.bluerealm.contract.Finding;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.model.RepoEntry;
import dev.bluerealm.status.RealmStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds {@link RealmStatus} from a model: the realm as seen from one repo, or whole. */
final class StatusBuilder {
    private StatusBuilder() {}

    static RealmStatus build(RealmModel model, String repo, String url, String commit, List<Finding> findings,
                             List<RealmStatus.LocalChange> localChanges, List<RealmStatus.PullRequestStatus> pulls) {
        List<DomainModel> domains = repo == null ? List.copyOf(model.domains().values()) : model.domainsOf(repo);
        List<RealmStatus.DomainStatus> domainStatus = new ArrayList<>();
        for (DomainModel d : domains) {
            Optional<Binding> mine = repo == null ? Optional.empty() : d.binding(repo);
            List<RealmStatus.ContractStatus> contracts = new ArrayList<>();
            for (Contract c : d.contracts().values()) {
                Optional<ImportBinding> imp = mine.flatMap(b -> b.imports().stream()
                        .filter(i -> i.contract().equals(c.name())).findFirst());
                contracts.add(new RealmStatus.ContractStatus(c.name(), c.version().toString(), c.owner(),
                        imp.map(ImportBinding::range).orElse(null), imp.map(ImportBinding::resolvedVersion).orElse(null),
                        imp.map(i -> importStatus(d.name(), c, i, pulls)).orElse(null)));
            }
            List<RealmStatus.Member> members = d.domain().members().stream()
                    .map(m -> new RealmStatus.Member(m, d.binding(m).map(b -> b.role().yaml()).orElse(null),
                            model.repos().containsKey(m)))
                    .toList();
            domainStatus.add(new RealmStatus.DomainStatus(d.name(), mine.map(b -> b.role().yaml()).orElse(null),
                    contracts, members));
        }
        List<RealmStatus.RepoStatus> repos = new ArrayList<>();
        java.util.Set<String> names = new java.util.TreeSet<>(model.repos().keySet());
        model.domains().values().forEach(d -> names.addAll(d.domain().members()));
        for (String name : names) {
            if (name.equals(repo)) {
                continue;
            }
            RepoEntry entry = model.repos().get(name);
            List<String> shared = domains.stream().filter(d -> d.domain().members().contains(name))
                    .map(DomainModel::name).toList();
            repos.add(new RealmStatus.RepoStatus(name, entry == null ? null : entry.location(), entry != null, shared));
        }
        List<Finding> relevant = repo == null ? findings : findings.stream()
                .filter(f -> f.domain() == null || domains.stream().anyMatch(d -> d.name().equals(f.domain())))
                .toList();
        return new RealmStatus(model.name(), repo, url, commit, domainStatus, repos, relevant, localChanges, pulls);
    }

    private static dev.bluerealm.version.Version version(String text) {
        return text != null && dev.bluerealm.version.Version.isValid(text) ? dev.bluerealm.version.Version.parse(text)
                : null;
    }

    /** DESIGN §5 item 2: pending when an open pull request proposes a newer version, stale when main has one. */
    private static String importStatus(String domain, Contract c, ImportBinding imp,
                                       List<RealmStatus.PullRequestStatus> pulls) {
        dev.bluerealm.version.Version resolved = version(imp.resolvedVersion());
        boolean pending = pulls.stream().anyMatch(p -> p.domain().equals(domain) && p.contract().equals(c.name())
                && p.satisfied() && version(p.toVersion()) != null
                && (resolved == null || version(p.toVersion()).compareTo(resolved) > 0));
        if (pending) {
            return "pending";
        }
        boolean inRange = dev.bluerealm.version.VersionRange.isValid(imp.range())
                && dev.bluerealm.version.VersionRange.parse(imp.range()).matches(c.version());
        return inRange && (resolved == null || c.version().compareTo(resolved) > 0) ? "stale" : "current";
    }
}
