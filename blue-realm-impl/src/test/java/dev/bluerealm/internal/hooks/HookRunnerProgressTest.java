package dev.bluerealm.internal.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.internal.progress.Progress;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.progress.ProgressTask;
import dev.bluerealm.testing.RecordingProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hook or extract command is a task while it runs: started before, ended after, completed only when it passed. */
class HookRunnerProgressTest {
    @TempDir Path tmp;
    Path root;
    Git git;
    final RecordingProgress progress = new RecordingProgress();
    final HookRunner runner = new HookRunner(Duration.ofSeconds(30), Progress.of(progress));
    final HookInput input = new HookInput("s3-permissions", "s3-access", "1.4.0", JsonValue.object(Map.of()),
            JsonValue.object(Map.of("type", JsonValue.string("object"))));

    @BeforeEach
    void setUp() throws Exception {
        root = tmp.resolve("aperture");
        git = TestRepos.init(root);
        TestRepos.write(root, "scripts/pass.sh", "exit 0\n");
        TestRepos.write(root, "scripts/fail.sh", "exit 1\n");
        TestRepos.write(root, "scripts/value.sh", "echo '{}'\n");
        TestRepos.commitAll(git, "hooks");
    }

    private ProgressTask only() {
        progress.assertWellFormed();
        List<ProgressTask> roots = progress.roots("");
        assertEquals(1, roots.size(), progress.events().toString());
        return roots.get(0);
    }

    @Test
    void run_passingHook_isOneCompletedTaskNamingHookAndContract() {
        assertEquals(HookResult.Status.VALID, runner.run(root, "scripts/pass.sh", input).status());
        ProgressTask t = only();
        assertEquals("Running hook scripts/pass.sh (s3-permissions)", t.label());
        assertFalse(t.hasTotal());
        assertTrue(progress.completed(t));
    }

    @Test
    void run_failingHook_endsItsTaskNotCompleted() {
        assertEquals(HookResult.Status.INVALID, runner.run(root, "scripts/fail.sh", input).status());
        assertFalse(progress.completed(only()));
    }

    @Test
    void run_refusedHook_runsNothingAndReportsNothing() {
        assertEquals(HookResult.Status.REFUSED, runner.run(root, "../elsewhere.sh", input).status());
        assertTrue(progress.events().isEmpty(), progress.events().toString());
    }

    @Test
    void runCommand_extractCommand_isATaskToo() {
        HookRunner.CommandResult r = runner.runCommand(root, "scripts/value.sh", Map.of(), null);
        assertEquals(0, r.exitCode());
        ProgressTask t = only();
        assertEquals("Running scripts/value.sh", t.label());
        assertTrue(progress.completed(t));
    }
}
