package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.testing.RfcWorkspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code blue mcp} driven by a real MCP client: the MCP Inspector's CLI mode from npm
 * (RECIPES item 3), spawning {@code blue mcp} as an agent would. Skips, naming what is missing,
 * when there is no {@code npx}; {@code .ci/run} installs node so CI runs it.
 */
class McpInspectorE2ETest {
    static final String INSPECTOR = "@modelcontextprotocol/inspector@2.12.0";
    @TempDir Path tmp;

    @BeforeAll
    static void needsNpx() throws Exception {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            found |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, "npx"));
        }
        Assumptions.assumeTrue(found, "npx (node) is not on PATH: the MCP Inspector test needs it (.ci/run installs it)");
    }

    /** {@code npx inspector --cli <blue mcp> ARGS} run in {@code repo}; returns its stdout. */
    private String inspector(RfcWorkspace w, Path repo, String... args) throws Exception {
        return inspector(0, w, repo, args);
    }

    /** The same, exiting with {@code exit} (the inspector exits 5 when a tool answers isError). */
    private String inspector(int exit, RfcWorkspace w, Path repo, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("npx", "-y", INSPECTOR, "--cli",
                "-e", "BLUE_HOME=" + w.machine().blueHome(), "-e", "HOME=" + tmp.resolve("home"), "-e", "BLUE_DAEMON=off",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "mcp"));
        command.addAll(List.of(args));
        Path out = tmp.resolve("inspector-" + System.nanoTime() + ".out");
        Path err = tmp.resolve("inspector-" + System.nanoTime() + ".err");
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the inspector hung");
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(exit, p.exitValue(), stdout + "\n--- stderr\n" + Files.readString(err, StandardCharsets.UTF_8));
        return stdout;
    }

    @Test
    void inspector_listsTheTools_andCallsEach() throws Exception {
        RfcWorkspace w = RfcWorkspace.create(tmp, "fiona@example.com");
        String list = inspector(w, w.fungal(), "--method", "tools/list");
        for (String tool : List.of("\"realm_status\"", "\"realm_check\"", "\"contract_get\"")) {
            assertTrue(list.contains("\"name\": " + tool), list);
        }
        String status = inspector(w, w.fungal(), "--method", "tools/call", "--tool-name", "realm_status");
        assertTrue(status.contains("\"isError\": false"), status);
        assertTrue(status.contains("\\\"repo\\\": \\\"fungal-image-analysis\\\""), status);
        String check = inspector(w, w.fungal(), "--method", "tools/call", "--tool-name", "realm_check",
                "--tool-arg", "mode=importer");
        assertTrue(check.contains("\\\"mode\\\": \\\"importer\\\""), check);
        assertTrue(check.contains("\\\"errors\\\": 0"), check);
        String contract = inspector(w, w.aperture(), "--method", "tools/call", "--tool-name", "contract_get",
                "--tool-arg", "contract=s3-permissions");
        assertTrue(contract.contains("\\\"version\\\": \\\"1.4.0\\\""), contract);
        String missing = inspector(5, w, w.aperture(), "--method", "tools/call", "--tool-name", "contract_get",
                "--tool-arg", "contract=nope");
        assertTrue(missing.contains("\"isError\": true") && missing.contains("NOT_FOUND"), missing);
    }
}
