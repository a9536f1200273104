package dev.bluerealm.internal.cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Loads SQLite (its JDBC driver, native library and connection set-up: tens of milliseconds in a cold
 * JVM) on another thread, so that a command about to use a repo's cache finds it ready (issue 8's
 * start-up). One per engine: it starts once, and only when that cache exists; {@link #await} before
 * opening a cache, so SQLite is not set up by two of its threads at once.
 */
public final class SqliteWarmUp {
    private Thread thread;

    /** Starts loading SQLite if {@code cache} exists and nothing was started yet. */
    public synchronized void start(Path cache) {
        if (thread != null || !Files.isRegularFile(cache)) {
            return;
        }
        thread = new Thread(() -> {
            try {
                DriverManager.getConnection("jdbc:sqlite::memory:").close();
            } catch (SQLException | RuntimeException | LinkageError e) {
                // CacheDb.open meets it again and reports it
            }
        }, "blue-sqlite-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Returns once what {@link #start} began has finished (at once if nothing was started). */
    public void await() {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) {
            return;
        }
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
