package dev.bluerealm.daemon;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Notifications as they are created, for whoever listens ({@code GET /events}). Publishing never
 * blocks: each subscriber has a bounded queue, and one that falls that far behind is ended (its
 * client resumes from daemon.db with {@code Last-Event-ID}). Closing the feed ends every subscriber.
 */
final class NotificationFeed implements AutoCloseable {
    /** How many notifications a subscriber may have waiting before it is ended. */
    static final int BACKLOG = 256;

    /** Wakes a waiting subscriber that has ended. */
    private static final Object END = new Object();

    private final Set<Subscription> subscribers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** One listener's queue; close it when done. */
    final class Subscription implements AutoCloseable {
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BACKLOG);
        private volatile boolean ended;

        /**
         * The next notification, waiting at most {@code wait}; empty when none came in time, and at once
         * when the subscription has {@link #ended()} and nothing is left before the end.
         */
        Optional<DaemonStore.NotificationRow> next(Duration wait) throws InterruptedException {
            Object item = queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
            if (item == END) {
                queue.offer(END); // so that every later call returns at once too
                return Optional.empty();
            }
            return Optional.ofNullable((DaemonStore.NotificationRow) item);
        }

        /** True once the feed closed, the subscriber fell behind, or it was closed. */
        boolean ended() {
            return ended;
        }

        private void deliver(DaemonStore.NotificationRow row) {
            if (!ended && !queue.offer(row)) {
                end(); // fell behind: what it missed is in daemon.db
            }
        }

        private void end() {
            ended = true;
            queue.clear();
            queue.offer(END);
        }

        @Override
        public void close() {
            subscribers.remove(this);
            end();
        }
    }

    /** A new subscriber; already ended when the feed is closed. */
    Subscription subscribe() {
        Subscription s = new Subscription();
        subscribers.add(s);
        if (closed) {
            s.close();
        }
        return s;
    }

    /** Hands {@code row} to every subscriber; never blocks. */
    void publish(DaemonStore.NotificationRow row) {
        for (Subscription s : subscribers) {
            s.deliver(row);
        }
    }

    int subscribers() {
        return subscribers.size();
    }

    /** Ends every subscriber, now and later. */
    @Override
    public void close() {
        closed = true;
        for (Subscription s : subscribers) {
            s.close();
        }
    }
}
