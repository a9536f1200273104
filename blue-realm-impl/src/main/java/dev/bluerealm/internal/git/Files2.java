package dev.bluerealm.internal.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File helpers the standard library lacks. */
public final class Files2 {
    private Files2() {}

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
