package dev.bluerealm.internal.forge;

import dev.bluerealm.sync.PullRequest;
import java.util.Objects;
import java.util.Set;

/**
 * A pull request as the merge policy sees it: what the API shows plus who approved it.
 *
 * @param approvedBy the identities that approved it (git e-mails on the local forge, logins on Forgejo)
 */
public record ForgePull(PullRequest pullRequest, Set<String> approvedBy) {
    public ForgePull {
        Objects.requireNonNull(pullRequest, "pullRequest");
        approvedBy = Set.copyOf(approvedBy);
    }

    public int number() {
        return pullRequest.number();
    }

    public PullRequest.State state() {
        return pullRequest.state();
    }

    public String head() {
        return pullRequest.head();
    }
}
