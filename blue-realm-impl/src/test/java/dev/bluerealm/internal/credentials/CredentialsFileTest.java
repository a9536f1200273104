package dev.bluerealm.internal.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.RealmLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code $BLUE_HOME/credentials.yaml}: lookup, the 0600 rule, and load errors with file:line. */
class CredentialsFileTest {
    private static final String TOKEN = "file-token-0123456789abcdef";
    @TempDir Path tmp;
    CredentialMachine m;
    CredentialsFileSource source;

    @BeforeEach
    void setUp() throws Exception {
        m = new CredentialMachine(tmp);
        source = new CredentialsFileSource(m.blueHome);
    }

    private Optional<Credential> find(String url) throws Exception {
        return source.find(CredentialTarget.parse(url).orElseThrow(), CredentialUse.GIT);
    }

    @Test
    void find_mode0600_returnsTheHostsToken() throws Exception {
        Path f = m.credentialsFile("hosts:\n  git.example.com:\n    username: eric\n    token: " + TOKEN + "\n", "rw-------");
        Credential c = find("https://git.example.com/realms/letemcook.git").orElseThrow();
        assertEquals("eric", c.username());
        assertEquals(TOKEN, c.secret());
        assertEquals(f + " (git.example.com)", c.source());
        assertEquals(Optional.empty(), find("https://other.example.com/x.git"));
        assertFalse(source.read().toString().contains(TOKEN), "entries print without their token");
    }

    @Test
    void find_noUsername_usesTheUrlsUserElseToken() throws Exception {
        m.credentialsFile("hosts:\n  Git.Example.com:\n    token: " + TOKEN + "\n", "rw-------");
        assertEquals("token", find("https://git.example.com/x.git").orElseThrow().username());
        assertEquals("eric", find("https://eric@git.example.com/x.git").orElseThrow().username());
    }

    @Test
    void find_portEntry_winsOverTheHostEntryForItsPortOnly() throws Exception {
        m.credentialsFile("hosts:\n  git.example.com:\n    token: any-port\n  git.example.com:8443:\n    token: port-8443\n", "rw-------");
        assertEquals("port-8443", find("https://git.example.com:8443/x.git").orElseThrow().secret());
        assertEquals("any-port", find("https://git.example.com:9000/x.git").orElseThrow().secret());
        assertEquals("any-port", find("https://git.example.com/x.git").orElseThrow().secret());
    }

    @Test
    void find_mode0644_isRefusedWithTheChmodHint() throws Exception {
        Path f = m.credentialsFile("hosts:\n  git.example.com:\n    token: " + TOKEN + "\n", "rw-r--r--");
        RealmLoadException e = assertThrows(RealmLoadException.class, () -> find("https://git.example.com/x.git"));
        assertEquals(ErrorCode.LOAD_ERROR, e.code());
        assertTrue(e.getMessage().startsWith(f + ": refused: its mode is 0644"), e.getMessage());
        assertTrue(e.getMessage().contains("chmod 600 " + f), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
    }

    @Test
    void find_groupWritableOrOtherExecutable_isRefused() throws Exception {
        for (String mode : new String[] {"rw--w----", "rw------x", "rwx---r--"}) {
            m.credentialsFile("hosts: {}\n", mode);
            RealmLoadException e = assertThrows(RealmLoadException.class, () -> find("https://git.example.com/x.git"), mode);
            assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        }
        m.credentialsFile("hosts: {}\n", "r--------"); // read-only for its owner is fine
        assertEquals(Optional.empty(), find("https://git.example.com/x.git"));
    }

    @Test
    void find_malformedYaml_reportsFileAndLineWithoutTheToken() throws Exception {
        Path f = m.credentialsFile("hosts:\n  git.example.com:\n    token: " + TOKEN + "\n   username: [eric\n", "rw-------");
        RealmLoadException e = assertThrows(RealmLoadException.class, () -> find("https://git.example.com/x.git"));
        assertTrue(e.getMessage().startsWith(f + ":4:"), e.getMessage());
        assertEquals(4, e.errors().get(0).line());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    @Test
    void find_unknownKeyAndUrlAsHost_reportEachLine() throws Exception {
        Path f = m.credentialsFile("hosts:\n  git.example.com:\n    pasword: " + TOKEN + "\n"
                + "  https://other.example.com/x:\n    token: t\n", "rw-------");
        RealmLoadException e = assertThrows(RealmLoadException.class, () -> find("https://git.example.com/x.git"));
        assertEquals(3, e.errors().size(), e.getMessage());
        assertEquals(f + ":3:5: unknown key 'pasword' in the entry for git.example.com; expected one of token, username",
                e.errors().get(0).toString());
        assertEquals(f + ":3:5: missing key 'token' in the entry for git.example.com", e.errors().get(1).toString());
        assertTrue(e.errors().get(2).toString().startsWith(f + ":4:3: 'https://other.example.com/x' is not a host"),
                e.errors().toString());
        assertFalse(e.getMessage().contains(TOKEN));
    }

    @Test
    void find_duplicateHostAndEmptyToken_areLoadErrors() throws Exception {
        m.credentialsFile("hosts:\n  git.example.com:\n    token: a\n  GIT.example.com:\n    token: b\n  x.example.com:\n    token: ''\n", "rw-------");
        RealmLoadException e = assertThrows(RealmLoadException.class, () -> find("https://git.example.com/x.git"));
        assertTrue(e.getMessage().contains(":4:3: host 'git.example.com' is listed twice (first at line 2)"), e.getMessage());
        assertTrue(e.getMessage().contains(":7:12: 'token' of x.example.com is empty"), e.getMessage());
    }

    @Test
    void find_tooLarge_isRefusedBeforeParsing() throws Exception {
        m.credentialsFile("hosts:\n" + "#".repeat(70_000) + "\n", "rw-------");
        RealmLoadException e = assertThrows(RealmLoadException.class, () -> find("https://git.example.com/x.git"));
        assertTrue(e.getMessage().contains("the limit is 65536"), e.getMessage());
    }

    @Test
    void find_missingOrEmptyFile_findsNothing() throws Exception {
        assertEquals(Optional.empty(), find("https://git.example.com/x.git"));
        m.credentialsFile("", "rw-------");
        assertEquals(Optional.empty(), find("https://git.example.com/x.git"));
        Files.writeString(source.file(), "# nothing yet\nhosts:\n");
        assertEquals(Optional.empty(), find("https://git.example.com/x.git"));
    }
}
