package dev.bluerealm.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration from the environment, the run directory rule, and DaemonMain's arguments. */
class DaemonConfigTest {
    @TempDir
    Path tmp;

    @Test
    void fromEnvironment_defaults_port7865_watch60s_homeDotBlue() {
        DaemonConfig c = DaemonConfig.fromEnvironment(Map.of("HOME", tmp.toString()), null);
        assertEquals(7865, c.port());
        assertEquals(tmp.resolve(".blue"), c.blueHome());
        assertEquals(Duration.ofSeconds(60), c.watchInterval());
    }

    @Test
    void fromEnvironment_optionBeatsVariable() {
        Map<String, String> env = Map.of("BLUE_HOME", tmp.resolve("bh").toString(), "BLUE_DAEMON_PORT", "9001");
        assertEquals(9001, DaemonConfig.fromEnvironment(env, null).port());
        assertEquals(9002, DaemonConfig.fromEnvironment(env, 9002).port());
        assertThrows(IllegalArgumentException.class,
                () -> DaemonConfig.fromEnvironment(Map.of("BLUE_DAEMON_PORT", "x"), null));
    }

    @Test
    void runDirectory_xdgFirst_thenBlueHomeRun() throws Exception {
        Path xdg = Files.createDirectories(tmp.resolve("xdg"));
        assertEquals(xdg.resolve("blue"), RunDirectory.resolve(tmp.resolve("bh"), Map.of("XDG_RUNTIME_DIR", xdg.toString())));
        Path fallback = RunDirectory.resolve(tmp.resolve("bh"), Map.of("XDG_RUNTIME_DIR", tmp.resolve("missing").toString()));
        assertTrue(fallback.equals(Path.of("/var/run/blue")) || fallback.equals(tmp.resolve("bh/run")), fallback.toString());
        assertEquals(tmp.resolve("r"), RunDirectory.resolve(tmp.resolve("bh"), Map.of("BLUE_DAEMON_RUN_DIR", tmp.resolve("r").toString())));
    }

    @Test
    void main_badArguments_exit2WithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true);
        PrintStream o = new PrintStream(new ByteArrayOutputStream(), true);
        assertEquals(2, DaemonMain.run(new String[0], Map.of(), o, e));
        assertEquals(2, DaemonMain.run(new String[] {"run", "--port", "abc"}, Map.of(), o, e));
        assertEquals(2, DaemonMain.run(new String[] {"run", "--bogus"}, Map.of(), o, e));
        assertTrue(err.toString().contains("usage: DaemonMain run [--port P]"), err.toString());
    }

    @Test
    void watcher_changeType_breakingWhenMajorGrows() {
        assertEquals("updated", RealmWatcher.changeType("1.4.0", dev.bluerealm.version.Version.parse("1.5.0")));
        assertEquals("breaking", RealmWatcher.changeType("1.4.0", dev.bluerealm.version.Version.parse("2.0.0")));
        assertEquals("updated", RealmWatcher.changeType("garbage", dev.bluerealm.version.Version.parse("2.0.0")));
    }
}
