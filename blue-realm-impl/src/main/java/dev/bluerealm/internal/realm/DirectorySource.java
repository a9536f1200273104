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
    private final java.util.Map<String, BasicFileAttributes> stats = new java.util.HashMap<>();
    private java.nio.file.attribute.FileTime newest = java.nio.file.attribute.FileTime.fromMillis(0);

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
                        if (rel.equals(RealmPaths.REALM_YAML) || rel.startsWith("repos/") || rel.startsWith("domains/")) {
                            stats.put(rel, attrs);
                            if (attrs.lastModifiedTime().compareTo(newest) > 0) {
                                newest = attrs.lastModifiedTime();
                            }
                        }
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

    /**
     * A digest of every path and of the size, modification time and file key (inode) of every file
     * the loader looks at (realm.yaml, repos/, domains/); other files at the root do not change the
     * model. Stat data stands in for content as in git's index, with the same "racily clean" rule:
     * see {@link #newestChange()}.
     */
    @Override
    public String contentKey() throws IOException {
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
        StringBuilder line = new StringBuilder();
        for (String path : paths()) {
            line.setLength(0);
            line.append(path).append('\0');
            BasicFileAttributes a = stats.get(path);
            if (a != null) {
                line.append(a.size()).append(' ').append(a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS))
                        .append(' ').append(a.fileKey());
            }
            line.append('\n');
            digest.update(line.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        for (String path : irregular) {
            digest.update(("irregular:" + path + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return "dir:" + java.util.HexFormat.of().formatHex(digest.digest());
    }

    /** The newest modification time of the realm files: a snapshot not clearly younger cannot be trusted. */
    @Override
    public java.nio.file.attribute.FileTime newestChange() throws IOException {
        paths();
        return newest;
    }
}
