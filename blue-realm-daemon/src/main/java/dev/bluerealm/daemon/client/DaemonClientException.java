package dev.bluerealm.daemon.client;

import java.io.IOException;

/**
 * The daemon could not be reached, belongs to another {@code BLUE_HOME}, or refused the request.
 *
 * @since 0.1
 */
public final class DaemonClientException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public DaemonClientException(String message, int status, String code, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** The daemon's error code ({@code NOT_FOUND}, ...), {@code UNREACHABLE}, or {@code OTHER_BLUE_HOME}. */
    public String code() {
        return code;
    }
}
