package dev.bluerealm.internal.pr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.Realm;
import dev.bluerealm.RefusedException;
import dev.bluerealm.internal.forge.local.LocalForge;
import dev.bluerealm.internal.forge.local.PullRecord;
import dev.bluerealm.internal.git.RemoteRefs;
import dev.bluerealm.internal.git.Transports;
import dev.bluerealm.pr.PullRequestSet;
import dev.bluerealm.pr.PullRequestSet.Member;
import dev.bluerealm.pr.PullRequestSet.Outcome;
import dev.bluerealm.pr.PullRequestSetRequest;
import dev.bluerealm.sync.PullRequest;
import dev.bluerealm.testing.TestRealm;
import dev.bluerealm.testing.ThreeRepoRealm;
import dev.bluerealm.worktree.WorktreeRequest;
import dev.bluerealm.worktree.WorktreeResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RFC's coordinated change through the API: three repos, each with a real bare remote. */
class CoordinatedPullsTest {
    private static final String RFC = "training-metrics-v2";
    private static final String FOLDER = ".worktrees/feat-" + RFC;

    @TempDir Path tmp;
    ThreeRepoRealm w;

    @BeforeEach
    void change() throws Exception {
        w = ThreeRepoRealm.create(tmp).withRemotes();
        try (Realm r = open(w.fungal())) {
            WorktreeResult made = r.worktrees(WorktreeRequest.create(RFC));
            assertEquals(3, made.count(WorktreeResult.Outcome.CREATED), made.toString());
        }
    }

    private Realm open(Path dir) throws Exception {
        return Realm.open(w.machine().options(dir).build());
    }

    private PullRequestSet run(Path dir, PullRequestSetRequest request) throws Exception {
        try (Realm r = open(dir)) {
            return r.pullRequestSet(request);
        }
    }

    private void commitInEveryWorktree() throws Exception {
        TestRealm.commit(w.aperture().resolve(FOLDER), Map.of("s3.json", "{\"paths\": [\"metrics/*\"]}\n"), false);
        TestRealm.commit(w.fungal().resolve(FOLDER), Map.of("train.py", "metrics = 'v2'\n"), false);
        TestRealm.commit(w.mlInfra().resolve(FOLDER), Map.of("infra.tf", "# v2\n"), false);
    }

    @Test
    void open_threeRepos_inDependencyOrderEachBlockedByItsExporter() throws Exception {
        commitInEveryWorktree();

        PullRequestSet set = run(w.fungal().resolve(FOLDER),
                new PullRequestSetRequest.Open(null, "feat: training metrics v2", "Adds v2 metrics."));

        assertEquals(RFC, set.rfc());
        assertEquals(List.of("aperture#1", "fungal-image-analysis#1", "ml-infra#1"), set.mergeOrder());
        assertEquals(List.of(List.of(), List.of("aperture#1"), List.of("fungal-image-analysis#1")),
                set.members().stream().map(Member::blockedBy).toList());
        assertTrue(set.members().stream().allMatch(m -> m.outcome() == Outcome.OPENED), set.toString());
        PullRecord fungal = record("fungal-image-analysis", 1);
        assertEquals("feat/" + RFC, fungal.head());
        assertEquals("main", fungal.base());
        assertEquals("""
                Adds v2 metrics.

                Merge order: aperture#1 → fungal-image-analysis#1 → ml-infra#1 (this is 2 of 3)
                Blocked by: aperture#1

                ```blue-realm-pr
                rfc: training-metrics-v2
                order: aperture#1, fungal-image-analysis#1, ml-infra#1
                blocked_by: aperture#1
                ```
                """, fungal.body());
        assertNotNull(remoteBranch("aperture", "feat/" + RFC), "the branch was pushed");

        PullRequestSet again = run(w.aperture(), new PullRequestSetRequest.Open(RFC, "feat: training metrics v2", null));

        assertEquals(set.mergeOrder(), again.mergeOrder(), "nothing opened twice");
        assertTrue(again.members().stream().allMatch(m -> m.outcome() == Outcome.UPDATED), again.toString());
        assertEquals(fungal.body(), record("fungal-image-analysis", 1).body(), "the author's text is kept");
    }

    @Test
    void open_repoWithoutCommits_takesNoPartAndTheOrderSkipsIt() throws Exception {
        TestRealm.commit(w.aperture().resolve(FOLDER), Map.of("s3.json", "{}\n"), false);
        TestRealm.commit(w.mlInfra().resolve(FOLDER), Map.of("infra.tf", "# v2\n"), false);

        PullRequestSet set = run(w.fungal(), new PullRequestSetRequest.Open(RFC, "t", null));

        assertEquals(List.of("aperture#1", "ml-infra#1"), set.mergeOrder());
        Member fungal = set.members().get(2);
        assertEquals(Outcome.SKIPPED_NO_COMMITS, fungal.outcome());
        assertEquals("feat/" + RFC + " has no commits beyond main", fungal.message());
        assertEquals(List.of("aperture#1"), set.members().get(1).blockedBy(), "ml-infra waits through fungal");
    }

    @Test
    void merge_importerBeforeExporter_isRefused_thenUnblocksOnceTheExporterMerges() throws Exception {
        commitInEveryWorktree();
        run(w.fungal(), new PullRequestSetRequest.Open(RFC, "feat: training metrics v2", null));

        RefusedException refused = assertThrows(RefusedException.class,
                () -> run(w.fungal(), new PullRequestSetRequest.Merge(RFC, "fungal-image-analysis")));

        assertEquals(ErrorCode.MERGE_BLOCKED, refused.code());
        assertTrue(refused.getMessage().startsWith("fungal-image-analysis#1 is blocked by aperture#1"),
                refused.getMessage());
        assertEquals(PullRequest.State.OPEN, record("fungal-image-analysis", 1).state());
        assertNull(fileOnMain("fungal-image-analysis", "train.py"));

        run(w.fungal(), new PullRequestSetRequest.Merge(RFC, "aperture"));
        PullRequestSet status = run(w.fungal(), new PullRequestSetRequest.Status(RFC));

        assertEquals(List.of(Outcome.ALREADY_MERGED, Outcome.OPEN, Outcome.OPEN),
                status.members().stream().map(Member::outcome).toList());
        assertEquals(List.of(List.of(), List.of(), List.of("fungal-image-analysis#1")),
                status.members().stream().map(Member::waitingFor).toList(), "fungal is unblocked");

        PullRequestSet merged = run(w.fungal(), new PullRequestSetRequest.Merge(RFC, null));

        assertEquals(List.of(Outcome.ALREADY_MERGED, Outcome.MERGED, Outcome.MERGED),
                merged.members().stream().map(Member::outcome).toList());
        assertNotNull(fileOnMain("fungal-image-analysis", "train.py"));
        assertNotNull(fileOnMain("ml-infra", "infra.tf"));
        assertNull(remoteBranch("ml-infra", "feat/" + RFC), "the merged branch is deleted");
    }

    @Test
    void mergeAll_stopsAtABlockerThatCannotMerge() throws Exception {
        commitInEveryWorktree();
        run(w.fungal(), new PullRequestSetRequest.Open(RFC, "t", null));
        try (Git g = Git.open(w.aperture().toFile())) { // main moves under aperture's PR: the same file, other lines
            TestRealm.commit(w.aperture(), Map.of("s3.json", "{\"paths\": []}\n"), false);
            g.push().setRemote("origin").add("main").call();
        }

        PullRequestSet merged = run(w.fungal(), new PullRequestSetRequest.Merge(RFC, null));

        assertEquals(List.of(Outcome.CONFLICT, Outcome.BLOCKED, Outcome.BLOCKED),
                merged.members().stream().map(Member::outcome).toList(), merged.toString());
        assertEquals("blocked by aperture#1", merged.members().get(1).message());
        assertTrue(merged.anyProblem());
    }

    @Test
    void open_cycleMadeByHandInTheRealm_isRefusedWithTheCycleSpelledOut_andOpensNothing() throws Exception {
        commitInEveryWorktree();
        // the realm refuses a change that makes a cycle: here its files are edited by hand
        w.machine().commitToRemote("letemcook", Map.of(
                "domains/feedback/domain.yaml", "name: feedback\ncreated_at: 2026-01-24T10:00:00Z\n"
                        + "members: [ml-infra, aperture]\n",
                "domains/feedback/bindings/ml-infra.yaml", "repo: ml-infra\nrole: provider\n",
                "domains/feedback/bindings/aperture.yaml", "repo: aperture\nrole: consumer\n"), "a cycle, by hand");

        RefusedException e = assertThrows(RefusedException.class,
                () -> run(w.fungal(), new PullRequestSetRequest.Open(RFC, "t", null)));

        assertEquals(ErrorCode.CYCLE, e.code());
        assertTrue(e.getMessage().contains("aperture → (s3-access) → fungal-image-analysis → (ml-training) → ml-infra"
                + " → (feedback) → aperture"), e.getMessage());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(dev.bluerealm.InvalidRequestException.class,
                () -> run(w.fungal(), new PullRequestSetRequest.Status(RFC))).code(), "no pull request was opened");
    }

    @Test
    void refreshMergeOrder_onTheLocalForge_findsAndDoesNothing() throws Exception {
        commitInEveryWorktree();
        run(w.fungal(), new PullRequestSetRequest.Open(RFC, "t", null));

        try (Realm r = open(w.fungal())) {
            assertEquals(dev.bluerealm.pr.MergeOrderRefresh.none(), r.refreshMergeOrder(),
                    "the local forge shows no statuses");
        }
    }

    @Test
    void status_withoutPullRequests_saysHowToOpenThem() throws Exception {
        var e = assertThrows(dev.bluerealm.InvalidRequestException.class,
                () -> run(w.fungal(), new PullRequestSetRequest.Status(RFC)));

        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("blue realm pr --title TITLE --rfc " + RFC), e.getMessage());
    }

    private PullRecord record(String repo, int number) throws Exception {
        try (Repository r = clone(repo); Transports t = Transports.defaults()) {
            LocalForge forge = new LocalForge(new RemoteRefs(r, t), new PersonIdent("t", "t@example.com"),
                    java.time.Clock.systemUTC(), Duration.ZERO, (m, f) -> { });
            return forge.record(number).orElseThrow();
        }
    }

    /** The repo's working clone (its origin is the bare remote). */
    private Repository clone(String repo) throws Exception {
        Path dir = switch (repo) {
            case "aperture" -> w.aperture();
            case "fungal-image-analysis" -> w.fungal();
            default -> w.mlInfra();
        };
        return Git.open(dir.toFile()).getRepository();
    }

    private String remoteBranch(String repo, String branch) throws Exception {
        try (Repository r = Git.open(w.remote(repo).toFile()).getRepository()) {
            var id = r.resolve("refs/heads/" + branch);
            return id == null ? null : id.name();
        }
    }

    private String fileOnMain(String repo, String path) throws Exception {
        return w.machine().remoteFileAt(w.remote(repo), "refs/heads/main", path);
    }
}
