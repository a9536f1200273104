package dev.bluerealm.internal.hooks;

import dev.bluerealm.internal.progress.Progress;
import dev.bluerealm.progress.ProgressTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs validation hooks and extract commands: scripts that realm content names inside this repo
 * (DESIGN §4, "Hooks").
 *
 * <p>A script runs only after {@link HookPaths#verifyTracked}: relative to the repo, inside it
 * after every symlink, and committed in HEAD with exactly the bytes on disk. It runs directly
 * when HEAD records it executable (mode 100755), otherwise with {@code sh}; its working
 * directory is the repo root. Hooks get the contract as JSON on stdin and {@code BLUE_CONTRACT},
 * {@code BLUE_DOMAIN}, {@code BLUE_VERSION}, {@code BLUE_REPO_ROOT} in their environment; the
 * realm tokens ({@code BLUE_REALM_TOKEN}, {@code BLUE_FORGEJO_TOKEN}) are removed from it. A
 * script that runs past its timeout is killed together with every process it started.
 */
public final class HookRunner {
    /** The timeout when none is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Most bytes of a hook's output (and of a command's stderr) kept: the last ones. */
    public static final int OUTPUT_LIMIT = 64 * 1024;
    /** Most bytes of a command's stdout read (the value it prints), as for any realm file. */
    public static final int VALUE_LIMIT = 1024 * 1024;
    /** Variables never passed to a script. */
    static final List<String> WITHHELD = List.of("BLUE_REALM_TOKEN", "BLUE_FORGEJO_TOKEN");

    private final Duration defaultTimeout;
    private final Progress progress;
    /** What scripts inherit, or null for this process's environment. */
    private final Map<String, String> environment;

    public HookRunner() {
        this(DEFAULT_TIMEOUT);
    }

    /** A runner whose scripts time out after {@code defaultTimeout} unless a call says otherwise. */
    public HookRunner(Duration defaultTimeout) {
        this(defaultTimeout, Progress.none());
    }

    /** A runner that reports each script it runs, while it runs, as a task of {@code progress}. */
    public HookRunner(Duration defaultTimeout, Progress progress) {
        this(defaultTimeout, progress, null);
    }

    /**
     * A runner whose scripts inherit {@code environment} (the realm's options' environment) instead of
     * this process's: a realm opened for someone else (the daemon running a command for a client) runs
     * their scripts with their variables, as their own process would.
     */
    public HookRunner(Duration defaultTimeout, Progress progress, Map<String, String> environment) {
        this.defaultTimeout = positive(Objects.requireNonNull(defaultTimeout, "defaultTimeout"));
        this.progress = Objects.requireNonNull(progress, "progress");
        this.environment = environment == null ? null : Map.copyOf(environment);
    }

    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    /** {@link #run(Path, String, HookInput, Duration)} with the default timeout. */
    public HookResult run(Path repoRoot, String hookPath, HookInput input) {
        return run(repoRoot, hookPath, input, null);
    }

    /**
     * Runs the hook at {@code hookPath} (relative to {@code repoRoot}) on {@code input}. Exit 0 is
     * {@code VALID}, 1 {@code INVALID}, 2 {@code WARNING}, any other exit {@code INVALID}. Never
     * throws for anything the hook or the path does.
     *
     * @param timeout how long it may run; null for the runner's default
     */
    public HookResult run(Path repoRoot, String hookPath, HookInput input, Duration timeout) {
        Duration limit = timeout == null ? defaultTimeout : positive(timeout);
        HookPaths.Tracked script;
        try {
            script = HookPaths.verifyTracked(repoRoot, hookPath);
        } catch (HookRefusedException e) {
            return new HookResult(HookResult.Status.REFUSED, -1, "", "refused to run hook: " + e.getMessage());
        }
        Map<String, String> env = baseEnv(repoRoot);
        env.put("BLUE_CONTRACT", input.contract());
        env.put("BLUE_DOMAIN", input.domain());
        env.put("BLUE_VERSION", input.version());
        byte[] stdin = (input.toJson().toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        ProcessRunner.Execution ex;
        try (Progress.Task task = progress.start("Running hook " + script.path() + " (" + input.contract() + ")",
                ProgressTask.UNKNOWN)) {
            ex = start(script, repoRoot, env, stdin, limit, true, OUTPUT_LIMIT, false);
            if (!ex.timedOut() && (ex.exitCode() == 0 || ex.exitCode() == 2)) {
                task.complete();
            }
        } catch (IOException e) {
            return new HookResult(HookResult.Status.INVALID, -1, "", "hook " + script.path() + " could not be started: "
                    + e.getMessage());
        }
        String output = ex.stdout().text();
        if (ex.timedOut()) {
            return new HookResult(HookResult.Status.TIMEOUT, -1, output, "hook " + script.path() + " did not finish within "
                    + seconds(limit) + " and was stopped (with every process it started)");
        }
        int code = ex.exitCode();
        switch (code) {
            case 0:
                return new HookResult(HookResult.Status.VALID, 0, output, "hook " + script.path() + " passed (exit 0)");
            case 1:
                return new HookResult(HookResult.Status.INVALID, 1, output, "hook " + script.path()
                        + " found the contract invalid (exit 1)");
            case 2:
                return new HookResult(HookResult.Status.WARNING, 2, output, "hook " + script.path() + " warned (exit 2)");
            default:
                return new HookResult(HookResult.Status.INVALID, code, output, "hook " + script.path() + " exited with "
                        + code + "; only 0 (valid), 1 (invalid) and 2 (warning) are defined, so it counts as invalid");
        }
    }

    /** How an extract command ended. */
    public record CommandResult(Outcome outcome, int exitCode, String script, byte[] stdout, boolean stdoutTruncated,
                                String stderr, String message) {
        /** Whether it ran to an exit. */
        public enum Outcome { EXITED, TIMEOUT, REFUSED, NOT_STARTED }

        /** The stdout as UTF-8 text. */
        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /**
     * Runs a script that prints a value ({@code extract: {command}}) under the same path rules as
     * hooks, with empty stdin. Keeps the first {@link #VALUE_LIMIT} bytes of stdout and the last
     * {@link #OUTPUT_LIMIT} of stderr.
     *
     * @param env extra variables for the script
     * @param timeout how long it may run; null for the runner's default
     */
    public CommandResult runCommand(Path repoRoot, String scriptPath, Map<String, String> env, Duration timeout) {
        Duration limit = timeout == null ? defaultTimeout : positive(timeout);
        HookPaths.Tracked script;
        try {
            script = HookPaths.verifyTracked(repoRoot, scriptPath);
        } catch (HookRefusedException e) {
            return new CommandResult(CommandResult.Outcome.REFUSED, -1, scriptPath, new byte[0], false, "",
                    "refused to run " + scriptPath + ": " + e.getMessage());
        }
        Map<String, String> all = baseEnv(repoRoot);
        all.putAll(env);
        ProcessRunner.Execution ex;
        try (Progress.Task task = progress.start("Running " + script.path(), ProgressTask.UNKNOWN)) {
            ex = start(script, repoRoot, all, new byte[0], limit, false, VALUE_LIMIT, true);
            if (!ex.timedOut() && ex.exitCode() == 0) {
                task.complete();
            }
        } catch (IOException e) {
            return new CommandResult(CommandResult.Outcome.NOT_STARTED, -1, script.path(), new byte[0], false, "",
                    script.path() + " could not be started: " + e.getMessage());
        }
        if (ex.timedOut()) {
            return new CommandResult(CommandResult.Outcome.TIMEOUT, -1, script.path(), ex.stdout().bytes(),
                    ex.stdout().truncated(), ex.stderr().text(), script.path() + " did not finish within "
                    + seconds(limit) + " and was stopped (with every process it started)");
        }
        return new CommandResult(CommandResult.Outcome.EXITED, ex.exitCode(), script.path(), ex.stdout().bytes(),
                ex.stdout().truncated(), ex.stderr().text(), script.path() + " exited with " + ex.exitCode());
    }

    private ProcessRunner.Execution start(HookPaths.Tracked script, Path repoRoot, Map<String, String> env,
                                                 byte[] stdin, Duration timeout, boolean merge, int stdoutLimit,
                                                 boolean keepHead) throws IOException {
        Path dir = repoRoot.toAbsolutePath().normalize();
        String file = script.file().toString();
        if (script.executable()) {
            try {
                return ProcessRunner.run(List.of(file), dir, environment, env, stdin, timeout, merge, stdoutLimit,
                        keepHead, OUTPUT_LIMIT);
            } catch (IOException e) {
                // executable without a #! line: as a shell would, read it with sh
                if (e.getMessage() == null || !e.getMessage().contains("error=8")) {
                    throw e;
                }
            }
        }
        return ProcessRunner.run(List.of("sh", file), dir, environment, env, stdin, timeout, merge, stdoutLimit,
                keepHead, OUTPUT_LIMIT);
    }

    private static Map<String, String> baseEnv(Path repoRoot) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : WITHHELD) {
            env.put(name, null);
        }
        env.put("BLUE_REPO_ROOT", repoRoot.toAbsolutePath().normalize().toString());
        return env;
    }

    private static Duration positive(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a timeout must be positive: " + d);
        }
        return d;
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }
}
