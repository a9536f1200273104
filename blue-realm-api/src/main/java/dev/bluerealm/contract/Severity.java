package dev.bluerealm.contract;

/**
 * How serious a {@link Finding} is. Exit codes follow it: any error → 1, warnings only → 2.
 *
 * @since 0.1
 */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The lower-case spelling used in {@code --json} output. */
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
