package dev.bluerealm;

/**
 * Thrown when the realm remote failed (REMOTE_ERROR, PUSH_REJECTED) or a local file could not be written (IO_ERROR).
 *
 * @since 0.1
 */
public final class RemoteException extends RealmException {
    private static final long serialVersionUID = 1L;

    public RemoteException(ErrorCode code, String message) {
        super(code, message);
    }

    public RemoteException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
