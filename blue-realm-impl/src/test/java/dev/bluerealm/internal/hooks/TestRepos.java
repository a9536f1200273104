package dev.bluerealm.internal.hooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** Real git repos for hook and extractor tests: files written, executable bits set, committed with JGit. */
public final class TestRepos {
    private static final PersonIdent WHO = new PersonIdent("tester", "tester@example.com");

    private TestRepos() {}

    /** A new repo with no commit. */
    public static Git init(Path dir) throws GitAPIException, IOException {
        Files.createDirectories(dir);
        return Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    }

    /** Writes a file (creating folders), mode 0644. */
    public static Path write(Path root, String rel, String text) throws IOException {
        Path file = root.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    /** Writes a file with mode 0755. */
    public static Path writeExecutable(Path root, String rel, String text) throws IOException {
        Path file = write(root, rel, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** Stages everything in the work tree (new, changed, mode changes) and commits it. */
    public static void commitAll(Git git, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor(WHO).setCommitter(WHO).setSign(false).call();
    }
}
