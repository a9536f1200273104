package dev.bluerealm.testing.forgejo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** The server's checks cannot pass vacuously: wrong responses and wrong requests become violations. */
class ForgejoServerValidationTest {
    @TempDir
    Path root;

    @Test
    void tamperedResponse_wrongFieldType_isAViolationAndFailsTheAssertion() throws Exception {
        try (ForgejoServer forgejo = ForgejoServer.builder(root)
                .tamperResponses((op, body) -> op.equals("userGetCurrent") ? ((ObjectNode) body).put("id", "7") : body)
                .start()) {
            forgejo.createUser("alice");
            RawClient alice = RawClient.withToken(forgejo, forgejo.createToken("alice", "read:user"));
            assertEquals(200, alice.get("/user").status());
            assertEquals(200, alice.get("/users/alice").status(), "another operation is not tampered with");
            List<Violation> v = forgejo.violations();
            assertEquals(1, v.size(), v.toString());
            assertEquals("userGetCurrent", v.get(0).operationId());
            assertTrue(v.get(0).problem().startsWith("response body /id: "), v.get(0).problem());
            assertThrows(AssertionError.class, forgejo::assertNoViolations);
        }
    }

    @Test
    void wrongRequests_mistypedQueryMissingRequiredFieldUnknownRoute_areViolations() throws Exception {
        try (ForgejoServer forgejo = ForgejoServer.builder(root).start()) {
            forgejo.createUser("alice");
            RawClient alice = RawClient.withToken(forgejo, forgejo.createToken("alice", "all"));
            assertEquals(201, alice.post("/user/repos", "{\"name\":\"r\",\"auto_init\":true}").status());
            forgejo.assertNoViolations();

            assertEquals(200, alice.get("/repos/alice/r/pulls?limit=ten&state=merged").status());
            RawClient.Answer noName = alice.post("/user/repos", "{\"description\":\"no name\"}");
            assertEquals(422, noName.status());
            assertEquals("[Name]: Required", noName.message());
            assertEquals(404, alice.get("/repos/alice/r/frobnicate").status());
            assertEquals(405, alice.send("PUT", "/version", null).status());

            List<String> problems = forgejo.violations().stream().map(Violation::problem).toList();
            assertEquals(5, problems.size(), problems.toString());
            assertTrue(problems.get(0).contains("state = \"merged\" is not one of"), problems.get(0));
            assertTrue(problems.get(1).contains("limit = \"ten\" is not an integer"), problems.get(1));
            assertTrue(problems.get(2).startsWith("request body ") && problems.get(2).contains("name"), problems.get(2));
            assertTrue(problems.get(3).contains("no path"), problems.get(3));
            assertTrue(problems.get(4).contains("PUT is not declared"), problems.get(4));
        }
    }

    @Test
    void lenientServer_unknownRoute_isAnsweredWithoutAViolation() throws Exception {
        try (ForgejoServer forgejo = ForgejoServer.builder(root).strict(false).start()) {
            assertEquals(404, RawClient.anonymous(forgejo).get("/no/such/route").status());
            forgejo.assertNoViolations();
        }
    }
}
