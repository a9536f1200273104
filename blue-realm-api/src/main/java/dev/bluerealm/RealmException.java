package dev.bluerealm;

import java.util.Objects;

/**
 * The root of every failure a caller of the API can act on. Each carries a stable {@link ErrorCode};
 * subclasses carry the details of their kind of failure.
 *
 * @since 0.1
 */
public abstract class RealmException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    protected RealmException(ErrorCode code, String message) {
        this(code, message, null);
    }

    protected RealmException(ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The machine-readable kind of failure. */
    public ErrorCode code() {
        return code;
    }
}
