package dev.bluerealm.internal.sync;

import dev.bluerealm.internal.git.RealmStore;
import dev.bluerealm.sync.Forge;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The commit message of a sync branch's commit: the pull request's title and body, then trailers
 * with the rest of its draft ({@code Blue-Sync-Repo}, {@code Blue-Reviewers}, {@code Blue-Breaking},
 * {@code Blue-Grace-Days}). Whoever finds the branch without its pull request can open it exactly
 * as the interrupted sync would have.
 */
final class SyncCommits {
    private static final String REPO = "Blue-Sync-Repo: ";
    private static final String REVIEWERS = "Blue-Reviewers: ";
    private static final String BREAKING = "Blue-Breaking: ";
    private static final String GRACE = "Blue-Grace-Days: ";

    private SyncCommits() {}

    /** A draft recovered from a commit, with its grace period. */
    record Interrupted(Forge.Draft draft, int graceDays) {}

    static String message(Forge.Draft d, int graceDays) {
        return d.title() + "\n\n" + d.body().strip() + "\n\n" + REPO + d.authorRepo() + "\n" + REVIEWERS
                + String.join(", ", d.reviewers()) + "\n" + BREAKING + d.breaking() + "\n" + GRACE + graceDays + "\n";
    }

    /** The draft in {@code message} for {@code branch}, or empty when it is not a sync commit's message. */
    static Optional<Interrupted> parse(String message, String branch) {
        List<String> lines = new ArrayList<>(message.strip().lines().toList());
        if (lines.size() < 5) {
            return Optional.empty();
        }
        int n = lines.size();
        String repo = value(lines.get(n - 4), REPO);
        String reviewers = value(lines.get(n - 3), REVIEWERS);
        String breaking = value(lines.get(n - 2), BREAKING);
        String grace = value(lines.get(n - 1), GRACE);
        if (repo == null || reviewers == null || breaking == null || grace == null || !grace.matches("[0-9]{1,4}")) {
            return Optional.empty();
        }
        String title = lines.get(0);
        String body = String.join("\n", lines.subList(1, n - 4)).strip() + "\n";
        List<String> who = reviewers.isBlank() ? List.of() : List.of(reviewers.split(", "));
        return Optional.of(new Interrupted(new Forge.Draft(title, body, branch, RealmStore.BRANCH, repo, who,
                Boolean.parseBoolean(breaking)), Integer.parseInt(grace)));
    }

    private static String value(String line, String key) {
        return line.startsWith(key) ? line.substring(key.length()).strip() : null;
    }
}
