package dev.bluerealm.internal.forge.forgejo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long to wait before the next attempt: exponential with "equal jitter" (half fixed, half random,
 * so clients that failed together do not retry together), or what the server's {@code Retry-After} says.
 */
final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final Clock clock;
    private final RandomGenerator random;

    Backoff(Duration initial, Duration max, Clock clock, RandomGenerator random) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max, not " + initial + " and " + max);
        }
    }

    /** The wait after failed attempt number {@code attempt} (1-based). */
    Duration after(int attempt) {
        long ceiling = initial.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(ceiling, max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + random.nextLong(capped - half + 1));
    }

    /**
     * The wait a {@code Retry-After} header asks for: delay-seconds or an HTTP-date (RFC 9110 10.2.3);
     * empty when absent or unreadable, never negative.
     */
    Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
