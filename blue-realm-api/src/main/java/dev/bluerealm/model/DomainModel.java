package dev.bluerealm.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded domain: its domain.yaml, its optional governance override, and its contracts and
 * bindings keyed by name (sorted by name).
 *
 * @param governance the domain's governance.yaml, or null
 * @since 0.1
 */
public record DomainModel(Domain domain, Governance governance, Map<String, Contract> contracts,
                          Map<String, Binding> bindings) {
    public DomainModel {
        Objects.requireNonNull(domain, "domain");
        contracts = Values.byName("contract", contracts, Contract::name);
        bindings = Values.byName("binding", bindings, Binding::repo);
    }

    public String name() {
        return domain.name();
    }

    public Optional<Contract> contract(String name) {
        return Optional.ofNullable(contracts.get(name));
    }

    public Optional<Binding> binding(String repo) {
        return Optional.ofNullable(bindings.get(repo));
    }
}
