package dev.bluerealm.internal.worktree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.Realm;
import dev.bluerealm.pr.PullRequestSet;
import dev.bluerealm.pr.PullRequestSetRequest;
import dev.bluerealm.testing.TestRealm;
import dev.bluerealm.testing.ThreeRepoRealm;
import dev.bluerealm.worktree.WorktreeRequest;
import dev.bluerealm.worktree.WorktreeResult;
import dev.bluerealm.worktree.WorktreeResult.Entry;
import dev.bluerealm.worktree.WorktreeResult.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repo the realm knows only by its {@code url} ({@code repos/ml-infra.yaml}), with no clone on this
 * machine: {@code worktree} clones it from its real bare remote into the workspace beside the current
 * repo, and reports (never replaces) whatever else holds that place.
 */
class UrlOnlyReposTest {
    static final String RFC = "training-metrics-v2";
    static final String FOLDER = ".worktrees/feat-" + RFC;

    @TempDir Path tmp;
    ThreeRepoRealm w;
    Path workspace;
    String url;

    @BeforeEach
    void mlInfraKnownByUrlOnly() throws Exception {
        w = ThreeRepoRealm.create(tmp).withRemotes();
        url = w.remote("ml-infra").toUri().toString(); // file:///…/remotes/ml-infra.git
        w.recordByUrl("ml-infra", url);
        workspace = w.fungal().getParent();
        FileUtils.delete(w.mlInfra().toFile(), FileUtils.RECURSIVE); // another machine: no clone of ml-infra here
        Realm.open(w.machine().options(w.fungal()).build()).close(); // the realm clone fetches the change
    }

    private WorktreeResult run(WorktreeRequest request, boolean offline) throws Exception {
        try (Realm realm = Realm.open(w.machine().options(w.fungal()).offline(offline).build())) {
            return realm.worktrees(request);
        }
    }

    private static Entry entry(WorktreeResult r, String repo) {
        return r.repos().stream().filter(e -> e.repo().equals(repo)).findFirst().orElseThrow();
    }

    private List<String> workspaceFolders() throws Exception {
        try (Stream<Path> list = Files.list(workspace)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void worktrees_urlOnlyRepoWithoutClone_isClonedBesideThisRepo_thenGetsItsWorktree() throws Exception {
        WorktreeResult r = run(WorktreeRequest.create(RFC), false);

        Entry ml = entry(r, "ml-infra");
        assertEquals(Outcome.CREATED, ml.outcome(), r.toString());
        assertTrue(ml.cloned(), r.toString());
        assertEquals(1, r.cloned());
        assertFalse(entry(r, "aperture").cloned());
        Path clone = workspace.resolve("ml-infra").toRealPath();
        assertEquals(clone.resolve(FOLDER), ml.path());
        assertTrue(ml.message().startsWith("cloned " + url + " into " + clone + "; created " + FOLDER
                + "/ on new branch feat/" + RFC + " from main"), ml.message());
        try (Git main = Git.open(clone.toFile()); Git wt = Git.open(clone.resolve(FOLDER).toFile())) {
            assertEquals(url, main.getRepository().getConfig().getString("remote", "origin", "url"));
            assertEquals("main", main.getRepository().getBranch());
            assertTrue(Files.isRegularFile(clone.resolve(".blue/config.yaml")), "the repo's own files are there");
            assertEquals("feat/" + RFC, wt.getRepository().getBranch());
            assertEquals(main.getRepository().resolve("refs/heads/main"), wt.getRepository().resolve("HEAD"));
        }
        assertEquals(List.of("aperture", "fungal-image-analysis", "ml-infra"), workspaceFolders(),
                "nothing else is left in the workspace");

        WorktreeResult again = run(WorktreeRequest.create(RFC), false);

        assertEquals(Outcome.EXISTS, entry(again, "ml-infra").outcome(), again.toString());
        assertEquals(0, again.cloned(), "the clone made before is used");
    }

    @Test
    void worktrees_offline_reportsTheMissingClone_andClonesNothing() throws Exception {
        WorktreeResult r = run(WorktreeRequest.create(RFC), true);

        Entry ml = entry(r, "ml-infra");
        assertEquals(Outcome.SKIPPED_NO_LOCAL_CLONE, ml.outcome());
        assertNull(ml.path());
        assertTrue(ml.message().startsWith("no local clone at " + workspace.resolve("ml-infra")), ml.message());
        assertTrue(ml.message().contains("git clone " + url), ml.message());
        assertEquals(Outcome.CREATED, entry(r, "aperture").outcome(), "the other repos are done");
        assertFalse(Files.exists(workspace.resolve("ml-infra")));
    }

    @Test
    void remove_urlOnlyRepoWithoutClone_clonesNothing() throws Exception {
        WorktreeResult r = run(new WorktreeRequest(RFC, null, true), false);

        assertEquals(Outcome.SKIPPED_NO_LOCAL_CLONE, entry(r, "ml-infra").outcome(), r.toString());
        assertFalse(Files.exists(workspace.resolve("ml-infra")));
    }

    @Test
    void worktrees_folderThatIsNoCloneInTheWay_isReportedAndLeftAlone() throws Exception {
        Path mine = workspace.resolve("ml-infra/notes.txt");
        Files.createDirectories(mine.getParent());
        Files.writeString(mine, "mine\n");

        WorktreeResult r = run(WorktreeRequest.create(RFC), false);

        Entry ml = entry(r, "ml-infra");
        assertEquals(Outcome.SKIPPED_IN_THE_WAY, ml.outcome(), r.toString());
        assertEquals(workspace.resolve("ml-infra") + " is there but is not a git clone of " + url
                + ": left untouched (move it away, then run this again)", ml.message());
        assertTrue(r.anySkipped());
        assertEquals(List.of(mine), Files.list(mine.getParent()).toList(), "nothing was added or removed");
        assertEquals("mine\n", Files.readString(mine));
    }

    @Test
    void worktrees_cloneOfAnotherRepoInTheWay_isReportedAndLeftAlone() throws Exception {
        Path other = workspace.resolve("ml-infra");
        try (Git g = Git.init().setDirectory(other.toFile()).setInitialBranch("main").call()) {
            StoredConfig config = g.getRepository().getConfig();
            config.setString("remote", "origin", "url", "https://git.example.com/acme/something-else.git");
            config.save();
        }

        WorktreeResult r = run(WorktreeRequest.create(RFC), false);

        Entry ml = entry(r, "ml-infra");
        assertEquals(Outcome.SKIPPED_IN_THE_WAY, ml.outcome(), r.toString());
        assertEquals(other + " is a clone of https://git.example.com/acme/something-else.git, not of " + url
                + " (repos/ml-infra.yaml): left untouched", ml.message());
        assertFalse(Files.exists(other.resolve(".worktrees")));
    }

    @Test
    void worktrees_ownCloneOfTheSameRemoteByAnotherSpelling_isUsed() throws Exception {
        Path clone = workspace.resolve("ml-infra");
        Git.cloneRepository().setURI(w.remote("ml-infra").toString()).setDirectory(clone.toFile()).call().close();

        WorktreeResult r = run(WorktreeRequest.create(RFC), false);

        Entry ml = entry(r, "ml-infra");
        assertEquals(Outcome.CREATED, ml.outcome(), r.toString());
        assertFalse(ml.cloned());
    }

    @Test
    void worktrees_cloneFails_leavesNothingInTheWorkspace_andReportsWhy() throws Exception {
        String missing = tmp.resolve("remotes/no-such-repo.git").toUri().toString();
        w.recordByUrl("ml-infra", missing);

        WorktreeResult r = run(WorktreeRequest.create(RFC), false);

        Entry ml = entry(r, "ml-infra");
        assertEquals(Outcome.SKIPPED_NO_LOCAL_CLONE, ml.outcome(), r.toString());
        assertTrue(ml.message().startsWith("cannot clone " + missing + " into " + workspace.resolve("ml-infra")),
                ml.message());
        assertEquals(List.of("aperture", "fungal-image-analysis"), workspaceFolders(),
                "no partial clone and no temporary folder");
        assertEquals(Outcome.CREATED, entry(r, "aperture").outcome());
    }

    @Test
    void pr_urlOnlyRepoWithoutClone_isReportedNotCloned() throws Exception {
        run(WorktreeRequest.create(RFC), true); // ml-infra is left out
        TestRealm.commit(w.fungal().resolve(FOLDER), Map.of("train.py", "metrics = 'v2'\n"), false);

        PullRequestSet set;
        try (Realm realm = Realm.open(w.machine().options(w.fungal()).build())) {
            set = realm.pullRequestSet(new PullRequestSetRequest.Open(RFC, "t", null));
        }

        PullRequestSet.Member ml = set.members().stream().filter(m -> m.repo().equals("ml-infra")).findFirst()
                .orElseThrow();
        assertEquals(PullRequestSet.Outcome.SKIPPED_NO_LOCAL_CLONE, ml.outcome(), set.toString());
        assertTrue(ml.message().contains("`blue realm worktree` clones it there"), ml.message());
        assertFalse(Files.exists(workspace.resolve("ml-infra")), "pr needs commits on the branch: it clones nothing");
    }
}
