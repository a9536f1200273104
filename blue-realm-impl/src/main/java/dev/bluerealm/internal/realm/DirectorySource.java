package dev.bluerealm.internal.realm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A realm checkout's work tree, read as it is on disk (the realm repo's own CI, local edits). */
public final class DirectorySource implements FileSource {
    private final Path root;
    private List<String> paths;
    private final List<String> irregular = new ArrayList<>();

    public DirectorySource(Path root) {
        this.root = root;
    }

    @Override
    public List<String> paths() throws IOException {
        if (paths == null) {
            List<String> found = new ArrayList<>();
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !dir.equals(root)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = root.relativize(file).toString().replace('\\', '/');
                    if (attrs.isRegularFile()) {
                        found.add(rel);
                    } else {
                        irregular.add(rel); // symlinks are not followed: they could point out of the realm
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            Collections.sort(found);
            paths = found;
        }
        return paths;
    }

    @Override
    public byte[] read(String path, int limit) throws IOException {
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(path + " is not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(limit + 1);
        }
    }

    @Override
    public List<String> irregular() throws IOException {
        paths();
        return irregular;
    }
}
