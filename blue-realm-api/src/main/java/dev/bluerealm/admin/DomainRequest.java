package dev.bluerealm.admin;

import dev.bluerealm.model.Names;
import java.util.List;

/**
 * {@code blue realm admin domain create NAME --repos a,b[,c…] [--contract C]}: a domain with one
 * provider and its consumers, optionally with a contract skeleton owned by the provider.
 *
 * @param description or null
 * @param contract the contract skeleton to create, or null
 * @since 0.1
 */
public record DomainRequest(String name, String description, String provider, List<String> consumers,
                            String contract) {
    public DomainRequest {
        Names.require("domain", name);
        Names.require("repo", provider);
        consumers = List.copyOf(consumers);
        consumers.forEach(c -> Names.require("repo", c));
        if (consumers.isEmpty()) {
            throw new IllegalArgumentException("a domain needs at least one consumer besides its provider");
        }
        if (consumers.contains(provider) || consumers.stream().distinct().count() != consumers.size()) {
            throw new IllegalArgumentException("each repo may appear once in a domain: " + provider + ", " + consumers);
        }
        if (contract != null) {
            Names.require("contract", contract);
        }
    }

    /** From {@code --repos a,b,c}: the first is the provider, the rest consumers. */
    public static DomainRequest ofRepos(String name, List<String> repos, String contract) {
        if (repos.size() < 2) {
            throw new IllegalArgumentException("--repos needs at least two repos: the provider first, then consumers");
        }
        return new DomainRequest(name, null, repos.get(0), repos.subList(1, repos.size()), contract);
    }
}
