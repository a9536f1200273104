package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.testing.GitHttpServer;
import dev.bluerealm.testing.TestRealm;
import dev.bluerealm.testing.RfcWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RFC's "Daily Development" and "Consumer Response" walkthroughs through the {@code blue}
 * command, on the embedded local forge (pull requests on refs/blue/pulls of the realm remote).
 */
class SyncE2ETest {
    private static final String FIONA = "fiona@example.com"; // fungal-image-analysis's maintainer

    @TempDir Path tmp;
    Cli blue;
    RfcWorkspace w;

    @BeforeEach
    void rfcRealm() throws Exception {
        blue = new Cli(tmp.resolve("blue-home"), tmp.resolve("home"));
        w = RfcWorkspace.create(tmp, FIONA);
    }

    private void addExperimentsPath() throws Exception {
        Files.writeString(w.aperture().resolve("models/training/s3_paths.py"),
                "EXPERIMENTS = \"training-metrics/experiments/*\"  # blue:export s3-permissions.read\n",
                StandardOpenOption.APPEND);
    }

    private String remoteFile(String ref, String path) throws Exception {
        return new TestRealm(tmp).remoteFileAt(w.remote(), ref, path);
    }

    @Test
    void dailyDevelopmentThenConsumerResponse_asTheRfcTellsIt() throws Exception {
        walkthrough();
    }

    @Test
    void dailyDevelopmentThenConsumerResponse_overSmartHttp() throws Exception {
        Path served = Files.createDirectories(tmp.resolve("served"));
        Path bare = served.resolve("letemcook.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        try (GitHttpServer server = GitHttpServer.start(served)) {
            Cli http = new Cli(tmp.resolve("http/blue-home"), tmp.resolve("http/home"));
            blue = http;
            w = RfcWorkspace.create(new TestRealm(tmp.resolve("http")), FIONA, server.url("letemcook"), bare);
            walkthrough();
        }
    }

    @Test
    void importerHookFailing_isNotAcknowledged_andThePullRequestStaysOpen() throws Exception {
        TestRealm.commit(w.fungal(), java.util.Map.of("scripts/check-iam.sh", "#!/bin/sh\necho 'IAM policy lacks "
                + "training-metrics/experiments/*' >&2\nexit 1\n"), true);
        String contract = remoteFile("refs/heads/main", "domains/s3-access/contracts/s3-permissions.yaml");
        new TestRealm(tmp).commitToRemote("letemcook", java.util.Map.of("domains/s3-access/contracts/s3-permissions.yaml",
                contract + "validation:\n  importer: scripts/check-iam.sh\n"), "importer hook");
        addExperimentsPath();
        assertEquals(0, blue.run(w.aperture(), "realm", "sync").code());
        Cli.Result consumer = blue.run(w.fungal(), "realm", "sync");
        assertEquals(2, consumer.code(), consumer.toString());
        assertTrue(consumer.out().contains("✗ Not acknowledged: PR #1 (s3-permissions 1.5.0): the importer hook failed"),
                consumer.out());
        assertTrue(consumer.out().contains("IAM policy lacks training-metrics/experiments/*"), consumer.out());
        assertTrue(remoteFile("refs/heads/main", "domains/s3-access/contracts/s3-permissions.yaml").contains("1.4.0"),
                "merged without the importer");
        Cli.Result acked = blue.run(w.fungal(), "realm", "sync", "--ack", "s3-permissions");
        assertEquals(0, acked.code(), acked.toString());
        assertTrue(acked.out().contains("✓ Acknowledged PR #1"), acked.out());
        assertTrue(acked.out().contains("✓ PR #1 merged"), acked.out());
    }

    @Test
    void ackWithNoPullRequest_movesAStaleBindingOnMain_andSaysWhenItIsCurrent() throws Exception {
        String binding = RfcWorkspace.CONTRACT_FILES.get("domains/s3-access/bindings/fungal-image-analysis.yaml");
        new TestRealm(tmp).commitToRemote("letemcook", java.util.Map.of(
                "domains/s3-access/bindings/fungal-image-analysis.yaml",
                binding.replace("resolved_version: \"1.4.0\"", "resolved_version: \"1.3.0\"")), "bound to 1.3.0");
        Cli.Result status = blue.run(w.fungal(), "realm", "status");
        assertTrue(status.out().contains("resolved 1.3.0; stale)"), status.out());
        Cli.Result ack = blue.run(w.fungal(), "realm", "sync", "--ack", "s3-permissions");
        assertEquals(0, ack.code(), ack.toString());
        assertEquals("""
                📤 Syncing with realm 'letemcook'...
                Binding updated:
                  s3-permissions: resolved_version 1.3.0 → 1.4.0
                ✓ Committed the binding on main
                ✓ Realm synced
                """, ack.out());
        assertTrue(remoteFile("refs/heads/main", "domains/s3-access/bindings/fungal-image-analysis.yaml")
                .contains("1.4.0"));
        Cli.Result again = blue.run(w.fungal(), "realm", "sync", "--ack", "s3-permissions");
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().endsWith("✓ s3-permissions is already current\n"), again.out());
    }

    private void walkthrough() throws Exception {
        addExperimentsPath();
        Cli.Result status = blue.run(w.aperture(), "realm", "status");
        assertTrue(status.out().contains("+ training-metrics/experiments/*"), status.toString());

        Cli.Result dry = blue.run(w.aperture(), "realm", "sync", "--dry-run");
        assertEquals(0, dry.code(), dry.toString());
        assertTrue(dry.out().contains("s3-permissions: 1.4.0 → 1.5.0 (compatible)"), dry.out());
        assertTrue(dry.out().endsWith("(dry run: nothing was written)\n"), dry.out());
        assertNull(ref("refs/blue/pulls"), "a dry run opened a pull request");

        Cli.Result sync = blue.run(w.aperture(), "realm", "sync");
        assertEquals(0, sync.code(), sync.toString());
        assertEquals("""
                📤 Syncing with realm 'letemcook'...
                Creating sync branch: sync/aperture/20260124-100000
                Contract changes detected:
                  s3-permissions: 1.4.0 → 1.5.0 (compatible)
                    + training-metrics/experiments/*
                Opening PR for review...
                ✓ PR #1: "aperture: s3-permissions 1.5.0"
                Reviewers: fungal-image-analysis maintainers
                Notifying active sessions...
                  no daemon is listening; other sessions see this at their next `blue realm status`
                ✓ Realm synced
                """, sync.out());
        String proposed = remoteFile("refs/heads/sync/aperture/20260124-100000",
                "domains/s3-access/contracts/s3-permissions.yaml");
        assertTrue(proposed.contains("version: \"1.5.0\"") || proposed.contains("version: 1.5.0"), proposed);
        assertTrue(proposed.contains("training-metrics/experiments/*"), proposed);
        assertTrue(remoteFile("refs/heads/main", "domains/s3-access/contracts/s3-permissions.yaml")
                .contains("1.4.0"), "main is untouched until the merge");

        Cli.Result again = blue.run(w.aperture(), "realm", "sync");
        assertTrue(again.out().contains("Nothing to sync") || !again.out().contains("PR #2"), again.toString());
        assertFalse(again.out().contains("Opening PR"), "a second sync opened another pull request: " + again);

        Cli.Result waiting = blue.run(w.aperture(), "realm", "status");
        assertTrue(waiting.out().contains("""
                ⏳ Pull request #1: s3-permissions 1.4.0 → 1.5.0 waits for:
                    - fungal-image-analysis to acknowledge 1.5.0
                """), waiting.out());
        Cli.Result notified = blue.run(w.fungal(), "realm", "status");
        assertTrue(notified.out().contains("""
                🔔 Pull request #1 from aperture: s3-permissions 1.4.0 → 1.5.0
                    + training-metrics/experiments/*
                  Your import (>=1.0.0, <2.0.0) is still satisfied.
                  Update binding when ready, then run 'blue realm sync' to acknowledge.
                """), notified.out());
        assertTrue(notified.out().contains("(imports >=1.0.0, <2.0.0, resolved 1.4.0; pending)"), notified.out());

        Cli.Result consumer = blue.run(w.fungal(), "realm", "sync");
        assertEquals(0, consumer.code(), consumer.toString());
        assertEquals("""
                📤 Syncing with realm 'letemcook'...
                Binding updated:
                  s3-permissions: resolved_version 1.4.0 → 1.5.0
                ✓ Acknowledged PR #1
                ✓ PR #1 merged: "aperture: s3-permissions 1.5.0"
                Notifying active sessions...
                  no daemon is listening; other sessions see this at their next `blue realm status`
                ✓ Realm synced
                """, consumer.out());
        String main = remoteFile("refs/heads/main", "domains/s3-access/contracts/s3-permissions.yaml");
        assertTrue(main.contains("1.5.0") && main.contains("training-metrics/experiments/*"), main);
        String binding = remoteFile("refs/heads/main", "domains/s3-access/bindings/fungal-image-analysis.yaml");
        assertTrue(binding.contains("resolved_version: \"1.5.0\"") || binding.contains("resolved_version: 1.5.0"),
                binding);
        assertNull(ref("refs/heads/sync/aperture/20260124-100000"), "the merged sync branch is deleted");

        Cli.Result apertureNow = blue.run(w.aperture(), "realm", "status");
        assertFalse(apertureNow.out().contains("Contract change detected"), apertureNow.out());
        assertTrue(apertureNow.out().contains("s3-permissions v1.5.0"), apertureNow.out());
        Cli.Result check = blue.run(w.fungal(), "realm", "check", "--mode=importer");
        assertEquals("✓ s3-permissions: binding at 1.5.0 (current)\n", check.out(), check.toString());
        Cli.Result settled = blue.run(w.aperture(), "realm", "sync");
        assertTrue(settled.out().contains("Nothing to sync"), settled.toString());
    }

    @Test
    void nonOwnerChange_isRefusedBeforeAnythingIsPushed() throws Exception {
        // fungal declares that it exports aperture's contract: its code's value is a change it may not make
        Files.writeString(w.fungal().resolve("cdk/paths.py"), "P = \"elsewhere/*\"  # blue:export s3-permissions.read\n");
        try (Git g = Git.open(w.fungal().toFile())) {
            g.add().addFilepattern(".").call();
            g.commit().setMessage("paths").setSign(false).call();
        }
        new TestRealm(tmp).commitToRemote("letemcook", java.util.Map.of("domains/s3-access/bindings/fungal-image-analysis.yaml",
                """
                repo: fungal-image-analysis
                role: both
                exports:
                  - contract: s3-permissions
                    source_files: [cdk/paths.py]
                imports:
                  - contract: s3-permissions
                    version: ">=1.0.0, <2.0.0"
                    resolved_version: "1.4.0"
                """), "fungal claims an export");
        Cli.Result r = blue.run(w.fungal(), "realm", "sync");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("owned by aperture"), r.toString());
        assertNull(ref("refs/blue/pulls"), "a pull request was opened");
        try (Repository repo = Git.open(w.remote().toFile()).getRepository()) {
            assertTrue(repo.getRefDatabase().getRefsByPrefix("refs/heads/sync/").isEmpty(), "a sync branch was pushed");
        }
    }

    @Test
    void breakingChange_proposesAMajorBump_andWaitsForApprovalAndTheImporter() throws Exception {
        Files.createDirectories(w.aperture().resolve(".blue/contracts"));
        // `read` is no longer required: old importers may now get values without it
        Files.writeString(w.aperture().resolve(".blue/contracts/s3-permissions.schema.yaml"), """
                type: object
                properties:
                  read: {type: array, items: {type: string}}
                  write: {type: array, items: {type: string}, default: []}
                  delete: {type: array, items: {type: string}, default: []}
                """);
        Cli.Result sync = blue.run(w.aperture(), "realm", "sync");
        assertEquals(0, sync.code(), sync.toString());
        assertTrue(sync.out().contains("s3-permissions: 1.4.0 → 2.0.0 (breaking)"), sync.out());
        assertTrue(sync.out().contains("fungal-image-analysis imports >=1.0.0, <2.0.0, which the new version leaves"),
                sync.out());
        Cli.Result consumer = blue.run(w.fungal(), "realm", "sync");
        assertEquals(2, consumer.code(), consumer.toString());
        assertTrue(consumer.out().contains("outside your range >=1.0.0, <2.0.0; widen the range"), consumer.out());
        Cli.Result notApprover = blue.run(w.fungal(), "realm", "approve", "1");
        assertEquals(1, notApprover.code(), notApprover.toString());
        assertTrue(notApprover.err().contains("not an approver"), notApprover.toString());
        Cli.Result approve = blue.run(w.aperture(), "realm", "approve", "1");
        assertEquals(0, approve.code(), approve.toString());
        assertTrue(approve.out().contains("still open"), approve.out());
        assertTrue(remoteFile("refs/heads/main", "domains/s3-access/contracts/s3-permissions.yaml").contains("1.4.0"));
    }

    private org.eclipse.jgit.lib.ObjectId ref(String name) throws Exception {
        try (Repository repo = Git.open(w.remote().toFile()).getRepository()) {
            return repo.resolve(name);
        }
    }
}
