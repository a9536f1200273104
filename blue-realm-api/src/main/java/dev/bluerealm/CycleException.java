package dev.bluerealm;

import dev.bluerealm.model.DependencyCycle;

/**
 * A domain or binding change was refused because it would create a dependency cycle between
 * repos. The message is the RFC's: the cycle spelled out, then three suggestions.
 *
 * @since 0.1
 */
public final class CycleException extends RealmException {
    private static final long serialVersionUID = 1L;
    private final transient DependencyCycle cycle;

    public CycleException(String change, DependencyCycle cycle) {
        super(ErrorCode.CYCLE, change + " creates a cycle:\n  " + cycle + "\n\n" + DependencyCycle.SUGGESTIONS);
        this.cycle = cycle;
    }

    /** The cycle the change would have created. */
    public DependencyCycle cycle() {
        return cycle;
    }
}
