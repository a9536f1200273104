package dev.bluerealm;

/**
 * Thrown when no realm where one was expected (NOT_IN_REALM, REALM_NOT_FOUND).
 *
 * @since 0.1
 */
public final class RealmNotFoundException extends RealmException {
    private static final long serialVersionUID = 1L;

    public RealmNotFoundException(ErrorCode code, String message) {
        super(code, message);
    }

    public RealmNotFoundException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
