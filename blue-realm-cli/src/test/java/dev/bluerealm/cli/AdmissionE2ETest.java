package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.Realm;
import dev.bluerealm.testing.TestRealm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Governance of joins (DESIGN §5 item 7): approval through a pull request, and invitations. */
class AdmissionE2ETest {
    @TempDir Path tmp;
    Cli blue;
    TestRealm t;
    Path aperture;
    Path fungal;

    @BeforeEach
    void realm() throws Exception {
        blue = new Cli(tmp.resolve("blue-home"), tmp.resolve("home"));
        t = new TestRealm(tmp);
        aperture = tmp.resolve("work/aperture");
        fungal = tmp.resolve("work/fungal-image-analysis");
        Realm.createRepository(aperture, Map.of("README.md", "a\n"), TestRealm.ERIC);
        Realm.createRepository(fungal, Map.of("README.md", "f\n"), "fiona@example.com");
        assertEquals(0, blue.run(aperture, "realm", "admin", "init", "--name", "letemcook").code());
        assertEquals(0, blue.run(aperture, "realm", "admin", "join", "letemcook").code());
    }

    private String onMain(String path) throws Exception {
        return t.remoteFileAt(t.remote("letemcook"), "refs/heads/main", path);
    }

    @Test
    void approvalAdmission_joinOpensAPullRequest_anApproverLetsItIn() throws Exception {
        Cli.Result ask = blue.run(fungal, "realm", "admin", "join", "letemcook");
        assertEquals(0, ask.code(), ask.toString());
        assertEquals("""
                ⏳ Join request: PR #1 "join: fungal-image-analysis"
                  The realm's admission is 'approval': an approver runs `blue realm approve 1`,
                  then run `blue realm admin join letemcook` here again to finish.
                """, ask.out());
        assertNull(onMain("repos/fungal-image-analysis.yaml"), "joined without approval");
        assertTrue(!Files.exists(fungal.resolve(".blue/config.yaml")), "config written before the join was merged");
        Cli.Result again = blue.run(fungal, "realm", "admin", "join", "letemcook");
        assertTrue(again.out().contains("PR #1"), "a second request: " + again);

        Cli.Result selfApproval = blue.run(fungal, "realm", "approve", "1");
        assertEquals(1, selfApproval.code(), selfApproval.toString());
        Cli.Result approve = blue.run(aperture, "realm", "approve", "1");
        assertEquals(0, approve.code(), approve.toString());
        assertTrue(approve.out().contains("✓ PR #1 merged"), approve.out());
        assertNotNull(onMain("repos/fungal-image-analysis.yaml"));

        Cli.Result finish = blue.run(fungal, "realm", "admin", "join", "letemcook");
        assertEquals(0, finish.code(), finish.toString());
        assertTrue(Files.exists(fungal.resolve(".blue/config.yaml")));
        assertTrue(blue.run(fungal, "realm", "status").out().startsWith("📊 fungal-image-analysis (in realm: letemcook)"));
    }

    @Test
    void inviteOnly_onlyAnApproverInvites_andTheInvitedRepoJoins() throws Exception {
        // a member who is not an approver: ml-infra joined while the realm was open
        Path mlInfra = tmp.resolve("work/ml-infra");
        Realm.createRepository(mlInfra, Map.of("README.md", "m\n"), "mallory@example.com");
        String approval = onMain("realm.yaml");
        t.commitToRemote("letemcook", Map.of("realm.yaml", approval.replace("admission: approval", "admission: open")),
                "open");
        assertEquals(0, blue.run(mlInfra, "realm", "admin", "join", "letemcook").code());
        t.commitToRemote("letemcook", Map.of("realm.yaml", approval
                .replace("admission: approval", "admission: invite-only")), "invite-only");
        Cli.Result refused = blue.run(fungal, "realm", "admin", "join", "letemcook");
        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.err().contains("blue realm admin invite fungal-image-analysis"), refused.toString());

        Cli.Result notApprover = blue.run(mlInfra, "realm", "admin", "invite", "fungal-image-analysis");
        assertEquals(1, notApprover.code(), notApprover.toString());
        assertTrue(notApprover.err().contains("not an approver"), notApprover.toString());

        Cli.Result invite = blue.run(aperture, "realm", "admin", "invite", "fungal-image-analysis");
        assertEquals(0, invite.code(), invite.toString());
        assertTrue(invite.out().startsWith("✓ Invited fungal-image-analysis to realm 'letemcook'"), invite.out());
        assertTrue(onMain("realm.yaml").contains("fungal-image-analysis"), onMain("realm.yaml"));
        assertTrue(blue.run(aperture, "realm", "admin", "invite", "fungal-image-analysis").out()
                .contains("invited already"));

        Cli.Result join = blue.run(fungal, "realm", "admin", "join", "letemcook");
        assertEquals(0, join.code(), join.toString());
        assertNotNull(onMain("repos/fungal-image-analysis.yaml"));
    }
}
