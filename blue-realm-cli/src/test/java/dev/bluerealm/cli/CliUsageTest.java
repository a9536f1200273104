package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.Realm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliUsageTest {
    @TempDir Path tmp;

    private Cli blue() {
        return new Cli(tmp.resolve("blue-home"), tmp.resolve("home"));
    }

    @Test
    void version_printsTheBuildVersion() {
        Cli.Result r = blue().run(tmp, "--version");
        assertEquals(0, r.code());
        assertTrue(r.out().matches("blue \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java .*\\)\\n"), r.out());
    }

    @Test
    void unknownOption_isUsageError64() {
        Cli.Result r = blue().run(tmp, "realm", "status", "--colour");
        assertEquals(Main.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("Unknown option: '--colour'"), r.err());
    }

    @Test
    void missingRequiredOption_isUsageError64() {
        assertEquals(Main.USAGE, blue().run(tmp, "realm", "admin", "init").code());
        assertEquals(Main.USAGE, blue().run(tmp, "realm", "admin", "domain", "create", "d").code());
    }

    @Test
    void domainCreate_oneRepoOnly_isUsageError64() {
        Cli.Result r = blue().run(tmp, "realm", "admin", "domain", "create", "d", "--repos", "a");
        assertEquals(Main.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("at least two repos"), r.err());
    }

    @Test
    void everyCommand_hasHelpWithAnExample() {
        CommandLine root = Main.commandLine(CliContext.system());
        List<CommandLine> all = new java.util.ArrayList<>();
        collect(root, all);
        for (CommandLine c : all) {
            String name = c.getCommandSpec().qualifiedName();
            if (name.endsWith(" help")) {
                continue;
            }
            String usage = c.getUsageMessage();
            boolean group = !c.getSubcommands().isEmpty();
            assertTrue(group || usage.contains("Example:"), name + " has no example:\n" + usage);
            assertTrue(group || c.getCommandSpec().findOption("--json") != null || name.equals("blue demo")
                    || name.equals("blue completion") || name.equals("blue daemon run")
                    || name.equals("blue mcp"), // servers: the daemon answers JSON over HTTP, mcp JSON-RPC on stdout
                    name + " has no --json");
            assertEquals(0, blue().run(tmp, (name.replaceFirst("^blue ?", "") + " --help").trim().split(" ")).code(),
                    name);
        }
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        c.getSubcommands().values().forEach(s -> collect(s, out));
    }

    @Test
    void domainCreate_cycle_printsTheRfcErrorAndExits1() throws Exception {
        Cli blue = blue();
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Realm.createRepository(a, Map.of("x", "y"), "eric@example.com");
        Realm.createRepository(b, Map.of("x", "y"), "eric@example.com");
        assertEquals(0, blue.run(a, "realm", "admin", "init", "--name", "r").code());
        assertEquals(0, blue.run(a, "realm", "admin", "join", "r").code());
        assertEquals(0, blue.run(b, "realm", "admin", "join", "r").code());
        assertEquals(0, blue.run(a, "realm", "admin", "domain", "create", "s3-access", "--repos", "a,b").code());
        Cli.Result r = blue.run(a, "realm", "admin", "domain", "create", "feedback-loop", "--provider", "b",
                "--consumers", "a");
        assertEquals(1, r.code(), r.toString());
        assertEquals("""
                Error: Adding this domain creates a cycle:
                  a → (s3-access) → b → (feedback-loop) → a

                Consider:
                  - Merging domains into a single coordination context
                  - Restructuring the dependency direction
                  - Using a hub-and-spoke pattern
                """, r.err());
        Cli.Result list = blue.run(a, "realm", "admin", "domain", "list");
        assertEquals("s3-access: a (provider), b (consumer)\n", list.out());
    }
}
