package dev.bluerealm.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** daemon.log rotation by size. */
class DaemonLogTest {
    @TempDir
    Path tmp;

    @Test
    void publish_pastTheLimit_rotatesKeepingTwoOldFiles() throws Exception {
        DaemonLog log = new DaemonLog(tmp.resolve("daemon.log"), 1000);
        for (int i = 0; i < 100; i++) {
            log.publish(new LogRecord(Level.INFO, "line " + i + " " + "x".repeat(50)));
        }
        assertTrue(Files.size(tmp.resolve("daemon.log")) <= 1000);
        assertTrue(Files.exists(tmp.resolve("daemon.log.1")));
        assertTrue(Files.exists(tmp.resolve("daemon.log.2")));
        assertFalse(Files.exists(tmp.resolve("daemon.log.3")));
        assertTrue(Files.readString(tmp.resolve("daemon.log")).contains("line 99 "));
        log.publish(new LogRecord(Level.FINE, "hidden"));
        assertFalse(Files.readString(tmp.resolve("daemon.log")).contains("hidden"));
        assertEquals(Level.INFO, log.getLevel());
    }
}
