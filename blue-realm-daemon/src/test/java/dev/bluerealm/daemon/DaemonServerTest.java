package dev.bluerealm.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API over real loopback HTTP, with daemon.db under a temporary BLUE_HOME. */
class DaemonServerTest {
    @TempDir
    Path tmp;

    MutableClock clock = new MutableClock(Instant.parse("2026-01-24T10:00:00Z"));
    DaemonServer daemon;
    RawHttp http;
    long me = ProcessHandle.current().pid();

    DaemonConfig config() {
        return new DaemonConfig(tmp.resolve("blue-home"), 0, tmp.resolve("run"), clock, Duration.ZERO,
                Duration.ofMinutes(1), Map.of("HOME", tmp.resolve("home").toString()));
    }

    @BeforeEach
    void start() throws Exception {
        daemon = DaemonServer.create(config());
        daemon.start();
        http = new RawHttp(daemon.port(), Files.readString(tmp.resolve("blue-home/daemon.token")).trim());
    }

    @AfterEach
    void stop() {
        daemon.stop();
    }

    String session(String repo, String realm) {
        return "{\"repo\":\"" + repo + "\",\"realm\":\"" + realm + "\",\"client_id\":\"cli-1\",\"pid\":" + me + "}";
    }

    // ------------------------------------------------------------------ health and files

    @Test
    void health_answersStatusVersionPidPortAndBlueHome() throws Exception {
        RawHttp.Response r = http.get("/health");
        assertEquals(200, r.status());
        assertEquals("ok", r.field("status"));
        assertEquals(String.valueOf(me), r.field("pid"));
        assertEquals(String.valueOf(daemon.port()), r.field("port"));
        assertEquals(tmp.resolve("blue-home").toString(), r.field("blue_home"));
        assertNotNull(r.field("version"));
        assertTrue(r.headers().get("content-type").startsWith("application/json"));
        assertFalse(r.headers().containsKey("access-control-allow-origin"));
    }

    @Test
    void create_turnsNagleOff() {
        assertEquals("true", System.getProperty("sun.net.httpserver.nodelay"));
    }

    @Test
    void start_firstTime_createsTokenWithMode0600AndDatabaseAndPidFile() throws Exception {
        Path token = tmp.resolve("blue-home/daemon.token");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
        assertTrue(Files.readString(token).trim().matches("[0-9a-f]{64}"));
        assertTrue(Files.exists(tmp.resolve("blue-home/daemon.db")));
        String pid = Files.readString(tmp.resolve("run/blue.pid"));
        assertTrue(pid.contains("pid=" + me + "\n"), pid);
        assertTrue(pid.contains("port=" + daemon.port() + "\n"), pid);
        assertTrue(pid.contains("blue_home=" + tmp.resolve("blue-home")), pid);
    }

    @Test
    void start_secondDaemonSameRunDirectory_isRefusedNamingTheFirst() {
        DaemonServer second = DaemonServer.create(config());
        DaemonServer.AlreadyRunningException e = assertThrows(DaemonServer.AlreadyRunningException.class, second::start);
        assertTrue(e.getMessage().startsWith("daemon already running (pid " + me + ", port " + daemon.port() + ")"),
                e.getMessage());
    }

    @Test
    void stop_removesPidFile_andALaterStartReusesTheDatabase() throws Exception {
        assertEquals(201, http.post("/sessions", session("aperture", "letemcook")).status());
        daemon.stop();
        assertFalse(Files.exists(tmp.resolve("run/blue.pid")));
        daemon = DaemonServer.create(config());
        daemon.start();
        http = new RawHttp(daemon.port(), Files.readString(tmp.resolve("blue-home/daemon.token")).trim());
        assertEquals(1, sessions().size());
    }

    @Test
    void schema_isAtTheCurrentVersion() throws Exception {
        try (DaemonStore s = DaemonStore.open(tmp.resolve("other.db"))) {
            assertEquals(DaemonStore.currentVersion(), s.schemaVersion());
        }
        try (DaemonStore s = DaemonStore.open(tmp.resolve("other.db"))) {
            assertEquals(DaemonStore.currentVersion(), s.schemaVersion()); // re-opening migrates nothing
        }
    }

    // ------------------------------------------------------------------ sessions

    List<JsonValue> sessions() throws Exception {
        return ((JsonValue.JsonArray) http.get("/sessions").json().get("sessions")).items();
    }

    @Test
    void postSessions_valid_answers201WithIdAndListsIt() throws Exception {
        RawHttp.Response r = http.post("/sessions",
                "{\"repo\":\"aperture\",\"realm\":\"letemcook\",\"client_id\":\"cli-1\",\"pid\":" + me
                        + ",\"active_rfc\":\"training-metrics-v2\"}");
        assertEquals(201, r.status(), r.body());
        assertEquals("1", r.field("id"));
        assertEquals("active", r.field("status"));
        List<JsonValue> list = sessions();
        assertEquals(1, list.size());
        JsonValue.JsonObject s = (JsonValue.JsonObject) list.get(0);
        assertEquals(JsonValue.string("aperture"), s.get("repo"));
        assertEquals(JsonValue.string("training-metrics-v2"), s.get("active_rfc"));
        assertEquals(JsonValue.string("2026-01-24T10:00:00Z"), s.get("started_at"));
    }

    @Test
    void sessions_noActivityFor5Minutes_showIdle_untilTouched() throws Exception {
        http.post("/sessions", session("aperture", "letemcook"));
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertEquals(JsonValue.string("active"), ((JsonValue.JsonObject) sessions().get(0)).get("status"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(JsonValue.string("idle"), ((JsonValue.JsonObject) sessions().get(0)).get("status"));
        RawHttp.Response t = http.post("/sessions/1/activity", "{\"active_rfc\":\"rfc-7\"}");
        assertEquals(200, t.status(), t.body());
        assertEquals("active", t.field("status"));
        assertEquals("rfc-7", t.field("active_rfc"));
    }

    @Test
    void deleteSession_removesIt_thenUnknownIs404() throws Exception {
        http.post("/sessions", session("aperture", "letemcook"));
        assertEquals(200, http.delete("/sessions/1").status());
        assertTrue(sessions().isEmpty());
        RawHttp.Response again = http.delete("/sessions/1");
        assertEquals(404, again.status());
        assertEquals("NOT_FOUND", again.field("code"));
        assertEquals(404, http.post("/sessions/9/activity", "").status());
    }

    @Test
    void restart_sessionOfDeadProcess_isRemoved() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long dead = p.pid();
        http.post("/sessions", session("aperture", "letemcook"));
        http.post("/sessions", "{\"repo\":\"fungal\",\"realm\":\"letemcook\",\"client_id\":\"c\",\"pid\":" + dead + "}");
        assertEquals(2, sessions().size());
        daemon.stop();
        daemon = DaemonServer.create(config());
        daemon.start();
        http = new RawHttp(daemon.port(), Files.readString(tmp.resolve("blue-home/daemon.token")).trim());
        List<JsonValue> left = sessions();
        assertEquals(1, left.size());
        assertEquals(JsonValue.string("aperture"), ((JsonValue.JsonObject) left.get(0)).get("repo"));
        assertEquals(0, daemon.cleanSessions());
    }

    @Test
    void postSessions_invalidFields_are400() throws Exception {
        for (String body : List.of(
                "{\"repo\":\"Aperture!\",\"realm\":\"letemcook\",\"client_id\":\"c\",\"pid\":1}",
                "{\"repo\":\"aperture\",\"realm\":\"letemcook\",\"client_id\":\"c\",\"pid\":0}",
                "{\"repo\":\"aperture\",\"realm\":\"letemcook\",\"client_id\":\"c\",\"pid\":1.5}",
                "{\"repo\":\"aperture\",\"realm\":\"letemcook\",\"pid\":1}",
                "{\"repo\":\"aperture\",\"realm\":\"letemcook\",\"client_id\":\"" + "x".repeat(129) + "\",\"pid\":1}",
                "{\"repo\":\"aperture\",\"realm\":\"letemcook\",\"client_id\":\"c\",\"pid\":1,\"extra\":1}",
                "[1]")) {
            RawHttp.Response r = http.post("/sessions", body);
            assertEquals(400, r.status(), body + " -> " + r.body());
            assertNotNull(r.field("error"));
        }
        assertEquals(400, http.delete("/sessions/abc").status());
        assertEquals(400, http.delete("/sessions/0").status());
        assertEquals(400, http.delete("/sessions/-1").status());
    }

    // ------------------------------------------------------------------ notifications

    String notification(String version, String type) {
        return "{\"realm\":\"letemcook\",\"domain\":\"s3-access\",\"contract\":\"s3-permissions\",\"version\":\""
                + version + "\",\"change_type\":\"" + type + "\",\"from_repo\":\"aperture\","
                + "\"diff\":[\"+ training-metrics/experiments/*\"],\"pull_request\":12}";
    }

    List<JsonValue> notifications(String query) throws Exception {
        return ((JsonValue.JsonArray) http.get("/notifications" + query).json().get("notifications")).items();
    }

    @Test
    void postNotifications_same5Tuple_isDeduplicated() throws Exception {
        RawHttp.Response first = http.post("/notifications", notification("1.5.0", "updated"));
        assertEquals(201, first.status(), first.body());
        RawHttp.Response again = http.post("/notifications", notification("1.5.0", "updated"));
        assertEquals(200, again.status());
        assertEquals(first.field("id"), again.field("id"));
        assertEquals(201, http.post("/notifications", notification("1.5.0", "breaking")).status());
        assertEquals(201, http.post("/notifications", notification("1.6.0", "updated")).status());
        assertEquals(3, notifications("").size());
        JsonValue.JsonObject n = (JsonValue.JsonObject) notifications("").get(0);
        assertEquals(JsonValue.array(List.of(JsonValue.string("+ training-metrics/experiments/*"))), n.get("diff"));
        assertEquals(JsonValue.number(12), n.get("pull_request"));
    }

    @Test
    void getNotifications_filtersByRealmRepoAndAcknowledgement() throws Exception {
        http.post("/notifications", notification("1.5.0", "updated"));
        http.post("/notifications", notification("1.6.0", "updated"));
        assertEquals(2, notifications("?realm=letemcook").size());
        assertEquals(0, notifications("?realm=other").size());
        assertEquals(0, notifications("?repo=aperture").size()); // its own changes
        assertEquals(2, notifications("?repo=fungal&unacknowledged=true").size());
        RawHttp.Response ack = http.post("/notifications/1/ack", "{\"repo\":\"fungal\"}");
        assertEquals(200, ack.status(), ack.body());
        assertEquals(1, notifications("?repo=fungal&unacknowledged=true").size());
        assertEquals(2, notifications("?repo=ml-infra&unacknowledged=true").size());
        assertEquals(1, notifications("?unacknowledged=true").size());
        assertEquals(200, http.post("/notifications/2/ack", "").status());
        assertEquals(1, notifications("?repo=ml-infra&unacknowledged=true").size()); // 2 acked for all
        assertEquals(404, http.post("/notifications/99/ack", "").status());
        assertEquals(400, http.get("/notifications?unacknowledged=maybe").status());
    }

    @Test
    void postNotifications_invalid_are400() throws Exception {
        assertEquals(400, http.post("/notifications", notification("1.5.0", "deleted")).status());
        assertEquals(400, http.post("/notifications", notification("1.5.0", "updated").replace("s3-access", "S3")).status());
    }

    // ------------------------------------------------------------------ realms

    @Test
    void realms_listsRealmsOfSessions() throws Exception {
        http.post("/sessions", session("aperture", "letemcook"));
        RawHttp.Response r = http.get("/realms");
        assertEquals(200, r.status());
        List<JsonValue> realms = ((JsonValue.JsonArray) r.json().get("realms")).items();
        assertEquals(1, realms.size());
        JsonValue.JsonObject realm = (JsonValue.JsonObject) realms.get(0);
        assertEquals(JsonValue.string("letemcook"), realm.get("name"));
        assertEquals(JsonValue.number(1), realm.get("sessions"));
    }

    @Test
    void realm_unknown_is404_andSyncOfUnknownIs404() throws Exception {
        assertEquals(404, http.get("/realms/nope").status());
        assertEquals(404, http.post("/realms/nope/sync", "").status());
        assertEquals(400, http.get("/realms/Bad!Name").status());
    }

    // ------------------------------------------------------------------ errors and security

    @Test
    void unknownPath_is404Json() throws Exception {
        RawHttp.Response r = http.get("/nope");
        assertEquals(404, r.status());
        assertEquals("NOT_FOUND", r.field("code"));
        assertEquals(404, http.get("/sessions/1/x/y").status());
    }

    @Test
    void wrongMethod_is405WithAllow() throws Exception {
        RawHttp.Response r = http.send("PUT", "/sessions", "{}", Map.of("Authorization", "Bearer " + token()));
        assertEquals(405, r.status());
        assertEquals("GET, POST", r.headers().get("allow"));
        assertEquals("METHOD_NOT_ALLOWED", r.field("code"));
        RawHttp.Response d = http.get("/sessions/3");
        assertEquals(405, d.status());
        assertEquals("DELETE", d.headers().get("allow"));
        assertEquals("POST", http.get("/notifications/1/ack").headers().get("allow"));
    }

    @Test
    void badJson_is400() throws Exception {
        RawHttp.Response r = http.post("/sessions", "{\"repo\": ");
        assertEquals(400, r.status());
        assertEquals("BAD_JSON", r.field("code"));
        assertTrue(r.field("error").contains("position"), r.body());
    }

    @Test
    void oversizeBody_is413() throws Exception {
        RawHttp.Response r = http.post("/sessions", "{\"a\":\"" + "x".repeat(70 * 1024) + "\"}");
        assertEquals(413, r.status());
        assertEquals("PAYLOAD_TOO_LARGE", r.field("code"));
    }

    String token() throws Exception {
        return Files.readString(tmp.resolve("blue-home/daemon.token")).trim();
    }

    @Test
    void mutation_withoutOrWithWrongToken_is401() throws Exception {
        RawHttp.Response none = http.send("POST", "/sessions", session("aperture", "letemcook"), Map.of());
        assertEquals(401, none.status());
        assertEquals("UNAUTHORIZED", none.field("code"));
        RawHttp.Response wrong = http.send("DELETE", "/sessions/1", null, Map.of("Authorization", "Bearer " + "0".repeat(64)));
        assertEquals(401, wrong.status());
        assertEquals(401, http.send("POST", "/notifications/1/ack", "", Map.of("Authorization", token())).status());
        assertTrue(sessions().isEmpty());
    }

    @Test
    void foreignHost_is403() throws Exception {
        for (String host : List.of("evil.example:" + daemon.port(), "127.0.0.1", "127.0.0.1:1", "localhost")) {
            RawHttp.Response r = http.send("GET", "/health", null, Map.of("Host", host));
            assertEquals(403, r.status(), host);
            assertEquals("FORBIDDEN_HOST", r.field("code"));
        }
        assertEquals(200, http.send("GET", "/health", null, Map.of("Host", "localhost:" + daemon.port())).status());
        assertEquals(200, http.send("GET", "/health", null, Map.of("Host", "[::1]:" + daemon.port())).status());
    }

    @Test
    void anyOrigin_is403_withoutCorsHeaders() throws Exception {
        RawHttp.Response r = http.send("GET", "/health", null, Map.of("Origin", "http://evil.example"));
        assertEquals(403, r.status());
        assertEquals("FORBIDDEN_ORIGIN", r.field("code"));
        assertFalse(r.headers().keySet().stream().anyMatch(h -> h.startsWith("access-control")));
        RawHttp.Response post = http.send("POST", "/sessions", session("a", "b"),
                Map.of("Origin", "http://127.0.0.1:" + daemon.port(), "Authorization", "Bearer " + token()));
        assertEquals(403, post.status());
    }
}
