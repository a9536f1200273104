package dev.bluerealm;

/**
 * Thrown when a well-formed request the realm's rules refuse (ADMISSION_REFUSED, LEAVE_REFUSED,
 * NOT_OPEN, MERGE_CONFLICT, MERGE_BLOCKED).
 *
 * @since 0.1
 */
public final class RefusedException extends RealmException {
    private static final long serialVersionUID = 1L;

    public RefusedException(ErrorCode code, String message) {
        super(code, message);
    }

    public RefusedException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
