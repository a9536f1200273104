package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code blue daemon start|status|stop} on a BLUE_HOME of its own: a real detached process on loopback. */
class DaemonE2ETest {
    @TempDir Path tmp;

    @Test
    void startStatusStop_aRealDetachedDaemon() {
        Cli blue = new Cli(tmp.resolve("blue-home"), tmp.resolve("home"))
                .with("BLUE_DAEMON_PORT", "0").with("BLUE_DAEMON_RUN_DIR", tmp.resolve("run").toString());
        Cli.Result none = blue.run(tmp, "daemon", "status");
        assertTrue(none.out().startsWith("no daemon running for "), none.toString());
        Cli.Result start = blue.run(tmp, "daemon", "start");
        assertEquals(0, start.code(), start.toString());
        assertTrue(start.out().startsWith("✓ daemon running on 127.0.0.1:"), start.out());
        try {
            Cli.Result again = blue.run(tmp, "daemon", "start");
            assertTrue(again.out().startsWith("daemon already running (pid "), again.toString());
            Cli.Result status = blue.run(tmp, "daemon", "status", "--json");
            assertTrue(status.out().contains("\"running\": true"), status.out());
        } finally {
            Cli.Result stop = blue.run(tmp, "daemon", "stop");
            assertEquals("✓ daemon stopped\n", stop.out(), stop.toString());
        }
        assertTrue(blue.run(tmp, "daemon", "status").out().startsWith("no daemon running"));
    }
}
