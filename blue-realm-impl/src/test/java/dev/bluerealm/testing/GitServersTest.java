package dev.bluerealm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clone, commit, push and clone again through each real git server. */
class GitServersTest {
    @TempDir
    Path root;
    @TempDir
    Path work;

    @Test
    void httpServerClonesAndAcceptsPushes() throws Exception {
        try (GitHttpServer server = GitHttpServer.start(root)) {
            createBare("demo"); // after start: repos are opened from disk per request
            roundTrip(server.url("demo"));
        }
    }

    @Test
    void httpServerWithBasicAuth_refusesAnonymousAndWrongPasswordsAndAcceptsAnyUserWithThePassword() throws Exception {
        try (GitHttpServer server = GitHttpServer.startWithBasicAuth(root, null, "t0ken")) {
            createBare("demo");
            HttpClient client = HttpClient.newHttpClient();
            URI refs = URI.create(server.url("demo") + "/info/refs?service=git-upload-pack");
            HttpResponse<Void> anonymous = client.send(HttpRequest.newBuilder(refs).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(401, anonymous.statusCode());
            assertEquals("Basic realm=\"git\"", anonymous.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals(401, client.send(HttpRequest.newBuilder(refs).header("Authorization", basic("eric", "nope")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(200, client.send(HttpRequest.newBuilder(refs).header("Authorization", basic("anyone", "t0ken")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(1, server.refusedAttempts());
            assertEquals(java.util.List.of("anyone"), server.authenticatedUsers());
        }
        try (GitHttpServer server = GitHttpServer.startWithBasicAuth(root, "eric", "pw")) {
            HttpClient client = HttpClient.newHttpClient();
            URI refs = URI.create(server.url("demo") + "/info/refs?service=git-upload-pack");
            assertEquals(401, client.send(HttpRequest.newBuilder(refs).header("Authorization", basic("anyone", "pw")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(200, client.send(HttpRequest.newBuilder(refs).header("Authorization", basic("eric", "pw")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void httpServerRefusesPathsOutsideTheRoot() throws Exception {
        createBare("demo");
        try (GitHttpServer server = GitHttpServer.start(root.resolve("nested-missing"))) {
            HttpClient client = HttpClient.newHttpClient();
            for (String path : new String[] {"/git/..%2Fdemo.git", "/git/../demo.git", "/git/missing.git"}) {
                HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + path + "/info/refs?service=git-upload-pack")).build();
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                assertNotEquals(200, status, path);
            }
        }
        // the resolver's own guard, for names that get past Jetty's URI checks
        Path base = root.resolve("nested");
        Files.createDirectories(base);
        for (String name : new String[] {"../demo.git", "nested/../../demo.git", "..", "/demo.git", "..\\demo.git", "missing.git"}) {
            assertThrows(RepositoryNotFoundException.class, () -> GitHttpServer.open(base, name).close(), name);
        }
        GitHttpServer.open(root, "demo.git").close();
    }

    @Test
    void gitDaemonClonesAndAcceptsPushes() throws Exception {
        assumeTrue(GitDaemon.available(), "git not on PATH: the git daemon test is skipped");
        try (GitDaemon daemon = GitDaemon.start(root)) {
            createBare("demo");
            roundTrip(daemon.url("demo"));
        }
    }

    private void createBare(String name) throws Exception {
        Git.init().setBare(true).setInitialBranch("main").setDirectory(root.resolve(name + ".git").toFile()).call().close();
    }

    private void roundTrip(String url) throws Exception {
        PersonIdent me = new PersonIdent("Tester", "tester@example.com");
        try (Git first = Git.cloneRepository().setURI(url).setDirectory(work.resolve("first").toFile()).call()) {
            Files.writeString(work.resolve("first/hello.txt"), "hello over " + url + "\n");
            first.add().addFilepattern("hello.txt").call();
            first.commit().setMessage("hello").setAuthor(me).setCommitter(me).setSign(false).call();
            for (PushResult result : first.push().setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call()) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    assertEquals(RemoteRefUpdate.Status.OK, update.getStatus(), update.toString());
                }
            }
        }
        try (Git second = Git.cloneRepository().setURI(url).setDirectory(work.resolve("second").toFile()).call()) {
            assertEquals("hello over " + url + "\n", Files.readString(work.resolve("second/hello.txt")));
            assertEquals("main", second.getRepository().getBranch());
        }
    }
}
