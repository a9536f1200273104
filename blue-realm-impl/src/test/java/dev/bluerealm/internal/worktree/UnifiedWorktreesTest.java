package dev.bluerealm.internal.worktree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.Realm;
import dev.bluerealm.model.RepoConfig;
import dev.bluerealm.testing.GitCli;
import dev.bluerealm.testing.ThreeRepoRealm;
import dev.bluerealm.worktree.WorktreeRequest;
import dev.bluerealm.worktree.WorktreeResult;
import dev.bluerealm.worktree.WorktreeResult.Entry;
import dev.bluerealm.worktree.WorktreeResult.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifiedWorktreesTest {
    static final String RFC = "training-metrics-v2";
    static final String BRANCH = "feat/" + RFC;
    static final String FOLDER = ".worktrees/feat-" + RFC;

    @TempDir Path tmp;
    ThreeRepoRealm w;

    @BeforeEach
    void setUp() throws Exception {
        w = ThreeRepoRealm.create(tmp);
    }

    private WorktreeResult run(Path from, WorktreeRequest request) throws Exception {
        try (Realm realm = Realm.open(w.machine().options(from).offline(true).build())) {
            return realm.worktrees(request);
        }
    }

    private static WorktreeRequest create() {
        return WorktreeRequest.create(RFC);
    }

    private static WorktreeRequest remove() {
        return new WorktreeRequest(RFC, null, true);
    }

    private static Path wt(Path repo) throws Exception {
        return repo.toRealPath().resolve(FOLDER);
    }

    private static List<Outcome> outcomes(WorktreeResult r) {
        return r.repos().stream().map(Entry::outcome).toList();
    }

    @Test
    void worktrees_fromFungal_createsThreeWorktreesOnFeatTrainingMetricsV2() throws Exception {
        WorktreeResult r = run(w.fungal(), create());

        assertEquals(List.of("fungal-image-analysis", "aperture", "ml-infra"),
                r.repos().stream().map(Entry::repo).toList(), "the current repo first, then its domains' repos by name");
        assertEquals(List.of(Outcome.CREATED, Outcome.CREATED, Outcome.CREATED), outcomes(r), r.toString());
        assertFalse(r.anySkipped());
        for (Path repo : List.of(w.fungal(), w.aperture(), w.mlInfra())) {
            Path wt = wt(repo);
            assertTrue(r.repos().stream().anyMatch(e -> wt.equals(e.path())), wt + " in " + r);
            try (Git g = Git.open(wt.toFile())) {
                Repository worktree = g.getRepository();
                assertEquals(BRANCH, worktree.getBranch(), wt.toString());
                assertTrue(g.status().call().isClean(), wt + " is clean");
                assertEquals(repo.toRealPath().resolve(".git").toFile(), worktree.getCommonDirectory());
                assertEquals(worktree.resolve("refs/heads/main"), worktree.resolve(Constants.HEAD),
                        "the branch starts at the default branch");
            }
            assertTrue(Files.isRegularFile(wt.resolve("README.md")), "the tree is checked out");
            try (Git main = Git.open(repo.toFile())) {
                assertTrue(main.status().call().isClean(), "the main checkout does not see .worktrees/ ("
                        + main.status().call().getUntracked() + ")");
                assertEquals("main", main.getRepository().getBranch());
            }
            assertTrue(Files.readString(repo.resolve(".git/info/exclude")).lines().anyMatch(".worktrees/"::equals));
            Optional<RepoConfig> config = Realm.repoConfig(w.machine().options(wt).build());
            assertEquals(repo.getFileName().toString(), config.orElseThrow().repo(), "the worktree carries the config");
            assertEquals(Optional.of(RFC), Realm.activeRfc(w.machine().options(wt.resolve(".blue")).build()));
            assertEquals(Optional.empty(), Realm.activeRfc(w.machine().options(repo).build()));
        }
    }

    @Test
    void worktrees_fromAperture_onlyReposSharingADomain() throws Exception {
        WorktreeResult r = run(w.aperture(), create());

        assertEquals(List.of("aperture", "fungal-image-analysis"), r.repos().stream().map(Entry::repo).toList());
        assertFalse(Files.exists(w.mlInfra().resolve(".worktrees")), "ml-infra shares no domain with aperture");
    }

    @Test
    void worktrees_withDomain_onlyThatDomainsRepos() throws Exception {
        WorktreeResult r = run(w.fungal(), new WorktreeRequest(RFC, "ml-training", false));

        assertEquals(List.of("fungal-image-analysis", "ml-infra"), r.repos().stream().map(Entry::repo).toList());
        InvalidRequestException notMine = assertThrows(InvalidRequestException.class,
                () -> run(w.aperture(), new WorktreeRequest(RFC, "ml-training", false)));
        assertEquals(ErrorCode.INVALID_ARGUMENT, notMine.code());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(InvalidRequestException.class,
                () -> run(w.aperture(), new WorktreeRequest(RFC, "nope", false))).code());
    }

    @Test
    void worktrees_secondRun_reportsExistsAndChangesNothing() throws Exception {
        run(w.fungal(), create());
        Files.writeString(wt(w.aperture()).resolve("work.txt"), "in progress\n");

        WorktreeResult again = run(w.fungal(), create());

        assertEquals(List.of(Outcome.EXISTS, Outcome.EXISTS, Outcome.EXISTS), outcomes(again), again.toString());
        assertEquals("in progress\n", Files.readString(wt(w.aperture()).resolve("work.txt")));
    }

    @Test
    void worktrees_fromInsideAWorktree_usesTheReposNotNestedFolders() throws Exception {
        run(w.fungal(), create());

        WorktreeResult again = run(wt(w.fungal()), create());

        assertEquals(List.of(Outcome.EXISTS, Outcome.EXISTS, Outcome.EXISTS), outcomes(again), again.toString());
        assertFalse(Files.exists(wt(w.fungal()).resolve(".worktrees")));
    }

    @Test
    void worktrees_filesInTheWay_skippedDirtyAndUntouched() throws Exception {
        Path inTheWay = wt(w.mlInfra()).resolve("notes.txt");
        Files.createDirectories(inTheWay.getParent());
        Files.writeString(inTheWay, "mine\n");

        WorktreeResult r = run(w.fungal(), create());

        assertEquals(List.of(Outcome.CREATED, Outcome.CREATED, Outcome.SKIPPED_DIRTY), outcomes(r), r.toString());
        assertTrue(r.anySkipped());
        assertTrue(r.repos().get(2).message().contains("left untouched"), r.repos().get(2).message());
        assertEquals(List.of(inTheWay.getFileName()), Files.list(inTheWay.getParent()).map(Path::getFileName).toList());
        assertEquals("mine\n", Files.readString(inTheWay));
        try (Git g = Git.open(w.mlInfra().toFile())) {
            assertNull(g.getRepository().exactRef("refs/heads/" + BRANCH), "no branch made where nothing was made");
        }
    }

    @Test
    void worktrees_branchCheckedOutInTheMainCheckout_reportedInTheWayAndUntouched() throws Exception {
        try (Git g = Git.open(w.aperture().toFile())) {
            g.checkout().setCreateBranch(true).setName(BRANCH).call();
        }

        WorktreeResult r = run(w.fungal(), create());

        Entry aperture = r.repos().get(1);
        assertEquals(Outcome.SKIPPED_IN_THE_WAY, aperture.outcome(), r.toString());
        assertEquals("branch " + BRANCH + " is checked out at " + w.aperture().toRealPath() + ": left untouched",
                aperture.message());
        assertFalse(Files.exists(w.aperture().resolve(".worktrees")));
        assertEquals(List.of(Outcome.CREATED, Outcome.SKIPPED_IN_THE_WAY, Outcome.CREATED), outcomes(r));
    }

    @Test
    void worktrees_folderIsAWorktreeOnAnotherBranch_reportedInTheWay() throws Exception {
        assumeTrue(GitCli.available(), "git not on PATH: the worktree-on-another-branch check is skipped");
        GitCli.run(w.mlInfra(), "worktree", "add", "-b", "other", FOLDER, "main");

        WorktreeResult r = run(w.fungal(), create());

        Entry ml = r.repos().get(2);
        assertEquals(Outcome.SKIPPED_IN_THE_WAY, ml.outcome(), r.toString());
        assertEquals(FOLDER + "/ is a worktree on other, not " + BRANCH + ": left untouched", ml.message());
        assertEquals("other\n", GitCli.run(wt(w.mlInfra()), "rev-parse", "--abbrev-ref", "HEAD"));
    }

    @Test
    void worktrees_defaultBranchWithoutCommits_reported() throws Exception {
        try (Git g = Git.open(w.mlInfra().toFile())) { // as after `git checkout --orphan trunk`
            org.eclipse.jgit.lib.RefUpdate head = g.getRepository().updateRef(Constants.HEAD);
            head.disableRefLog();
            head.link("refs/heads/trunk");
        }

        WorktreeResult r = run(w.fungal(), create());

        Entry ml = r.repos().get(2);
        assertEquals(Outcome.SKIPPED_NO_DEFAULT_BRANCH, ml.outcome(), r.toString());
        assertEquals("its default branch trunk has no commit to branch from", ml.message());
        assertFalse(Files.exists(w.mlInfra().resolve(".worktrees")));
    }

    @Test
    void remove_keepsUnmergedBranchDeletesMergedOneAndRefusesDirty() throws Exception {
        run(w.fungal(), create());
        try (Git g = Git.open(wt(w.aperture()).toFile())) { // work committed on the branch, not merged
            Files.writeString(wt(w.aperture()).resolve("metrics.py"), "V2 = True\n");
            g.add().addFilepattern("metrics.py").call();
            g.commit().setMessage("metrics v2").setSign(false).call();
        }
        Files.writeString(wt(w.fungal()).resolve("draft.txt"), "not committed\n");

        WorktreeResult r = run(w.fungal(), remove());

        assertTrue(r.removed());
        assertEquals(List.of(Outcome.SKIPPED_DIRTY, Outcome.BRANCH_KEPT_UNMERGED, Outcome.REMOVED), outcomes(r),
                r.toString());
        assertEquals("not committed\n", Files.readString(wt(w.fungal()).resolve("draft.txt")));
        assertFalse(Files.exists(wt(w.aperture())));
        assertFalse(Files.exists(w.aperture().resolve(".worktrees")), "the emptied .worktrees folder goes too");
        assertFalse(Files.exists(w.aperture().resolve(".git/worktrees/feat-" + RFC)));
        assertFalse(Files.exists(wt(w.mlInfra())));
        try (Git a = Git.open(w.aperture().toFile()); Git m = Git.open(w.mlInfra().toFile())) {
            assertNotNull(a.getRepository().exactRef("refs/heads/" + BRANCH), "unmerged work is kept");
            assertNull(m.getRepository().exactRef("refs/heads/" + BRANCH), "a branch merged into main is deleted");
            // aperture's work lands on main: the branch is merged now, and a second remove deletes it
            a.merge().include(a.getRepository().resolve(BRANCH)).setFastForward(
                    org.eclipse.jgit.api.MergeCommand.FastForwardMode.FF_ONLY).call();
        }
        Files.delete(wt(w.fungal()).resolve("draft.txt"));

        WorktreeResult again = run(w.fungal(), remove());

        assertEquals(List.of(Outcome.REMOVED, Outcome.REMOVED, Outcome.ABSENT), outcomes(again), again.toString());
        try (Git a = Git.open(w.aperture().toFile())) {
            assertNull(a.getRepository().exactRef("refs/heads/" + BRANCH));
        }
    }

    @Test
    void worktrees_gitCli_listsThemAndSeesThemClean() throws Exception {
        assumeTrue(GitCli.available(), "git not on PATH: the git CLI check of worktrees is skipped");
        run(w.fungal(), create());

        for (Path repo : List.of(w.aperture(), w.fungal(), w.mlInfra())) {
            String list = GitCli.run(repo, "worktree", "list", "--porcelain");
            assertTrue(list.contains("worktree " + wt(repo) + "\n"), list);
            assertTrue(list.contains("branch refs/heads/" + BRANCH + "\n"), list);
            assertFalse(list.contains("prunable"), list);
            assertEquals("", GitCli.run(wt(repo), "status", "--porcelain"), "git sees the worktree clean");
            assertEquals("", GitCli.run(repo, "status", "--porcelain"), "and the main checkout too");
            assertEquals(BRANCH + "\n", GitCli.run(wt(repo), "rev-parse", "--abbrev-ref", "HEAD"));
            GitCli.run(repo, "worktree", "prune"); // git finds nothing to prune: the layout is complete
            assertTrue(GitCli.run(repo, "worktree", "list", "--porcelain").contains("worktree " + wt(repo) + "\n"));
        }
        run(w.fungal(), remove());
        String after = GitCli.run(w.aperture(), "worktree", "list", "--porcelain");
        assertFalse(after.contains(FOLDER), after);
    }

    @Test
    void worktrees_madeByGitCli_areReportedAsExisting() throws Exception {
        assumeTrue(GitCli.available(), "git not on PATH: the git-made worktree check is skipped");
        GitCli.run(w.aperture(), "worktree", "add", "-b", BRANCH, FOLDER, "main");

        WorktreeResult r = run(w.aperture(), create());

        assertEquals(List.of(Outcome.EXISTS, Outcome.CREATED), outcomes(r), r.toString());
    }

    @Test
    void worktrees_inARealmCheckout_refused() throws Exception {
        Path checkout = w.machine().realmCheckout("letemcook");
        try (Realm realm = Realm.open(w.machine().options(checkout).offline(true).build())) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> realm.worktrees(create()));
            assertTrue(e.getMessage().contains("participating repo"), e.getMessage());
        }
    }
}
