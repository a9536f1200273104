package dev.bluerealm;

/**
 * Thrown when the engine cannot be found or chosen (NO_PROVIDER, MULTIPLE_PROVIDERS).
 *
 * @since 0.1
 */
public final class ProviderException extends RealmException {
    private static final long serialVersionUID = 1L;

    public ProviderException(ErrorCode code, String message) {
        super(code, message);
    }

    public ProviderException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
