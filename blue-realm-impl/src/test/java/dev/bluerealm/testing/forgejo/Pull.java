package dev.bluerealm.testing.forgejo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A pull request; guarded by the {@link Forge}'s lock. */
final class Pull {
    final long id;
    final long number;
    final Account poster;
    final String head;
    final Instant created;
    final Map<String, Account> requestedReviewers = new LinkedHashMap<>();
    final List<Review> reviews = new ArrayList<>();
    String title;
    String body;
    String base;
    String headSha;
    boolean closed;
    boolean merged;
    Instant updated;
    Instant closedAt;
    Instant mergedAt;
    Account mergedBy;
    String mergeCommitSha;
    int comments;
    /** How many more observations (a GET of this PR, a merge attempt) before its conflict check is done. */
    int pendingChecks;

    Pull(long id, long number, Account poster, String head, String base, String headSha, String title, String body,
            Instant created) {
        this.id = id;
        this.number = number;
        this.poster = poster;
        this.head = head;
        this.base = base;
        this.headSha = headSha;
        this.title = title;
        this.body = body;
        this.created = created;
        this.updated = created;
    }
}
