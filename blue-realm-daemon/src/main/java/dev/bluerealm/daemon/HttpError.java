package dev.bluerealm.daemon;

import java.util.List;

/** A request the daemon refuses: its HTTP status, a stable {@code code} and a message, sent as {@code {error, code}}. */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String code;
    final transient List<String> allow;

    HttpError(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    HttpError(int status, String code, String message, List<String> allow) {
        super(message);
        this.status = status;
        this.code = code;
        this.allow = List.copyOf(allow);
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, "INVALID_ARGUMENT", message);
    }

    static HttpError notFound(String message) {
        return new HttpError(404, "NOT_FOUND", message);
    }
}
