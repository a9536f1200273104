package dev.bluerealm.internal.git;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Serialises changes to one clone's local refs and work tree between processes (and threads) on a
 * machine: every session of {@code BLUE_HOME} shares the managed clone, and git's own ref locks
 * make a concurrent update fail instead of wait. An OS file lock on {@code .git/blue/clone.lock},
 * polled, so that another thread of this process holding it is waited for too.
 */
final class CloneLock {
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final Path file;

    CloneLock(Path gitDir) {
        this.file = gitDir.resolve("blue").resolve("clone.lock");
    }

    interface Action<T> {
        T run() throws IOException;
    }

    <T> T with(Action<T> action) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = acquire(channel);
            try {
                return action.run();
            } finally {
                lock.release();
            }
        }
    }

    private FileLock acquire(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long pause = 2;
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                // another thread of this process holds it: wait like for another process
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the clone is busy: " + file + " stayed locked for " + PATIENCE.toMinutes()
                        + " minutes (another blue process on this machine)");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + file, e);
            }
            pause = Math.min(pause * 2, 50);
        }
    }
}
