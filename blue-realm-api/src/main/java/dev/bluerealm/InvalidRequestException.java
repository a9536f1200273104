package dev.bluerealm;

/**
 * Thrown when a request that cannot be carried out as given (INVALID_NAME, INVALID_ARGUMENT, ALREADY_EXISTS, NOT_FOUND, NOT_A_REPOSITORY, IDENTITY_UNKNOWN).
 *
 * @since 0.1
 */
public final class InvalidRequestException extends RealmException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(ErrorCode code, String message) {
        super(code, message);
    }

    public InvalidRequestException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
