package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.daemon.CommandCall;
import dev.bluerealm.daemon.DaemonConfig;
import dev.bluerealm.daemon.DaemonServer;
import dev.bluerealm.daemon.client.DaemonClient;
import dev.bluerealm.daemon.client.Session;
import dev.bluerealm.testing.RfcWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the daemon's command host runs for a client, and how: {@link DaemonRunHost}. */
class DaemonRunHostTest {
    @TempDir Path tmp;

    private static final Map<String, String> DAEMON_ENV = Map.of("HOME", "/home/eric", "PATH", "/usr/bin:/bin",
            "LANG", "C.UTF-8", "GIT_CONFIG_NOSYSTEM", "1", "TERM", "xterm");
    private final DaemonRunHost host = new DaemonRunHost("build-7", DAEMON_ENV, Clock.fixed(Cli.NOW, ZoneOffset.UTC));

    private static CommandCall call(Map<String, String> env, String build, String... args) {
        return new CommandCall(List.of(args), Path.of("/tmp"), env, 42, false, false, build);
    }

    private static Map<String, String> plus(Map<String, String> env, String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return copy;
    }

    @Test
    void refusal_takesOnlyItsOwnBuild_theReadOnlyCommands_andTheSameProcessWideEnvironment() {
        assertEquals(Optional.empty(), host.refusal(call(DAEMON_ENV, "build-7", "realm", "status")));
        assertEquals(Optional.empty(), host.refusal(call(DAEMON_ENV, "build-7", "realm", "check", "--mode=exporter")));
        // per-command variables are the command's own: they may differ
        assertEquals(Optional.empty(), host.refusal(call(plus(plus(DAEMON_ENV, "TERM", "dumb"), "BLUE_SESSION", "3"),
                "build-7", "realm", "status")));
        assertEquals(Optional.of("the daemon runs another build of blue (build-7)"),
                host.refusal(call(DAEMON_ENV, "build-8", "realm", "status")));
        assertTrue(new DaemonRunHost("unknown", DAEMON_ENV, Clock.systemUTC())
                .refusal(call(DAEMON_ENV, "unknown", "realm", "status")).isPresent(), "a build nobody can name");
        for (String[] args : List.of(new String[] {"realm", "sync"}, new String[] {"realm", "status", "--version"},
                new String[] {"realm", "check", "@more-args"}, new String[] {"realm"}, new String[] {"demo"})) {
            assertEquals(Optional.of("the daemon does not run this command"), host.refusal(call(DAEMON_ENV, "build-7", args)),
                    String.join(" ", args));
        }
        assertEquals(Optional.of("the environment differs from the daemon's in PATH"),
                host.refusal(call(plus(DAEMON_ENV, "PATH", "/opt/bin:/usr/bin:/bin"), "build-7", "realm", "status")));
        assertEquals(Optional.of("the environment differs from the daemon's in HOME, SSH_AUTH_SOCK"),
                host.refusal(call(plus(plus(DAEMON_ENV, "HOME", "/root"), "SSH_AUTH_SOCK", "/tmp/agent"), "build-7",
                        "realm", "status")));
        // the locale's: every LC_* and LANGUAGE
        assertEquals(Optional.of("the environment differs from the daemon's in LANGUAGE, LC_MESSAGES"),
                host.refusal(call(plus(plus(DAEMON_ENV, "LC_MESSAGES", "de_DE.UTF-8"), "LANGUAGE", "de"), "build-7",
                        "realm", "status")));
        // git's variables, set on either side
        assertEquals(Optional.of("the environment differs from the daemon's in GIT_DIR"),
                host.refusal(call(plus(DAEMON_ENV, "GIT_DIR", "/elsewhere"), "build-7", "realm", "status")));
        assertEquals(Optional.of("the environment differs from the daemon's in GIT_CONFIG_NOSYSTEM"),
                host.refusal(call(plus(DAEMON_ENV, "GIT_CONFIG_NOSYSTEM", null), "build-7", "realm", "status")));
    }

    @Test
    void relayable_isTheSameRuleOnBothSides() {
        assertTrue(DaemonRun.relayable(new String[] {"realm", "status", "--offline"}));
        assertTrue(DaemonRun.relayable(new String[] {"realm", "check", "--json"}));
        assertFalse(DaemonRun.relayable(new String[] {"realm", "status", "-V"}));
        assertFalse(DaemonRun.relayable(new String[] {"realm", "check", "--help"}));
        assertFalse(DaemonRun.relayable(new String[] {"realm", "check", "-h"}));
        assertFalse(DaemonRun.relayable(new String[] {"status"}));
        assertFalse(DaemonRun.relayable(new String[] {}));
    }

    @Test
    void run_isTheCommandAsTheClientsOwnProcessWouldRunIt_itsFolderEnvironmentAndTerminal() throws Exception {
        RfcWorkspace w = RfcWorkspace.create(tmp, "fiona@example.com");
        Map<String, String> env = new HashMap<>(Map.of("BLUE_HOME", tmp.resolve("blue-home").toString(),
                "HOME", tmp.resolve("home").toString(), "BLUE_DAEMON", "off", "TERM", "xterm-256color"));
        for (boolean terminal : new boolean[] {false, true}) {
            ClientProcess client = new ClientProcess(4242, terminal, terminal);
            CommandCall call = new CommandCall(List.of("realm", "check", "--mode=contract"), w.aperture(), env,
                    client.pid(), terminal, terminal, "build-7");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = host.run(call, out, err);

            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int own = Main.run(call.args().toArray(String[]::new), new CliContext(w.aperture(), env,
                    Clock.fixed(Cli.NOW, ZoneOffset.UTC), new SessionSlot(), new ProgressSlot(), client),
                    new PrintWriter(o), new PrintWriter(e));
            assertEquals(own, code);
            assertEquals(o.toString(), out.toString(StandardCharsets.UTF_8), "terminal " + terminal);
            assertEquals(e.toString(), err.toString(StandardCharsets.UTF_8), "terminal " + terminal);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("s3-permissions"), out.toString(StandardCharsets.UTF_8));
        }
        CliContext piped = new CliContext(tmp, env, Clock.systemUTC(), new SessionSlot(), new ProgressSlot(),
                new ClientProcess(1, false, false));
        CliContext onTerminal = new CliContext(tmp, env, Clock.systemUTC(), new SessionSlot(), new ProgressSlot(),
                new ClientProcess(1, true, true));
        assertFalse(piped.color(null));
        assertTrue(onTerminal.color(null), "colour follows the client's terminal, not the daemon's");
        assertTrue(onTerminal.in(tmp.resolve("x")).color(null), "a derived context serves the same client");
    }

    @Test
    void sessions_ofACommandRunForAClient_carryTheClientsPid() throws Exception {
        RfcWorkspace w = RfcWorkspace.create(tmp, "fiona@example.com");
        Map<String, String> env = Map.of("BLUE_HOME", tmp.resolve("blue-home").toString(), "HOME",
                tmp.resolve("home").toString(), "BLUE_DAEMON_RUN_DIR", tmp.resolve("run").toString(),
                "BLUE_DAEMON_PORT", "0", "BLUE_DAEMON_WATCH_SECONDS", "0");
        long clientPid = ProcessHandle.current().parent().orElseThrow().pid(); // alive, and not this JVM
        try (DaemonServer daemon = DaemonServer.create(DaemonConfig.fromEnvironment(env, null), null)) {
            daemon.start();
            CliContext context = new CliContext(w.fungal(), env, Clock.systemUTC(), new SessionSlot(), new ProgressSlot(),
                    new ClientProcess(clientPid, false, false));
            picocli.CommandLine.ParseResult parsed = Main.commandLine(context).parseArgs("realm", "status");
            Sessions.begin(context, parsed);
            try {
                assertEquals(clientPid, context.session().current().orElseThrow().request().pid());
                assertTrue(context.session().current().orElseThrow().id().isPresent(), "registered (waits for it)");
                List<Session> open = DaemonClient.of(tmp.resolve("blue-home"), daemon.port()).sessions();
                assertEquals(1, open.size(), open.toString());
                assertEquals(clientPid, open.get(0).pid());
                assertEquals("cli-" + clientPid, open.get(0).clientId());
            } finally {
                context.session().close();
            }
            assertEquals(List.of(), DaemonClient.of(tmp.resolve("blue-home"), daemon.port()).sessions());
        }
    }

    @Test
    void build_namesWhereTheClassesComeFrom() {
        String build = DaemonRun.build();
        assertFalse(build.equals("unknown"), build);
        assertEquals(build, DaemonRun.build(), "stable within a build");
        assertTrue(build.startsWith(Path.of(System.getProperty("user.dir")).toString()), build);
    }
}
