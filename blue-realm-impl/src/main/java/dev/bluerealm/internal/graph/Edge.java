package dev.bluerealm.internal.graph;

import dev.bluerealm.model.DependencyCycle;
import java.util.Objects;

/**
 * One dependency edge: {@code to} depends on {@code from} through the domain {@code domain}
 * (provider → consumer, exporter → importer).
 */
public record Edge(String from, String domain, String to) {
    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(to, "to");
    }

    /** True for an edge from a repo to itself, which is a cycle on its own. */
    public boolean isSelfLoop() {
        return from.equals(to);
    }

    DependencyCycle.Hop toHop() {
        return new DependencyCycle.Hop(from, domain, to);
    }
}
