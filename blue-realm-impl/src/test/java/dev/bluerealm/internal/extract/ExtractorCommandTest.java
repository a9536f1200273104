package dev.bluerealm.internal.extract;

import static dev.bluerealm.internal.extract.Fixtures.S3_SCHEMA;
import static dev.bluerealm.internal.extract.Fixtures.S3_VALUE;
import static dev.bluerealm.internal.extract.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.internal.hooks.HookRunner;
import dev.bluerealm.internal.hooks.TestRepos;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.Extract;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extractor with {@code extract: {command: SCRIPT}}: a committed script printing JSON. */
class ExtractorCommandTest {
    @TempDir Path tmp;
    Path root;
    Git git;
    final Contract s3 = Fixtures.contract("s3-permissions", S3_SCHEMA, S3_VALUE);

    @BeforeEach
    void setUp() throws Exception {
        root = tmp.resolve("aperture");
        git = TestRepos.init(root);
        TestRepos.write(root, "models/s3_paths.py", "# paths\n");
    }

    @AfterEach
    void tearDown() {
        git.close();
    }

    private Extraction run(String script, String text, Duration timeout) throws Exception {
        TestRepos.write(root, script, text);
        TestRepos.commitAll(git, "script");
        Extractor extractor = new Extractor(root, new HookRunner(timeout));
        return extractor.extract(new ExportBinding("s3-permissions", List.of("models/s3_paths.py"),
                new Extract.Command(script)), s3, Set.of("s3-permissions"));
    }

    @Test
    void extract_scriptPrintingJson_isTheValueWithDefaults() throws Exception {
        Extraction x = run("scripts/print-s3.sh", "echo 'progress goes to stderr' >&2\n"
                + "printf '{\"read\": [\"%s\"], \"write\": []}\\n' \"$BLUE_CONTRACT\"\n", Duration.ofSeconds(30));
        assertEquals(List.of(), x.problems());
        assertEquals(json("{\"read\":[\"s3-permissions\"],\"write\":[],\"delete\":[]}"), x.value());
        assertEquals(List.of("scripts/print-s3.sh"), x.filesRead());
    }

    @Test
    void extract_scriptRunsInTheRepoRoot() throws Exception {
        Extraction x = run("scripts/pwd.sh", "printf '{\"read\": [\"%s\"]}' \"$(pwd -P)\"\n", Duration.ofSeconds(30));
        assertEquals(json("{\"read\":[\"" + root.toRealPath() + "\"],\"write\":[],\"delete\":[]}"), x.value());
    }

    @Test
    void extract_nonJsonOutput_isAProblemQuotingIt() throws Exception {
        Extraction x = run("scripts/print-s3.sh", "echo 'read: [a]'\necho 'hint on stderr' >&2\n", Duration.ofSeconds(30));
        assertNull(x.value());
        String m = x.problems().get(0).message();
        assertTrue(m.contains("did not print one JSON value") && m.contains("read: [a]") && m.contains("hint on stderr"), m);
        assertEquals("scripts/print-s3.sh", x.problems().get(0).file());
    }

    @Test
    void extract_nonZeroExit_isAProblemQuotingStderr() throws Exception {
        Extraction x = run("scripts/print-s3.sh", "echo '{}'\necho 'aws: access denied' >&2\nexit 3\n",
                Duration.ofSeconds(30));
        assertNull(x.value());
        String m = x.problems().get(0).message();
        assertTrue(m.contains("failed (exit 3)") && m.contains("aws: access denied"), m);
    }

    @Test
    void extract_scriptPastTheTimeout_isStoppedAndAProblem() throws Exception {
        long start = System.nanoTime();
        Extraction x = run("scripts/slow.sh", "echo partial\nsleep 30\n", Duration.ofMillis(500));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 10_000);
        assertNull(x.value());
        String m = x.problems().get(0).message();
        assertTrue(m.contains("did not finish within 500ms") && m.contains("partial"), m);
    }

    @Test
    void extract_uncommittedScript_isRefused() throws Exception {
        TestRepos.commitAll(git, "init");
        TestRepos.write(root, "scripts/new.sh", "echo '{}'\n");
        Extractor extractor = new Extractor(root, new HookRunner());
        Extraction x = extractor.extract(new ExportBinding("s3-permissions", List.of("models/s3_paths.py"),
                new Extract.Command("scripts/new.sh")), s3, Set.of("s3-permissions"));
        assertNull(x.value());
        assertTrue(x.problems().get(0).message().contains("not committed in HEAD"), x.problems().toString());
    }

    @Test
    void extract_commandWithArguments_saysItTakesNone() throws Exception {
        TestRepos.commitAll(git, "init");
        Extractor extractor = new Extractor(root, new HookRunner());
        Extraction x = extractor.extract(new ExportBinding("s3-permissions", List.of("models/s3_paths.py"),
                new Extract.Command("scripts/print.sh --json")), s3, Set.of("s3-permissions"));
        assertTrue(x.problems().get(0).message().contains("takes no arguments"), x.problems().toString());
    }
}
