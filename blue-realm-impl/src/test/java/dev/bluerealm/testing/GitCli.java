package dev.bluerealm.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code git} command line, to check that what the engine writes with JGit is what git
 * itself reads. Tests call {@code assumeTrue(GitCli.available(), ...)} first. No system or global
 * config is read, so the machine's settings cannot change what a test sees.
 */
public final class GitCli {
    private GitCli() {}

    /** True when {@code git} runs. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code git args...} in {@code dir} and returns its standard output; fails unless it exits 0. */
    public static String run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        pb.environment().put("GIT_AUTHOR_NAME", "test");
        pb.environment().put("GIT_AUTHOR_EMAIL", "test@example.com");
        pb.environment().put("GIT_COMMITTER_NAME", "test");
        pb.environment().put("GIT_COMMITTER_EMAIL", "test@example.com");
        Path err = java.nio.file.Files.createTempFile("git-stderr", ".txt"); // a file: a full pipe cannot block git
        try {
            Process p = pb.redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("git " + String.join(" ", args) + " failed in " + dir + ":\n" + out
                        + java.nio.file.Files.readString(err));
            }
            return out;
        } finally {
            java.nio.file.Files.deleteIfExists(err);
        }
    }
}
