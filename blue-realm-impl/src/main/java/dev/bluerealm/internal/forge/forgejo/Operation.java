package dev.bluerealm.internal.forge.forgejo;

import java.util.Objects;

/**
 * One API call as messages describe it.
 *
 * @param id Forgejo's operationId ({@code repoCreatePullRequest})
 * @param action what was tried, as a verb phrase ({@code open a pull request})
 * @param target what a 404 means is missing ({@code repository acme/widgets})
 * @param idempotent whether repeating it is harmless (GET, PATCH, DELETE), so 5xx and dropped
 *     connections may be retried; a POST that may have succeeded is never repeated
 */
record Operation(String id, String action, String target, boolean idempotent) {
    Operation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
    }

    static Operation read(String id, String action, String target) {
        return new Operation(id, action, target, true);
    }

    static Operation write(String id, String action, String target) {
        return new Operation(id, action, target, false);
    }
}
