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
}
