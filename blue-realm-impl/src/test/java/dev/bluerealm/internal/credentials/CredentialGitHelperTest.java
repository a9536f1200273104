package dev.bluerealm.internal.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code git credential fill/approve/reject} with a real git and real helper processes. */
class CredentialGitHelperTest {
    @TempDir Path tmp;
    CredentialMachine m;
    Path log;
    final CredentialTarget target = CredentialTarget.parse("https://git.example.com/realms/letemcook.git").orElseThrow();

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(CredentialMachine.gitAvailable(), "git not on PATH: the git credential tests are skipped");
        m = new CredentialMachine(tmp);
        log = tmp.resolve("helper.log");
    }

    private GitCredentialSource source(Duration timeout) {
        return new GitCredentialSource(m.env(), timeout);
    }

    @Test
    void find_scriptHelper_returnsItsUsernameAndPassword() throws Exception {
        m.gitHelper(m.loggingHelper(log, "alice", "helper-pass-4711").toString());
        Credential c = source(Duration.ofSeconds(10)).find(target, CredentialUse.GIT).orElseThrow();
        assertEquals("alice", c.username());
        assertEquals("helper-pass-4711", c.secret());
        assertEquals(GitCredentialSource.NAME, c.source());
        List<String> lines = Files.readAllLines(log);
        assertEquals("action=get prompt=0 askpass=[]", lines.get(0), "git must never be allowed to prompt");
        assertTrue(lines.contains("protocol=https"), lines.toString());
        assertTrue(lines.contains("host=git.example.com"), lines.toString());
    }

    @Test
    void find_inlineShellHelper_returnsItsCredential() throws Exception {
        m.gitHelper("!f() { echo username=bob; echo password=inline-secret; }; f");
        Optional<Credential> c = source(Duration.ofSeconds(10)).find(target, CredentialUse.GIT);
        assertEquals("bob", c.orElseThrow().username());
        assertEquals("inline-secret", c.orElseThrow().secret());
    }

    @Test
    void find_urlUser_isSentToTheHelper() throws Exception {
        m.gitHelper(m.loggingHelper(log, "eric", "pw").toString());
        CredentialTarget withUser = CredentialTarget.parse("https://eric@git.example.com/r.git").orElseThrow();
        assertEquals("eric", source(Duration.ofSeconds(10)).find(withUser, CredentialUse.GIT).orElseThrow().username());
        assertTrue(Files.readAllLines(log).contains("username=eric"));
    }

    @Test
    void find_noHelperConfigured_findsNothingWithoutPromptingOrAskpass() throws Exception {
        Path marker = tmp.resolve("askpass-ran");
        Path askpass = CredentialMachine.script(tmp, "askpass.sh", "echo ran > '" + marker + "'\necho askpass-secret\n");
        m.set("GIT_ASKPASS", askpass.toString()).set("SSH_ASKPASS", askpass.toString());
        Files.writeString(m.home.resolve(".gitconfig"), "[core]\n\taskPass = " + askpass + "\n");
        long start = System.nanoTime();
        Optional<Credential> c = source(Duration.ofSeconds(20)).find(target, CredentialUse.GIT);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Optional.empty(), c);
        assertFalse(Files.exists(marker), "no askpass program may run");
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "git must fail at once, not wait for a prompt: " + took);
    }

    @Test
    void find_slowHelper_isKilledAtTheTimeoutAndFindsNothing() throws Exception {
        Path sleep = CredentialMachine.systemTool("sleep").orElseThrow();
        Path started = tmp.resolve("started");
        m.gitHelper(CredentialMachine.script(tmp, "slow.sh", "echo $$ > '" + started + "'\nexec " + sleep + " 30\n").toString());
        long begin = System.nanoTime();
        Optional<Credential> c = source(Duration.ofMillis(700)).find(target, CredentialUse.GIT);
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        assertEquals(Optional.empty(), c);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
        long pid = Long.parseLong(Files.readString(started).trim());
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(20); // killed, but perhaps not reaped yet
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the helper (now sleep) must be killed too");
    }

    @Test
    void find_slowHelper_chainGoesOnToTheNextSource() throws Exception {
        Path sleep = CredentialMachine.systemTool("sleep").orElseThrow();
        m.gitHelper(CredentialMachine.script(tmp, "slow.sh", "exec " + sleep + " 30\n").toString());
        m.credentialsFile("hosts:\n  git.example.com:\n    token: file-token\n", "rw-------");
        CredentialChain chain = new CredentialChain(List.of(source(Duration.ofMillis(500)), new CredentialsFileSource(m.blueHome)));
        assertEquals("file-token", chain.find(target, CredentialUse.GIT).orElseThrow().secret());
    }

    @Test
    void approveAndReject_gitCredential_reachTheHelperAsStoreAndErase() throws Exception {
        m.gitHelper(m.loggingHelper(log, "alice", "helper-pass").toString());
        GitCredentialSource git = source(Duration.ofSeconds(10));
        Credential c = git.find(target, CredentialUse.GIT).orElseThrow();
        git.approve(target, c);
        git.reject(target, c);
        List<String> actions = Files.readAllLines(log).stream().filter(l -> l.startsWith("action=")).map(l -> l.split(" ")[0]).toList();
        assertEquals(List.of("action=get", "action=store", "action=erase"), actions);
        assertTrue(Files.readAllLines(log).contains("password=helper-pass"), "store gets the credential that worked");
    }

    @Test
    void approve_credentialFromAnotherSource_isNotGivenToGit() throws Exception {
        m.gitHelper(m.loggingHelper(log, "alice", "pw").toString());
        source(Duration.ofSeconds(10)).approve(target, new Credential("token", "env-secret", "env BLUE_REALM_TOKEN"));
        assertFalse(Files.exists(log), "a token from the environment must not end up in git's store");
    }

    @Test
    void find_pathWithEncodedNewline_isNeverSentToGit() throws Exception {
        m.gitHelper(m.loggingHelper(log, "alice", "pw").toString());
        CredentialTarget evil = CredentialTarget.parse("https://git.example.com/x%0apassword=injected/r.git").orElseThrow();
        assertEquals(Optional.empty(), source(Duration.ofSeconds(10)).find(evil, CredentialUse.GIT));
        assertFalse(Files.exists(log));
    }

    @Test
    void find_noGitOnPath_isSkipped() throws Exception {
        m.gitHelper(m.loggingHelper(log, "alice", "pw").toString());
        m.set("PATH", tmp.resolve("empty").toString());
        assertEquals(Optional.empty(), source(Duration.ofSeconds(10)).find(target, CredentialUse.GIT));
    }
}
