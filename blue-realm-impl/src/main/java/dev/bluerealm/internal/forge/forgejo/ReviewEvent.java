package dev.bluerealm.internal.forge.forgejo;

/** The review to submit. Forgejo refuses APPROVED and REQUEST_CHANGES from the pull request's author. */
public enum ReviewEvent {
    APPROVED, REQUEST_CHANGES, COMMENT
}
