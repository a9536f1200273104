package dev.bluerealm;

/**
 * An unchecked wrapper for low-level failures a caller cannot act on (a corrupt object database,
 * a bug). Everything a caller can act on is a {@link RealmException}.
 *
 * @since 0.1
 */
public final class RealmInternalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RealmInternalException(String message, Throwable cause) {
        super(message, cause);
    }
}
