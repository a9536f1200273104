package dev.bluerealm.model;

import java.util.List;
import java.util.Objects;

/**
 * A cycle in the repo dependency graph: repos joined by the domains whose edges close the loop.
 * {@code toString()} spells it as the RFC does: {@code a → (s3-access) → b → (feedback-loop) → a}.
 *
 * @since 0.1
 */
public record DependencyCycle(List<Hop> hops) {
    /** The RFC's three suggestions, printed after a refused cycle. */
    public static final String SUGGESTIONS = """
            Consider:
              - Merging domains into a single coordination context
              - Restructuring the dependency direction
              - Using a hub-and-spoke pattern""";

    /** One edge of the cycle: {@code from} depends-upon-by {@code to} through {@code domain}. */
    public record Hop(String from, String domain, String to) {
        public Hop {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(to, "to");
        }
    }

    public DependencyCycle {
        hops = List.copyOf(hops);
        if (hops.isEmpty()) {
            throw new IllegalArgumentException("a cycle has at least one hop");
        }
        for (int i = 0; i < hops.size(); i++) {
            if (!hops.get(i).to().equals(hops.get((i + 1) % hops.size()).from())) {
                throw new IllegalArgumentException("hops do not close a cycle: " + hops);
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(hops.get(0).from());
        for (Hop hop : hops) {
            out.append(" → (").append(hop.domain()).append(") → ").append(hop.to());
        }
        return out.toString();
    }
}
