package dev.bluerealm.internal.sync;

import dev.bluerealm.internal.check.SyncSupport;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.sync.PullRequest;
import java.time.Instant;
import java.util.List;

/**
 * Everything a sync plan is computed from, read beforehand: the realm's main, this repo's exports
 * as its code has them, the contracts the open pull requests change, and the time.
 *
 * @param ack contracts to acknowledge without the importer hook
 */
public record SyncInputs(RealmModel model, String repo, List<SyncSupport.LocalExport> exports, List<Pending> pending,
                         List<String> ack, Instant now) {
    public SyncInputs {
        exports = List.copyOf(exports);
        pending = List.copyOf(pending);
        ack = List.copyOf(ack);
    }

    /** A contract as an open pull request's branch has it (changed from main). */
    public record Pending(PullRequest pullRequest, String domain, Contract contract) {}
}
