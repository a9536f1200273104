package dev.bluerealm.internal.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS) // JGit's own discovery is kept there
class GitSystemConfigTest {
    @TempDir Path tmp;
    final Map<String, String> env = new HashMap<>();
    final AtomicInteger asked = new AtomicInteger();
    File jgitAnswer;
    File location;
    Path memo;

    @BeforeEach
    void setUp() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path git = Files.writeString(bin.resolve("git"), "#!/bin/sh\n");
        assertTrue(git.toFile().setExecutable(true));
        env.put("PATH", tmp.resolve("empty") + File.pathSeparator + bin);
        location = tmp.resolve("etc/gitconfig").toFile();
        memo = tmp.resolve("blue-home").resolve(GitSystemConfig.FILE);
    }

    private Optional<Optional<File>> resolve() {
        return new GitSystemConfig(env::get, new GitSystemConfig.Discovery() {
            @Override
            public File jgit() {
                asked.incrementAndGet();
                return jgitAnswer;
            }

            @Override
            public File location(File git) {
                return location;
            }
        }).resolve(memo);
    }

    @Test
    void aFoundFile_isRemembered_untilItChanges() throws Exception {
        Files.createDirectories(location.toPath().getParent());
        Files.writeString(location.toPath(), "[core]\n\tautocrlf = input\n");
        jgitAnswer = location;
        assertEquals(Optional.of(Optional.of(location)), resolve());
        assertEquals(Optional.of(Optional.of(location)), resolve());
        assertEquals(1, asked.get(), "git was asked once");

        Files.writeString(location.toPath(), "[include]\n\tpath = /etc/other\n");
        jgitAnswer = new File("/etc/other");
        assertEquals(Optional.of(Optional.of(jgitAnswer)), resolve(), "the file changed: asked again");
        assertEquals(2, asked.get());
    }

    @Test
    void none_isRemembered_untilTheFileGitWouldUseAppears() throws Exception {
        jgitAnswer = null;
        assertEquals(Optional.of(Optional.empty()), resolve());
        assertEquals(Optional.of(Optional.empty()), resolve());
        assertEquals(1, asked.get());

        Files.createDirectories(location.toPath().getParent());
        Files.writeString(location.toPath(), "[user]\n\tname = x\n");
        jgitAnswer = location;
        assertEquals(Optional.of(Optional.of(location)), resolve());
        assertEquals(2, asked.get());
    }

    @Test
    void anotherGit_orGitConfigSystem_isAskedAgain() throws Exception {
        jgitAnswer = null;
        resolve();
        Path git = tmp.resolve("bin/git");
        Files.setLastModifiedTime(git, FileTime.fromMillis(Files.getLastModifiedTime(git).toMillis() - 60_000));
        resolve();
        assertEquals(2, asked.get(), "the executable changed");
        env.put("GIT_CONFIG_SYSTEM", tmp.resolve("mine").toString());
        resolve();
        assertEquals(3, asked.get(), "git is told to look elsewhere");
        resolve();
        assertEquals(3, asked.get());
    }

    @Test
    void noSystemConfigWanted_orNoGitOnPath_isLeftToJGit() {
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        assertEquals(Optional.empty(), resolve());
        env.remove("GIT_CONFIG_NOSYSTEM");
        env.put("PATH", tmp.resolve("empty").toString());
        assertEquals(Optional.empty(), resolve());
        assertEquals(0, asked.get());
    }

    @Test
    void aMemoThatCannotBeWrittenOrRead_costsOnlyTheSpeedUp() throws Exception {
        jgitAnswer = null;
        Files.createDirectories(memo.getParent().getParent());
        Files.writeString(memo.getParent(), "a file where the folder would be");
        assertEquals(Optional.of(Optional.empty()), resolve());
        assertEquals(Optional.of(Optional.empty()), resolve());
        assertEquals(2, asked.get());
    }

    @Test
    void searchPath_takesTheFirstExecutableGit() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("git"), "not executable");
        assertEquals(tmp.resolve("bin/git").toFile(), GitSystemConfig.searchPath(other + File.pathSeparator
                + File.pathSeparator + tmp.resolve("bin")));
        assertEquals(null, GitSystemConfig.searchPath(other.toString()));
        assertEquals(null, GitSystemConfig.searchPath(null));
    }
}
