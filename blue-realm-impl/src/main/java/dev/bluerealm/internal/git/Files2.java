package dev.bluerealm.internal.git;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** File helpers the standard library lacks. */
public final class Files2 {
    private Files2() {}

    /**
     * Moves a finished temporary file over {@code target}: atomically where the file system can, so
     * readers see the old file or the new one, never a part.
     */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a folder tree (without following symlinks); best effort, for rolling back. */
    public static void deleteQuietly(Path dir) {
        // files can vanish (or appear) while we walk: JGit may still be finishing with a clone's lock
        // files; walk again a few times rather than give up half way
        for (int attempt = 0; attempt < 5; attempt++) {
            if (dir == null || !Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        // best effort: the caller is already reporting a failure
                    }
                });
            } catch (IOException | java.io.UncheckedIOException e) {
                // something changed under the walk: try again
            }
        }
    }
}
