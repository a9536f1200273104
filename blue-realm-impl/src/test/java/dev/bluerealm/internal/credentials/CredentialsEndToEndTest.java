package dev.bluerealm.internal.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.RealmLoadException;
import dev.bluerealm.admin.InitRequest;
import dev.bluerealm.internal.git.RealmStore;
import dev.bluerealm.internal.git.Transports;
import dev.bluerealm.testing.GitHttpServer;
import dev.bluerealm.testing.TestRealm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The realm store against a smart-HTTP git server that requires Basic authentication, as a forge
 * does for a private realm: it works only with the credential the chain finds, and a refused or
 * missing one fails with a message that says why and holds no secret.
 */
class CredentialsEndToEndTest {
    private static final String TOKEN = "e2e-good-token-5f1d2c3b4a";
    private static final String WRONG = "e2e-wrong-token-9e8d7c6b5a";
    private final PersonIdent who = new PersonIdent("eric", "eric@example.com");

    @TempDir Path tmp;
    CredentialMachine m;
    GitHttpServer server;
    String url;

    @BeforeEach
    void setUp() throws Exception {
        m = new CredentialMachine(tmp.resolve("machine"));
        Path serverRoot = tmp.resolve("server");
        Path bare = serverRoot.resolve("realm.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        try (RealmStore seed = RealmStore.cloneInto(bare.toUri().toString(), tmp.resolve("seed"), Transports.defaults())) {
            seed.write(base -> change("realm.yaml", "name: letemcook\n"), who);
        }
        server = GitHttpServer.startWithBasicAuth(serverRoot, null, TOKEN);
        url = server.url("realm");
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    private static RealmStore.Change change(String path, String text) {
        return new RealmStore.Change("write " + path, Map.of(path, text.getBytes(StandardCharsets.UTF_8)));
    }

    private Transports transports() {
        return Transports.forEnvironment(m.env(), m.blueHome);
    }

    private static String everything(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    @Test
    void cloneWriteFetch_tokenFromEnvironment_succeedOnlyThroughTheChain() throws Exception {
        RealmException anonymous = assertThrows(RealmException.class,
                () -> RealmStore.cloneInto(url, tmp.resolve("anonymous"), Transports.defaults()).close());
        assertTrue(anonymous.getMessage().contains("Authentication is required"), anonymous.getMessage());

        m.set("BLUE_REALM_TOKEN", TOKEN);
        try (RealmStore a = RealmStore.cloneInto(url, tmp.resolve("a"), transports())) {
            assertTrue(Files.isRegularFile(tmp.resolve("a/realm.yaml")));
            a.write(base -> change("repos/aperture.yaml", "name: aperture\n"), who); // a push
            try (RealmStore b = RealmStore.cloneInto(url, tmp.resolve("b"), transports())) {
                assertEquals("name: aperture\n", Files.readString(tmp.resolve("b/repos/aperture.yaml")));
                b.write(base -> change("repos/fungal.yaml", "name: fungal\n"), who);
            }
            a.fetch();
            a.syncWorkTree();
            assertTrue(Files.isRegularFile(tmp.resolve("a/repos/fungal.yaml")));
        }
        assertFalse(server.authenticatedUsers().isEmpty());
        assertTrue(server.authenticatedUsers().stream().allMatch("token"::equals), server.authenticatedUsers().toString());
        assertEquals(0, server.refusedAttempts());
    }

    @Test
    void clone_wrongToken_failsOnceWithAMessageNamingTheSourceButNoSecret() throws Exception {
        m.set("BLUE_REALM_TOKEN", WRONG);
        RealmException e = assertThrows(RealmException.class,
                () -> RealmStore.cloneInto(url, tmp.resolve("a"), transports()).close());
        assertEquals(ErrorCode.REMOTE_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("cannot clone the realm from " + url + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("not authorized"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; the credential from env BLUE_REALM_TOKEN (user token) was refused"), e.getMessage());
        assertFalse(everything(e).contains(WRONG), "no secret anywhere in the exception or its causes");
        assertEquals(1, server.refusedAttempts(), "a refused secret is not sent again");
        assertFalse(Files.exists(tmp.resolve("a")));
    }

    @Test
    void clone_noCredentialAnywhere_saysWhereItLooked() {
        RealmException e = assertThrows(RealmException.class,
                () -> RealmStore.cloneInto(url, tmp.resolve("a"), transports()).close());
        assertTrue(e.getMessage().contains("not authorized; no credentials for 127.0.0.1:" + server.port()
                + " in env BLUE_REALM_TOKEN/BLUE_FORGEJO_TOKEN, git credential fill, "), e.getMessage());
        assertTrue(e.getMessage().endsWith(m.blueHome.resolve("credentials.yaml").toString()), e.getMessage());
    }

    @Test
    void clone_passwordInTheUrl_isUsedAndNeverShown() throws Exception {
        String prefix = "http://eric:";
        String rest = url.substring("http://".length());
        RealmException e = assertThrows(RealmException.class,
                () -> RealmStore.cloneInto(prefix + WRONG + "@" + rest, tmp.resolve("a"), transports()).close());
        assertTrue(e.getMessage().startsWith("cannot clone the realm from http://eric:***@" + rest), e.getMessage());
        assertTrue(e.getMessage().contains("the credential from the remote URL (user eric) was refused"), e.getMessage());
        assertFalse(everything(e).contains(WRONG), everything(e));

        m.set("BLUE_REALM_TOKEN", WRONG); // the URL's own password wins over the chain
        try (RealmStore a = RealmStore.cloneInto(prefix + TOKEN + "@" + rest, tmp.resolve("a"), transports())) {
            a.write(base -> change("x.yaml", "x: 1\n"), who); // a push
        }
        assertEquals(List.of("eric"), server.authenticatedUsers().stream().distinct().toList());
    }

    @Test
    void cloneThenFailure_gitHelperCredential_isApprovedThenRejected() throws Exception {
        assumeTrue(CredentialMachine.gitAvailable(), "git not on PATH: skipped");
        Path answer = tmp.resolve("answer");
        Path log = tmp.resolve("helper.log");
        Files.writeString(answer, TOKEN + "\n");
        m.gitHelper(CredentialMachine.script(tmp, "helper.sh", "echo \"$1\" >> '" + log + "'\n"
                + "if [ \"$1\" = get ]; then read -r pw < '" + answer + "'; echo username=alice; echo password=$pw; fi\n").toString());
        try (RealmStore a = RealmStore.cloneInto(url, tmp.resolve("a"), transports())) {
            assertEquals(List.of("get", "store"), Files.readAllLines(log), "a credential that worked is approved");
            a.write(base -> change("repos/aperture.yaml", "name: aperture\n"), who);
            a.fetch();
            assertEquals(List.of("get", "store"), Files.readAllLines(log), "looked up and approved once while it works");
        }
        Files.writeString(answer, WRONG + "\n");
        Files.delete(log);
        RealmException e = assertThrows(RealmException.class,
                () -> RealmStore.cloneInto(url, tmp.resolve("b"), transports()).close());
        assertTrue(e.getMessage().endsWith("the credential from git credential fill (user alice) was refused"), e.getMessage());
        assertEquals(List.of("get", "erase"), Files.readAllLines(log), "a refused one is rejected");
        assertFalse(everything(e).contains(WRONG));
        assertEquals(List.of("alice"), server.authenticatedUsers().stream().distinct().toList());
    }

    @Test
    void clone_credentialsFileOthersCanRead_isRefusedWithTheChmodHint() throws Exception {
        Path file = m.credentialsFile("hosts:\n  127.0.0.1:" + server.port() + ":\n    token: " + TOKEN + "\n", "rw-r--r--");
        RealmLoadException e = assertThrows(RealmLoadException.class,
                () -> RealmStore.cloneInto(url, tmp.resolve("a"), transports()).close());
        assertTrue(e.getMessage().contains("chmod 600 " + file), e.getMessage());
        assertFalse(everything(e).contains(TOKEN));
        assertFalse(Files.exists(tmp.resolve("a")));
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        RealmStore.cloneInto(url, tmp.resolve("a"), transports()).close();
    }

    @Test
    void init_realmOnAuthenticatedHttp_usesTheCredentialsFileOfItsBlueHome() throws Exception {
        Git.init().setBare(true).setDirectory(tmp.resolve("server/new.git").toFile()).setInitialBranch("main").call().close();
        TestRealm t = new TestRealm(tmp.resolve("t"));
        Path aperture = t.repo("aperture", TestRealm.ERIC);
        Path file = Files.createDirectories(t.blueHome()).resolve("credentials.yaml");
        Files.writeString(file, "hosts:\n  127.0.0.1:" + server.port() + ":\n    username: eric\n    token: " + TOKEN + "\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Map<String, String> env = new HashMap<>(t.options(aperture).build().environment());
        try (Realm realm = Realm.init(new InitRequest("letemcook", server.url("new")), t.options(aperture).environment(env).build())) {
            assertEquals("letemcook", realm.name());
        }
        assertTrue(server.authenticatedUsers().contains("eric"), server.authenticatedUsers().toString());
    }
}
