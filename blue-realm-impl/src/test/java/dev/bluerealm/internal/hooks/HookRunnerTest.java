package dev.bluerealm.internal.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HookRunnerTest {
    @TempDir Path tmp;
    Path root;
    Git git;
    final HookRunner runner = new HookRunner();
    final HookInput input = new HookInput("s3-permissions", "s3-access", "1.4.0",
            JsonValue.object(Map.of("read", JsonValue.array(List.of(JsonValue.string("jobs/*/masks/*"))))),
            JsonValue.object(Map.of("type", JsonValue.string("object"))));

    @BeforeEach
    void setUp() throws Exception {
        root = tmp.resolve("aperture");
        git = TestRepos.init(root);
        TestRepos.write(root, "README.md", "aperture\n");
        TestRepos.commitAll(git, "init");
    }

    private void commitScript(String rel, String text) throws Exception {
        TestRepos.write(root, rel, text);
        TestRepos.commitAll(git, "add " + rel);
    }

    @ParameterizedTest
    @CsvSource({"0, VALID", "1, INVALID", "2, WARNING", "3, INVALID", "42, INVALID"})
    void run_exitCode_mapsToStatus(int exit, HookResult.Status expected) throws Exception {
        commitScript("scripts/hook.sh", "echo checking\nexit " + exit + "\n");
        HookResult r = runner.run(root, "scripts/hook.sh", input);
        assertEquals(expected, r.status(), r::toString);
        assertEquals(exit, r.exitCode());
        assertTrue(r.output().contains("checking"), r.output());
        if (exit > 2) {
            assertTrue(r.message().contains("exited with " + exit) && r.message().contains("counts as invalid"),
                    r.message());
        }
    }

    @Test
    void run_hook_getsContractOnStdinAndInEnvironment() throws Exception {
        commitScript("scripts/hook.sh", "cat\necho\necho \"env:$BLUE_CONTRACT|$BLUE_DOMAIN|$BLUE_VERSION|$BLUE_REPO_ROOT\"\n");
        HookResult r = runner.run(root, "scripts/hook.sh", input);
        assertEquals(HookResult.Status.VALID, r.status(), r::toString);
        assertTrue(r.output().contains(input.toJson().toJson()), r.output());
        assertTrue(r.output().contains("\"contract\":\"s3-permissions\",\"domain\":\"s3-access\",\"version\":\"1.4.0\""),
                r.output());
        assertTrue(r.output().contains("env:s3-permissions|s3-access|1.4.0|" + root.toAbsolutePath().normalize()),
                r.output());
    }

    @Test
    void run_hook_runsInTheRepoRoot() throws Exception {
        commitScript("scripts/deep/hook.sh", "pwd -P\n");
        HookResult r = runner.run(root, "scripts/deep/hook.sh", input);
        assertEquals(root.toRealPath().toString(), r.output().trim());
    }

    @Test
    void run_stdoutAndStderr_areBothCaptured() throws Exception {
        commitScript("hook.sh", "echo to-out\necho to-err >&2\nexit 1\n");
        HookResult r = runner.run(root, "hook.sh", input);
        assertEquals(HookResult.Status.INVALID, r.status());
        assertTrue(r.output().contains("to-out") && r.output().contains("to-err"), r.output());
    }

    @Test
    void run_hugeOutput_keepsOnlyTheLast64KiB() throws Exception {
        commitScript("hook.sh", "i=0\nwhile [ $i -lt 3000 ]; do echo \"line $i 0123456789012345678901234567890123456789"
                + "0123456789\"; i=$((i+1)); done\necho THE-END\n");
        HookResult r = runner.run(root, "hook.sh", input);
        assertEquals(HookResult.Status.VALID, r.status());
        assertTrue(r.output().length() < HookRunner.OUTPUT_LIMIT + 200, "length " + r.output().length());
        assertTrue(r.output().trim().endsWith("THE-END"), r.output().substring(r.output().length() - 100));
        assertTrue(r.output().startsWith("[… "), r.output().substring(0, 80));
    }

    @Test
    void run_realmTokens_areNotPassedToHooks() throws Exception {
        commitScript("hook.sh", "echo \"token:${BLUE_REALM_TOKEN:-none}|${BLUE_FORGEJO_TOKEN:-none}\"\n");
        HookResult r = runner.run(root, "hook.sh", input);
        assertTrue(r.output().contains("token:none|none"), r.output());
    }

    @Test
    void run_withAnEnvironment_scriptsGetThatEnvironmentNotThisProcesss() throws Exception {
        // the daemon runs a command for a client: the client's variables, not the daemon's
        commitScript("hook.sh", "echo \"only:${ONLY_THE_CLIENT:-unset}|home:${HOME:-unset}|token:${BLUE_REALM_TOKEN:-none}\"\n");
        commitScript("cmd.sh", "printf '%s' \"${ONLY_THE_CLIENT:-unset}|${PATH:-unset}\"\n");
        Map<String, String> client = Map.of("ONLY_THE_CLIENT", "aws-dev", "PATH", "/usr/bin:/bin", "BLUE_REALM_TOKEN", "secret");
        HookRunner forClient = new HookRunner(Duration.ofSeconds(30), dev.bluerealm.internal.progress.Progress.none(), client);
        HookResult r = forClient.run(root, "hook.sh", input);
        assertTrue(r.output().contains("only:aws-dev|home:unset|token:none"), r.output());
        HookRunner.CommandResult c = forClient.runCommand(root, "cmd.sh", Map.of(), null);
        assertEquals("aws-dev|/usr/bin:/bin", c.stdoutText(), c.toString());
        // without one, this process's environment, as before
        HookResult own = runner.run(root, "hook.sh", input);
        assertTrue(own.output().contains("only:unset|home:" + System.getenv("HOME") + "|"), own.output());
    }

    @Test
    void run_hookPastItsTimeout_isKilledWithItsChildren() throws Exception {
        commitScript("hook.sh", "echo started\nsleep 30 &\necho $! > child.pid\nsleep 30\n");
        long start = System.nanoTime();
        HookResult r = runner.run(root, "hook.sh", input, Duration.ofMillis(700));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(HookResult.Status.TIMEOUT, r.status(), r::toString);
        assertEquals(-1, r.exitCode());
        assertTrue(r.message().contains("did not finish within 700ms"), r.message());
        assertTrue(r.output().contains("started"), r.output());
        assertTrue(tookMs < 10_000, "took " + tookMs + " ms");
        long child = Long.parseLong(Files.readString(root.resolve("child.pid")).trim());
        Optional<ProcessHandle> h = ProcessHandle.of(child);
        for (int i = 0; i < 50 && h.isPresent() && h.get().isAlive(); i++) {
            Thread.sleep(100);
        }
        assertFalse(h.isPresent() && h.get().isAlive(), "the hook's child " + child + " is still running");
    }

    @Test
    void run_executableInHead_runsDirectlyThroughItsShebang() throws Exception {
        // run directly, #!/bin/cat prints the file; through sh it would print only "via-sh"
        TestRepos.writeExecutable(root, "hook", "#!/bin/cat\necho via-sh\n");
        TestRepos.commitAll(git, "hook");
        HookResult r = runner.run(root, "hook", input);
        assertEquals(HookResult.Status.VALID, r.status(), r::toString);
        assertTrue(r.output().contains("#!/bin/cat"), r.output());
    }

    @Test
    void run_notExecutableInHead_runsWithSh() throws Exception {
        commitScript("hook", "#!/bin/cat\necho via-sh\n");
        HookResult r = runner.run(root, "hook", input);
        assertEquals("via-sh", r.output().trim());
    }

    @Test
    void run_executableWithoutShebang_runsWithShAsAShellWould() throws Exception {
        TestRepos.writeExecutable(root, "hook", "echo no-shebang\nexit 2\n");
        TestRepos.commitAll(git, "hook");
        HookResult r = runner.run(root, "hook", input);
        assertEquals(HookResult.Status.WARNING, r.status(), r::toString);
        assertEquals("no-shebang", r.output().trim());
    }

    @Test
    void run_pathEscapingTheRepo_isRefused() throws Exception {
        TestRepos.write(tmp, "evil.sh", "touch pwned\n");
        HookResult r = runner.run(root, "../evil.sh", input);
        assertEquals(HookResult.Status.REFUSED, r.status());
        assertTrue(r.message().contains("outside the repo"), r.message());
        assertFalse(Files.exists(tmp.resolve("pwned")));
    }

    @Test
    void run_committedSymlinkLeadingOutside_isRefused() throws Exception {
        Path outside = TestRepos.write(tmp, "outside/evil.sh", "touch pwned\n");
        Files.createSymbolicLink(root.resolve("hook.sh"), outside);
        TestRepos.commitAll(git, "symlinked hook");
        HookResult r = runner.run(root, "hook.sh", input);
        assertEquals(HookResult.Status.REFUSED, r.status());
        assertTrue(r.message().contains("symlink"), r.message());
        assertFalse(Files.exists(root.resolve("pwned")));
    }

    @Test
    void run_untrackedHook_isRefusedSayingItMustBeCommitted() throws Exception {
        TestRepos.write(root, "scripts/new.sh", "touch pwned\n");
        HookResult r = runner.run(root, "scripts/new.sh", input);
        assertEquals(HookResult.Status.REFUSED, r.status());
        assertTrue(r.message().contains("not committed in HEAD") && r.message().contains("reviewed code"), r.message());
        assertFalse(Files.exists(root.resolve("pwned")));
    }

    @Test
    void run_hookModifiedAfterCommit_isRefused() throws Exception {
        commitScript("scripts/hook.sh", "exit 0\n");
        TestRepos.write(root, "scripts/hook.sh", "touch pwned\nexit 0\n");
        HookResult r = runner.run(root, "scripts/hook.sh", input);
        assertEquals(HookResult.Status.REFUSED, r.status());
        assertTrue(r.message().contains("modified"), r.message());
        assertFalse(Files.exists(root.resolve("pwned")));
    }

    @Test
    void run_missingHook_isRefused() {
        HookResult r = runner.run(root, "scripts/none.sh", input);
        assertEquals(HookResult.Status.REFUSED, r.status());
        assertTrue(r.message().contains("does not exist"), r.message());
    }

    @Test
    void runCommand_keepsStdoutAndStderrApart() throws Exception {
        commitScript("print.sh", "echo '{\"a\": 1}'\necho noise >&2\n");
        HookRunner.CommandResult r = runner.runCommand(root, "print.sh", Map.of("X", "y"), null);
        assertEquals(HookRunner.CommandResult.Outcome.EXITED, r.outcome());
        assertEquals(0, r.exitCode());
        assertEquals("{\"a\": 1}", r.stdoutText().trim());
        assertEquals("noise", r.stderr().trim());
    }

    @Test
    void constructor_defaultTimeout_isSixtySeconds() {
        assertEquals(Duration.ofSeconds(60), new HookRunner().defaultTimeout());
        assertEquals(Duration.ofSeconds(5), new HookRunner(Duration.ofSeconds(5)).defaultTimeout());
    }
}
