package dev.bluerealm.internal.realm;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.RefusedException;
import dev.bluerealm.model.Admission;
import dev.bluerealm.model.BreakingChanges;
import dev.bluerealm.model.Governance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may join directly under each admission policy (the approval and invite flows come with sync). */
class AdmissionTest {
    static final String ERIC = "eric@example.com";

    private static Governance governance(Admission admission, List<String> invites) {
        return new Governance(admission, List.of(ERIC), BreakingChanges.DEFAULT, invites);
    }

    @Test
    void open_admitsAnyone() {
        assertDoesNotThrow(() -> AdminPlans.admit(governance(Admission.OPEN, List.of()), "ml-infra", "x@example.com"));
    }

    @Test
    void approval_admitsApproversCaseInsensitively_refusesOthersNamingTheApprovers() {
        assertDoesNotThrow(() -> AdminPlans.admit(governance(Admission.APPROVAL, List.of()), "a", "Eric@Example.com"));
        RefusedException e = assertThrows(RefusedException.class,
                () -> AdminPlans.admit(governance(Admission.APPROVAL, List.of()), "a", "x@example.com"));
        assertEquals(ErrorCode.ADMISSION_REFUSED, e.code());
        assertTrue(e.getMessage().contains(ERIC), e.getMessage());
    }

    @Test
    void inviteOnly_admitsInvitedReposAndApprovers_refusesOthersSayingHowToInvite() {
        Governance g = governance(Admission.INVITE_ONLY, List.of("ml-infra"));
        assertDoesNotThrow(() -> AdminPlans.admit(g, "ml-infra", "x@example.com"));
        assertDoesNotThrow(() -> AdminPlans.admit(g, "other", ERIC));
        RefusedException e = assertThrows(RefusedException.class, () -> AdminPlans.admit(g, "other", "x@example.com"));
        assertTrue(e.getMessage().contains("blue realm admin invite other"), e.getMessage());
    }

    @Test
    void approval_withoutApprovers_saysToConfigureOne() {
        Governance g = new Governance(Admission.APPROVAL, List.of(), BreakingChanges.DEFAULT, List.of());
        RefusedException e = assertThrows(RefusedException.class, () -> AdminPlans.admit(g, "a", "x@example.com"));
        assertTrue(e.getMessage().contains("governance.approvers"), e.getMessage());
    }
}
