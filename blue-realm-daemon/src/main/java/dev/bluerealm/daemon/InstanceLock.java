package dev.bluerealm.daemon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One daemon per run directory: an OS lock on {@code blue.lock} held while running, and the PID file
 * {@code blue.pid} ({@code pid=}, {@code port=}, {@code blue_home=} lines) written once the port is
 * known. The lock file is never deleted, so two starters always contend for the same file.
 */
final class InstanceLock implements AutoCloseable {
    static final String PID_FILE = "blue.pid";
    static final String LOCK_FILE = "blue.lock";

    /** What a PID file says. */
    record Owner(long pid, int port, String blueHome) {}

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The lock, or empty when another process holds it. A holder is asked a few times over ~200 ms,
     * since {@link #isHeld} probes (a status check) take the lock for an instant.
     */
    static Optional<InstanceLock> tryAcquire(Path dir) throws IOException {
        for (int attempt = 0; attempt < 10; attempt++) {
            Optional<InstanceLock> l = tryOnce(dir);
            if (l.isPresent()) {
                return l;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    private static Optional<InstanceLock> tryOnce(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel ch = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock l = ch.tryLock();
            if (l == null) {
                ch.close();
                return Optional.empty();
            }
            return Optional.of(new InstanceLock(dir, ch, l));
        } catch (OverlappingFileLockException e) {
            ch.close(); // held by this very JVM
            return Optional.empty();
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    /** Writes the PID file atomically. */
    void publish(long pid, int port, Path blueHome) throws IOException {
        Path tmp = dir.resolve(PID_FILE + ".tmp");
        Files.writeString(tmp, "pid=" + pid + "\nport=" + port + "\nblue_home=" + blueHome + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, dir.resolve(PID_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(PID_FILE), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The PID file in {@code dir}, if there is a readable one. */
    static Optional<Owner> read(Path dir) {
        try {
            Map<String, String> m = new HashMap<>();
            for (String line : Files.readAllLines(dir.resolve(PID_FILE), StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    m.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return Optional.of(new Owner(Long.parseLong(m.get("pid")), Integer.parseInt(m.get("port")),
                    m.getOrDefault("blue_home", "")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * True when some process holds the lock of {@code dir} (probing briefly takes and releases it). The
     * daemon's own process never probes: closing any descriptor of the lock file drops every lock the
     * process holds on it (POSIX record locks), so a probe in the daemon (a command it runs for a client
     * asking whether the daemon runs) would free the lock for a second daemon.
     *
     * @param owner what the PID file of {@code dir} says ({@link #read}), which names the daemon's process
     */
    static boolean isHeld(Path dir, Owner owner) {
        if (!Files.exists(dir.resolve(LOCK_FILE))) {
            return false;
        }
        if (owner.pid() == ProcessHandle.current().pid()) {
            return true;
        }
        try (FileChannel ch = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes the PID file, then releases the lock. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(dir.resolve(PID_FILE));
        } catch (IOException e) {
            // best effort; the lock is what counts
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // released with the process anyway
        }
    }
}
