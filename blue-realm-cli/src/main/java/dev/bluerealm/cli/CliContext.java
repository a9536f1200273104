package dev.bluerealm.cli;

import dev.bluerealm.RealmOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * What a command may know of the process it serves: its working folder, environment and clock,
 * the daemon session and progress display of the command running, and the {@link ClientProcess}
 * (its pid, whether it writes to a terminal). Tests and the demo run commands in other folders and
 * {@code BLUE_HOME}s without touching the real process, and the daemon runs them for its clients
 * ({@link DaemonRunHost}); every derived context has a session slot of its own.
 */
public record CliContext(Path cwd, Map<String, String> env, Clock clock, SessionSlot session, ProgressSlot progress,
                         ClientProcess client) {
    public CliContext {
        cwd = cwd.toAbsolutePath().normalize();
        env = Map.copyOf(env);
        java.util.Objects.requireNonNull(session, "session");
        java.util.Objects.requireNonNull(progress, "progress");
        java.util.Objects.requireNonNull(client, "client");
    }

    /** This JVM's context in {@code cwd}. */
    public CliContext(Path cwd, Map<String, String> env, Clock clock) {
        this(cwd, env, clock, new SessionSlot());
    }

    /** A context of this JVM sharing {@code session} (another folder of the same run), without a progress display. */
    public CliContext(Path cwd, Map<String, String> env, Clock clock, SessionSlot session) {
        this(cwd, env, clock, session, new ProgressSlot(), ClientProcess.current());
    }

    /** The running process's context. */
    public static CliContext system() {
        return new CliContext(Path.of(System.getProperty("user.dir")), System.getenv(), Clock.systemUTC());
    }

    /** The same context in another folder. */
    public CliContext in(Path dir) {
        return new CliContext(cwd.resolve(dir), env, clock, new SessionSlot(), new ProgressSlot(), client);
    }

    /** The same context with one environment variable set. */
    public CliContext with(String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(name, value);
        return new CliContext(cwd, copy, clock, new SessionSlot(), new ProgressSlot(), client);
    }

    /** Options for opening a realm from here (with this run's progress display, when it has one). */
    public RealmOptions.Builder options() {
        RealmOptions.Builder b = RealmOptions.builder().workingDirectory(cwd).environment(env).clock(clock);
        dev.bluerealm.progress.ProgressListener display = progress.get();
        return display == null ? b : b.progress(display);
    }

    /** Colour and icons' decorations only on a terminal and without NO_COLOR. */
    public boolean color(PrintWriter out) {
        return terminal();
    }

    private boolean terminal() {
        return !env.containsKey("NO_COLOR") && client.stdoutTerminal() && env.containsKey("TERM")
                && !"dumb".equals(env.get("TERM"));
    }

    /**
     * Whether a run shows progress (DESIGN §7): a {@code realm} command (so never {@code blue mcp},
     * whose stdout is the protocol, nor {@code blue daemon run}) without {@code --json}, on a terminal
     * as for colour, whose stderr (where the line goes) is a terminal too. Piped, it is off.
     */
    boolean showsProgress(picocli.CommandLine.ParseResult parsed) {
        if (!Sessions.isRealmCommand(parsed) || !terminal()) {
            return false;
        }
        for (picocli.CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--json")) {
                return false;
            }
        }
        return client.stderrTerminal();
    }
}
