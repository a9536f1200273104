package dev.bluerealm.internal.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keychain sources: their command lines and output handling through stub programs, and the
 * real {@code secret-tool} / {@code security} when this machine has them (skipped otherwise).
 */
class CredentialKeychainTest {
    @TempDir Path tmp;
    CredentialMachine m;
    Path args;

    @BeforeEach
    void setUp() throws Exception {
        m = new CredentialMachine(tmp);
        args = tmp.resolve("args");
    }

    private static CredentialTarget target(String url) {
        return CredentialTarget.parse(url).orElseThrow();
    }

    @Test
    void secretTool_stub_isAskedForServiceAndHostAndItsNewlineDropped() throws Exception {
        m.stub("secret-tool", "echo \"$*\" >> '" + args + "'\nprintf 'sekrit\\n'\n");
        SecretToolSource s = new SecretToolSource(m.env(), Duration.ofSeconds(5));
        Credential c = s.find(target("https://eric@git.example.com:8443/r.git"), CredentialUse.GIT).orElseThrow();
        assertEquals("sekrit", c.secret());
        assertEquals("eric", c.username());
        assertEquals(List.of("lookup service blue-realm host git.example.com:8443"), Files.readAllLines(args));
    }

    @Test
    void secretTool_failsOrPrintsNothing_findsNothing() throws Exception {
        m.stub("secret-tool", "exit 1\n");
        assertEquals(Optional.empty(), new SecretToolSource(m.env(), Duration.ofSeconds(5)).find(target("https://h/x"), CredentialUse.GIT));
        m.stub("secret-tool", "exit 0\n");
        assertEquals(Optional.empty(), new SecretToolSource(m.env(), Duration.ofSeconds(5)).find(target("https://h/x"), CredentialUse.GIT));
    }

    @Test
    void security_stubWithUrlUserAndPort_passesThemAndTakesThePassword() throws Exception {
        m.stub("security", "echo \"$*\" >> '" + args + "'\nprintf 'mac-pass\\n'\n");
        MacKeychainSource s = new MacKeychainSource(m.env(), Duration.ofSeconds(5));
        Credential c = s.find(target("https://eric@git.example.com:8443/r.git"), CredentialUse.GIT).orElseThrow();
        assertEquals("mac-pass", c.secret());
        assertEquals("eric", c.username());
        assertEquals(List.of("find-internet-password -s git.example.com -P 8443 -a eric -w"), Files.readAllLines(args));
    }

    @Test
    void keychainTools_absent_areSkippedSilently() throws Exception {
        assertEquals(Optional.empty(), new SecretToolSource(m.env(), Duration.ofSeconds(5)).find(target("https://h/x"), CredentialUse.GIT));
        assertEquals(Optional.empty(), new MacKeychainSource(m.env(), Duration.ofSeconds(5)).find(target("https://h/x"), CredentialUse.GIT));
    }

    /** The machine's own environment, for the real tools (they need its session bus / keychain). */
    private static Map<String, String> realEnvironment() {
        return new HashMap<>(System.getenv());
    }

    @Test
    void secretTool_realToolPresent_looksUpAnUnknownHostWithoutError() {
        Map<String, String> env = realEnvironment();
        assumeTrue(Processes.find(env, "secret-tool").isPresent(), "secret-tool is not installed: skipped");
        long start = System.nanoTime();
        Optional<Credential> c = new SecretToolSource(env, Duration.ofSeconds(5))
                .find(target("https://no-such-host.blue-realm.invalid/x.git"), CredentialUse.GIT);
        assertEquals(Optional.empty(), c);
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(8).toNanos());
    }

    @Test
    void security_realToolPresent_looksUpAnUnknownHostWithoutError() {
        Map<String, String> env = realEnvironment();
        assumeTrue(Processes.find(env, "security").isPresent(), "security (macOS) is not present: skipped");
        Optional<Credential> c = new MacKeychainSource(env, Duration.ofSeconds(5))
                .find(target("https://no-such-host.blue-realm.invalid/x.git"), CredentialUse.GIT);
        assertEquals(Optional.empty(), c);
    }
}
