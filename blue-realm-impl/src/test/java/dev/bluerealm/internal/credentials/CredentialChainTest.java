package dev.bluerealm.internal.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bluerealm.RealmLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standard chain's order, first found wins, with every source real (stub keychain tools are real programs). */
class CredentialChainTest {
    private static final String URL = "https://git.example.com/realms/letemcook.git";
    @TempDir Path tmp;
    CredentialMachine m;

    @BeforeEach
    void setUp() throws Exception {
        m = new CredentialMachine(tmp);
    }

    private Optional<Credential> find(CredentialUse use) throws Exception {
        return CredentialChain.standard(m.env(), m.blueHome).find(URL, use);
    }

    private Optional<Credential> find(String url, CredentialUse use) throws Exception {
        return CredentialChain.standard(m.env(), m.blueHome).find(url, use);
    }

    private void stubSecretTool(String secret) throws Exception {
        m.stub("secret-tool", "[ \"$*\" = 'lookup service blue-realm host git.example.com' ] && printf '%s\\n' '" + secret + "'\n");
    }

    private void stubSecurity(String account, String secret) throws Exception {
        m.stub("security", "case \"$*\" in\n"
                + "  'find-internet-password -s git.example.com -w') printf '%s\\n' '" + secret + "';;\n"
                + "  'find-internet-password -s git.example.com') printf '    \"acct\"<blob>=\"%s\"\\n' '" + account + "';;\n"
                + "  *) exit 44;;\nesac\n");
    }

    @Test
    void find_everySourceConfigured_eachWinsOverTheLaterOnes() throws Exception {
        assumeTrue(CredentialMachine.gitAvailable(), "git not on PATH: the chain order test is skipped");
        m.set("BLUE_REALM_TOKEN", "env-token");
        m.gitHelper("!f() { echo username=alice; echo password=helper-pass; }; f");
        stubSecretTool("keyring-pass");
        stubSecurity("mac-user", "keychain-pass");
        m.credentialsFile("hosts:\n  git.example.com:\n    token: file-token\n", "rw-------");

        List<String> winners = new ArrayList<>();
        winners.add(find(CredentialUse.GIT).orElseThrow().source());
        m.set("BLUE_REALM_TOKEN", null);
        winners.add(find(CredentialUse.GIT).orElseThrow().source());
        Files.delete(m.home.resolve(".gitconfig"));
        winners.add(find(CredentialUse.GIT).orElseThrow().source());
        Files.delete(m.bin.resolve("secret-tool"));
        winners.add(find(CredentialUse.GIT).orElseThrow().source());
        Files.delete(m.bin.resolve("security"));
        winners.add(find(CredentialUse.GIT).orElseThrow().source());
        Files.delete(m.blueHome.resolve("credentials.yaml"));
        assertEquals(Optional.empty(), find(CredentialUse.GIT));

        assertEquals(List.of("env BLUE_REALM_TOKEN", "git credential fill",
                "secret-tool (service blue-realm, host git.example.com)",
                "macOS keychain (internet password for git.example.com)",
                m.blueHome.resolve("credentials.yaml") + " (git.example.com)"), winners);
    }

    @Test
    void find_eachSource_givesItsOwnUserAndSecret() throws Exception {
        stubSecretTool("keyring-pass");
        Credential keyring = find(CredentialUse.GIT).orElseThrow();
        assertEquals("token", keyring.username());
        assertEquals("keyring-pass", keyring.secret());
        Files.delete(m.bin.resolve("secret-tool"));
        stubSecurity("mac-user", "keychain-pass");
        Credential mac = find(CredentialUse.GIT).orElseThrow();
        assertEquals("mac-user", mac.username());
        assertEquals("keychain-pass", mac.secret());
    }

    @Test
    void find_envTokens_forgejoTokenOnlyForTheForgejoApi() throws Exception {
        m.set("BLUE_FORGEJO_TOKEN", "forgejo-token");
        assertEquals(Optional.empty(), find(CredentialUse.GIT), "a Forgejo token is never sent to a git remote");
        assertEquals("forgejo-token", find(CredentialUse.FORGEJO_API).orElseThrow().secret());
        m.set("BLUE_REALM_TOKEN", "realm-token");
        assertEquals("realm-token", find(CredentialUse.GIT).orElseThrow().secret());
        assertEquals("forgejo-token", find(CredentialUse.FORGEJO_API).orElseThrow().secret());
        m.set("BLUE_FORGEJO_TOKEN", "  ");
        assertEquals("realm-token", find(CredentialUse.FORGEJO_API).orElseThrow().secret(), "blank counts as unset");
        assertEquals("token", find(CredentialUse.GIT).orElseThrow().username());
    }

    @Test
    void find_forgejoToken_goesToGitOnlyOnTheHostOfBlueForgejoUrl() throws Exception {
        m.set("BLUE_FORGEJO_TOKEN", "forgejo-token");
        m.set("BLUE_FORGEJO_URL", "https://git.example.com/");
        assertEquals("forgejo-token", find("https://git.example.com/realms/letemcook.git", CredentialUse.GIT)
                .orElseThrow().secret());
        assertEquals("forgejo-token", find("https://GIT.example.com:443/x.git", CredentialUse.GIT).orElseThrow().secret());
        assertEquals(Optional.empty(), find("https://evil.example.com/realms/letemcook.git", CredentialUse.GIT));
        assertEquals(Optional.empty(), find("http://git.example.com/realms/letemcook.git", CredentialUse.GIT),
                "not over plain http when the Forgejo is https");
        assertEquals(Optional.empty(), find("https://git.example.com:8443/x.git", CredentialUse.GIT));
        m.set("BLUE_REALM_TOKEN", "realm-token");
        assertEquals("realm-token", find("https://git.example.com/x.git", CredentialUse.GIT).orElseThrow().secret());
    }

    @Test
    void find_nothingAnywhere_isEmptyWithoutError() throws Exception {
        m.set("PATH", null).set("HOME", null);
        assertEquals(Optional.empty(), find(CredentialUse.GIT));
        assertEquals(Optional.empty(), CredentialChain.standard(m.env(), null).find(URL, CredentialUse.GIT));
    }

    @Test
    void find_localRemote_asksNoSource() throws Exception {
        m.credentialsFile("hosts: {}\n", "rw-r--r--"); // would be refused if it were read
        assertEquals(Optional.empty(), CredentialChain.standard(m.env(), m.blueHome).find(tmp.resolve("realm.git").toString(),
                CredentialUse.GIT));
    }

    @Test
    void find_earlierSourceHasOne_laterRefusedFileIsNeverRead() throws Exception {
        m.credentialsFile("hosts:\n  git.example.com:\n    token: file-token\n", "rw-r--r--");
        m.set("BLUE_REALM_TOKEN", "env-token");
        assertEquals("env-token", find(CredentialUse.GIT).orElseThrow().secret());
        m.set("BLUE_REALM_TOKEN", null);
        RealmLoadException e = assertThrows(RealmLoadException.class, () -> find(CredentialUse.GIT));
        assertTrue(e.getMessage().contains("chmod 600"));
        assertFalse(e.getMessage().contains("file-token"));
    }

    @Test
    void describe_standardChain_namesEverySourceInOrder() {
        assertEquals("env BLUE_REALM_TOKEN/BLUE_FORGEJO_TOKEN, git credential fill, secret-tool (service blue-realm), "
                + "security find-internet-password, " + m.blueHome.resolve("credentials.yaml"),
                CredentialChain.standard(m.env(), m.blueHome).describe());
    }
}
