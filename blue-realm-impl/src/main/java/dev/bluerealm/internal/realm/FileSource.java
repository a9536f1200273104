package dev.bluerealm.internal.realm;

import java.io.IOException;
import java.util.List;

/** The files of a realm, wherever they are read from: a commit's tree or a checkout folder. */
public interface FileSource {
    /** Every regular file, as a '/'-separated path relative to the realm root, sorted. */
    List<String> paths() throws IOException;

    /** The file's bytes; at most {@code limit + 1} are read so an oversized file is refused cheaply. */
    byte[] read(String path, int limit) throws IOException;

    /** Paths that are not regular files (symlinks, submodules): refused as realm content. */
    List<String> irregular() throws IOException;

    /**
     * A key for the exact content of every realm file: two sources with the same key load the same
     * model (a commit's tree id; a digest of a checkout's realm files).
     */
    String contentKey() throws IOException;

    /**
     * For files on disk, whose key is made of stat data: their newest modification time. A snapshot
     * written less than a moment after it may have missed a same-size edit within the file system's
     * timestamp granularity, so it is not trusted (git's "racily clean" rule). Null for a commit,
     * whose key is its content.
     */
    default java.nio.file.attribute.FileTime newestChange() throws IOException {
        return null;
    }
}
