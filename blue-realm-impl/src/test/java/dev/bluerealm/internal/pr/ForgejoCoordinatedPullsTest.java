package dev.bluerealm.internal.pr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.Realm;
import dev.bluerealm.RefusedException;
import dev.bluerealm.internal.forge.forgejo.ForgejoClient;
import dev.bluerealm.internal.forge.forgejo.ForgejoCommitStatus;
import dev.bluerealm.internal.forge.forgejo.ForgejoPull;
import dev.bluerealm.internal.forge.forgejo.MergeRequest;
import dev.bluerealm.pr.MergeOrderRefresh;
import dev.bluerealm.pr.PullRequestSet;
import dev.bluerealm.pr.PullRequestSet.Member;
import dev.bluerealm.pr.PullRequestSet.Outcome;
import dev.bluerealm.pr.PullRequestSetRequest;
import dev.bluerealm.testing.TestRealm;
import dev.bluerealm.testing.ThreeRepoRealm;
import dev.bluerealm.testing.forgejo.ForgejoServer;
import dev.bluerealm.testing.forgejo.ForgejoThreeRepos;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RFC's coordinated change on a realm whose realm.yaml names a Forgejo: the three code repos are
 * eric's repositories on the Forgejo test server (every request and answer checked against Forgejo's
 * API description; skipped when that is absent). The realm itself stays on its embedded remote:
 * {@code pr} reads only the forge block's URL and merge style, never the realm repository there.
 */
class ForgejoCoordinatedPullsTest {
    private static final String RFC = ForgejoThreeRepos.RFC;
    private static final String FOLDER = ForgejoThreeRepos.FOLDER;

    @TempDir Path tmp;
    private ForgejoThreeRepos f;
    private ForgejoServer forgejo;
    private ForgejoClient eric;
    private String token;
    private ThreeRepoRealm w;

    @BeforeEach
    void start() throws Exception {
        f = ForgejoThreeRepos.start(tmp);
        forgejo = f.server();
        eric = f.eric();
        token = f.token();
        w = f.realm();
    }

    @AfterEach
    void stop() throws Exception {
        if (f != null) { // else skipped: no API description to check against
            f.close();
        }
    }

    private void hostOnForgejo(Path... repos) throws Exception {
        f.host(repos);
    }

    private void worktreesWithCommits() throws Exception {
        f.worktreesWithCommits();
    }

    private Realm open(Path dir) throws Exception {
        return f.open(dir);
    }

    private PullRequestSet run(Path dir, PullRequestSetRequest request) throws Exception {
        try (Realm r = open(dir)) {
            return r.pullRequestSet(request);
        }
    }

    /** The newest {@value ForgejoRepoPulls#CONTEXT} status on the head of pull #1 of eric/REPO. */
    private ForgejoCommitStatus mergeOrder(String repo) throws Exception {
        return f.mergeOrder(repo);
    }

    @Test
    void threeRepos_openInOrder_importerPendingAndRefusedUntilItsExporterMerges() throws Exception {
        hostOnForgejo(w.aperture(), w.fungal(), w.mlInfra());
        worktreesWithCommits();

        PullRequestSet set = run(w.fungal().resolve(FOLDER),
                new PullRequestSetRequest.Open(null, "feat: training metrics v2", "Adds v2 metrics."));

        assertEquals(List.of("aperture#1", "fungal-image-analysis#1", "ml-infra#1"), set.mergeOrder());
        assertTrue(set.members().stream().allMatch(m -> m.outcome() == Outcome.OPENED), set.toString());
        ForgejoPull fungal = eric.pull("eric", "fungal-image-analysis", 1);
        assertEquals("feat/" + RFC, fungal.headRef());
        assertEquals("main", fungal.baseRef());
        assertEquals("""
                Adds v2 metrics.

                Merge order: eric/aperture#1 → eric/fungal-image-analysis#1 → eric/ml-infra#1 (this is 2 of 3)
                Blocked by: eric/aperture#1

                ```blue-realm-pr
                rfc: training-metrics-v2
                order: aperture#1, fungal-image-analysis#1, ml-infra#1
                blocked_by: aperture#1
                ```
                """, fungal.body());
        assertTrue(eric.pull("eric", "ml-infra", 1).body().contains("\nBlocked by: eric/fungal-image-analysis#1\n"));
        assertTrue(eric.pull("eric", "aperture", 1).body().contains("\nBlocked by: nothing (merges first)\n"));
        assertEquals("success", mergeOrder("aperture").state());
        assertEquals("pending", mergeOrder("fungal-image-analysis").state());
        assertEquals("blocked by eric/aperture#1", mergeOrder("fungal-image-analysis").description());
        assertEquals("pending", mergeOrder("ml-infra").state());

        RefusedException refused = assertThrows(RefusedException.class,
                () -> run(w.fungal(), new PullRequestSetRequest.Merge(RFC, "fungal-image-analysis")));

        assertEquals(ErrorCode.MERGE_BLOCKED, refused.code());
        assertTrue(refused.getMessage().startsWith("fungal-image-analysis#1 is blocked by aperture#1"),
                refused.getMessage());
        assertTrue(eric.pull("eric", "fungal-image-analysis", 1).isOpen());
        assertEquals("pending", mergeOrder("fungal-image-analysis").state());

        // aperture merged on Forgejo itself (its merge button): its importer's status waits for a refresh
        eric.merge("eric", "aperture", 1, MergeRequest.mergeCommit(eric.pull("eric", "aperture", 1).headSha()));
        assertEquals("pending", mergeOrder("fungal-image-analysis").state());

        PullRequestSet refreshed = run(w.fungal(), new PullRequestSetRequest.Refresh(RFC));

        assertEquals(PullRequestSet.Action.REFRESH, refreshed.action());
        assertEquals(List.of(Outcome.ALREADY_MERGED, Outcome.OPEN, Outcome.OPEN),
                refreshed.members().stream().map(Member::outcome).toList());
        assertEquals("success", mergeOrder("fungal-image-analysis").state());
        assertEquals("pending", mergeOrder("ml-infra").state());

        PullRequestSet merged = run(w.fungal(), new PullRequestSetRequest.Merge(RFC, "fungal-image-analysis"));

        assertEquals(Outcome.MERGED, merged.members().get(1).outcome(), merged.toString());
        ForgejoPull done = eric.pull("eric", "fungal-image-analysis", 1);
        assertTrue(done.merged());
        assertEquals("success", mergeOrder("ml-infra").state(), "merging through the set refreshes the rest");
        assertEquals("merge order: ready to merge", mergeOrder("ml-infra").description());
    }

    @Test
    void refreshMergeOrder_afterTheBlockerMergesOnForgejo_unblocksItsImporter_fromAnyRepoOrByRealmName()
            throws Exception {
        hostOnForgejo(w.aperture(), w.fungal(), w.mlInfra());
        worktreesWithCommits();
        run(w.fungal(), new PullRequestSetRequest.Open(RFC, "feat: training metrics v2", null));
        // aperture merged on Forgejo's own page: nobody runs `blue realm pr`
        eric.merge("eric", "aperture", 1, MergeRequest.mergeCommit(eric.pull("eric", "aperture", 1).headSha()));
        assertEquals("pending", mergeOrder("fungal-image-analysis").state());

        MergeOrderRefresh r; // from ml-infra, which shares no domain with aperture: the set's labels lead there
        try (Realm realm = open(w.mlInfra())) {
            r = realm.refreshMergeOrder();
        }

        assertEquals(List.of("fungal-image-analysis#1"), r.updated(), r.toString());
        assertEquals(List.of(), r.problems());
        assertEquals("success", mergeOrder("fungal-image-analysis").state());
        assertEquals("merge order: ready to merge", mergeOrder("fungal-image-analysis").description());
        assertEquals("pending", mergeOrder("ml-infra").state());
        assertEquals("blocked by eric/fungal-image-analysis#1", mergeOrder("ml-infra").description());
        assertEquals(1, r.sets().size());
        PullRequestSet set = r.sets().get(0);
        assertEquals(RFC, set.rfc());
        assertEquals(PullRequestSet.Action.REFRESH, set.action());
        assertEquals(List.of("aperture#1", "fungal-image-analysis#1", "ml-infra#1"), set.mergeOrder());
        assertEquals(List.of(Outcome.ALREADY_MERGED, Outcome.OPEN, Outcome.OPEN),
                set.members().stream().map(Member::outcome).toList());
        assertEquals(List.of("fungal-image-analysis#1"), set.members().get(2).waitingFor());
        try (Realm realm = open(w.aperture())) {
            assertEquals(List.of(), realm.refreshMergeOrder().updated(), "statuses that say so already stay");
        }

        eric.merge("eric", "fungal-image-analysis", 1, MergeRequest.mergeCommit(
                eric.pull("eric", "fungal-image-analysis", 1).headSha()));
        Map<String, String> env = new HashMap<>(Map.of("HOME", w.machine().root().resolve("home").toString(),
                "BLUE_FORGEJO_TOKEN", token));
        try (Realm byName = Realm.open(dev.bluerealm.RealmOptions.builder().realm("letemcook")
                .blueHome(w.machine().blueHome()).environment(env).build())) { // as the daemon opens it
            r = byName.refreshMergeOrder();
        }

        assertEquals(List.of("ml-infra#1"), r.updated(), r.toString());
        assertEquals("success", mergeOrder("ml-infra").state());
    }

    @Test
    void refreshMergeOrder_blockerOnNoForgejoRepository_staysPendingAndIsReported() throws Exception {
        hostOnForgejo(w.aperture(), w.fungal(), w.mlInfra());
        worktreesWithCommits();
        run(w.fungal(), new PullRequestSetRequest.Open(RFC, "feat: training metrics v2", null));
        eric.merge("eric", "aperture", 1, MergeRequest.mergeCommit(eric.pull("eric", "aperture", 1).headSha()));
        ForgejoPull fungal = eric.pull("eric", "fungal-image-analysis", 1);
        eric.editPull("eric", "fungal-image-analysis", 1, fungal.title(),
                fungal.body().replace("blocked_by: aperture#1", "blocked_by: aperture#1, ghost#3"));

        MergeOrderRefresh r;
        try (Realm realm = open(w.fungal())) {
            r = realm.refreshMergeOrder();
        }

        assertEquals(List.of("ghost: it is not a repository on " + forgejo.url() + ", so whether ghost#3 merged is"
                + " unknown: counted as not merged"), r.problems());
        assertEquals("pending", mergeOrder("fungal-image-analysis").state());
        assertEquals("blocked by ghost#3", mergeOrder("fungal-image-analysis").description());
    }

    @Test
    void openAgain_afterNewCommits_putsTheStatusOnTheNewHead() throws Exception {
        hostOnForgejo(w.aperture(), w.fungal(), w.mlInfra());
        worktreesWithCommits();
        run(w.fungal(), new PullRequestSetRequest.Open(RFC, "feat: training metrics v2", null));
        String before = eric.pull("eric", "fungal-image-analysis", 1).headSha();
        TestRealm.commit(w.fungal().resolve(FOLDER), Map.of("train.py", "metrics = 'v2.1'\n"), false);

        PullRequestSet again = run(w.fungal(), new PullRequestSetRequest.Open(RFC, "feat: training metrics v2", null));

        assertEquals("pushed new commits", again.members().get(1).message(), again.toString());
        String after = eric.pull("eric", "fungal-image-analysis", 1).headSha();
        assertFalse(before.equals(after));
        assertEquals("pending", mergeOrder("fungal-image-analysis").state(), "on " + after);
    }

    @Test
    void repoHostedElsewhere_isSkippedWithWhy_andTheOthersOpen() throws Exception {
        hostOnForgejo(w.aperture(), w.fungal());
        Path elsewhere = tmp.resolve("elsewhere/ml-infra.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(elsewhere.toFile()).call().close();
        try (Git git = Git.open(w.mlInfra().toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", elsewhere.toUri().toString());
            config.save();
        }
        worktreesWithCommits();

        PullRequestSet set = run(w.fungal(), new PullRequestSetRequest.Open(RFC, "t", null));

        assertEquals(List.of("aperture#1", "fungal-image-analysis#1"), set.mergeOrder());
        Member mlInfra = set.members().get(2);
        assertEquals(Outcome.SKIPPED_NO_REMOTE, mlInfra.outcome());
        assertTrue(mlInfra.message().startsWith("its origin " + elsewhere.toUri() + " is not a repository on "
                + forgejo.url()), mlInfra.message());
        assertTrue(set.anyProblem());
        assertFalse(eric.pull("eric", "fungal-image-analysis", 1).body().contains("ml-infra"));
    }
}
