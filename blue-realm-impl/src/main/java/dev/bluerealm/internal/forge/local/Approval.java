package dev.bluerealm.internal.forge.local;

import java.time.Instant;
import java.util.Objects;

/**
 * A governance approver's approval of a pull request (a breaking change or a join), as the local
 * forge stores it. The API's {@code PullRequest} has no approvals yet; {@link LocalForge#approvals}
 * returns them.
 *
 * @param by the approver's identity (a git e-mail address)
 * @param at when it was recorded
 */
public record Approval(String by, Instant at) {
    public Approval {
        PullRecord.word("approval 'by'", by);
        Objects.requireNonNull(at, "approval 'at' is missing");
    }
}
