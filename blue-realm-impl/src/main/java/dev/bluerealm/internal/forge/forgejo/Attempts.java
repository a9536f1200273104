package dev.bluerealm.internal.forge.forgejo;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.RealmException;
import dev.bluerealm.RemoteException;
import dev.bluerealm.internal.credentials.Credential;
import dev.bluerealm.internal.forge.forgejo.invoker.ApiException;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a call, retrying what is safe to retry: 429 (the server did not act on it) and connections that
 * never reached the server, for every method; 502, 503, 504 and dropped connections only for idempotent
 * calls, since a POST may have been carried out before the gateway or connection failed.
 */
final class Attempts {
    /** A longer Retry-After than this is not waited for: the caller is told to come back later. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);

    @FunctionalInterface
    interface Call<T> {
        T run() throws ApiException;
    }

    private final int maxAttempts;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final ForgejoErrors errors;

    Attempts(int maxAttempts, Backoff backoff, Sleeper sleeper, ForgejoErrors errors) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least 1 attempt, not " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /** Forgejo's last answer to a call that failed for good, for callers that read some answers themselves. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ApiException answer;
        private final int attempts;

        Failure(ApiException answer, int attempts) {
            super("failed after " + attempts + " attempts", null, false, false);
            this.answer = answer;
            this.attempts = attempts;
        }

        ApiException answer() {
            return answer;
        }

        int attempts() {
            return attempts;
        }
    }

    /** The call's result, retried as the policy allows; a final failure becomes a {@link RealmException}. */
    <T> T run(Operation op, Credential token, Call<T> call) throws RealmException {
        try {
            return tryAll(op, call);
        } catch (Failure f) {
            throw errors.toException(op, f.answer(), token, f.attempts());
        }
    }

    /**
     * The call's result, retried as the policy allows.
     *
     * @throws Failure with Forgejo's last answer when no attempt succeeded
     * @throws RealmException when interrupted while waiting
     */
    <T> T tryAll(Operation op, Call<T> call) throws Failure, RealmException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (ApiException e) {
                Optional<Duration> wait = attempt < maxAttempts ? retryWait(op, e, attempt) : Optional.empty();
                if (wait.isEmpty()) {
                    throw new Failure(e, attempt);
                }
                pause(op, wait.get());
            }
        }
    }

    /** Waits {@code duration} before trying {@code op} again. */
    void pause(Operation op, Duration duration) throws RealmException {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(ErrorCode.REMOTE_ERROR, "interrupted while waiting to retry: " + op.action());
        }
    }

    /** The back-off wait after failed attempt number {@code attempt}. */
    Duration backoff(int attempt) {
        return backoff.after(attempt);
    }

    private Optional<Duration> retryWait(Operation op, ApiException e, int attempt) {
        int code = e.getCode();
        boolean gateway = code == 502 || code == 503 || code == 504;
        boolean dropped = code == 0 && e.getCause() instanceof IOException;
        if (!(code == 429 || ForgejoErrors.notSent(e) || op.idempotent() && (gateway || dropped))) {
            return Optional.empty();
        }
        if (code == 429 || code == 503) {
            Optional<Duration> asked = backoff.retryAfter(retryAfterHeader(e));
            if (asked.isPresent()) {
                return asked.get().compareTo(MAX_RETRY_AFTER) > 0 ? Optional.empty() : asked;
            }
        }
        return Optional.of(backoff.after(attempt));
    }

    private static String retryAfterHeader(ApiException e) {
        return e.getResponseHeaders() == null ? null : e.getResponseHeaders().firstValue("Retry-After").orElse(null);
    }
}
