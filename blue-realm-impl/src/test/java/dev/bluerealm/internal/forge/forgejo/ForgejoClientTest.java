package dev.bluerealm.internal.forge.forgejo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.RealmException;
import dev.bluerealm.internal.credentials.Credential;
import dev.bluerealm.internal.forge.forgejo.CannedForgejo.Reply;
import dev.bluerealm.internal.forge.forgejo.CannedForgejo.Request;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ForgejoClientTest {
    private static final String TOKEN = "f0rgej0-s3cret-token-1234";
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final Instant NOW = Instant.parse("2026-01-24T10:30:00Z");

    private CannedForgejo server;
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private ForgejoClient forgejo;

    @BeforeEach
    void start() throws Exception {
        server = CannedForgejo.start();
        forgejo = ForgejoClient.builder(server.url() + "/", () -> new Credential("token", TOKEN, "env BLUE_FORGEJO_TOKEN"))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).sleeper(waits::add).random(new Random(7)).maxAttempts(3)
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(2)).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void currentUser_anyCall_sendsTheTokenHeader() throws Exception {
        server.on("GET /api/v1/user", Reply.json(200, "{\"id\":3,\"login\":\"eric\",\"full_name\":\"Eric\",\"email\":\"eric@example.com\",\"is_admin\":false}"));
        assertEquals(new ForgejoUser(3, "eric", "Eric", "eric@example.com"), forgejo.currentUser());
        assertEquals("token " + TOKEN, server.requests().get(0).authorization());
    }

    @Test
    void version_subpathBaseUrl_callsUnderTheSubpath() throws Exception {
        ForgejoClient sub = ForgejoClient.builder(server.url() + "/git", () -> new Credential("token", TOKEN, "t")).build();
        server.on("GET /git/api/v1/version", Reply.json(200, "{\"version\":\"11.0.1+gitea-1.22.0\"}"));
        assertEquals("11.0.1+gitea-1.22.0", sub.version());
    }

    @Test
    void pulls_threePages_readsEveryPage() throws Exception {
        String base = "GET /api/v1/repos/acme/realm/pulls?state=open&page=";
        String link = "<" + server.url() + "/api/v1/repos/acme/realm/pulls?page=%d&limit=50>; rel=\"%s\"";
        server.on(base + "1&limit=50", Reply.json(200, pulls(1, 50)).with("Link", String.format(link, 2, "next") + ", "
                        + String.format(link, 3, "last")))
                .on(base + "2&limit=50", Reply.json(200, pulls(51, 50)).with("Link", String.format(link, 3, "next") + ", "
                        + String.format(link, 1, "prev")))
                .on(base + "3&limit=50", Reply.json(200, pulls(101, 7)).with("Link", String.format(link, 2, "prev") + ", "
                        + String.format(link, 1, "first")));

        List<ForgejoPull> all = forgejo.pulls("acme", "realm", PullStateFilter.OPEN);

        assertEquals(numbers(1, 107), all.stream().map(ForgejoPull::number).toList());
        assertEquals(List.of("state=open&page=1&limit=50", "state=open&page=2&limit=50", "state=open&page=3&limit=50"),
                server.requests().stream().map(Request::query).toList());
    }

    @Test
    void reviews_noLinkHeader_stopsAtXTotalCount() throws Exception {
        String path = "GET /api/v1/repos/acme/realm/pulls/4/reviews?page=";
        // a server whose MAX_RESPONSE_ITEMS is 2 answers short pages: the total, not the page size, decides
        server.on(path + "1&limit=50", Reply.json(200, "[" + review(1) + "," + review(2) + "]").with("X-Total-Count", "3"))
                .on(path + "2&limit=50", Reply.json(200, "[" + review(3) + "]").with("X-Total-Count", "3"));
        assertEquals(List.of(1L, 2L, 3L), forgejo.reviews("acme", "realm", 4).stream().map(ForgejoReview::id).toList());
        assertEquals(2, server.requests().size());
    }

    @Test
    void repository_503Then200_retriesAndSucceeds() throws Exception {
        server.on("GET /api/v1/repos/acme/realm", Reply.json(503, "busy"), Reply.json(200, repo()));
        assertEquals("acme/realm", forgejo.repository("acme", "realm").fullName());
        assertEquals(2, server.requests().size());
        assertEquals(1, waits.size());
        assertTrue(waits.get(0).compareTo(Duration.ofMillis(50)) >= 0 && waits.get(0).compareTo(Duration.ofMillis(100)) <= 0,
                "first back-off is 50..100 ms (half of 100 ms fixed, half jitter): " + waits);
    }

    @Test
    void repository_429WithRetryAfterSeconds_waitsWhatTheServerAsks() throws Exception {
        server.on("GET /api/v1/repos/acme/realm", Reply.json(429, "{\"message\":\"slow down\"}").with("Retry-After", "7"),
                Reply.json(200, repo()));
        forgejo.repository("acme", "realm");
        assertEquals(List.of(Duration.ofSeconds(7)), waits);
    }

    @Test
    void repository_503WithRetryAfterDate_waitsUntilThatDate() throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(30).atOffset(ZoneOffset.UTC));
        server.on("GET /api/v1/repos/acme/realm", Reply.json(503, "").with("Retry-After", date), Reply.json(200, repo()));
        forgejo.repository("acme", "realm");
        assertEquals(List.of(Duration.ofSeconds(30)), waits);
    }

    @Test
    void repository_503EveryTime_givesUpAfterMaxAttempts() {
        server.on("GET /api/v1/repos/acme/realm", Reply.json(503, "busy"));
        RealmException e = assertThrows(RealmException.class, () -> forgejo.repository("acme", "realm"));
        assertEquals(ErrorCode.REMOTE_ERROR, e.code());
        assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
        assertEquals(3, server.requests().size());
        assertEquals(2, waits.size());
    }

    @Test
    void openPull_500_isNotRetried() {
        server.on("POST /api/v1/repos/acme/realm/pulls", Reply.json(500, "{\"message\":\"\",\"url\":\"\"}"), Reply.json(201, pull(9, true, false)));
        RealmException e = assertThrows(RealmException.class, () -> forgejo.openPull("acme", "realm", "sync/a/1", "main", "t", "b"));
        assertEquals(ErrorCode.REMOTE_ERROR, e.code());
        assertTrue(e.getMessage().contains("not retried because it may have been carried out"), e.getMessage());
        assertEquals(1, server.requests().size());
        assertEquals(List.of(), waits);
    }

    @Test
    void openPull_503_isNotRetried() {
        server.on("POST /api/v1/repos/acme/realm/pulls", Reply.json(503, "busy"), Reply.json(201, pull(9, true, false)));
        assertThrows(RealmException.class, () -> forgejo.openPull("acme", "realm", "sync/a/1", "main", "t", "b"));
        assertEquals(1, server.requests().size());
    }

    @Test
    void openPull_429_isRetried() throws Exception {
        server.on("POST /api/v1/repos/acme/realm/pulls", Reply.json(429, "").with("Retry-After", "1"), Reply.json(201, pull(9, true, false)));
        ForgejoPull pull = forgejo.openPull("acme", "realm", "sync/a/1", "main", "Sync a", "body");
        assertEquals(9, pull.number());
        assertEquals(2, server.requests().size());
        assertTrue(server.requests().get(1).body().contains("\"head\":\"sync/a/1\""), server.requests().get(1).body());
    }

    @Test
    void openPull_409_saysOneIsOpenAlready() {
        server.on("POST /api/v1/repos/acme/realm/pulls", Reply.json(409, "{\"message\":\"pull request already exists for these targets\"}"));
        RealmException e = assertThrows(RealmException.class, () -> forgejo.openPull("acme", "realm", "sync/a/1", "main", "t", "b"));
        assertEquals(ErrorCode.ALREADY_EXISTS, e.code());
        assertTrue(e.getMessage().contains("is open already"), e.getMessage());
    }

    @Test
    void anyCall_401_saysHowToProvideAToken() {
        server.on("GET /api/v1/user", Reply.json(401, "{\"message\":\"user does not exist\",\"url\":\"\"}"));
        RealmException e = assertThrows(RealmException.class, () -> forgejo.currentUser());
        assertEquals(ErrorCode.REMOTE_ERROR, e.code());
        assertTrue(e.getMessage().contains("refused the token from env BLUE_FORGEJO_TOKEN"), e.getMessage());
        assertTrue(e.getMessage().contains("BLUE_FORGEJO_TOKEN (or BLUE_REALM_TOKEN), a git credential helper"), e.getMessage());
        assertTokenAbsent(e);
    }

    @Test
    void anyCall_403MissingScope_namesTheScope() {
        server.on("POST /api/v1/repos/acme/realm/issues/4/comments",
                Reply.json(403, "{\"message\":\"token does not have at least one of required scope(s): [write:issue]\",\"url\":\"\"}"));
        RealmException e = assertThrows(RealmException.class, () -> forgejo.comment("acme", "realm", 4, "hello"));
        assertEquals(ErrorCode.REMOTE_ERROR, e.code());
        assertTrue(e.getMessage().contains("lacks scope write:issue, which it needs to comment on pull #4"), e.getMessage());
        assertTrue(e.getMessage().contains("create a token on " + server.url()), e.getMessage());
        assertTokenAbsent(e);
    }

    @Test
    void anyCall_403NoPermission_saysWhoToAsk() {
        server.on("DELETE /api/v1/repos/acme/realm/branches/main", Reply.json(403, "{\"message\":\"branch main is protected\"}"));
        RealmException e = assertThrows(RealmException.class, () -> forgejo.deleteBranch("acme", "realm", "main"));
        assertTrue(e.getMessage().contains("403: branch main is protected"), e.getMessage());
    }

    @Test
    void repository_404_namesTheRepository() {
        RealmException e = assertThrows(RealmException.class, () -> forgejo.repository("acme", "missing"));
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("has no repository acme/missing"), e.getMessage());
    }

    @Test
    void createOrgRepository_404_namesTheOrganization() {
        RealmException e = assertThrows(RealmException.class,
                () -> forgejo.createOrgRepository("ghost", new NewRepository("realm", "", true, true, "main")));
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("has no organization ghost"), e.getMessage());
    }

    @Test
    void createUserRepository_201_sendsTheOptions() throws Exception {
        server.on("POST /api/v1/user/repos", Reply.json(201, repo()));
        forgejo.createUserRepository(new NewRepository("realm", "contracts", true, true, "main"));
        String body = server.requests().get(0).body();
        assertTrue(body.contains("\"name\":\"realm\"") && body.contains("\"private\":true") && body.contains("\"auto_init\":true")
                && body.contains("\"default_branch\":\"main\""), body);
    }

    @Test
    void review_422OwnPull_explainsAndMasksAnEchoedToken() {
        server.on("POST /api/v1/repos/acme/realm/pulls/4/reviews",
                Reply.json(422, "{\"message\":\"approve your own pull is not allowed (token " + TOKEN + ")\"}"));
        RealmException e = assertThrows(RealmException.class,
                () -> forgejo.review("acme", "realm", 4, ReviewEvent.APPROVED, "ack", SHA));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("acknowledge with another account's token"), e.getMessage());
        assertTokenAbsent(e);
    }

    @Test
    void merge_405TryAgainLater_pollsUntilMergeableThenMerges() throws Exception {
        server.on("POST /api/v1/repos/acme/realm/pulls/4/merge",
                        Reply.json(405, "{\"message\":\"Please try again later\",\"url\":\"\"}"), Reply.empty(200))
                .on("GET /api/v1/repos/acme/realm/pulls/4", Reply.json(200, pull(4, false, false)), Reply.json(200, pull(4, true, false)));

        assertEquals(MergeResult.MERGED, forgejo.merge("acme", "realm", 4, MergeRequest.mergeCommit(SHA)));

        assertEquals(List.of("POST", "GET", "GET", "POST"), server.requests().stream().map(Request::method).toList());
        String body = server.requests().get(0).body();
        assertTrue(body.contains("\"Do\":\"merge\"") && body.contains("\"head_commit_id\":\"" + SHA + "\""), body);
        assertEquals(2, waits.size());
    }

    @Test
    void merge_405TryAgainLaterForever_saysItIsNotMergeable() {
        server.on("POST /api/v1/repos/acme/realm/pulls/4/merge", Reply.json(405, "{\"message\":\"Please try again later\"}"))
                .on("GET /api/v1/repos/acme/realm/pulls/4", Reply.json(200, pull(4, false, false)));
        RealmException e = assertThrows(RealmException.class, () -> forgejo.merge("acme", "realm", 4, MergeRequest.mergeCommit(SHA)));
        assertEquals(ErrorCode.MERGE_CONFLICT, e.code());
        assertTrue(e.getMessage().contains("still not mergeable"), e.getMessage());
    }

    @Test
    void merge_201_isScheduled() throws Exception {
        server.on("POST /api/v1/repos/acme/realm/pulls/4/merge", Reply.empty(201));
        assertEquals(MergeResult.SCHEDULED, forgejo.merge("acme", "realm", 4, MergeRequest.mergeCommit(SHA)));
    }

    @Test
    void merge_eachRefusal_mapsToWhatToDo() {
        assertMergeRefused(405, "{\"message\":\"Does not have enough approvals\"}", ErrorCode.MERGE_BLOCKED, "approvals and passing status checks");
        assertMergeRefused(405, "{\"message\":\"Work in progress PRs cannot be merged\"}", ErrorCode.MERGE_BLOCKED, "work in progress");
        assertMergeRefused(405, "{\"message\":\"User not allowed to merge PR\"}", ErrorCode.MERGE_BLOCKED, "may not merge");
        assertMergeRefused(405, "{\"message\":\"\",\"url\":\"\"}", ErrorCode.NOT_OPEN, "merged already");
        assertMergeRefused(409, "{\"message\":\"head out of date\"}", ErrorCode.PLAN_STALE, "moved after " + SHA);
        assertMergeRefused(409, "{\"Err\":\"merge conflict\",\"StdOut\":\"CONFLICT (content)\"}", ErrorCode.MERGE_CONFLICT, "resolve the conflicts");
        assertMergeRefused(404, "{\"message\":\"\"}", ErrorCode.NOT_FOUND, "it is closed, or does not exist");
    }

    @Test
    void isMerged_204AndNot_404() throws Exception {
        server.on("GET /api/v1/repos/acme/realm/pulls/4/merge", Reply.empty(204));
        assertTrue(forgejo.isMerged("acme", "realm", 4));
        assertFalse(forgejo.isMerged("acme", "realm", 5));
    }

    @Test
    void deleteBranch_slashInName_isPercentEncodedInThePath() throws Exception {
        server.on("DELETE /api/v1/repos/acme/realm/branches/sync%2Faperture%2F20260124-103000", Reply.empty(204));
        assertTrue(forgejo.deleteBranch("acme", "realm", "sync/aperture/20260124-103000"));
        server.on("DELETE /api/v1/repos/acme/realm/branches/gone", Reply.json(404, "{\"message\":\"branch does not exist [name: gone]\"}"));
        assertFalse(forgejo.deleteBranch("acme", "realm", "gone"));
    }

    @Test
    void postStatus_andList_roundTrip() throws Exception {
        String status = "{\"id\":5,\"status\":\"success\",\"context\":\"blue/ack\",\"description\":\"ok\",\"target_url\":\"\",\"creator\":{\"login\":\"eric\"}}";
        server.on("POST /api/v1/repos/acme/realm/statuses/" + SHA, Reply.json(201, status))
                .on("GET /api/v1/repos/acme/realm/commits/sync%2Fa%2F1/statuses?page=1&limit=50", Reply.json(200, "[" + status + "]"));
        ForgejoCommitStatus posted = forgejo.postStatus("acme", "realm", SHA, CommitState.SUCCESS, "blue/ack", "ok", "");
        assertEquals(new ForgejoCommitStatus(5, "success", "blue/ack", "ok", "", "eric"), posted);
        assertTrue(server.requests().get(0).body().contains("\"state\":\"success\""), server.requests().get(0).body());
        assertEquals(List.of(posted), forgejo.statuses("acme", "realm", "sync/a/1"));
    }

    @Test
    void requestReviewers_andPull_readOurRecords() throws Exception {
        server.on("POST /api/v1/repos/acme/realm/pulls/4/requested_reviewers", Reply.json(201, "[{\"id\":8,\"user\":{\"login\":\"bob\"},\"state\":\"REQUEST_REVIEW\"}]"))
                .on("GET /api/v1/repos/acme/realm/pulls/4", Reply.json(200, pull(4, true, false)));
        assertEquals(List.of(new ForgejoReview(8, "bob", "REQUEST_REVIEW", "", false, false, false, "")),
                forgejo.requestReviewers("acme", "realm", 4, List.of("bob")));
        ForgejoPull pull = forgejo.pull("acme", "realm", 4);
        assertEquals(new ForgejoPull(4, "Sync 4", "body", "open", "sync/aperture/4", SHA, "main", false, true, "", "eric",
                List.of("bob"), "https://git.example.com/acme/realm/pulls/4"), pull);
    }

    @Test
    void unreachableServer_getIsRetriedThenSaysSo() {
        server.close();
        RealmException e = assertThrows(RealmException.class, () -> forgejo.repository("acme", "realm"));
        assertEquals(ErrorCode.REMOTE_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("cannot reach Forgejo at " + server.url()), e.getMessage());
        assertEquals(2, waits.size());
    }

    private void assertMergeRefused(int status, String body, ErrorCode code, String says) {
        server.on("POST /api/v1/repos/acme/realm/pulls/4/merge", Reply.json(status, body));
        RealmException e = assertThrows(RealmException.class, () -> forgejo.merge("acme", "realm", 4, MergeRequest.mergeCommit(SHA)));
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(says), e.getMessage());
        assertTokenAbsent(e);
    }

    private static void assertTokenAbsent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(TOKEN), "the token leaked into: " + t.getMessage());
        }
    }

    private static List<Long> numbers(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> (long) i).toList();
    }

    private static String pulls(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(n -> pull(n, true, false)).collect(Collectors.joining(",", "[", "]"));
    }

    private static String pull(int number, boolean mergeable, boolean merged) {
        return "{\"id\":" + (1000 + number) + ",\"number\":" + number + ",\"title\":\"Sync " + number + "\",\"body\":\"body\","
                + "\"state\":\"open\",\"user\":{\"id\":3,\"login\":\"eric\"},\"mergeable\":" + mergeable + ",\"merged\":" + merged
                + ",\"merge_commit_sha\":null,\"requested_reviewers\":[{\"login\":\"bob\"}],"
                + "\"head\":{\"label\":\"sync/aperture/" + number + "\",\"ref\":\"sync/aperture/" + number + "\",\"sha\":\"" + SHA + "\",\"repo_id\":1},"
                + "\"base\":{\"label\":\"main\",\"ref\":\"main\",\"sha\":\"" + SHA + "\",\"repo_id\":1},"
                + "\"html_url\":\"https://git.example.com/acme/realm/pulls/" + number + "\",\"created_at\":\"2026-01-24T10:30:00Z\","
                + "\"labels\":[],\"draft\":false}";
    }

    private static String review(int id) {
        return "{\"id\":" + id + ",\"user\":{\"login\":\"bob\"},\"state\":\"APPROVED\",\"commit_id\":\"" + SHA
                + "\",\"stale\":false,\"dismissed\":false,\"official\":true,\"submitted_at\":\"2026-01-24T10:30:00+01:00\"}";
    }

    private static String repo() {
        return "{\"id\":1,\"name\":\"realm\",\"full_name\":\"acme/realm\",\"owner\":{\"id\":2,\"login\":\"acme\"},\"private\":true,"
                + "\"empty\":false,\"archived\":false,\"default_branch\":\"main\",\"clone_url\":\"https://git.example.com/acme/realm.git\","
                + "\"html_url\":\"https://git.example.com/acme/realm\",\"permissions\":{\"admin\":false,\"push\":true,\"pull\":true}}";
    }
}
