package dev.bluerealm.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.json.JsonParser;
import dev.bluerealm.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /events} over real loopback HTTP: what is pushed, to whom, resuming, limits and shutdown. */
@Timeout(120) // a stream that never ends must fail the test, not hang the build
class DaemonEventsTest {
    @TempDir
    Path tmp;

    DaemonServer daemon;
    RawHttp http;
    List<EventClient> clients = new ArrayList<>();

    /** Pings every 15 s, no lifetime limit: these tests end their streams long before the JDK's 30 s. */
    static EventStreams.Limits limits(int maxStreams) {
        return new EventStreams.Limits(maxStreams, Duration.ofSeconds(15), Duration.ZERO, Duration.ofSeconds(1));
    }

    void start(EventStreams.Limits limits) throws Exception {
        daemon = DaemonServer.create(new DaemonConfig(tmp.resolve("blue-home"), 0, tmp.resolve("run"),
                new MutableClock(Instant.parse("2026-01-24T10:00:00Z")), Duration.ZERO, Duration.ofMinutes(1),
                Map.of("HOME", tmp.resolve("home").toString())), limits);
        daemon.start();
        http = new RawHttp(daemon.port(), Files.readString(tmp.resolve("blue-home/daemon.token")).trim());
    }

    @AfterEach
    void stop() {
        clients.forEach(EventClient::close);
        if (daemon != null) {
            daemon.stop();
        }
    }

    /** Opens a stream and reads its catch-up, up to and with the cursor block. */
    EventClient open(String query, String lastEventId) throws Exception {
        EventClient c = EventClient.open(daemon.port(), query, lastEventId);
        clients.add(c);
        return c;
    }

    String notification(String realm, String from, String version) {
        return "{\"realm\":\"" + realm + "\",\"domain\":\"s3-access\",\"contract\":\"s3-permissions\",\"version\":\""
                + version + "\",\"change_type\":\"updated\",\"from_repo\":\"" + from + "\",\"diff\":[\"+ a\"]}";
    }

    long post(String realm, String from, String version) throws Exception {
        RawHttp.Response r = http.post("/notifications", notification(realm, from, version));
        assertTrue(r.status() == 201 || r.status() == 200, r.body());
        return Long.parseLong(r.field("id"));
    }

    @Test
    void events_notificationPostedAfterConnecting_isPushedAsGetNotificationsShowsIt() throws Exception {
        start(limits(8));
        EventClient events = open("", null);
        assertEquals(200, events.status());
        assertEquals("text/event-stream; charset=utf-8", events.header("Content-Type"));
        assertEquals(List.of(new EventClient.Block(null, "0", null, "1000", List.of())), events.catchUp());

        long id = post("letemcook", "aperture", "1.5.0");
        EventClient.Block b = events.next();
        assertEquals("notification", b.event());
        assertEquals(String.valueOf(id), b.id());
        JsonValue listed = ((JsonValue.JsonArray) http.get("/notifications").json().get("notifications")).items().get(0);
        assertEquals(listed, JsonParser.parse(b.data()));
    }

    @Test
    void events_realmFilter_pushesOnlyThatRealmsNotifications() throws Exception {
        start(limits(8));
        EventClient letemcook = open("?realm=letemcook", null);
        letemcook.catchUp();
        post("other", "aperture", "1.5.0");
        long mine = post("letemcook", "aperture", "1.5.0");
        assertEquals(String.valueOf(mine), letemcook.nextNotification().id());
    }

    @Test
    void events_repoFilter_aRepoDoesNotGetItsOwnChange() throws Exception {
        start(limits(8));
        EventClient aperture = open("?realm=letemcook&repo=aperture", null);
        EventClient fungal = open("?repo=fungal", null);
        aperture.catchUp();
        fungal.catchUp();
        long own = post("letemcook", "aperture", "1.5.0");
        long other = post("letemcook", "fungal", "1.6.0");
        assertEquals(String.valueOf(other), aperture.nextNotification().id());
        assertEquals(String.valueOf(own), fungal.nextNotification().id());
    }

    @Test
    void events_lastEventId_sendsTheLaterOnesFirst_thenNewOnes() throws Exception {
        start(limits(8));
        long first = post("letemcook", "aperture", "1.5.0");
        long second = post("letemcook", "aperture", "1.6.0");
        post("letemcook", "fungal", "1.7.0"); // the asking repo's own change
        long fourth = post("letemcook", "aperture", "1.8.0");
        EventClient events = open("?repo=fungal", String.valueOf(first));
        List<EventClient.Block> caughtUp = events.catchUp();
        assertEquals(List.of(String.valueOf(second), String.valueOf(fourth), String.valueOf(fourth)),
                caughtUp.stream().map(EventClient.Block::id).toList());
        assertEquals("1000", caughtUp.get(2).retry()); // the cursor: the highest id read
        long fifth = post("letemcook", "aperture", "1.9.0");
        assertEquals(String.valueOf(fifth), events.nextNotification().id());
    }

    @Test
    void events_deduplicatedRepeat_isNotPushedAgain() throws Exception {
        start(limits(8));
        EventClient events = open("", null);
        events.catchUp();
        long id = post("letemcook", "aperture", "1.5.0");
        assertEquals(String.valueOf(id), events.nextNotification().id());
        assertEquals(id, post("letemcook", "aperture", "1.5.0")); // 200, the existing one
        long next = post("letemcook", "aperture", "1.6.0");
        assertEquals(String.valueOf(next), events.nextNotification().id());
    }

    @Test
    void events_badRequests_areJsonErrors() throws Exception {
        start(limits(8));
        RawHttp.Response badId = http.send("GET", "/events", null, Map.of("Last-Event-ID", "abc"));
        assertEquals(400, badId.status());
        assertEquals("INVALID_ARGUMENT", badId.field("code"));
        assertEquals(400, http.get("/events?realm=Bad!Name").status());
        RawHttp.Response post = http.post("/events", "{}");
        assertEquals(405, post.status());
        assertEquals("GET", post.headers().get("allow"));
        assertEquals(404, http.get("/events/more").status());
        assertEquals("NOT_FOUND", http.get("/eventsx").field("code"));
    }

    @Test
    void events_fromAWebPageOrAForeignHost_is403() throws Exception {
        start(limits(8));
        RawHttp.Response origin = http.send("GET", "/events", null, Map.of("Origin", "http://evil.example"));
        assertEquals(403, origin.status());
        assertEquals("FORBIDDEN_ORIGIN", origin.field("code"));
        RawHttp.Response host = http.send("GET", "/events", null, Map.of("Host", "evil.example:" + daemon.port()));
        assertEquals("FORBIDDEN_HOST", host.field("code"));
    }

    @Test
    void events_beyondMaxStreams_is503_andAClosedClientsSlotIsFreedByThePing() throws Exception {
        start(new EventStreams.Limits(2, Duration.ofMillis(100), Duration.ZERO, Duration.ofSeconds(1)));
        EventClient one = open("", null);
        open("", null).catchUp();
        one.catchUp();
        RawHttp.Response refused = http.get("/events");
        assertEquals(503, refused.status());
        assertEquals("TOO_MANY_STREAMS", refused.field("code"));
        assertTrue(refused.headers().get("content-type").startsWith("application/json"));

        one.close(); // the daemon notices when a ping cannot be written
        EventClient third = null;
        for (int i = 0; i < 200 && third == null; i++) {
            EventClient c = open("", null);
            if (c.status() == 200) {
                third = c;
            } else {
                Thread.sleep(100);
            }
        }
        assertTrue(third != null, "the closed client's slot was never freed");
        assertEquals("1000", third.catchUp().get(0).retry());
    }

    @Test
    void events_asManyStreamsAsWorkers_normalRequestsAreStillServed() throws Exception {
        start(EventStreams.Limits.defaults());
        int n = EventStreams.Limits.defaults().maxStreams();
        assertTrue(n >= DaemonServer.THREADS, "the test needs at least as many streams as workers");
        List<EventClient> streams = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            EventClient c = open("", null);
            c.catchUp();
            streams.add(c);
        }
        assertEquals(200, http.get("/health").status());
        long id = post("letemcook", "aperture", "1.5.0");
        for (EventClient c : streams) {
            assertEquals(String.valueOf(id), c.nextNotification().id());
        }
    }

    @Test
    void stop_endsOpenStreamsCleanly() throws Exception {
        start(limits(8));
        EventClient events = open("", null);
        events.catchUp();
        daemon.stop();
        assertNull(events.next()); // the end of the response, not a broken connection (that would throw)
    }

    @Test
    void events_quietStream_getsPingComments() throws Exception {
        start(new EventStreams.Limits(8, Duration.ofMillis(50), Duration.ZERO, Duration.ofSeconds(1)));
        EventClient events = open("", null);
        events.catchUp();
        assertEquals(List.of("ping"), events.next().comments());
    }

    @Test
    void events_lifetimeOver_endsCleanly_andTheResumeMissesNothing() throws Exception {
        start(new EventStreams.Limits(8, Duration.ofSeconds(15), Duration.ofMillis(300), Duration.ofSeconds(1)));
        EventClient events = open("", null);
        String cursor = events.catchUp().get(0).id();
        assertNull(events.next());
        long id = post("letemcook", "aperture", "1.5.0"); // while no stream is open
        EventClient resumed = open("", cursor);
        assertEquals(String.valueOf(id), resumed.catchUp().get(0).id());
    }

    @Test
    void limits_lifetime_endsBeforeTheJdksResponseLimit_orNeverWhenItIsOff() {
        assertEquals(Duration.ofSeconds(25), EventStreams.Limits.lifetimeUnder(30));
        assertEquals(Duration.ofSeconds(1), EventStreams.Limits.lifetimeUnder(2));
        assertEquals(Duration.ZERO, EventStreams.Limits.lifetimeUnder(0));
        assertEquals(Duration.ZERO, EventStreams.Limits.lifetimeUnder(-1));
    }

    @Test
    void limits_defaults_followTheResponseLimitDaemonServerSets() throws Exception {
        Class.forName(DaemonServer.class.getName()); // its initialiser sets sun.net.httpserver.maxRspTime to 30
        assertEquals(Duration.ofSeconds(25), EventStreams.Limits.defaults().lifetime());
    }
}
