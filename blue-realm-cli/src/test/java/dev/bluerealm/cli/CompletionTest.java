package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code blue completion bash}: a script real bash loads and that completes commands and options. */
class CompletionTest {
    @TempDir Path tmp;

    private String complete(Path script, String line) throws Exception {
        String words = line;
        String program = "source " + script + "\n"
                + "COMP_LINE='" + line + "'; COMP_WORDS=(" + words + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
                + " COMP_POINT=${#COMP_LINE}; _complete_blue; printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process p = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void bash_scriptLoadsAndCompletesSubcommandsAndOptions() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash not installed");
        Cli.Result r = new Cli(tmp.resolve("blue-home"), tmp.resolve("home")).run(tmp, "completion", "bash");
        assertEquals(0, r.code(), r.toString());
        Path script = tmp.resolve("blue.bash");
        Files.writeString(script, r.out());
        Process syntax = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertTrue(syntax.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, syntax.exitValue(), new String(syntax.getInputStream().readAllBytes()));
        assertEquals("sync\n", complete(script, "blue realm sy"));
        assertTrue(complete(script, "blue realm sync --").contains("--dry-run"), "options of sync");
    }

    @Test
    void unknownShell_isAUsageError() {
        Cli.Result r = new Cli(tmp.resolve("blue-home"), tmp.resolve("home")).run(tmp, "completion", "fish");
        assertEquals(64, r.code(), r.toString());
    }
}
