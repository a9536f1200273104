package dev.bluerealm.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * domains/{domain}/domain.yaml: a relationship between repos. Members need not have joined yet.
 *
 * @param description optional, or null
 * @since 0.1
 */
public record Domain(String name, String description, Instant createdAt, List<String> members) {
    public Domain {
        Names.require("domain", name);
        Objects.requireNonNull(createdAt, "createdAt");
        members = Values.names("member", members);
    }
}
