package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bluerealm.Realm;
import dev.bluerealm.testing.GitDaemon;
import dev.bluerealm.testing.GitHttpServer;
import dev.bluerealm.testing.SshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The RFC's "Initial Setup" through the {@code blue} entry point: init letemcook, join aperture,
 * create s3-access, join fungal-image-analysis, status — against each kind of real git remote.
 */
class InitialSetupE2ETest {
    static final String ERIC = "eric@example.com";
    @TempDir Path tmp;

    @Test
    void initialSetup_embeddedLocalRemote() throws Exception {
        Path remote = tmp.resolve("blue-home/remotes/letemcook.git");
        runInitialSetup(null, remote);
    }

    @Test
    void initialSetup_smartHttpRemote() throws Exception {
        Path served = Files.createDirectories(tmp.resolve("served"));
        Git.init().setBare(true).setInitialBranch("main").setDirectory(served.resolve("letemcook.git").toFile()).call()
                .close();
        try (GitHttpServer server = GitHttpServer.start(served)) {
            runInitialSetup(server.url("letemcook"), served.resolve("letemcook.git"));
        }
    }

    @Test
    void initialSetup_gitDaemonRemote() throws Exception {
        assumeTrue(GitDaemon.available(), "git daemon not available (install git); .ci/run installs it");
        Path served = Files.createDirectories(tmp.resolve("served"));
        Git.init().setBare(true).setInitialBranch("main").setDirectory(served.resolve("letemcook.git").toFile()).call()
                .close();
        try (GitDaemon daemon = GitDaemon.start(served)) {
            runInitialSetup(daemon.url("letemcook"), served.resolve("letemcook.git"));
        }
    }

    @Test
    void initialSetup_sshRemote() throws Exception {
        assumeTrue(SshServer.available(), () -> "ssh test skipped: " + SshServer.unavailableReason());
        Path bare = tmp.resolve("served/letemcook.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        try (SshServer sshd = SshServer.start()) {
            sshd.installClientKeys(tmp.resolve("home")); // the CLI's HOME: keys and known_hosts come from there
            runInitialSetup(sshd.url(bare), bare);
        }
    }

    private void runInitialSetup(String url, Path bare) throws Exception {
        Cli blue = new Cli(tmp.resolve("blue-home"), tmp.resolve("home"));
        Path aperture = tmp.resolve("work/aperture");
        Path fungal = tmp.resolve("work/fungal-image-analysis");
        Realm.createRepository(aperture, Map.of("README.md", "aperture\n"), ERIC);
        Realm.createRepository(fungal, Map.of("README.md", "fungal\n"), ERIC);

        // 1. Create realm
        Cli.Result init = url == null ? blue.run(aperture, "realm", "admin", "init", "--name", "letemcook")
                : blue.run(aperture, "realm", "admin", "init", "--name", "letemcook", "--url", url);
        assertEquals(0, init.code(), init.toString());
        String remoteShown = url == null ? "file://" + bare : url;
        assertEquals((url == null ? "✓ Created realm repo: " : "✓ Using realm repo: ") + remoteShown + "\n"
                + "✓ Cloned to " + tmp.resolve("blue-home/realms/letemcook") + "/\n"
                + "✓ Created realm.yaml\n"
                + "✓ Pushed to " + remoteShown + "\n", init.out());

        // 2. Register aperture in realm
        Cli.Result join = blue.run(aperture, "realm", "admin", "join", "letemcook");
        assertEquals(0, join.code(), join.toString());
        assertEquals("✓ Created repos/aperture.yaml in realm\n"
                + "✓ Created .blue/config.yaml locally\n"
                + "✓ Pushed to " + remoteShown + "\n", join.out());

        // 3. Create the s3-access domain
        Cli.Result domain = blue.run(aperture, "realm", "admin", "domain", "create", "s3-access",
                "--repos", "aperture,fungal-image-analysis", "--contract", "s3-permissions");
        assertEquals(0, domain.code(), domain.toString());
        assertEquals("✓ Created domains/s3-access/domain.yaml\n"
                + "✓ Created domains/s3-access/contracts/s3-permissions.yaml\n"
                + "✓ Created domains/s3-access/bindings/aperture.yaml (provider)\n"
                + "✓ Created domains/s3-access/bindings/fungal-image-analysis.yaml (consumer)\n"
                + "ℹ fungal-image-analysis has not joined the realm yet (pending member)\n"
                + "✓ Pushed to " + remoteShown + "\n", domain.out());

        // 4. Register fungal in realm
        Cli.Result join2 = blue.run(fungal, "realm", "admin", "join", "letemcook");
        assertEquals(0, join2.code(), join2.toString());
        assertEquals("✓ Created repos/fungal-image-analysis.yaml in realm\n"
                + "✓ Detected import: s3-permissions in domain s3-access\n"
                + "✓ Created .blue/config.yaml locally\n"
                + "✓ Pushed to " + remoteShown + "\n", join2.out());

        // status from inside aperture (a subfolder works too: .blue/config.yaml is found walking up)
        Files.createDirectories(aperture.resolve("models/training"));
        Cli.Result status = blue.run(aperture.resolve("models/training"), "realm", "status");
        assertEquals(0, status.code(), status.toString());
        assertEquals("""
                📊 aperture (in realm: letemcook)

                Domains:
                  s3-access (provider)
                    Contract: s3-permissions v1.0.0

                Other repos:
                  • fungal-image-analysis (s3-access)
                """, status.out());
        Cli.Result fungalStatus = blue.run(fungal, "realm", "status");
        assertTrue(fungalStatus.out().contains("s3-access (consumer)\n    Contract: s3-permissions v1.0.0 (imports >=1.0.0, <2.0.0, resolved 1.0.0)"),
                fungalStatus.out());

        Cli.Result json = blue.run(aperture, "realm", "status", "--json");
        assertEquals(0, json.code(), json.toString());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertEquals("letemcook", doc.get("realm").asString());
        assertEquals("aperture", doc.get("repo").asString());
        assertEquals("provider", doc.get("domains").get(0).get("role").asString());
        assertEquals("1.0.0", doc.get("domains").get(0).get("contracts").get(0).get("version").asString());
        assertTrue(doc.get("findings").isEmpty(), json.out());

        // the realm as another machine sees it: the files the RFC shows, byte for byte in our layout
        Path peek = tmp.resolve("peek");
        Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(peek.toFile()).call().close();
        assertEquals("""
                name: s3-access
                created_at: 2026-01-24T10:00:00Z
                members:
                  - aperture
                  - fungal-image-analysis
                """, Files.readString(peek.resolve("domains/s3-access/domain.yaml")));
        assertEquals("""
                repo: fungal-image-analysis
                role: consumer
                imports:
                  - contract: s3-permissions
                    version: ">=1.0.0, <2.0.0"
                    status: current
                    resolved_version: 1.0.0
                    resolved_at: 2026-01-24T10:00:00Z
                """, Files.readString(peek.resolve("domains/s3-access/bindings/fungal-image-analysis.yaml")));
        assertTrue(Files.readString(peek.resolve("realm.yaml")).contains("approvers:\n    - " + ERIC + "\n"));
        assertTrue(Files.readString(peek.resolve("repos/fungal-image-analysis.yaml")).contains("path: " + fungal));
        assertEquals("""
                realm:
                  name: letemcook
                  url: %s
                repo: aperture
                """.formatted(remoteShown), Files.readString(aperture.resolve(".blue/config.yaml")));
    }
}
