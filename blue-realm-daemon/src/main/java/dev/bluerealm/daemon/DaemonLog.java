package dev.bluerealm.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * {@code $BLUE_HOME/daemon.log}, rotated by size: past {@link #LIMIT} bytes it becomes
 * {@code daemon.log.1} (and {@code .1} becomes {@code .2}; {@link #KEEP} old files are kept).
 * Each record is appended with the file opened and closed around it: the daemon logs little (access
 * lines are FINE), and the handler keeps working while JUL's own shutdown hook resets the loggers,
 * so the last lines of a SIGTERM reach the file.
 */
final class DaemonLog extends Handler {
    static final long LIMIT = 1024 * 1024;
    static final int KEEP = 2;

    private final Path file;
    private final long limit;

    DaemonLog(Path file, long limit) {
        this.file = file;
        this.limit = limit;
        setFormatter(new SimpleFormatter() {
            @Override
            public String format(LogRecord r) {
                String thrown = r.getThrown() == null ? "" : " (" + r.getThrown() + ")";
                return r.getInstant() + " " + r.getLevel() + " " + r.getLoggerName() + ": " + formatMessage(r) + thrown
                        + System.lineSeparator();
            }
        });
        setLevel(Level.INFO);
    }

    /** Sends the {@code dev.bluerealm} loggers to {@code $BLUE_HOME/daemon.log}. */
    static DaemonLog install(Path blueHome) throws IOException {
        Files.createDirectories(blueHome);
        DaemonLog h = new DaemonLog(blueHome.resolve("daemon.log"), LIMIT);
        Logger root = Logger.getLogger("dev.bluerealm");
        root.addHandler(h);
        root.setLevel(Level.INFO);
        return h;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        byte[] line = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.exists(file) && Files.size(file) + line.length > limit) {
                rotate();
            }
            Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            reportError("cannot write " + file, e, java.util.logging.ErrorManager.WRITE_FAILURE);
        }
    }

    private void rotate() throws IOException {
        for (int i = KEEP; i >= 1; i--) {
            Path older = sibling(i - 1);
            if (Files.exists(older)) {
                Files.move(older, sibling(i), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private Path sibling(int generation) {
        return generation == 0 ? file : file.resolveSibling(file.getFileName() + "." + generation);
    }

    @Override
    public void flush() {
        // every record is written through
    }

    @Override
    public void close() {
        // nothing held open
    }
}
