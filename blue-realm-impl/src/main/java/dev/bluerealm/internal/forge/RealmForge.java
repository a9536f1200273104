package dev.bluerealm.internal.forge;

import dev.bluerealm.RealmException;
import dev.bluerealm.sync.Forge;
import dev.bluerealm.sync.PullRequest;
import java.time.Duration;
import java.util.List;

/**
 * What the sync machinery needs of a forge beyond the API's {@link Forge}: each pull request with
 * who approved it, opening with a grace period of its own, and a place to show the realm check's
 * verdict. Implemented by the embedded local forge and by Forgejo; one merge policy decides for both.
 */
public interface RealmForge extends Forge {
    /** The pull requests in {@code state} (all for null), by number, each with its approvals. */
    List<ForgePull> pulls(PullRequest.State state) throws RealmException;

    /**
     * Opens {@code draft} with its own grace period (a domain's governance may override the realm's);
     * a breaking change has no grace deadline. Opening what is open already returns the open one.
     */
    PullRequest open(Draft draft, Duration gracePeriod) throws RealmException;

    /** Shows the realm check's verdict on the pull request (on Forgejo, a commit status on its head). */
    void report(PullRequest pullRequest, CheckReport report) throws RealmException;

    /** The identities the acting user has on this forge besides its git e-mail (a Forgejo login). */
    List<String> actingIdentities() throws RealmException;
}
