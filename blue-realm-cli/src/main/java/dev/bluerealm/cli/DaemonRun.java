package dev.bluerealm.cli;

import dev.bluerealm.daemon.CommandCall;
import dev.bluerealm.daemon.CommandRelay;
import dev.bluerealm.daemon.CommandSession;
import dev.bluerealm.daemon.DaemonConfig;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Start-up (issue 8): the commands people run over and over ({@code realm status}, {@code realm check}:
 * they only read) run inside the machine's daemon when one is running, in its warm JVM, instead of in
 * this freshly started one; this process only relays the command line and copies the output. The
 * command runs exactly as here (this folder, this environment, this process's terminal and pid; see
 * {@link DaemonRunHost}); whenever that cannot be had (no daemon, {@code BLUE_DAEMON=off},
 * {@code BLUE_DAEMON_COMMANDS=off}, system properties in {@code BLUE_JAVA_OPTS}, another build, an
 * environment that differs where it matters), the command runs here as before, silently.
 *
 * <p>{@code bin/blue} starts {@link #main} in a small JVM of its own (three jars, their own class-data
 * archive) when {@code $BLUE_HOME/daemon.sock} exists, and runs the whole program only when it exits
 * with {@link #NOT_RELAYED}; {@link Main#main} relays too, for the other ways blue is started (jbang).
 */
public final class DaemonRun {
    /** The {@code realm} commands the daemon runs for clients: read-only, and run often. */
    static final Set<String> RELAYED = Set.of("status", "check");
    /** {@link #main}'s exit code when the daemon did not run the command and printed nothing (sysexits' EX_TEMPFAIL). */
    public static final int NOT_RELAYED = 75;

    private DaemonRun() {}

    /**
     * Relays the command line to the daemon; exits with the command's exit code, or {@link #NOT_RELAYED}
     * having printed nothing.
     */
    public static void main(String[] args) {
        OptionalInt code = relay(args, System.getenv(), Path.of(System.getProperty("user.dir")), System.out, System.err);
        System.out.flush();
        System.exit(code.orElse(NOT_RELAYED));
    }

    /**
     * Whether {@code args} is a command line the daemon may run: {@code realm status|check ...}, not
     * asking for the version (this JVM's Java) or for help (picocli colours it by this JVM's console), and
     * without {@code @file}s (read from this folder).
     */
    static boolean relayable(String[] args) {
        if (args.length < 2 || !args[0].equals("realm") || !RELAYED.contains(args[1])) {
            return false;
        }
        for (String a : args) {
            if (a.startsWith("@") || a.equals("-V") || a.equals("--version") || a.equals("-h") || a.equals("--help")) {
                return false;
            }
        }
        return true;
    }

    /** The exit code of {@code args} run by the daemon, or empty when this process must run them. */
    static OptionalInt relay(String[] args, Map<String, String> env, Path cwd, PrintStream out, PrintStream err) {
        if (!relayable(args) || CommandSession.off(env) || "off".equalsIgnoreCase(env.getOrDefault("BLUE_DAEMON_COMMANDS", "").trim())
                || (" " + env.getOrDefault("BLUE_JAVA_OPTS", "")).contains(" -D")) {
            return OptionalInt.empty(); // system properties for this JVM: the daemon's has others
        }
        Path blueHome;
        try {
            blueHome = DaemonConfig.blueHome(env);
        } catch (RuntimeException e) {
            return OptionalInt.empty(); // a BLUE_HOME that is no path: the command itself says so
        }
        ClientProcess self = ClientProcess.current();
        CommandCall call = new CommandCall(Arrays.asList(args), cwd.toAbsolutePath().normalize(), env, self.pid(),
                self.stdoutTerminal(), self.stderrTerminal(), build());
        CommandRelay.Outcome outcome = CommandRelay.run(blueHome, call, out, err);
        if (outcome instanceof CommandRelay.Ran ran) {
            return OptionalInt.of(ran.exitCode());
        }
        if (outcome instanceof CommandRelay.Broken broken) {
            err.println("Error: " + broken.reason() + " (run it again; `BLUE_DAEMON_COMMANDS=off` runs it without the daemon)");
            return OptionalInt.of(1);
        }
        return OptionalInt.empty();
    }

    /**
     * Which build of blue this is: where the classes of the command line, the daemon and the API come from
     * (the jars of the relaying JVM), with their sizes and times. A daemon started before {@code blue} was
     * rebuilt or moved has another, and refuses.
     */
    static String build() {
        StringBuilder b = new StringBuilder();
        for (Class<?> c : new Class<?>[] {DaemonRun.class, CommandRelay.class, dev.bluerealm.RealmException.class}) {
            try {
                Path code = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                BasicFileAttributes a = Files.readAttributes(code, BasicFileAttributes.class);
                b.append(b.length() == 0 ? "" : " ").append(code).append(' ').append(a.size()).append(' ')
                        .append(a.lastModifiedTime().toMillis());
            } catch (URISyntaxException | java.io.IOException | RuntimeException e) {
                return "unknown"; // a host refuses a build it cannot name
            }
        }
        return b.toString();
    }
}
