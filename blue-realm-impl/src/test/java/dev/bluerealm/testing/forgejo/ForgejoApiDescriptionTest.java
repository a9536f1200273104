package dev.bluerealm.testing.forgejo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The description itself: matching, parameter and body checks, response checks. */
class ForgejoApiDescriptionTest {
    private static ForgejoApiDescription api;

    @BeforeAll
    static void load() throws Exception {
        api = ForgejoServer.descriptionOrSkip();
    }

    @Test
    void match_templatesAndWildcardBranch_resolveToForgejoOperations() {
        assertEquals("repoGetPullRequest", api.match("GET", "/repos/o/r/pulls/7").orElseThrow().operationId());
        assertEquals("7", api.match("GET", "/repos/o/r/pulls/7").orElseThrow().pathParameters().get("index"));
        assertEquals("repoListPullRequests", api.match("GET", "/repos/o/r/pulls").orElseThrow().operationId());
        assertEquals("issueSearchIssues", api.match("GET", "/repos/issues/search").orElseThrow().operationId());
        ForgejoApiDescription.Match delete = api.match("DELETE", "/repos/o/r/branches/sync%2Fa/b").orElseThrow();
        assertEquals("repoDeleteBranch", delete.operationId());
        assertEquals("sync/a/b", delete.pathParameters().get("branch"));
        assertTrue(api.match("PUT", "/version").isEmpty());
        assertTrue(api.pathExists("/version"));
        assertFalse(api.pathExists("/no/such/thing/here/at/all"));
    }

    @Test
    void checkRequest_mistypedQueryAndMissingRequiredField_areReported() {
        ForgejoApiDescription.Match list = api.match("GET", "/repos/o/r/pulls").orElseThrow();
        assertEquals(List.of(), api.checkRequest(list, Map.of("state", List.of("all"), "limit", List.of("50")), null, null));
        List<String> bad = api.checkRequest(list, Map.of("state", List.of("merged"), "limit", List.of("ten"),
                "head", List.of("x")), null, null);
        assertEquals(3, bad.size(), bad.toString());

        ForgejoApiDescription.Match merge = api.match("POST", "/repos/o/r/pulls/1/merge").orElseThrow();
        assertEquals(List.of(), api.checkRequest(merge, Map.of(), "application/json",
                "{\"Do\":\"merge\",\"delete_branch_after_merge\":true}".getBytes(UTF_8)));
        List<String> noDo = api.checkRequest(merge, Map.of(), "application/json", "{\"do\":\"merge\"}".getBytes(UTF_8));
        assertTrue(noDo.toString().contains("Do"), noDo.toString());
        List<String> wrongType = api.checkRequest(merge, Map.of(), "application/json",
                "{\"Do\":\"merge\",\"delete_branch_after_merge\":\"yes\"}".getBytes(UTF_8));
        assertTrue(wrongType.toString().contains("delete_branch_after_merge"), wrongType.toString());
    }

    @Test
    void checkResponse_wrongTypeUndeclaredStatusAndNulls_areJudgedAsForgejoSendsThem() {
        SpecOperation get = api.match("GET", "/repos/o/r/pulls/1").orElseThrow().operation();
        String ok = "{\"number\":1,\"merged_at\":null,\"merged_by\":null,\"labels\":[],\"created_at\":\"2026-01-02T03:04:05Z\"}";
        assertEquals(List.of(), api.checkResponse(get, 200, "application/json;charset=utf-8", ok.getBytes(UTF_8)));
        List<String> wrong = api.checkResponse(get, 200, "application/json",
                "{\"number\":\"1\",\"title\":null}".getBytes(UTF_8));
        assertEquals(2, wrong.size(), wrong.toString());
        assertTrue(wrong.get(0).contains("number") || wrong.get(1).contains("number"), wrong.toString());
        assertEquals(1, api.checkResponse(get, 418, "application/json", "{}".getBytes(UTF_8)).size());
        List<String> badTime = api.checkResponse(get, 200, "application/json", "{\"created_at\":\"yesterday\"}".getBytes(UTF_8));
        assertTrue(!badTime.isEmpty() && badTime.stream().allMatch(p -> p.contains("/created_at")), badTime.toString());
        SpecOperation merge = api.match("POST", "/repos/o/r/pulls/1/merge").orElseThrow().operation();
        assertEquals(List.of(), api.checkResponse(merge, 405, "application/json",
                "{\"message\":\"Please try again later\",\"url\":\"u\"}".getBytes(UTF_8)));
        assertEquals(List.of(), api.checkResponse(merge, 200, null, new byte[0]));
        assertEquals(1, api.checkResponse(merge, 200, "application/json", "{}".getBytes(UTF_8)).size());
    }
}
