package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.Realm;
import dev.bluerealm.testing.RfcWorkspace;
import dev.bluerealm.testing.forgejo.ForgejoServer;
import dev.bluerealm.testing.forgejo.Permission;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The RFC's walkthrough with the realm's pull requests on Forgejo (the Forgejo test server):
 * init --forgejo, joins, a domain, aperture's sync opening a real pull request with fiona asked to
 * review, fungal's sync approving it and merging it through Forgejo's merge endpoint. eric (aperture)
 * and fiona (fungal-image-analysis) are different Forgejo users on different machines, each with
 * their own token.
 */
class ForgejoE2ETest {
    private static final String REALM_SCOPES = "write:repository,write:issue,read:user";

    @TempDir Path tmp;
    ForgejoServer forgejo;
    String ericToken;
    String fionaToken;
    Cli eric;
    Cli fiona;
    Path aperture;
    Path fungal;

    @BeforeEach
    void machines() throws Exception {
        forgejo = ForgejoServer.builder(tmp.resolve("forgejo")).start();
        forgejo.createUser("eric");
        forgejo.createUser("fiona");
        forgejo.createOrganization("realms", "eric");
        ericToken = forgejo.createToken("eric", (REALM_SCOPES + ",write:organization").split(","));
        fionaToken = forgejo.createToken("fiona", REALM_SCOPES.split(","));
        // BLUE_FORGEJO_TOKEN is for the API only (never sent to a git remote); git over HTTP takes BLUE_REALM_TOKEN
        eric = new Cli(tmp.resolve("eric/blue-home"), tmp.resolve("eric/home")).with("BLUE_FORGEJO_TOKEN", ericToken)
                .with("BLUE_REALM_TOKEN", ericToken);
        fiona = new Cli(tmp.resolve("fiona/blue-home"), tmp.resolve("fiona/home")).with("BLUE_FORGEJO_TOKEN", fionaToken)
                .with("BLUE_REALM_TOKEN", fionaToken);
        aperture = tmp.resolve("eric/work/aperture");
        fungal = tmp.resolve("fiona/work/fungal-image-analysis");
        Realm.createRepository(aperture, Map.of("models/training/s3_paths.py", """
                MASKS = "jobs/*/masks/*"               # blue:export s3-permissions.read
                METRICS = "training-metrics/*"         # blue:export s3-permissions.read
                MANIFEST = "jobs/*/*/manifest.json"    # blue:export s3-permissions.write
                """), "eric@example.com");
        Realm.createRepository(fungal, Map.of("cdk/training_tools_access_stack.py", "# policy\n"), "fiona@example.com");
    }

    @AfterEach
    void stop() throws Exception {
        if (forgejo == null) {
            return; // skipped: no API description to validate against
        }
        try {
            forgejo.assertNoViolations();
        } finally {
            forgejo.close();
        }
    }

    @Test
    void rfcWalkthrough_onForgejo_opensReviewsAndMergesThroughForgejo() throws Exception {
        Cli.Result init = eric.run(aperture, "realm", "admin", "init", "--name", "letemcook",
                "--forgejo", forgejo.url(), "--org", "realms");
        assertEquals(0, init.code(), init.toString());
        String host = forgejo.url().replaceFirst("^http://", "");
        assertEquals("✓ Created realm repo in Forgejo: " + host + "/realms/letemcook\n"
                + "✓ Cloned to " + tmp.resolve("eric/blue-home/realms/letemcook") + "/\n"
                + "✓ Created realm.yaml\n"
                + "✓ Pushed to Forgejo\n", init.out());
        String realmYaml = realmFile("realm.yaml");
        assertTrue(realmYaml.contains("forge:\n  type: forgejo\n  url: " + forgejo.url() + "\n  repo: realms/letemcook\n"),
                realmYaml);
        forgejo.addCollaborator("realms", "letemcook", "fiona", Permission.WRITE);

        assertEquals(0, eric.run(aperture, "realm", "admin", "join", "letemcook").code());
        Cli.Result domain = eric.run(aperture, "realm", "admin", "domain", "create", "s3-access",
                "--repos", "aperture,fungal-image-analysis", "--contract", "s3-permissions");
        assertEquals(0, domain.code(), domain.toString());
        // fiona is no approver: the realm admits repos openly (joins by approval are their own workflow)
        pushToRealm(Map.of("realm.yaml", realmFile("realm.yaml").replace("admission: approval", "admission: open")),
                "open admission");
        Cli.Result join = fiona.run(fungal, "realm", "admin", "join", "letemcook", "--url",
                forgejo.cloneUrl("realms", "letemcook"));
        assertEquals(0, join.code(), join.toString());
        assertTrue(realmFile("repos/fungal-image-analysis.yaml").contains("- fiona\n"),
                "fiona's Forgejo login is among the maintainers: " + realmFile("repos/fungal-image-analysis.yaml"));
        pushToRealm(RfcWorkspace.CONTRACT_FILES, "s3-permissions 1.4.0");

        // aperture adds an exported path and syncs: a pull request on Forgejo, fiona asked to review
        Files.writeString(aperture.resolve("models/training/s3_paths.py"),
                "EXPERIMENTS = \"training-metrics/experiments/*\"  # blue:export s3-permissions.read\n",
                StandardOpenOption.APPEND);
        Cli.Result sync = eric.run(aperture, "realm", "sync");
        assertEquals(0, sync.code(), sync.toString());
        assertTrue(sync.out().contains("✓ PR #1: \"aperture: s3-permissions 1.5.0\""), sync.out());
        JsonNode pull = api("/repos/realms/letemcook/pulls/1");
        assertEquals("open", pull.path("state").asString());
        assertEquals("eric", pull.path("user").path("login").asString());
        assertEquals("fiona", pull.path("requested_reviewers").path(0).path("login").asString(), pull.toString());
        assertTrue(pull.path("body").asString().contains("```blue-realm\nauthor_repo: aperture\nbreaking: false\n"),
                pull.path("body").asString());
        String branch = pull.path("head").path("ref").asString();
        assertEquals("sync/aperture/20260124-100000", branch);

        Cli.Result waiting = eric.run(aperture, "realm", "status");
        assertTrue(waiting.out().contains("""
                ⏳ Pull request #1: s3-permissions 1.4.0 → 1.5.0 waits for:
                    - fungal-image-analysis to acknowledge 1.5.0
                """), waiting.toString());
        Cli.Result notified = fiona.run(fungal, "realm", "status");
        assertTrue(notified.out().contains("🔔 Pull request #1 from aperture: s3-permissions 1.4.0 → 1.5.0"),
                notified.toString());

        // fungal syncs: its binding moves on the branch, fiona approves, the pull request merges on Forgejo
        Cli.Result consumer = fiona.run(fungal, "realm", "sync");
        assertEquals(0, consumer.code(), consumer.toString());
        assertTrue(consumer.out().contains("✓ Acknowledged PR #1\n✓ PR #1 merged: \"aperture: s3-permissions 1.5.0\""),
                consumer.out());
        JsonNode reviews = api("/repos/realms/letemcook/pulls/1/reviews");
        JsonNode approval = null;
        for (JsonNode r : reviews) {
            if (r.path("user").path("login").asString().equals("fiona") && r.path("state").asString().equals("APPROVED")) {
                approval = r;
            }
        }
        assertTrue(approval != null, "no APPROVED review by fiona: " + reviews);
        assertTrue(approval.path("body").asString().contains("acknowledge: fungal-image-analysis\nversion: 1.5.0\n"),
                approval.toString());
        JsonNode merged = api("/repos/realms/letemcook/pulls/1");
        assertTrue(merged.path("merged").asBoolean(), merged.toString());
        assertEquals("fiona", merged.path("merged_by").path("login").asString());
        JsonNode statuses = api("/repos/realms/letemcook/commits/" + merged.path("head").path("sha").asString()
                + "/statuses");
        assertEquals("blue/realm-check", statuses.path(0).path("context").asString(), statuses.toString());
        assertEquals("success", statuses.path(0).path("status").asString(), statuses.toString());
        assertEquals(List.of("refs/heads/main"), heads(), "the merged sync branch is deleted");
        String contract = realmFile("domains/s3-access/contracts/s3-permissions.yaml");
        assertTrue(contract.contains("1.5.0") && contract.contains("training-metrics/experiments/*"), contract);
        assertTrue(realmFile("domains/s3-access/bindings/fungal-image-analysis.yaml").contains("1.5.0"));

        Cli.Result apertureNow = eric.run(aperture, "realm", "status");
        assertFalse(apertureNow.out().contains("Contract change detected"), apertureNow.out());
        assertTrue(apertureNow.out().contains("s3-permissions v1.5.0"), apertureNow.out());
        Cli.Result fungalNow = fiona.run(fungal, "realm", "status");
        assertFalse(fungalNow.out().contains("🔔 Pull request"), fungalNow.out());
        Cli.Result settled = eric.run(aperture, "realm", "sync");
        assertTrue(settled.out().contains("Nothing to sync"), settled.toString());
    }

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(forgejo.apiUrl() + path))
                .header("Authorization", "token " + ericToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return new ObjectMapper().readTree(r.body());
    }

    private Git cloneRealm() throws Exception {
        Path dir = Files.createTempDirectory(tmp, "realm-");
        return Git.cloneRepository().setURI(forgejo.cloneUrl("realms", "letemcook")).setDirectory(dir.toFile())
                .setCredentialsProvider(credentials()).call();
    }

    private String realmFile(String path) throws Exception {
        try (Git git = cloneRealm()) {
            return Files.readString(git.getRepository().getWorkTree().toPath().resolve(path));
        }
    }

    /** What a realm maintainer commits to main with git alone. */
    private void pushToRealm(Map<String, String> files, String message) throws Exception {
        try (Git git = cloneRealm()) {
            Path root = git.getRepository().getWorkTree().toPath();
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.createDirectories(root.resolve(f.getKey()).getParent());
                Files.writeString(root.resolve(f.getKey()), f.getValue());
            }
            git.add().addFilepattern(".").call();
            git.commit().setMessage(message).setAuthor("eric", "eric@example.com")
                    .setCommitter("eric", "eric@example.com").setSign(false).call();
            git.push().setCredentialsProvider(credentials()).call();
        }
    }

    private List<String> heads() throws Exception {
        return Git.lsRemoteRepository().setRemote(forgejo.cloneUrl("realms", "letemcook"))
                .setCredentialsProvider(credentials()).setHeads(true).call().stream().map(Ref::getName).toList();
    }

    private UsernamePasswordCredentialsProvider credentials() {
        return new UsernamePasswordCredentialsProvider("eric", ericToken);
    }
}
