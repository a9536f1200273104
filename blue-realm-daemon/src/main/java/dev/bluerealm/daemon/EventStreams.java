package dev.bluerealm.daemon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * {@code GET /events}: server-sent events, one {@code notification} event per new notification
 * (docs/daemon.md). A request worker only checks the request, takes a slot and sends the headers; the
 * stream itself runs on a thread of its own ({@link EventStream}), so open streams never hold the
 * server's few workers. Beyond {@link Limits#maxStreams} open streams the answer is 503.
 *
 * <p>Its own context ({@code /events}), not a {@link Router} route: the router closes every exchange
 * when its endpoint returns, and a stream outlives the call.
 */
final class EventStreams implements HttpHandler, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventStreams.class.getName());

    /**
     * How streams behave.
     *
     * @param maxStreams streams open at once; more are refused with 503
     * @param ping a {@code : ping} comment after this long without writing, so a dead client is noticed
     * @param lifetime how long a stream lasts before it ends cleanly (the client resumes); zero: no limit
     * @param retry the reconnection delay the stream suggests to clients
     */
    record Limits(int maxStreams, Duration ping, Duration lifetime, Duration retry) {
        Limits {
            if (maxStreams < 1) {
                throw new IllegalArgumentException("maxStreams must be at least 1, was " + maxStreams);
            }
            if (ping.isNegative() || ping.isZero() || lifetime.isNegative() || retry.isNegative()) {
                throw new IllegalArgumentException("ping must be positive, lifetime and retry not negative");
            }
        }

        /** 8 streams, a ping every 15 s, a lifetime under the server's response time limit, retry after 1 s. */
        static Limits defaults() {
            return new Limits(8, Duration.ofSeconds(15),
                    lifetimeUnder(Long.getLong("sun.net.httpserver.maxRspTime", -1)), Duration.ofSeconds(1));
        }

        /**
         * A lifetime that ends a stream before JDK's {@code maxRspTime} would cut its connection (see
         * the note in {@link DaemonServer}); no limit when that is off (zero or less).
         */
        static Duration lifetimeUnder(long maxRspSeconds) {
            if (maxRspSeconds <= 0) {
                return Duration.ZERO;
            }
            // the JDK checks once a second, counting from when the request was read: 5 s of margin
            return Duration.ofSeconds(Math.max(maxRspSeconds - 5, (maxRspSeconds + 1) / 2));
        }
    }

    private final DaemonStore store;
    private final NotificationFeed feed;
    private final Limits limits;
    private final Semaphore slots;
    private final ThreadPoolExecutor threads;

    EventStreams(DaemonStore store, NotificationFeed feed, Limits limits) {
        this.store = Objects.requireNonNull(store, "store");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.slots = new Semaphore(limits.maxStreams());
        // as many threads as slots, so a stream never waits for a thread; idle ones go away
        this.threads = new ThreadPoolExecutor(limits.maxStreams(), limits.maxStreams(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonServer.daemonThreads("blue-daemon-events"));
        threads.allowCoreThreadTimeOut(true);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        boolean handedOff = false;
        try {
            handedOff = open(ex);
        } catch (HttpError e) {
            Exchanges.drain(ex);
            Exchanges.sendError(ex, e);
        } finally {
            if (!handedOff) {
                ex.close();
            }
        }
    }

    /** Checks the request and starts its stream; true when the stream thread owns the exchange now. */
    private boolean open(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        if (!path.equals("/events") && !path.equals("/events/")) {
            throw HttpError.notFound("no such endpoint: " + (path.length() > 256 ? path.substring(0, 256) : path));
        }
        if (!ex.getRequestMethod().equals("GET")) {
            throw new HttpError(405, "METHOD_NOT_ALLOWED", ex.getRequestMethod() + " is not allowed on /events",
                    List.of("GET"));
        }
        NotificationFilter filter = NotificationFilter.of(Router.query(ex));
        Long lastEventId = lastEventId(ex);
        Exchanges.drain(ex);
        if (!slots.tryAcquire()) {
            throw new HttpError(503, "TOO_MANY_STREAMS", limits.maxStreams()
                    + " event streams are open already; close one or try again later");
        }
        NotificationFeed.Subscription subscription = feed.subscribe();
        Runnable release = () -> {
            subscription.close();
            slots.release();
        };
        try {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            ex.sendResponseHeaders(200, 0);
            threads.execute(new EventStream(ex, subscription, filter, lastEventId, store, limits, release));
            LOG.fine(() -> "event stream opened; " + openStreams() + " open");
            return true;
        } catch (IOException | RejectedExecutionException e) {
            release.run(); // the client is gone, or the daemon is stopping: the stream ends empty
            return false;
        }
    }

    private static Long lastEventId(HttpExchange ex) {
        String value = ex.getRequestHeaders().getFirst("Last-Event-ID");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw HttpError.badRequest("Last-Event-ID must be a notification id (an integer, 0 or more), was '"
                + (value.length() > 32 ? value.substring(0, 32) + "…" : value) + "'");
    }

    int openStreams() {
        return limits.maxStreams() - slots.availablePermits();
    }

    /** Lets the streams end by themselves (once the feed is closed) and waits for that, at most {@code wait}. */
    void awaitEnd(Duration wait) {
        threads.shutdown();
        try {
            threads.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Interrupts the streams still running and waits for them a moment. */
    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
