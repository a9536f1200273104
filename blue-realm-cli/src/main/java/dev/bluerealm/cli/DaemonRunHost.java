package dev.bluerealm.cli;

import dev.bluerealm.daemon.CommandCall;
import dev.bluerealm.daemon.CommandHost;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs {@link DaemonRun}'s commands inside the daemon for its clients (registered for
 * {@link CommandHost} in {@code META-INF/services}). A command gets the client's folder, environment,
 * pid and terminal through its {@link CliContext}, as the engine takes them from its options (hooks and
 * extract commands run with that environment too); what a JVM reads only from its own process (the
 * {@code PATH} that programs are found on, git's and JGit's {@code HOME}, {@code XDG_CONFIG_HOME} and
 * {@code GIT_*} variables, the SSH agent, the time zone and locale) must be the same in the client as in
 * the daemon, else the client runs the command itself.
 */
public final class DaemonRunHost implements CommandHost {
    /**
     * What the daemon's JVM reads from its own environment rather than from a command's context (with every
     * {@code GIT_*} and {@code LC_*} variable): git's and JGit's configuration and SSH agent, where programs
     * are found, the default time zone and locale.
     */
    static final Set<String> PROCESS_WIDE = Set.of("HOME", "PATH", "XDG_CONFIG_HOME", "SSH_AUTH_SOCK", "TZ", "LANG",
            "LANGUAGE");
    private static final java.util.List<String> PROCESS_WIDE_PREFIXES = java.util.List.of("GIT_", "LC_");

    private final String build;
    private final Map<String, String> own;
    private final Clock clock;

    /** The host of this JVM (what ServiceLoader makes). */
    public DaemonRunHost() {
        this(DaemonRun.build(), System.getenv(), Clock.systemUTC());
    }

    DaemonRunHost(String build, Map<String, String> own, Clock clock) {
        this.build = Objects.requireNonNull(build, "build");
        this.own = Map.copyOf(own);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<String> refusal(CommandCall call) {
        if (build.equals("unknown") || !build.equals(call.build())) {
            return Optional.of("the daemon runs another build of blue (" + build + ")");
        }
        if (!DaemonRun.relayable(call.args().toArray(String[]::new))) {
            return Optional.of("the daemon does not run this command");
        }
        Set<String> differ = differing(call.env());
        if (!differ.isEmpty()) {
            return Optional.of("the environment differs from the daemon's in " + String.join(", ", differ));
        }
        return Optional.empty();
    }

    /** The process-wide variables ({@link #PROCESS_WIDE}, {@code GIT_*}, {@code LC_*}) whose values differ. */
    Set<String> differing(Map<String, String> env) {
        Set<String> names = new TreeSet<>(PROCESS_WIDE);
        for (Map<String, String> m : java.util.List.of(env, own)) {
            m.keySet().stream().filter(k -> PROCESS_WIDE_PREFIXES.stream().anyMatch(k::startsWith)).forEach(names::add);
        }
        names.removeIf(n -> Objects.equals(env.get(n), own.get(n)));
        return names;
    }

    @Override
    public int run(CommandCall call, OutputStream out, OutputStream err) {
        CliContext context = new CliContext(call.cwd(), call.env(), clock, new SessionSlot(), new ProgressSlot(),
                new ClientProcess(call.pid(), call.stdoutTerminal(), call.stderrTerminal()));
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            return Main.run(call.args().toArray(String[]::new), context, o, e);
        } finally {
            context.session().close(); // Main.run has ended it; a command that threw before that has not
            o.flush();
            e.flush();
        }
    }
}
