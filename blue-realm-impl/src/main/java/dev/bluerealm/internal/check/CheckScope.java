package dev.bluerealm.internal.check;

import dev.bluerealm.contract.CheckRequest;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.RealmModel;
import java.util.ArrayList;
import java.util.List;

/**
 * What a check covers (DESIGN §4): in a realm checkout, every contract and binding; in a
 * participating repo, the contracts it exports, imports or owns and its own bindings. {@code --domain}
 * and {@code --contract} narrow either.
 */
record CheckScope(RealmModel model, String repo, String domain, String contract) {

    static CheckScope of(RealmModel model, String repo, CheckRequest request) {
        return new CheckScope(model, repo, request.domain(), request.contract());
    }

    boolean inRealmCheckout() {
        return repo == null;
    }

    /** A contract of a domain, in scope. */
    record Scoped(DomainModel domain, Contract contract) {}

    /** A binding of a domain, in scope. */
    record ScopedBinding(DomainModel domain, Binding binding) {}

    List<DomainModel> domains() {
        List<DomainModel> out = new ArrayList<>();
        for (DomainModel d : model.domains().values()) {
            if (domain == null || domain.equals(d.name())) {
                out.add(d);
            }
        }
        return out;
    }

    List<Scoped> contracts() {
        List<Scoped> out = new ArrayList<>();
        for (DomainModel d : domains()) {
            for (Contract c : d.contracts().values()) {
                if (contract != null && !contract.equals(c.name())) {
                    continue;
                }
                if (repo == null || c.owner().equals(repo) || d.binding(repo).map(b -> touches(b, c.name())).orElse(false)) {
                    out.add(new Scoped(d, c));
                }
            }
        }
        return out;
    }

    /** Bindings in scope: this repo's (or every one in a realm checkout). */
    List<ScopedBinding> bindings() {
        List<ScopedBinding> out = new ArrayList<>();
        for (DomainModel d : domains()) {
            for (Binding b : d.bindings().values()) {
                if (repo == null || repo.equals(b.repo())) {
                    out.add(new ScopedBinding(d, b));
                }
            }
        }
        return out;
    }

    boolean wants(String contractName) {
        return contract == null || contract.equals(contractName);
    }

    private static boolean touches(Binding b, String contract) {
        return b.exports().stream().anyMatch(e -> e.contract().equals(contract))
                || b.imports().stream().anyMatch(i -> i.contract().equals(contract));
    }
}
