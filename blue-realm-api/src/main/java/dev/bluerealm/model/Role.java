package dev.bluerealm.model;

/**
 * A repo's role in a domain (its binding's {@code role}).
 *
 * @since 0.1
 */
public enum Role {
    PROVIDER("provider"),
    CONSUMER("consumer"),
    BOTH("both");

    private final String yaml;

    Role(String yaml) {
        this.yaml = yaml;
    }

    /** The spelling used in realm files. */
    public String yaml() {
        return yaml;
    }

    /** True for provider and both: the repo's side of the domain is depended upon. */
    public boolean provides() {
        return this != CONSUMER;
    }

    /** True for consumer and both: the repo depends on the domain's providers. */
    public boolean consumes() {
        return this != PROVIDER;
    }
}
