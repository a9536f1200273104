package dev.bluerealm.internal.forge.forgejo;

import java.util.Locale;

/** Which pull requests to list. */
public enum PullStateFilter {
    OPEN, CLOSED, ALL;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
