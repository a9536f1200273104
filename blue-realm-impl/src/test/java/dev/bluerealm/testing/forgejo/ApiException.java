package dev.bluerealm.testing.forgejo;

/** An error answer, written as Forgejo's {@code APIError} ({@code message}, {@code url}). */
final class ApiException extends RuntimeException {
    private final int status;

    ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    /** Forgejo's {@code ctx.NotFound()} answer. */
    static ApiException notFound() {
        return new ApiException(404, "The target couldn't be found.");
    }
}
