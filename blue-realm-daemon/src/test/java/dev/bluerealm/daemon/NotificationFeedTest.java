package dev.bluerealm.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link NotificationFeed}: every subscriber gets every row in order; the slow and the late are ended. */
class NotificationFeedTest {
    static final Duration NOW = Duration.ZERO;

    static DaemonStore.NotificationRow row(long id) {
        return new DaemonStore.NotificationRow(id, "letemcook", "s3-access", "s3-permissions", "1." + id + ".0",
                "aperture", "updated", List.of(), null, Instant.EPOCH, List.of());
    }

    @Test
    void publish_reachesEverySubscriberInOrder() throws Exception {
        try (NotificationFeed feed = new NotificationFeed()) {
            NotificationFeed.Subscription a = feed.subscribe();
            NotificationFeed.Subscription b = feed.subscribe();
            feed.publish(row(1));
            feed.publish(row(2));
            for (NotificationFeed.Subscription s : List.of(a, b)) {
                assertEquals(Optional.of(row(1)), s.next(NOW));
                assertEquals(Optional.of(row(2)), s.next(NOW));
                assertEquals(Optional.empty(), s.next(Duration.ofMillis(10)));
                assertFalse(s.ended());
            }
        }
    }

    @Test
    void subscriberThatFallsBehind_isEnded_othersKeepTheirRows() throws Exception {
        try (NotificationFeed feed = new NotificationFeed()) {
            NotificationFeed.Subscription slow = feed.subscribe();
            NotificationFeed.Subscription other = feed.subscribe();
            for (int i = 1; i <= NotificationFeed.BACKLOG; i++) {
                feed.publish(row(i));
                other.next(NOW);
            }
            assertFalse(slow.ended());
            feed.publish(row(NotificationFeed.BACKLOG + 1));
            assertTrue(slow.ended());
            assertEquals(Optional.empty(), slow.next(Duration.ofDays(1))); // at once: ended
            assertEquals(Optional.of(row(NotificationFeed.BACKLOG + 1)), other.next(NOW));
        }
    }

    @Test
    void close_endsSubscribersNowAndLater() throws Exception {
        NotificationFeed feed = new NotificationFeed();
        NotificationFeed.Subscription before = feed.subscribe();
        feed.close();
        assertTrue(before.ended());
        assertEquals(Optional.empty(), before.next(Duration.ofDays(1)));
        assertEquals(Optional.empty(), before.next(Duration.ofDays(1))); // and again
        NotificationFeed.Subscription after = feed.subscribe();
        assertTrue(after.ended());
        feed.publish(row(1));
        assertEquals(Optional.empty(), after.next(Duration.ofDays(1)));
        assertEquals(0, feed.subscribers());
    }

    @Test
    void subscriptionClose_unsubscribes() {
        try (NotificationFeed feed = new NotificationFeed()) {
            NotificationFeed.Subscription s = feed.subscribe();
            assertEquals(1, feed.subscribers());
            s.close();
            assertEquals(0, feed.subscribers());
        }
    }
}
