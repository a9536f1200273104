package dev.bluerealm.daemon;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Access logging (at FINE) and the count of requests in flight, so that shutdown can wait for them;
 * once shutting down, new requests get 503.
 */
final class AccessFilter extends Filter {
    private static final Logger LOG = Logger.getLogger("dev.bluerealm.daemon.access");

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closing;

    @Override
    public void doFilter(HttpExchange ex, Chain chain) throws IOException {
        inFlight.incrementAndGet();
        long start = System.nanoTime();
        try {
            if (closing) {
                try (ex) {
                    Exchanges.drain(ex);
                    Exchanges.sendError(ex, new HttpError(503, "SHUTTING_DOWN", "the daemon is shutting down"));
                }
                return;
            }
            chain.doFilter(ex);
        } finally {
            inFlight.decrementAndGet();
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + " " + ex.getResponseCode()
                        + " " + (System.nanoTime() - start) / 1_000_000 + "ms");
            }
        }
    }

    /** Refuses new requests and waits (at most {@code timeoutMillis}) until none is in flight. */
    void drain(long timeoutMillis) {
        closing = true;
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (inFlight.get() > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String description() {
        return "access log and in-flight count";
    }
}
