package dev.bluerealm.internal.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The credential value, what a remote URL is looked up as, and redaction. */
class CredentialTest {
    private static final String SECRET = "s3cr3t-t0ken-abcdef";

    @Test
    void toString_anyCredential_showsUserAndSourceButNeverTheSecret() {
        Credential c = new Credential("eric", SECRET, "env BLUE_REALM_TOKEN");
        assertEquals("Credential[user=eric, secret=****, source=env BLUE_REALM_TOKEN]", c.toString());
        assertEquals(SECRET, c.secret());
        assertFalse(String.valueOf(List.of(c)).contains(SECRET));
    }

    @Test
    void constructor_emptySecret_isRefusedWithoutEchoingAnything() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Credential("eric", "", "x"));
        assertTrue(e.getMessage().contains("needs a secret"));
    }

    @Test
    void parse_httpsWithUserAndPassword_keepsUserDropsPassword() {
        CredentialTarget t = CredentialTarget.parse("https://eric:" + SECRET + "@Git.Example.com:8443/realms/letemcook.git").orElseThrow();
        assertEquals(new CredentialTarget("https", "git.example.com", 8443, "realms/letemcook.git", "eric"), t);
        assertEquals("git.example.com:8443", t.hostAndPort());
        assertEquals("https://git.example.com:8443/realms/letemcook.git", t.url());
        assertFalse(t.toString().contains(SECRET));
    }

    @Test
    void parse_sshAndScpLike_lookUpTheForgeOverHttpsWithoutSshUserOrPort() {
        CredentialTarget expected = new CredentialTarget("https", "git.example.com", -1, "realms/letemcook.git", null);
        assertEquals(Optional.of(expected), CredentialTarget.parse("ssh://git@git.example.com:2222/realms/letemcook.git"));
        assertEquals(Optional.of(expected), CredentialTarget.parse("git@git.example.com:realms/letemcook.git"));
        assertEquals(Optional.of(expected), CredentialTarget.parse("git.example.com:realms/letemcook.git"));
    }

    @Test
    void parse_ipv6AndPercentEscapes_areRead() {
        CredentialTarget t = CredentialTarget.parse("http://[::1]:3000/a%20b/r.git").orElseThrow();
        assertEquals("[::1]:3000", t.hostAndPort());
        assertEquals("a b/r.git", t.path());
        assertNull(t.username());
    }

    @Test
    void parse_localAndUnauthenticatedRemotes_needNoCredentials() {
        for (String url : List.of("/srv/realms/letemcook.git", "file:///srv/realms/letemcook.git", "../realm.git",
                "git://git.example.com/realm.git", "C:/realms/letemcook.git", "C:\\realms\\x.git", "https://", "http://host:notaport/x")) {
            assertEquals(Optional.empty(), CredentialTarget.parse(url), url);
        }
    }

    @Test
    void redact_urlWithPassword_masksOnlyThePassword() {
        assertEquals("cannot clone https://eric:***@git.example.com/r.git: not authorized",
                Redaction.redact("cannot clone https://eric:" + SECRET + "@git.example.com/r.git: not authorized"));
        assertEquals("https://eric:***@host/x and http://u:***@[::1]:80/y",
                Redaction.redact("https://eric:p@ss:w0rd@host/x and http://u:v@[::1]:80/y"));
    }

    @Test
    void redact_urlsWithoutPassword_areUnchanged() {
        for (String s : List.of("ssh://git@host:22/x.git", "git@host:org/x.git", "https://host:8443/x?to=a@b.c",
                "mail eric@example.com", "https://eric@host/x")) {
            assertEquals(s, Redaction.redact(s));
        }
        assertNull(Redaction.redact(null));
    }

    @Test
    void redact_knownSecrets_areMaskedWherever() {
        String text = "server said: bad token " + SECRET + " (prefix s3cr3t)";
        assertEquals("server said: bad token *** (prefix s3cr3t)", Redaction.redact(text, List.of(SECRET, "")));
        assertEquals("*** and ***", Redaction.redact(SECRET + " and " + SECRET + "-x", List.of(SECRET, SECRET + "-x")));
    }
}
