package dev.bluerealm.internal.extract;

import java.nio.file.Path;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * Where the marker scans of source files may be kept between runs (the RFC's export cache: a file's
 * scan stays valid while its mtime, or else its content, is unchanged).
 */
@FunctionalInterface
public interface ScanCache {
    /** No cache: every file is scanned. */
    ScanCache NONE = (file, real, mtime, exported, scan) -> scan.get();

    /**
     * The scan of {@code file} (whose bytes are at {@code real}, last modified at {@code mtime} millis,
     * or -1 when unknown) for the given exported contracts: the cached one when still valid, else
     * {@code scan.get()}, which the cache may keep.
     */
    FileScan get(String file, Path real, long mtime, Collection<String> exported, Supplier<FileScan> scan);
}
