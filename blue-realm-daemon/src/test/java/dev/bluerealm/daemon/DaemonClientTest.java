package dev.bluerealm.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.daemon.client.DaemonClient;
import dev.bluerealm.daemon.client.DaemonClientException;
import dev.bluerealm.daemon.client.Notification;
import dev.bluerealm.daemon.client.Session;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DaemonClient} against a real daemon on loopback. */
class DaemonClientTest {
    @TempDir
    Path tmp;

    MutableClock clock = new MutableClock(Instant.parse("2026-01-24T10:00:00Z"));
    DaemonServer daemon;
    DaemonClient client;
    long me = ProcessHandle.current().pid();

    @BeforeEach
    void start() throws Exception {
        daemon = DaemonServer.create(new DaemonConfig(tmp.resolve("blue-home"), 0, tmp.resolve("run"), clock,
                Duration.ZERO, Duration.ofMinutes(1), Map.of()));
        daemon.start();
        client = DaemonClient.of(tmp.resolve("blue-home"), daemon.port());
    }

    @AfterEach
    void stop() {
        daemon.stop();
    }

    @Test
    void health_reportsThisDaemon() throws Exception {
        var h = client.health();
        assertEquals("ok", h.status());
        assertEquals(me, h.pid());
        assertEquals(daemon.port(), h.port());
        assertEquals(tmp.resolve("blue-home"), h.blueHome());
    }

    @Test
    void sessions_registerTouchListDeregister() throws Exception {
        long id = client.registerSession("aperture", "letemcook", "cli-1", me, null);
        clock.advance(Duration.ofMinutes(6));
        Session s = client.sessions().get(0);
        assertEquals(id, s.id());
        assertTrue(s.idle());
        assertNull(s.activeRfc());
        Session t = client.touch(id, "training-metrics-v2");
        assertFalse(t.idle());
        assertEquals("training-metrics-v2", t.activeRfc());
        client.deregister(id);
        assertTrue(client.sessions().isEmpty());
        DaemonClientException e = assertThrows(DaemonClientException.class, () -> client.deregister(id));
        assertEquals(404, e.status());
        assertEquals("NOT_FOUND", e.code());
    }

    @Test
    void notifications_notifyFilterAck() throws Exception {
        Notification n = client.notify("letemcook", "s3-access", "s3-permissions", "1.5.0", "updated", "aperture",
                List.of("+ training-metrics/experiments/*"), 12);
        assertEquals(n, client.notify("letemcook", "s3-access", "s3-permissions", "1.5.0", "updated", "aperture",
                List.of("+ training-metrics/experiments/*"), 12));
        assertEquals(List.of(n), client.notifications("letemcook", "fungal", true));
        Notification acked = client.ack(n.id(), "fungal");
        assertEquals(List.of("fungal"), acked.acknowledgedBy());
        assertTrue(client.notifications("letemcook", "fungal", true).isEmpty());
        assertEquals(1, client.notifications(null, null, false).size());
    }

    @Test
    void acknowledgeUpTo_settlesThatContractsVersionsUpToTheOne_forThatRepoOnly() throws Exception {
        Notification v15 = client.notify("letemcook", "s3-access", "s3-permissions", "1.5.0", "new", "aperture",
                List.of(), 1);
        Notification v16 = client.notify("letemcook", "s3-access", "s3-permissions", "1.6.0", "new", "aperture",
                List.of(), 2);
        Notification v20 = client.notify("letemcook", "s3-access", "s3-permissions", "2.0.0", "breaking", "aperture",
                List.of(), 3);
        Notification other = client.notify("letemcook", "s3-access", "iam-roles", "1.1.0", "new", "aperture",
                List.of(), 4);
        assertEquals(2, client.acknowledgeUpTo("letemcook", "fungal", "s3-access", "s3-permissions", "1.6.0"));
        assertEquals(List.of(v20.id(), other.id()), client.notifications("letemcook", "fungal", true).stream()
                .map(Notification::id).toList());
        assertEquals(4, client.notifications("letemcook", "ml-infra", true).size(), "another repo still has them all");
        assertEquals(0, client.acknowledgeUpTo("letemcook", "fungal", "s3-access", "s3-permissions", "1.6.0"));
        List<Long> open = client.notifications("letemcook", "fungal", true).stream().map(Notification::id).toList();
        assertTrue(!open.contains(v15.id()) && !open.contains(v16.id()), open.toString());
    }

    @Test
    void client_daemonOfAnotherBlueHome_isNotUsed() {
        DaemonClient other = DaemonClient.of(tmp.resolve("other-home"), daemon.port());
        DaemonClientException e = assertThrows(DaemonClientException.class, other::sessions);
        assertEquals("OTHER_BLUE_HOME", e.code());
    }

    @Test
    void client_noDaemon_failsFast() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        long start = System.nanoTime();
        DaemonClientException e = assertThrows(DaemonClientException.class,
                () -> DaemonClient.of(tmp.resolve("blue-home"), free).sessions());
        assertEquals("UNREACHABLE", e.code());
        assertTrue(System.nanoTime() - start < 2_500_000_000L);
    }

    @Test
    void client_concurrentRegistrations_allLand() throws Exception {
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger errors = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 8; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    try {
                        client.registerSession("aperture", "letemcook", "c", me, null);
                    } catch (DaemonClientException e) {
                        errors.incrementAndGet();
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(0, errors.get());
        assertEquals(200, client.sessions().size());
    }
}
