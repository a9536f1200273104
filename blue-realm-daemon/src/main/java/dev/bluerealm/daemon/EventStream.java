package dev.bluerealm.daemon;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client's {@code GET /events}, on a stream thread: first what it missed since {@code Last-Event-ID}
 * (from daemon.db), then a cursor ({@code retry:} and {@code id:}), then each new notification it may
 * see, with a {@code : ping} comment whenever nothing was written for a while. It ends when the client
 * goes away, the feed ends it (daemon stopping, client too slow) or its lifetime is up.
 */
final class EventStream implements Runnable {
    private static final Logger LOG = Logger.getLogger(EventStream.class.getName());

    private final HttpExchange exchange;
    private final NotificationFeed.Subscription subscription;
    private final NotificationFilter filter;
    private final Long lastEventId;
    private final DaemonStore store;
    private final EventStreams.Limits limits;
    private final Runnable onEnd;

    /**
     * @param subscription taken before daemon.db is read, so nothing created in between is missed
     * @param lastEventId the client's {@code Last-Event-ID}, or null
     * @param onEnd runs once the stream has ended
     */
    EventStream(HttpExchange exchange, NotificationFeed.Subscription subscription, NotificationFilter filter,
                Long lastEventId, DaemonStore store, EventStreams.Limits limits, Runnable onEnd) {
        this.exchange = exchange;
        this.subscription = subscription;
        this.filter = filter;
        this.lastEventId = lastEventId;
        this.store = store;
        this.limits = limits;
        this.onEnd = onEnd;
    }

    @Override
    public void run() {
        try (exchange; subscription) {
            SseWriter out = new SseWriter(exchange.getResponseBody());
            long floor = catchUp(out);
            live(out, floor);
        } catch (IOException e) {
            LOG.fine("event stream ended: " + e.getMessage()); // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "event stream failed: " + e.getMessage(), e);
        } finally {
            onEnd.run();
        }
    }

    /**
     * Sends the notifications after {@code Last-Event-ID}, then the cursor. Returns the highest id of
     * the rows read: anything the feed brings up to it was in daemon.db already.
     */
    private long catchUp(SseWriter out) throws IOException, SQLException {
        List<DaemonStore.NotificationRow> rows = store.notifications(filter.realm());
        long floor = 0;
        for (DaemonStore.NotificationRow n : rows) {
            floor = Math.max(floor, n.id());
            if (lastEventId != null && n.id() > lastEventId && filter.shows(n)) {
                send(out, n);
            }
        }
        out.cursor(limits.retry().toMillis(), floor);
        return floor;
    }

    private void live(SseWriter out, long floor) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long lastWrite = start;
        while (true) {
            long now = System.nanoTime();
            long untilEnd = limits.lifetime().isZero() ? Long.MAX_VALUE : start + limits.lifetime().toNanos() - now;
            if (untilEnd <= 0) {
                return; // a clean end before the server's response time limit; the client reconnects
            }
            long untilPing = lastWrite + limits.ping().toNanos() - now;
            if (untilPing <= 0) {
                out.comment("ping");
                lastWrite = System.nanoTime();
                continue;
            }
            Optional<DaemonStore.NotificationRow> next = subscription.next(Duration.ofNanos(Math.min(untilPing, untilEnd)));
            if (next.isPresent()) {
                DaemonStore.NotificationRow n = next.get();
                if (n.id() > floor && filter.shows(n)) {
                    send(out, n);
                    lastWrite = System.nanoTime();
                }
            } else if (subscription.ended()) {
                return;
            }
        }
    }

    private static void send(SseWriter out, DaemonStore.NotificationRow n) throws IOException {
        out.event("notification", n.id(), DaemonApi.notificationJson(n).toJson());
    }
}
