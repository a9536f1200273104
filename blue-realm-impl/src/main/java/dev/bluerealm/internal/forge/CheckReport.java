package dev.bluerealm.internal.forge;

import java.util.Objects;

/**
 * The realm check's verdict on a pull request, as a forge shows it.
 *
 * @param description one line: what it waits for, or why it failed
 */
public record CheckReport(Verdict verdict, String description) {
    /** The name under which the verdict appears on a forge (a Forgejo commit status context). */
    public static final String CONTEXT = "blue/realm-check";

    public enum Verdict { PENDING, SUCCESS, FAILURE }

    public CheckReport {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(description, "description");
    }
}
