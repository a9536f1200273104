package dev.bluerealm.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** {@code $BLUE_HOME/daemon.log}, rotated by size: 1 MiB per file, 3 files ({@code daemon.log}, {@code .1}, {@code .2}). */
final class DaemonLog {
    static final int LIMIT = 1024 * 1024;
    static final int COUNT = 3;

    private DaemonLog() {}

    static FileHandler install(Path blueHome) throws IOException {
        Files.createDirectories(blueHome);
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        FileHandler h = new FileHandler(blueHome.resolve("daemon.log").toString().replace("%", "%%") + ".%g",
                LIMIT, COUNT, true);
        h.setFormatter(new SimpleFormatter());
        h.setLevel(Level.INFO);
        Logger root = Logger.getLogger("dev.bluerealm");
        root.addHandler(h);
        root.setLevel(Level.INFO);
        return h;
    }
}
