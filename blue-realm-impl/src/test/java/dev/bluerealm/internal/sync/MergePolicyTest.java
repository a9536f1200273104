package dev.bluerealm.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.model.Admission;
import dev.bluerealm.model.BreakingChanges;
import dev.bluerealm.model.Governance;
import dev.bluerealm.sync.PullRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DESIGN §5 item 3, rule by rule. */
class MergePolicyTest {
    private static final Instant OPENED = Instant.parse("2026-01-24T15:00:00Z");
    private static final Instant GRACE = OPENED.plusSeconds(14 * 86_400);
    private static final Governance GOV = new Governance(Admission.APPROVAL, List.of("boss@example.com"),
            BreakingChanges.DEFAULT, List.of());
    private static final Map<String, List<String>> MAINTAINERS = Map.of("fungal", List.of("f@example.com"),
            "ml-infra", List.of("m@example.com"));
    private static final List<MergePolicy.Required> BOTH = List.of(new MergePolicy.Required("fungal", "1.5.0"),
            new MergePolicy.Required("ml-infra", "1.5.0"));

    private static PullRequest pr(boolean breaking, PullRequest.Acknowledgement... acks) {
        return new PullRequest(15, "aperture: s3-permissions 1.5.0", "sync/aperture/x", "main", "aperture",
                PullRequest.State.OPEN, List.of("fungal", "ml-infra"), List.of(acks), breaking, GRACE, null);
    }

    private static PullRequest.Acknowledgement ack(String repo, String by, String version) {
        return new PullRequest.Acknowledgement(repo, by, OPENED.plusSeconds(60), version);
    }

    private static MergePolicy.Decision decide(PullRequest pr, Set<String> approvals, Instant now) {
        return MergePolicy.decide(pr, BOTH, MAINTAINERS, approvals, GOV, now);
    }

    @Test
    void everyImporterAcknowledged_merges() {
        assertTrue(decide(pr(false, ack("fungal", "f@example.com", "1.5.0"), ack("ml-infra", "m@example.com", "1.5.0")),
                Set.of(), OPENED).merge());
    }

    @Test
    void oneImporterMissing_waitsForItOrTheGracePeriod() {
        MergePolicy.Decision d = decide(pr(false, ack("fungal", "f@example.com", "1.5.0")), Set.of(), OPENED);
        assertFalse(d.merge());
        assertEquals("ml-infra to acknowledge 1.5.0", d.waitingFor().get(0));
        assertTrue(d.waitingFor().get(1).contains("grace period"));
    }

    @Test
    void acknowledgementByANonMaintainerOrOfAnOlderVersion_doesNotCount() {
        assertFalse(decide(pr(false, ack("fungal", "intruder@example.com", "1.5.0"),
                ack("ml-infra", "m@example.com", "1.5.0")), Set.of(), OPENED).merge());
        assertFalse(decide(pr(false, ack("fungal", "f@example.com", "1.4.1"),
                ack("ml-infra", "m@example.com", "1.5.0")), Set.of(), OPENED).merge());
    }

    @Test
    void graceOver_mergesANonBreakingChange() {
        assertFalse(decide(pr(false), Set.of(), GRACE.minusSeconds(1)).merge());
        assertTrue(decide(pr(false), Set.of(), GRACE).merge());
    }

    @Test
    void breakingChange_neverMergesOnGraceAlone_andNeedsAnApprover() {
        assertFalse(decide(pr(true), Set.of(), GRACE.plusSeconds(86_400 * 365)).merge());
        PullRequest allAcked = pr(true, ack("fungal", "f@example.com", "1.5.0"), ack("ml-infra", "m@example.com", "1.5.0"));
        MergePolicy.Decision unapproved = decide(allAcked, Set.of("someone@example.com"), OPENED);
        assertFalse(unapproved.merge());
        assertTrue(unapproved.waitingFor().get(0).contains("boss@example.com"));
        assertTrue(decide(allAcked, Set.of("boss@example.com"), OPENED).merge());
    }

    @Test
    void breakingChange_whenGovernanceAsksNoApproval_mergesOnAcknowledgements() {
        Governance lax = new Governance(Admission.OPEN, List.of("boss@example.com"), new BreakingChanges(false, 14),
                List.of());
        PullRequest allAcked = pr(true, ack("fungal", "f@example.com", "1.5.0"), ack("ml-infra", "m@example.com", "1.5.0"));
        assertTrue(MergePolicy.decide(allAcked, BOTH, MAINTAINERS, Set.of(), lax, OPENED).merge());
    }

    @Test
    void noImporters_mergesAtOnce_andAClosedPullRequestNever() {
        assertTrue(MergePolicy.decide(pr(false), List.of(), MAINTAINERS, Set.of(), GOV, OPENED).merge());
        PullRequest merged = new PullRequest(15, "t", "h", "main", "aperture", PullRequest.State.MERGED, List.of(),
                List.of(), false, GRACE, "abc");
        assertFalse(MergePolicy.decide(merged, List.of(), MAINTAINERS, Set.of(), GOV, OPENED).merge());
    }
}
