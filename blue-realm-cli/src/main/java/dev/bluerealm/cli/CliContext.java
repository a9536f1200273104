package dev.bluerealm.cli;

import dev.bluerealm.RealmOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * What a command may know of the process: its working folder, environment and clock, and the
 * daemon session of the command running. Tests and the demo run commands in other folders and
 * {@code BLUE_HOME}s without touching the real process; every derived context has a session slot
 * of its own.
 */
public record CliContext(Path cwd, Map<String, String> env, Clock clock, SessionSlot session) {
    public CliContext {
        cwd = cwd.toAbsolutePath().normalize();
        env = Map.copyOf(env);
        java.util.Objects.requireNonNull(session, "session");
    }

    public CliContext(Path cwd, Map<String, String> env, Clock clock) {
        this(cwd, env, clock, new SessionSlot());
    }

    /** The running process's context. */
    public static CliContext system() {
        return new CliContext(Path.of(System.getProperty("user.dir")), System.getenv(), Clock.systemUTC());
    }

    /** The same context in another folder. */
    public CliContext in(Path dir) {
        return new CliContext(cwd.resolve(dir), env, clock);
    }

    /** The same context with one environment variable set. */
    public CliContext with(String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(name, value);
        return new CliContext(cwd, copy, clock);
    }

    /** Options for opening a realm from here. */
    public RealmOptions.Builder options() {
        return RealmOptions.builder().workingDirectory(cwd).environment(env).clock(clock);
    }

    /** Colour and icons' decorations only on a terminal and without NO_COLOR. */
    public boolean color(PrintWriter out) {
        return !env.containsKey("NO_COLOR") && System.console() != null && env.containsKey("TERM")
                && !"dumb".equals(env.get("TERM"));
    }
}
