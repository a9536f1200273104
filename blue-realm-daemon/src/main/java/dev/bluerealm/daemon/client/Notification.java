package dev.bluerealm.daemon.client;

import java.time.Instant;
import java.util.List;

/**
 * A notification: a contract change in a realm ({@code changeType} {@code new}, {@code updated} or
 * {@code breaking}).
 *
 * @param pullRequest the pull request number, or null
 * @param acknowledgedBy the repos that acknowledged it ({@code "*"}: acknowledged for all)
 * @since 0.1
 */
public record Notification(long id, String realm, String domain, String contract, String version, String changeType,
                           String fromRepo, List<String> diff, Integer pullRequest, Instant createdAt,
                           List<String> acknowledgedBy) {
    public Notification {
        diff = List.copyOf(diff);
        acknowledgedBy = List.copyOf(acknowledgedBy);
    }
}
