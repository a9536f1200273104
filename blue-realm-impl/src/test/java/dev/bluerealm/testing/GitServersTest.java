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
