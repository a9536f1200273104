package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.contract.CheckMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;

/**
 * The CI examples in docs/ci are what docs/forgejo.md tells people to copy: each must be a workflow
 * the RFC describes, and every {@code blue ...} command line in its {@code run:} steps must parse
 * with the real command line, so the examples cannot drift from the commands.
 */
class CiExamplesTest {
    private static final Path CI = Path.of("..", "docs", "ci");
    /** Where a shell command line ends: the next command, a pipe, a comment. */
    private static final Pattern COMMAND_END = Pattern.compile("\\s(&&|\\|\\||\\||;|#).*$");

    @ParameterizedTest
    @CsvSource({"forgejo-actions.yml, gitea, github", "github-actions.yml, github, gitea"})
    void workflow_rfcSteps_cacheJdkEnvAndChecksThatParse(String file, String context, String otherContext)
            throws IOException {
        String text = Files.readString(CI.resolve(file));
        Map<String, Object> workflow = map(new Load(LoadSettings.builder().build()).loadFromString(text));
        Map<String, Object> env = map(workflow.get("env"));
        assertEquals("true", env.get("CI"));
        assertEquals("https://git.example.com", env.get("BLUE_FORGEJO_URL"));
        assertEquals("${{ secrets.FORGEJO_TOKEN }}", env.get("BLUE_FORGEJO_TOKEN"));
        assertFalse(text.contains("${{ " + otherContext + "."), file + " uses the " + context + " context only");

        List<Map<String, Object>> steps = new ArrayList<>();
        for (Object step : list(map(map(workflow.get("jobs")).get("check")).get("steps"))) {
            steps.add(map(step));
        }
        Map<String, Object> java = with(steps, "actions/setup-java@");
        assertEquals("temurin", java.get("distribution"));
        assertEquals("17", java.get("java-version"));
        Map<String, Object> cache = with(steps, "actions/cache@");
        assertEquals(".blue/cache.db", cache.get("path"));
        assertEquals("blue-cache-${{ runner.os }}-${{ " + context + ".sha }}", cache.get("key"));

        List<String> modes = new ArrayList<>();
        int commands = 0;
        for (Map<String, Object> step : steps) {
            if (!(step.get("run") instanceof String run)) {
                continue;
            }
            for (List<String> args : blueCommands(run)) {
                commands++;
                CommandLine.ParseResult parsed = Main.commandLine(new CliContext(Path.of("."), Map.of(), Clock.systemUTC()))
                        .parseArgs(args.toArray(String[]::new));
                CommandLine.ParseResult leaf = parsed;
                while (leaf.hasSubcommand()) {
                    leaf = leaf.subcommand();
                }
                if (leaf.commandSpec().name().equals("check")) {
                    String mode = leaf.matchedOptionValue("--mode", "");
                    CheckMode.valueOf(mode.toUpperCase(Locale.ROOT)); // a mode the engine knows
                    modes.add(mode);
                    // compatibility compares a proposed change: pull requests only, as the RFC has it
                    assertEquals(mode.equals("compatibility") ? context + ".event_name == 'pull_request'" : null,
                            step.get("if"), step.toString());
                }
            }
        }
        assertEquals(List.of("exporter", "importer", "compatibility"), modes, "the RFC's three checks, in order");
        assertEquals(4, commands, "blue --version and the three checks");
    }

    /** The argument lists of the {@code blue} commands in a {@code run:} script ({@code jbang blue ...} included). */
    private static List<List<String>> blueCommands(String script) {
        List<List<String>> found = new ArrayList<>();
        for (String line : script.replace("\\\n", " ").split("\n")) {
            List<String> words = Arrays.asList(COMMAND_END.matcher(line.strip()).replaceFirst("").split("\\s+"));
            int blue = words.indexOf("blue");
            if (blue < 0) {
                blue = words.stream().filter(w -> w.startsWith("blue@")).findFirst().map(words::indexOf).orElse(-1);
            }
            if (blue >= 0) {
                assertTrue(blue == 0 || words.get(blue - 1).endsWith("jbang"), "blue, or run through JBang: " + line);
                found.add(words.subList(blue + 1, words.size()));
            }
        }
        return found;
    }

    private static Map<String, Object> with(List<Map<String, Object>> steps, String action) {
        return steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith(action)).findFirst()
                .map(s -> map(s.get("with"))).orElseThrow(() -> new AssertionError("no step uses " + action));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        assertTrue(yaml instanceof Map, "a mapping: " + yaml);
        return (Map<String, Object>) yaml;
    }

    private static List<?> list(Object yaml) {
        assertTrue(yaml instanceof List, "a sequence: " + yaml);
        return (List<?>) yaml;
    }
}
