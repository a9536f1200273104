package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.Realm;
import dev.bluerealm.testing.RfcWorkspace;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress line in real {@code blue} processes: a clone run with its output piped prints no
 * progress at all, even when told to show every task at once; the same command under a real
 * pseudo-terminal ({@code script}) draws it on stderr and erases it.
 */
class ProgressE2ETest {
    @TempDir Path tmp;
    RfcWorkspace w;
    Path repo;

    @BeforeEach
    void setUp() throws Exception {
        w = RfcWorkspace.create(tmp, RfcWorkspace.ERIC);
        repo = tmp.resolve("work/ml-infra");
        Realm.createRepository(repo, Map.of("README.md", "# ml-infra\n"), RfcWorkspace.ERIC);
    }

    /** Another machine (its own BLUE_HOME: the realm is not cloned there yet) on a colour terminal. */
    private void machine(Map<String, String> env) {
        env.remove("NO_COLOR");
        env.remove("BLUE_DAEMON");
        env.put("BLUE_DAEMON", "off");
        env.put("BLUE_HOME", tmp.resolve("other-home").toString());
        env.put("HOME", tmp.resolve("home").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("TERM", "xterm-256color");
        env.put(ProgressLine.DELAY_VARIABLE, "0"); // every task at once: what is shown does not depend on speed
    }

    private List<String> blue(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private String[] join() {
        return new String[] {"realm", "admin", "join", "letemcook", "--url", w.remote().toUri().toString()};
    }

    @Test
    void clone_piped_printsNoProgress() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(blue(join())).directory(repo.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        machine(pb.environment());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out + err);
        assertTrue(out.contains("✓"), out);
        assertFalse((out + err).contains("\r"), "no line redrawn: " + out + err);
        assertFalse((out + err).contains("Cloning") || (out + err).contains("⏳ Pushing"), out + err);
    }

    /** What a terminal shows of {@code blue args} run on a pseudo-terminal (stdin, stdout and stderr). */
    private String onTerminal(String... args) throws Exception {
        Assumptions.assumeTrue(onPath("script"), "`script` (util-linux) is not installed: no pseudo-terminal to run blue on");
        StringBuilder shell = new StringBuilder("exec");
        for (String a : blue(args)) {
            shell.append(" '").append(a.replace("'", "'\\''")).append('\'');
        }
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", shell.toString(), "/dev/null")
                .directory(repo.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(tmp.resolve("script.out").toFile());
        machine(pb.environment());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "blue under script did not finish");
        String screen = Files.readString(tmp.resolve("script.out"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), screen);
        return screen;
    }

    @Test
    void clone_onAPseudoTerminal_showsProgressOnStderrAndErasesIt() throws Exception {
        String screen = onTerminal(join());
        assertTrue(screen.contains("\r⏳ Cloning realm letemcook"), "the clone's progress is drawn: " + screen);
        assertTrue(screen.contains("\r\u001b[K"), "and erased: " + screen);
        assertTrue(screen.contains("✓"), "the command's own output is there: " + screen);
        String last = screen.substring(screen.lastIndexOf('\n') + 1);
        assertFalse(last.contains("⏳"), "no progress left on screen after the command: " + screen);
    }

    @Test
    void clone_onAPseudoTerminal_withJson_printsNoProgress() throws Exception {
        List<String> args = new ArrayList<>(List.of(join()));
        args.add("--json");
        String screen = onTerminal(args.toArray(String[]::new));
        assertTrue(screen.contains("\"realm\""), screen);
        assertFalse(screen.contains("⏳") || screen.contains("\r\u001b[K"), "--json is for programs: " + screen);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
