package dev.bluerealm.testing.forgejo;

import java.util.Objects;

/**
 * One place where a request the server received, or a response it sent, departs from Forgejo's API
 * description.
 *
 * @param exchange the request line, {@code "GET /api/v1/repos/o/r/pulls?limit=x"}
 * @param operationId Forgejo's operationId, or {@code "(none)"} when no operation matched
 * @param problem what is wrong, starting with {@code request} or {@code response}
 */
public record Violation(String exchange, String operationId, String problem) {
    public Violation {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return exchange + " [" + operationId + "]: " + problem;
    }
}
