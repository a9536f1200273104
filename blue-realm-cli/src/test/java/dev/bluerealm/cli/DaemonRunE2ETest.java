package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.daemon.Daemons;
import dev.bluerealm.testing.RfcWorkspace;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code realm status} and {@code realm check} run by the machine's daemon for a {@code blue} process
 * (issue 8's start-up): real processes, a real daemon started as the CLI starts it, the relay's own entry
 * point ({@link DaemonRun#main}, which never runs a command itself: an exit other than 75 means the daemon
 * ran it) against the same command run in its own JVM.
 */
@DisabledOnOs(OS.WINDOWS) // bin/blue and hooks are POSIX sh; the client reads /dev/null; the socket itself is portable
class DaemonRunE2ETest {
    @TempDir Path tmp;
    private RfcWorkspace w;

    private record Run(int code, String out, String err) {}

    private Path blueHome() {
        return TestMachine.blueHome(tmp);
    }

    private Map<String, String> machine() {
        return TestMachine.env(tmp, 0);
    }

    @BeforeEach
    void workspace() throws Exception {
        w = RfcWorkspace.create(tmp, "fiona@example.com");
    }

    @AfterEach
    void stopDaemon() throws IOException {
        Daemons.stop(blueHome(), machine());
    }

    /** The class path of bin/blue's client JVM: the command line's, the daemon's and the API's classes only. */
    private static String clientClassPath() throws Exception {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : List.of(DaemonRun.class, dev.bluerealm.daemon.CommandRelay.class, dev.bluerealm.RealmException.class)) {
            entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private Run java(Class<?> main, Path dir, Map<String, String> extra, String... args) throws Exception {
        String classPath = main == DaemonRun.class ? clientClassPath() : System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", classPath, main.getName()));
        command.addAll(List.of(args));
        String name = Long.toString(System.nanoTime());
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(tmp.resolve(name + ".out").toFile()).redirectError(tmp.resolve(name + ".err").toFile());
        pb.environment().remove("BLUE_DAEMON"); // the build turns daemons off for every other test
        pb.environment().putAll(machine());
        pb.environment().putAll(extra);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "blue did not end");
        return new Run(p.exitValue(), Files.readString(tmp.resolve(name + ".out"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve(name + ".err"), StandardCharsets.UTF_8));
    }

    /** The relay's answer to {@code args} (from a JVM with the client's three jars only): the daemon's run, or 75 and nothing. */
    private Run relayed(Path dir, Map<String, String> extra, String... args) throws Exception {
        return java(DaemonRun.class, dir, extra, args);
    }

    private Run local(Path dir, String... args) throws Exception {
        return local(dir, Map.of(), args);
    }

    private Run local(Path dir, Map<String, String> extra, String... args) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.put("BLUE_DAEMON_COMMANDS", "off");
        return java(Main.class, dir, env, args);
    }

    @Test
    void hooksOfACommandRunByTheDaemon_getTheClientsEnvironment_notTheDaemons() throws Exception {
        // the RFC's story, whose importer (fungal) validates s3-permissions with a committed hook
        Path root = tmp.resolve("demo");
        Cli.Result demo = new Cli(tmp.resolve("demo-home"), tmp.resolve("home")).run(tmp, "demo", "--dir", "demo");
        assertEquals(0, demo.code(), demo.toString());
        Path fungal = root.resolve("fungal-image-analysis");
        Files.writeString(fungal.resolve("scripts/validate-iam-policy.sh"),
                "#!/bin/sh\necho \"client: ${ONLY_IN_THE_CLIENT:-unset}, daemon: ${ONLY_IN_THE_DAEMON:-unset}\" >&2\nexit 1\n");
        Process commit = new ProcessBuilder("git", "-c", "user.name=Fiona", "-c", "user.email=fiona@example.com", "commit",
                "-qam", "the hook says what it sees").directory(fungal.toFile()).inheritIO().start();
        assertEquals(0, commit.waitFor());
        // the demo's machine (its BLUE_HOME), whose daemon has a variable of its own (started as a command starts
        // it, from a shell that has it)
        Path demoHome = root.resolve(".blue");
        Map<String, String> daemonEnv = new java.util.HashMap<>(machine());
        daemonEnv.put("BLUE_HOME", demoHome.toString());
        daemonEnv.put("ONLY_IN_THE_DAEMON", "yes");
        Daemons.start(demoHome, daemonEnv);
        try {
            String[] check = {"realm", "check", "--mode=importer", "--no-cache"};
            Map<String, String> client = Map.of("BLUE_HOME", demoHome.toString(), "ONLY_IN_THE_CLIENT", "yes");
            Run daemon = relayed(fungal, client, check);
            assertNotEquals(DaemonRun.NOT_RELAYED, daemon.code(), daemon.toString());
            assertEquals(1, daemon.code(), daemon.toString());
            assertTrue(daemon.out().contains("client: yes, daemon: unset"), daemon.toString());
            assertEquals(local(fungal, client, check), daemon);
        } finally {
            Daemons.stop(demoHome, daemonEnv);
        }
    }

    @Test
    void statusAndCheck_runByTheDaemon_printAndExitExactlyAsInTheirOwnJvm() throws Exception {
        Run first = local(w.fungal(), "realm", "status"); // clones the realm, starts the daemon
        assertEquals(0, first.code(), first.toString());
        assertTrue(Daemons.status(blueHome(), machine()).running());
        Files.writeString(w.aperture().resolve("models/training/s3_paths.py"),
                "EXPERIMENTS = \"training-metrics/experiments/*\"  # blue:export s3-permissions.read\n",
                StandardOpenOption.APPEND);
        List<Object[]> cases = List.of(
                new Object[] {w.fungal(), new String[] {"realm", "status"}},
                new Object[] {w.fungal(), new String[] {"realm", "status", "--json"}},
                new Object[] {w.aperture(), new String[] {"realm", "status", "--offline"}},
                new Object[] {w.aperture(), new String[] {"realm", "check"}},
                new Object[] {w.aperture(), new String[] {"realm", "check", "--mode=exporter", "--json"}},
                new Object[] {w.fungal(), new String[] {"realm", "check", "--mode=importer"}},
                new Object[] {w.fungal(), new String[] {"realm", "check", "--mode=nonsense"}});
        for (Object[] c : cases) {
            Path dir = (Path) c[0];
            String[] args = (String[]) c[1];
            Run daemon = relayed(dir, Map.of(), args);
            Run own = local(dir, args);
            String what = String.join(" ", args) + " in " + dir.getFileName();
            assertNotEquals(DaemonRun.NOT_RELAYED, daemon.code(), what + ": not run by the daemon: " + daemon);
            assertEquals(own, daemon, what);
        }
        Run mismatch = relayed(w.aperture(), Map.of(), "realm", "check", "--mode=exporter");
        assertEquals(1, mismatch.code(), mismatch.toString());
        assertTrue(mismatch.out().contains("✗ VALUE_MISMATCH: s3-permissions"), mismatch.toString());
        assertEquals(64, relayed(w.fungal(), Map.of(), "realm", "check", "--mode=nonsense").code());
    }

    @Test
    void whatTheDaemonDoesNotRun_exits75AndPrintsNothing() throws Exception {
        Run none = relayed(w.fungal(), Map.of(), "realm", "status");
        assertEquals(new Run(DaemonRun.NOT_RELAYED, "", ""), none, "no daemon yet");
        assertEquals(0, local(w.fungal(), "realm", "status").code()); // starts it
        assertTrue(Daemons.status(blueHome(), machine()).running());
        assertNotEquals(DaemonRun.NOT_RELAYED, relayed(w.fungal(), Map.of(), "realm", "status").code());
        List<Object[]> refused = List.of(
                new Object[] {Map.of("BLUE_DAEMON_COMMANDS", "off"), new String[] {"realm", "status"}},
                new Object[] {Map.of("BLUE_DAEMON", "off"), new String[] {"realm", "status"}},
                new Object[] {Map.of("BLUE_JAVA_OPTS", "-Xmx1g -Dblue.realm.provider=x"), new String[] {"realm", "status"}},
                // PATH finds the programs hooks run; the daemon's JVM has its own
                new Object[] {Map.of("PATH", System.getenv("PATH") + File.pathSeparator + tmp), new String[] {"realm", "status"}},
                new Object[] {Map.of("GIT_AUTHOR_NAME", "someone else"), new String[] {"realm", "check"}},
                new Object[] {Map.of(), new String[] {"realm", "sync"}},
                new Object[] {Map.of(), new String[] {"realm", "status", "--version"}},
                // picocli colours help by the console of the JVM that prints it
                new Object[] {Map.of(), new String[] {"realm", "status", "--help"}},
                new Object[] {Map.of(), new String[] {"realm", "check", "@args.txt"}});
        for (Object[] c : refused) {
            @SuppressWarnings("unchecked")
            Map<String, String> extra = (Map<String, String>) c[0];
            String[] args = (String[]) c[1];
            assertEquals(new Run(DaemonRun.NOT_RELAYED, "", ""), relayed(w.fungal(), extra, args),
                    String.join(" ", args) + " with " + extra);
        }
    }

    @Test
    void aCommandRunByTheDaemon_holdsItsSessionForTheClientProcess() throws Exception {
        assertEquals(0, local(w.aperture(), "realm", "status").code()); // starts the daemon
        // the daemon runs fungal's status for the client process: the session it shows as "(you)" is that run's
        Run status = relayed(w.fungal(), Map.of(), "realm", "status", "--json");
        assertNotEquals(DaemonRun.NOT_RELAYED, status.code(), status.toString());
        assertTrue(status.out().replaceAll("\\s+", " ").contains("\"repo\": \"fungal-image-analysis\", \"you\": true"), status.out());
        // ended with the command: no session is left behind
        var client = dev.bluerealm.daemon.client.DaemonClient.of(blueHome(), Daemons.status(blueHome(), machine()).port());
        assertEquals(List.of(), client.sessions());
    }
}
