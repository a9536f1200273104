package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bluerealm.daemon.client.Session;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The "Active sessions" lines of {@code realm status}: one per repo, this repo first, the RFC's idle rule. */
class SessionLineTest {
    private static final Instant T = Instant.parse("2026-01-24T10:00:00Z");

    private static Session s(long id, String repo, String realm, String rfc, boolean idle, int minute) {
        return new Session(id, repo, realm, "cli-" + id, 100 + id, rfc, T, T.plusSeconds(60L * minute), idle);
    }

    @Test
    void of_groupsByRepo_youFirst_rfcOfTheLatestActiveSession_idleOnlyWhenAllAre() {
        List<StatusCommand.SessionLine> lines = StatusCommand.SessionLine.of(List.of(
                s(1, "fungal-image-analysis", "letemcook", null, true, 1),
                s(2, "aperture", "letemcook", "old-rfc", false, 1),
                s(3, "aperture", "letemcook", "training-metrics-v2", false, 2),
                s(4, "ml-infra", "letemcook", null, true, 1),
                s(5, "ml-infra", "letemcook", null, false, 3),
                s(6, "zeta", "letemcook", null, false, 3),
                s(7, "other", "another-realm", null, false, 3)), "letemcook", "zeta", OptionalLong.of(6));
        assertEquals(List.of(
                new StatusCommand.SessionLine("zeta", true, false, null),
                new StatusCommand.SessionLine("aperture", false, false, "training-metrics-v2"),
                new StatusCommand.SessionLine("fungal-image-analysis", false, true, null),
                new StatusCommand.SessionLine("ml-infra", false, false, null)), lines);
    }

    @Test
    void of_anIdleSessionsRfc_isNotShownAsWorkedOn() {
        assertEquals(List.of(new StatusCommand.SessionLine("aperture", false, true, null)),
                StatusCommand.SessionLine.of(List.of(s(1, "aperture", "letemcook", "old-rfc", true, 1)), "letemcook",
                        "fungal-image-analysis", OptionalLong.empty()));
    }
}
