package dev.bluerealm.internal.hooks;

/** A script path or file that must not be read or run; the message says why and what to do. */
public final class HookRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public HookRefusedException(String message) {
        super(message);
    }
}
