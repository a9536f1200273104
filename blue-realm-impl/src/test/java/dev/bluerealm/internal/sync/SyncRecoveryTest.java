package dev.bluerealm.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmOptions;
import dev.bluerealm.internal.git.RealmStore;
import dev.bluerealm.internal.git.Transports;
import dev.bluerealm.sync.Forge;
import dev.bluerealm.sync.PullRequest;
import dev.bluerealm.sync.SyncPlan;
import dev.bluerealm.sync.SyncRequest;
import dev.bluerealm.testing.RfcWorkspace;
import dev.bluerealm.testing.TestRealm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sync killed at each point leaves the realm consistent, and the next sync finishes what was started. */
class SyncRecoveryTest {
    @TempDir Path tmp;

    private RfcWorkspace workspace() throws Exception {
        RfcWorkspace w = RfcWorkspace.create(tmp, "fiona@example.com");
        Files.writeString(w.aperture().resolve("models/training/s3_paths.py"),
                "EXPERIMENTS = \"training-metrics/experiments/*\"  # blue:export s3-permissions.read\n",
                StandardOpenOption.APPEND);
        return w;
    }

    @Test
    void killedAfterPushingTheBranch_nextSyncOpensItsPullRequestAndNothingTwice() throws Exception {
        RfcWorkspace w = workspace();
        RealmOptions options = w.machine().options(w.aperture()).build();
        SyncPlan plan;
        try (Realm r = Realm.open(options)) {
            plan = r.syncPlanner(SyncRequest.defaults()).plan();
        }
        // what a sync does up to the moment it was killed: the branch is pushed, no pull request exists
        Forge.Draft draft = new Forge.Draft("aperture: s3-permissions 1.5.0", "killed before opening\n", plan.branch(),
                "main", "aperture", List.of("fungal-image-analysis"), false);
        Path clone = w.machine().blueHome().resolve("realms/letemcook");
        try (RealmStore store = RealmStore.open(clone, true, Transports.defaults())) {
            store.writeBranch(plan.branch(), store.tip(), base -> new RealmStore.Change(SyncCommits.message(draft, 14),
                    Map.of("domains/s3-access/contracts/s3-permissions.yaml",
                            proposed(plan).getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                    new org.eclipse.jgit.lib.PersonIdent("eric", TestRealm.ERIC));
        }
        try (Realm r = Realm.open(options)) {
            SyncPlan next = r.syncPlanner(SyncRequest.defaults()).plan();
            List<PullRequest> open = r.pullRequests(PullRequest.State.OPEN);
            assertEquals(1, open.size(), open.toString());
            assertEquals(plan.branch(), open.get(0).head());
            assertEquals("aperture: s3-permissions 1.5.0", open.get(0).title());
            assertEquals(List.of("fungal-image-analysis"), open.get(0).reviewers());
            assertTrue(next.isEmpty(), "the interrupted change was proposed again: " + next.changes());
        }
        try (Realm r = Realm.open(options)) {
            r.syncPlanner(SyncRequest.defaults()).plan();
            assertEquals(1, r.pullRequests(null).size(), "recovered twice");
        }
    }

    @Test
    void killedAfterTheBindingCommitBeforeTheAcknowledgement_nextSyncAcknowledges() throws Exception {
        RfcWorkspace w = workspace();
        try (Realm r = Realm.open(w.machine().options(w.aperture()).build())) {
            r.sync(r.syncPlanner(SyncRequest.defaults()).plan(), SyncRequest.defaults());
        }
        RealmOptions fungal = w.machine().options(w.fungal()).build();
        String branch;
        try (Realm r = Realm.open(fungal)) {
            branch = r.pullRequests(PullRequest.State.OPEN).get(0).head();
        }
        // the importer's binding commit reached the branch; the acknowledgement record did not
        String binding = RfcWorkspace.CONTRACT_FILES.get("domains/s3-access/bindings/fungal-image-analysis.yaml")
                .replace("resolved_version: \"1.4.0\"", "resolved_version: \"1.5.0\"");
        Path clone = w.machine().blueHome().resolve("realms/letemcook");
        try (RealmStore store = RealmStore.open(clone, true, Transports.defaults())) {
            store.fetch();
            store.writeBranch(branch, null, base -> new RealmStore.Change("fungal-image-analysis: acknowledge",
                    Map.of("domains/s3-access/bindings/fungal-image-analysis.yaml",
                            binding.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                    new org.eclipse.jgit.lib.PersonIdent("fiona", "fiona@example.com"));
        }
        try (Realm r = Realm.open(fungal)) {
            var result = r.sync(r.syncPlanner(SyncRequest.defaults()).plan(), SyncRequest.defaults());
            assertEquals(1, result.acknowledged().size(), result.toString());
            assertEquals(1, result.merged().size(), result.toString());
        }
        String main = w.machine().remoteFileAt(w.remote(), "refs/heads/main",
                "domains/s3-access/bindings/fungal-image-analysis.yaml");
        assertTrue(main.contains("1.5.0"), main);
    }

    @Test
    void mergeOntoAMovedMainThatWouldNotLoad_isRefusedAndThePullRequestStaysOpen() throws Exception {
        RfcWorkspace w = RfcWorkspace.create(tmp, "fiona@example.com");
        Path clone = w.machine().blueHome().resolve("realms/letemcook");
        String branch = "sync/aperture/20260124-090000";
        Forge.Draft draft = new Forge.Draft("aperture: extra 1.0.0", "a new contract\n", branch, "main", "aperture",
                List.of(), false);
        try (RealmStore store = RealmStore.open(clone, true, Transports.defaults())) {
            store.writeBranch(branch, store.tip(), base -> new RealmStore.Change(SyncCommits.message(draft, 14),
                    Map.of("domains/s3-access/contracts/extra.yaml", ("name: extra\nversion: \"1.0.0\"\nowner: aperture\n"
                            + "schema: {type: object}\nvalue: {}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                    new org.eclipse.jgit.lib.PersonIdent("eric", TestRealm.ERIC));
        }
        // meanwhile the domain is removed from main: main loads, main + the branch would not
        java.util.Map<String, String> removal = new java.util.HashMap<>();
        removal.put("domains/s3-access/domain.yaml", null);
        RfcWorkspace.CONTRACT_FILES.keySet().forEach(f -> removal.put(f, null));
        w.machine().commitTo(w.remote(), removal, "remove s3-access");
        var main = TestRealm.head(w.remote());
        try (Realm r = Realm.open(w.machine().options(w.aperture()).build())) {
            var result = r.sync(r.syncPlanner(SyncRequest.defaults()).plan(), SyncRequest.defaults());
            assertEquals(List.of(), result.merged());
            assertEquals(1, result.notMerged().size(), result.toString());
            assertTrue(result.notMerged().get(0).contains("would leave the realm unloadable"), result.notMerged().get(0));
            assertEquals(PullRequest.State.OPEN, r.pullRequests(null).get(0).state());
        }
        assertEquals(main, TestRealm.head(w.remote()), "main moved");
    }

    /** The contract file as the plan's change writes it (what the killed sync had pushed). */
    private static String proposed(SyncPlan plan) {
        SyncPlan.ContractChange c = plan.changes().get(0);
        return RfcWorkspace.CONTRACT_FILES.get("domains/s3-access/contracts/s3-permissions.yaml")
                .replace("version: \"1.4.0\"", "version: \"" + c.toVersion() + "\"")
                .replace("read: [\"jobs/*/masks/*\", \"training-metrics/*\"]",
                        "read: [\"jobs/*/masks/*\", \"training-metrics/*\", \"training-metrics/experiments/*\"]");
    }
}
