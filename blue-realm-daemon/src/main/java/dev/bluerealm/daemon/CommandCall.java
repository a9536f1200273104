package dev.bluerealm.daemon;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One command line a client asks the daemon to run for it ({@link CommandRelay}, {@link CommandHost}):
 * what the client's own process would have used to run it.
 *
 * @param args the command line's arguments (after the program name)
 * @param cwd the client's working folder (absolute)
 * @param env the client's environment
 * @param pid the client's process id (its daemon session carries it, so the session ends with it)
 * @param stdoutTerminal whether the client's stdin and stdout are a terminal (a console)
 * @param stderrTerminal whether the client's stderr is a terminal
 * @param build which build of the program the client is ({@link CommandHost#refusal} compares it to its own)
 * @since 0.1
 */
public record CommandCall(List<String> args, Path cwd, Map<String, String> env, long pid, boolean stdoutTerminal,
                          boolean stderrTerminal, String build) {
    public CommandCall {
        args = List.copyOf(args);
        cwd = Objects.requireNonNull(cwd, "cwd");
        if (!cwd.isAbsolute()) {
            throw new IllegalArgumentException("cwd must be absolute: " + cwd);
        }
        env = Map.copyOf(env);
        Objects.requireNonNull(build, "build");
    }
}
