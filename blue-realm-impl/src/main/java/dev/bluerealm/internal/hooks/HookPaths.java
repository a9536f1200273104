package dev.bluerealm.internal.hooks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The path rules for files that realm content (which other orgs can write) names inside a repo:
 * hooks, {@code extract: {command}} scripts, {@code extract: {file}} files and source files
 * (DESIGN §4, "Hooks").
 *
 * <ul>
 *   <li>{@link #normalise}: relative, '/'-separated, {@code .} and {@code ..} resolved lexically
 *       without ever climbing above the repo, not inside {@code .git}.</li>
 *   <li>{@link #resolve}: also exists, is a regular file, and its real path (every symlink
 *       followed) stays inside the repo's real path.</li>
 *   <li>{@link #verifyTracked}: also committed in HEAD as a regular file with exactly the bytes
 *       on disk; only such a script is ever run, since a hook named in the realm must be this
 *       repo's own reviewed code.</li>
 * </ul>
 */
public final class HookPaths {
    /** Largest script compared against HEAD. */
    static final long MAX_SCRIPT_BYTES = 16L * 1024 * 1024;

    private HookPaths() {}

    /** A script that may run: its path relative to the repo root, its real file, whether HEAD marks it executable. */
    public record Tracked(String path, Path file, boolean executable) {}

    /**
     * The path in normal form ({@code scripts/check.sh}).
     *
     * @throws HookRefusedException when it is empty, absolute, uses '\', climbs out of the repo or points into .git
     */
    public static String normalise(String path) throws HookRefusedException {
        if (path == null || path.isBlank()) {
            throw new HookRefusedException("no path given");
        }
        if (path.indexOf('\0') >= 0) {
            throw new HookRefusedException("'" + path.replace("\0", "\\0") + "' contains a NUL character");
        }
        if (path.indexOf('\\') >= 0) {
            throw new HookRefusedException("'" + path + "' contains '\\'; write paths relative to the repo with '/'");
        }
        boolean drive = path.length() >= 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0))
                && path.charAt(0) < 128;
        if (path.startsWith("/") || drive) {
            throw new HookRefusedException("'" + path + "' is absolute; it must be relative to the repo root");
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new HookRefusedException("'" + path + "' leads outside the repo (through '..')");
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        if (parts.isEmpty()) {
            throw new HookRefusedException("'" + path + "' names the repo root, not a file in it");
        }
        if (parts.getFirst().toLowerCase(Locale.ROOT).equals(".git")) {
            throw new HookRefusedException("'" + path + "' is inside .git, which is not part of the repo's content");
        }
        return String.join("/", parts);
    }

    /**
     * The real path of the regular file that {@code path} names inside {@code repoRoot}.
     *
     * @throws HookRefusedException when {@link #normalise} refuses it, it does not exist, it is not a
     *     regular file, or a symlink on the way leads outside the repo
     */
    public static Path resolve(Path repoRoot, String path) throws HookRefusedException {
        String rel = normalise(path);
        Path root = realRoot(repoRoot);
        Path candidate = root.resolve(rel);
        if (!Files.exists(candidate)) {
            if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                throw new HookRefusedException("'" + rel + "' is a symlink to nothing");
            }
            throw new HookRefusedException("'" + rel + "' does not exist in " + root);
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            throw new HookRefusedException("'" + rel + "' cannot be read: " + e.getMessage());
        }
        if (!real.startsWith(root)) {
            throw new HookRefusedException("'" + rel + "' leads outside the repo through a symlink (to " + real
                    + "); only files inside the repo may be used");
        }
        Path inside = root.relativize(real);
        if (inside.getNameCount() > 0 && inside.getName(0).toString().toLowerCase(Locale.ROOT).equals(".git")) {
            throw new HookRefusedException("'" + rel + "' leads into .git through a symlink");
        }
        if (!Files.isRegularFile(real)) {
            throw new HookRefusedException("'" + rel + "' is not a regular file"
                    + (Files.isDirectory(real) ? " (it is a directory)" : ""));
        }
        return real;
    }

    /**
     * {@link #resolve}, and checks that the file is committed in the repo's HEAD as a regular file
     * with exactly the bytes on disk (and, when HEAD marks it executable, that it is executable on disk).
     *
     * @throws HookRefusedException naming the reason: not a git repo, no commits, untracked, modified, a symlink in HEAD
     */
    public static Tracked verifyTracked(Path repoRoot, String path) throws HookRefusedException {
        Path file = resolve(repoRoot, path);
        Path root = realRoot(repoRoot);
        String shown = normalise(path);
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(root.toFile());
        if (builder.getGitDir() == null) {
            throw new HookRefusedException("'" + shown + "' is not in a git repository, so it cannot be checked against"
                    + " HEAD; a hook must be committed code of the repo");
        }
        try (Repository repo = builder.setMustExist(true).build()) {
            if (repo.isBare()) {
                throw new HookRefusedException(root + " is a bare repository; hooks run from a work tree");
            }
            Path workTree = repo.getWorkTree().toPath().toRealPath();
            if (!file.startsWith(workTree)) {
                throw new HookRefusedException("'" + shown + "' is outside the git work tree " + workTree);
            }
            String gitPath = slashes(workTree.relativize(file));
            String relToRoot = slashes(root.relativize(file));
            ObjectId tree = repo.resolve(Constants.HEAD + "^{tree}");
            if (tree == null) {
                throw new HookRefusedException("'" + shown + "' cannot be checked: the repository has no commit yet;"
                        + " commit the script first");
            }
            try (TreeWalk walk = TreeWalk.forPath(repo, gitPath, tree)) {
                if (walk == null) {
                    throw new HookRefusedException("'" + shown + "' is not committed in HEAD (untracked or only staged);"
                            + " a script named by the realm runs only when it is this repo's own reviewed code:"
                            + " commit it first");
                }
                FileMode mode = walk.getFileMode(0);
                boolean executable = FileMode.EXECUTABLE_FILE.equals(mode);
                if (!executable && !FileMode.REGULAR_FILE.equals(mode)) {
                    throw new HookRefusedException("'" + shown + "' is not a regular file in HEAD (mode "
                            + mode + ")");
                }
                byte[] committed;
                try {
                    committed = repo.open(walk.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes((int) MAX_SCRIPT_BYTES);
                } catch (LargeObjectException e) {
                    throw new HookRefusedException("'" + shown + "' is larger than " + MAX_SCRIPT_BYTES + " bytes");
                }
                if (!sameContent(file, committed)) {
                    throw new HookRefusedException("'" + shown + "' differs from the version committed in HEAD"
                            + " (modified in the work tree); only committed, reviewed code runs: commit the change,"
                            + " or restore it with git checkout -- " + gitPath);
                }
                if (executable && !Files.isExecutable(file)) {
                    throw new HookRefusedException("'" + shown + "' is executable in HEAD (mode 100755) but not on disk;"
                            + " restore its mode with git checkout -- " + gitPath);
                }
                return new Tracked(relToRoot, file, executable);
            }
        } catch (IOException e) {
            throw new HookRefusedException("'" + shown + "' cannot be checked against HEAD: " + e.getMessage());
        }
    }

    private static boolean sameContent(Path file, byte[] committed) throws IOException {
        if (Files.size(file) != committed.length) {
            return false;
        }
        byte[] onDisk;
        try (InputStream in = Files.newInputStream(file)) {
            onDisk = in.readNBytes(committed.length + 1);
        }
        return Arrays.equals(onDisk, committed);
    }

    /**
     * {@link #resolve} for many files of one repo: the root and each folder are resolved to their real
     * paths once, and a file that is a plain regular file (no symlink) inside a folder already known
     * to be inside the repo costs one {@code lstat}. A symlink, or anything unusual, takes the full
     * {@link #resolve} path, so the rules are exactly the same.
     */
    public static final class Resolver {
        private final Path repoRoot;
        private final Map<Path, Path> realFolders = new HashMap<>();
        private Path root;

        public Resolver(Path repoRoot) {
            this.repoRoot = repoRoot;
        }

        /** A resolved file and its modification time (millis), read by the same system call. */
        public record Resolved(Path real, long mtime) {}

        public Path resolve(String path) throws HookRefusedException {
            return resolveFile(path).real();
        }

        public Resolved resolveFile(String path) throws HookRefusedException {
            String rel = normalise(path);
            if (root == null) {
                root = realRoot(repoRoot);
            }
            Path candidate = root.resolve(rel);
            Path folder = candidate.getParent();
            try {
                BasicFileAttributes attrs = Files.readAttributes(candidate, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attrs.isRegularFile()) {
                    Path realFolder = realFolders.get(folder);
                    if (realFolder == null) {
                        realFolder = folder.toRealPath();
                        realFolders.put(folder, realFolder);
                    }
                    Path inside = root.relativize(realFolder);
                    boolean inGit = inside.getNameCount() > 0 && !inside.toString().isEmpty()
                            && inside.getName(0).toString().toLowerCase(Locale.ROOT).equals(".git");
                    if (realFolder.startsWith(root) && !inGit) {
                        return new Resolved(realFolder.resolve(candidate.getFileName()),
                                attrs.lastModifiedTime().toMillis());
                    }
                }
            } catch (IOException e) {
                // missing or unreadable: the full rules below say which, in their own words
            }
            Path real = HookPaths.resolve(repoRoot, path);
            try {
                return new Resolved(real, Files.getLastModifiedTime(real).toMillis());
            } catch (IOException e) {
                return new Resolved(real, -1);
            }
        }
    }

    private static Path realRoot(Path repoRoot) throws HookRefusedException {
        try {
            return repoRoot.toRealPath();
        } catch (IOException e) {
            throw new HookRefusedException("the repo root " + repoRoot + " cannot be read: " + e.getMessage());
        }
    }

    private static String slashes(Path p) {
        StringBuilder out = new StringBuilder();
        for (Path part : p) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }
}
