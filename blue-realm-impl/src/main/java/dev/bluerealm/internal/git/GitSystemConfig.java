package dev.bluerealm.internal.git;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Where git keeps its system-wide config ({@code /etc/gitconfig} on most Linux systems), remembered
 * in {@code BLUE_HOME} across processes. JGit learns it by asking the git executable, once per
 * process: {@code git --version}, then {@code git config --system --show-origin --list -z}, two
 * child processes that cost a cold {@code blue} command 40–70 ms (issue 8). The answer depends only
 * on that executable, {@code GIT_CONFIG_SYSTEM} and the system config file itself (or, when git
 * showed none, the file it would use); the remembered answer is keyed by the first two and dropped
 * as soon as that file changes, so JGit reads exactly the system config it would have found itself.
 *
 * <p>JGit's own discovery is kept where it follows other rules (Windows, macOS, no {@code git} on
 * {@code PATH}, {@code GIT_CONFIG_NOSYSTEM} set) and whenever the remembered file cannot be used.
 */
public final class GitSystemConfig {
    static final String FILE = "cache/git-system-config";

    private final Function<String, String> env;
    private final Discovery discovery;

    /** How the location is found when it is not remembered: JGit's way, and git's own answer for "none". */
    interface Discovery {
        /** JGit's answer (it runs git): the file, or null for none. */
        File jgit();

        /** The file git would use for its system config, whether or not it exists; null if unknown. */
        File location(File git);
    }

    GitSystemConfig(Function<String, String> env, Discovery discovery) {
        this.env = env;
        this.discovery = discovery;
    }

    /**
     * Tells JGit where the system config is, from what {@code blueHome} remembers (learning and
     * remembering it the first time: later calls cost a few file reads). Never fails: at worst JGit
     * discovers it itself.
     */
    public static void prime(Path blueHome) {
        if (blueHome == null) {
            return;
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return;
        }
        SystemReader system = SystemReader.getInstance();
        GitSystemConfig config = new GitSystemConfig(system::getenv, new Discovery() {
            @Override
            public File jgit() {
                // a new FS asks git now; FS.DETECTED may hold an answer this process learnt earlier
                return FS.detect().getGitSystemConfig();
            }

            @Override
            public File location(File git) {
                return editorPath(git);
            }
        });
        config.resolve(blueHome.resolve(FILE)).ifPresent(answer -> FS.DETECTED.setGitSystemConfig(answer.orElse(null)));
    }

    /**
     * The system config JGit would find (an empty inner optional: none), or empty when it is not
     * known without JGit's own discovery. Learns and remembers it in {@code memo} when needed.
     */
    Optional<Optional<File>> resolve(Path memo) {
        if (!isEmpty(env.apply("GIT_CONFIG_NOSYSTEM"))) {
            return Optional.empty(); // JGit reads no system config at all
        }
        File git = searchPath(env.apply("PATH"));
        if (git == null) {
            return Optional.empty(); // JGit then asks a login shell: left to it
        }
        String key = key(git);
        if (key == null) {
            return Optional.empty();
        }
        Properties kept = read(memo);
        String watched = kept.getProperty("watch");
        if (key.equals(kept.getProperty("key")) && watched != null
                && Objects.equals(stat(new File(watched)), kept.getProperty("watch.stat"))) {
            String answer = kept.getProperty("file");
            return Optional.of(Optional.ofNullable(answer == null ? null : new File(answer)));
        }
        File found = discovery.jgit();
        // what would change the answer: the file itself, or, when git showed none, the file it would use
        File watch = found != null ? found : discovery.location(git);
        if (watch != null) {
            Properties learnt = new Properties();
            learnt.setProperty("key", key);
            if (found != null) {
                learnt.setProperty("file", found.getPath());
            }
            learnt.setProperty("watch", watch.getPath());
            learnt.setProperty("watch.stat", stat(watch));
            write(memo, learnt);
        }
        return Optional.of(Optional.ofNullable(found));
    }

    /** The git executable JGit runs on Linux and other POSIX systems: the first on PATH. */
    static File searchPath(String path) {
        if (isEmpty(path)) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            File f = new File(dir, "git");
            if (f.isFile() && f.canExecute()) {
                return f.getAbsoluteFile();
            }
        }
        return null;
    }

    /** What the answer depends on: the executable (path, size, time) and where git is told to look. */
    private String key(File git) {
        String s = stat(git);
        if (s.equals("missing")) {
            return null;
        }
        String system = env.apply("GIT_CONFIG_SYSTEM");
        return git.getPath() + "|" + s + "|" + (system == null ? "" : "GIT_CONFIG_SYSTEM=" + system);
    }

    private static String stat(File f) {
        try {
            BasicFileAttributes a = Files.readAttributes(f.toPath(), BasicFileAttributes.class);
            return a.size() + "@" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                    + (a.fileKey() == null ? "" : "#" + a.fileKey());
        } catch (IOException | RuntimeException e) {
            return "missing";
        }
    }

    /** {@code git config --system --edit} with {@code echo} as the editor prints the file (JGit's way for old gits). */
    private static File editorPath(File git) {
        ProcessBuilder pb = new ProcessBuilder(git.getPath(), "config", "--system", "--edit")
                .directory(git.getParentFile()).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().put("GIT_EDITOR", "echo");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readNBytes(4096), StandardCharsets.UTF_8).trim();
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 && !out.isEmpty() && !out.contains("\n") ? new File(out) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Properties read(Path memo) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(memo)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            p.clear(); // none yet, or unreadable: learn it again
        }
        return p;
    }

    /** Best effort, and atomic: concurrent processes each write the same answer whole. */
    private static void write(Path memo, Properties p) {
        Path tmp = null;
        try {
            Files.createDirectories(memo.getParent());
            tmp = Files.createTempFile(memo.getParent(), ".git-system-config", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "where git's system config is (blue-realm; safe to delete)");
            }
            Files2.moveIntoPlace(tmp, memo);
            tmp = null;
        } catch (IOException | RuntimeException e) {
            // a read-only BLUE_HOME: JGit discovers it again next time
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // nothing more to do
                }
            }
        }
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
