package dev.bluerealm.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the PID file lives (RFC): {@code $XDG_RUNTIME_DIR/blue/}, else {@code /var/run/blue/} when
 * writable, else {@code $BLUE_HOME/run/}. {@code BLUE_DAEMON_RUN_DIR} overrides it (tests).
 */
final class RunDirectory {
    private RunDirectory() {}

    static Path resolve(Path blueHome, Map<String, String> env) {
        String explicit = env.get("BLUE_DAEMON_RUN_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String xdg = env.get("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank() && Files.isDirectory(Path.of(xdg))) {
            return Path.of(xdg, "blue").toAbsolutePath();
        }
        Path varRun = Path.of("/var/run/blue");
        if (Files.isDirectory(varRun) && Files.isWritable(varRun)) {
            return varRun;
        }
        return blueHome.resolve("run");
    }
}
