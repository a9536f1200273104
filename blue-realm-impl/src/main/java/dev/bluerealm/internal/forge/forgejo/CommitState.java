package dev.bluerealm.internal.forge.forgejo;

import java.util.Locale;

/** The state of a commit status to post. */
public enum CommitState {
    PENDING, SUCCESS, ERROR, FAILURE, WARNING;

    /** As Forgejo spells it: lower case. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
