package dev.bluerealm.internal.forge.forgejo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.RefusedException;
import dev.bluerealm.RemoteException;
import dev.bluerealm.internal.credentials.Credential;
import dev.bluerealm.internal.forge.CheckReport;
import dev.bluerealm.internal.forge.ForgePull;
import dev.bluerealm.model.ForgeConfig;
import dev.bluerealm.sync.Forge;
import dev.bluerealm.sync.PullRequest;
import dev.bluerealm.sync.PullRequest.Acknowledgement;
import dev.bluerealm.testing.forgejo.ForgejoServer;
import dev.bluerealm.testing.forgejo.Permission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ForgejoForge} against the Forgejo test server (every request and answer checked against
 * Forgejo's API description; skipped when that is absent). eric opened the realm and its pull
 * requests, fiona maintains fungal-image-analysis, gina is a governance approver; each has a token.
 */
class ForgejoForgeTest {
    private static final String SCOPES = "write:repository,write:issue,read:user";
    private static final Instant NOW = Instant.parse("2026-01-24T10:00:00Z");
    private static final Duration GRACE = Duration.ofDays(7);
    private static final String BRANCH = "sync/aperture/20260124-100000";
    private static final Map<String, List<String>> MAINTAINERS = Map.of(
            "aperture", List.of("eric@example.com", "eric"),
            "fungal-image-analysis", List.of("fiona@example.com", "fiona", "ghost"),
            "ops", List.of("hank"));

    @TempDir Path tmp;
    private ForgejoServer forgejo;
    private final Map<String, String> tokens = new HashMap<>();
    private final List<Duration> waits = new ArrayList<>();
    private Git realm;

    @BeforeEach
    void start() throws Exception {
        forgejo = ForgejoServer.builder(tmp.resolve("forgejo")).start();
        for (String user : List.of("eric", "fiona", "gina", "hank")) { // hank is no collaborator of the realm
            forgejo.createUser(user);
            tokens.put(user, forgejo.createToken(user, SCOPES.split(",")));
        }
        forgejo.createOrganization("realms", "eric");
        tokens.put("eric", forgejo.createToken("eric", (SCOPES + ",write:organization").split(",")));
        client("eric").createOrgRepository("realms", new NewRepository("letemcook", "", true, true, "main"));
        forgejo.addCollaborator("realms", "letemcook", "fiona", Permission.WRITE);
        forgejo.addCollaborator("realms", "letemcook", "gina", Permission.WRITE);
        realm = Git.cloneRepository().setURI(forgejo.cloneUrl("realms", "letemcook"))
                .setDirectory(tmp.resolve("realm").toFile()).setCredentialsProvider(git("eric")).call();
    }

    @AfterEach
    void stop() throws Exception {
        if (forgejo == null) {
            return; // skipped: no API description to check against
        }
        try {
            if (realm != null) {
                realm.close();
            }
            forgejo.assertNoViolations();
        } finally {
            forgejo.close();
        }
    }

    @Test
    void open_pushedBranch_bodyCarriesTheBlockAndOnlyLoginsAreAsked() throws Exception {
        String head = push(BRANCH, "contract.yaml", "version: 1.5.0\n");

        PullRequest pr = forge("eric").open(draft(false, "aperture", "fungal-image-analysis"));

        assertEquals(new PullRequest(1, "aperture: s3-permissions 1.5.0", BRANCH, "main", "aperture",
                PullRequest.State.OPEN, List.of("aperture", "fungal-image-analysis"), List.of(), false, NOW.plus(GRACE),
                null), pr);
        ForgejoPull onForgejo = client("eric").pull("realms", "letemcook", 1);
        assertEquals(head, onForgejo.headSha());
        assertEquals(List.of("fiona"), onForgejo.requestedReviewers());
        String body = onForgejo.body();
        assertTrue(body.startsWith("adds training-metrics/experiments/*\n\nNot asked to review here: "
                + "eric@example.com (aperture; an e-mail address, not a Forgejo login); "
                + "eric (aperture; the author cannot review their own pull request); "
                + "fiona@example.com (fungal-image-analysis; an e-mail address, not a Forgejo login); "
                + "ghost (fungal-image-analysis; no such Forgejo user)."), body);
        assertTrue(body.endsWith("```blue-realm\nauthor_repo: aperture\nbreaking: false\ngrace_deadline: "
                + NOW.plus(GRACE) + "\nreviewers: aperture, fungal-image-analysis\n```\n"), body);
    }

    @Test
    void open_reviewerWhoCannotReadTheRepo_opensAndNamesThemInsteadOfFailing() throws Exception {
        push(BRANCH, "contract.yaml", "version: 1.5.0\n");

        PullRequest pr = forge("eric").open(draft(false, "ops", "fungal-image-analysis"));

        ForgejoPull onForgejo = client("eric").pull("realms", "letemcook", pr.number());
        assertEquals(List.of("fiona"), onForgejo.requestedReviewers());
        assertTrue(onForgejo.body().contains("hank (ops; Forgejo refused asking them, most likely because they cannot read"
                + " realms/letemcook: add them as a collaborator)."), onForgejo.body());
        assertEquals(pr, forge("fiona").get(pr.number()).orElseThrow(), "the block is intact");
    }

    @Test
    void listAndGet_openedPulls_roundTripTheBlock() throws Exception {
        push(BRANCH, "contract.yaml", "version: 2.0.0\n");
        ForgejoForge eric = forge("eric");
        PullRequest opened = eric.open(draft(true, "fungal-image-analysis"), Duration.ofDays(3));

        assertTrue(opened.breaking());
        assertNull(opened.graceDeadline(), "a breaking change has no grace deadline");
        ForgejoForge reader = forge("fiona");
        assertEquals(List.of(opened), reader.list(PullRequest.State.OPEN));
        assertEquals(List.of(opened), reader.list(null));
        assertEquals(List.of(), reader.list(PullRequest.State.MERGED));
        assertEquals(opened, reader.get(1).orElseThrow());
        assertEquals(List.of("fungal-image-analysis"), reader.get(1).orElseThrow().reviewers());
        assertEquals("aperture", reader.get(1).orElseThrow().authorRepo());
        assertTrue(reader.get(2).isEmpty());
        assertEquals(opened, eric.open(draft(true, "fungal-image-analysis")), "opening it again returns the open one");
        assertEquals(1, client("eric").pulls("realms", "letemcook", PullStateFilter.ALL).size());
    }

    @Test
    void acknowledge_byMaintainer_approvedReviewNamingRepoAndVersionCounts() throws Exception {
        push(BRANCH, "contract.yaml", "version: 1.5.0\n");
        forge("eric").open(draft(false, "fungal-image-analysis"));
        Instant at = NOW.plusSeconds(60);
        ForgejoForge fiona = forge("fiona");

        PullRequest acked = fiona.acknowledge(1, new Acknowledgement("fungal-image-analysis", "fiona@example.com", at,
                "1.5.0"));
        fiona.acknowledge(1, new Acknowledgement("fungal-image-analysis", "fiona@example.com", at, "1.5.0"));

        Acknowledgement expected = new Acknowledgement("fungal-image-analysis", "fiona", at, "1.5.0");
        assertEquals(List.of(expected), acked.acknowledgements(), "by the token's user, whatever the record says");
        List<ForgejoReview> reviews = submitted();
        assertEquals(1, reviews.size(), "acknowledging again submits nothing: " + reviews);
        assertEquals("APPROVED", reviews.get(0).state());
        assertEquals("fiona", reviews.get(0).user());
        assertTrue(reviews.get(0).body().endsWith("```blue-realm\nacknowledge: fungal-image-analysis\nversion: 1.5.0\nat: "
                + at + "\n```\n"), reviews.get(0).body());
        ForgePull counted = forge("gina").pulls(PullRequest.State.OPEN).get(0);
        assertEquals(List.of(expected), counted.pullRequest().acknowledgements());
        assertEquals(Set.of("fiona"), counted.approvedBy());
    }

    @Test
    void acknowledge_byTheAuthor_commentReviewThatCountsAndSaysWhy() throws Exception {
        push(BRANCH, "contract.yaml", "version: 1.5.0\n");
        ForgejoForge eric = forge("eric");
        eric.open(draft(false, "aperture"));

        PullRequest acked = eric.acknowledge(1, new Acknowledgement("aperture", "eric@example.com", NOW, "1.5.0"));

        assertEquals(List.of(new Acknowledgement("aperture", "eric", NOW, "1.5.0")), acked.acknowledgements());
        ForgejoReview review = submitted().get(0);
        assertEquals("COMMENT", review.state());
        assertTrue(review.body().startsWith("aperture acknowledges 1.5.0 and updated its binding on this branch."
                + " (A comment, not an approval: Forgejo does not let eric approve a pull request they opened;"), review.body());
        ForgePull counted = forge("fiona").pulls(PullRequest.State.OPEN).get(0);
        assertEquals(acked.acknowledgements(), counted.pullRequest().acknowledgements());
        assertEquals(Set.of(), counted.approvedBy(), "an acknowledgement in a comment is no approval");
    }

    @Test
    void approve_breakingChangeByApproverAndByAuthor_bothCountAsApprovals() throws Exception {
        push(BRANCH, "contract.yaml", "version: 2.0.0\n");
        forge("eric").open(draft(true, "fungal-image-analysis"));

        forge("gina").approve(1, "gina@example.com");
        forge("gina").approve(1, "gina@example.com");
        forge("eric").approve(1, "eric@example.com");

        List<ForgejoReview> reviews = submitted();
        assertEquals(List.of("gina:APPROVED", "eric:COMMENT"), reviews.stream().map(r -> r.user() + ":" + r.state()).toList());
        assertTrue(reviews.get(0).body().endsWith("```blue-realm\napprove: gina@example.com\n```\n"), reviews.get(0).body());
        assertTrue(reviews.get(1).body().contains("Forgejo does not let eric approve"), reviews.get(1).body());
        assertEquals(Set.of("gina", "eric"), forge("fiona").pulls(PullRequest.State.OPEN).get(0).approvedBy());
    }

    @Test
    void merge_acknowledgedPull_mergesTheHeadThroughForgejoAndDeletesTheBranch() throws Exception {
        String head = push(BRANCH, "contract.yaml", "version: 1.5.0\n");
        forge("eric").open(draft(false, "fungal-image-analysis"));
        ForgejoForge fiona = forge("fiona");
        fiona.acknowledge(1, new Acknowledgement("fungal-image-analysis", "fiona", NOW, "1.5.0"));

        PullRequest merged = fiona.merge(1);

        assertEquals(PullRequest.State.MERGED, merged.state());
        ObjectId main = remoteHeads().get("refs/heads/main");
        assertEquals(main.name(), merged.mergeCommit());
        assertEquals(Set.of("refs/heads/main"), remoteHeads().keySet(), "the sync branch is deleted");
        realm.fetch().setCredentialsProvider(git("eric")).call();
        try (RevWalk walk = new RevWalk(realm.getRepository())) {
            RevCommit tip = walk.parseCommit(main);
            assertEquals(2, tip.getParentCount(), "a merge commit");
            assertEquals(head, tip.getParent(1).name());
        }
        RefusedException again = assertThrows(RefusedException.class, () -> fiona.merge(1));
        assertEquals(ErrorCode.NOT_OPEN, again.code());
        assertTrue(again.getMessage().contains("is merged: it can no longer be merged"), again.getMessage());
        assertEquals(List.of(merged), fiona.list(PullRequest.State.MERGED));
    }

    @Test
    void merge_whileTheConflictCheckRuns_waitsForPleaseTryAgainLaterAndMerges() throws Exception {
        push(BRANCH, "contract.yaml", "version: 1.5.0\n");
        forgejo.conflictCheckDelay(6);
        forge("eric").open(draft(false, "fungal-image-analysis"));

        PullRequest merged = forge("fiona").merge(1);

        assertEquals(PullRequest.State.MERGED, merged.state());
        assertFalse(waits.isEmpty(), "the merge was answered 'Please try again later' and retried");
    }

    @Test
    void merge_branchMovedAfterItWasRead_refusedNotMergedUnseen() throws Exception {
        push(BRANCH, "contract.yaml", "version: 1.5.0\n");
        forge("eric").open(draft(false, "fungal-image-analysis"));
        ForgejoForge fiona = forge("fiona");
        PullRequest read = fiona.pulls(PullRequest.State.OPEN).get(0).pullRequest();
        String moved = push(BRANCH, "contract.yaml", "version: 1.5.0\nunseen: true\n");

        RefusedException e = assertThrows(RefusedException.class, () -> fiona.merge(read.number()));

        assertEquals(ErrorCode.PLAN_STALE, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("moved after"), e.getMessage());
        assertEquals(PullRequest.State.OPEN, fiona.get(1).orElseThrow().state());
        assertEquals(moved, client("eric").pull("realms", "letemcook", 1).headSha());
        assertEquals(PullRequest.State.MERGED, forge("fiona").merge(1).state(), "a fresh read merges the new head");
    }

    @Test
    void merge_conflictingBranch_refusedAsConflict() throws Exception {
        push(BRANCH, "contract.yaml", "version: 1.5.0\n");
        realm.checkout().setName("other").setCreateBranch(true).setStartPoint("origin/main").call();
        push("sync/fungal-image-analysis/20260124-100000", "contract.yaml", "version: 1.6.0\n");
        forge("eric").open(draft(false, "fungal-image-analysis"));
        forge("eric").open(new Forge.Draft("fungal: 1.6.0", "", "sync/fungal-image-analysis/20260124-100000", "main",
                "fungal-image-analysis", List.of("aperture"), false));
        forge("fiona").merge(1);

        RefusedException e = assertThrows(RefusedException.class, () -> forge("fiona").merge(2));

        assertEquals(ErrorCode.MERGE_CONFLICT, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("resolve the conflicts"), e.getMessage());
    }

    @Test
    void report_verdicts_postedOnTheHeadAsBlueRealmCheckOnceEach() throws Exception {
        String head = push(BRANCH, "contract.yaml", "version: 1.5.0\n");
        ForgejoForge eric = forge("eric");
        PullRequest pr = eric.open(draft(false, "fungal-image-analysis"));

        eric.report(pr, new CheckReport(CheckReport.Verdict.PENDING, "waits for: fungal-image-analysis to acknowledge"));
        eric.report(pr, new CheckReport(CheckReport.Verdict.PENDING, "waits for: fungal-image-analysis to acknowledge"));
        forge("fiona").report(pr, new CheckReport(CheckReport.Verdict.SUCCESS, "x".repeat(300)));

        List<ForgejoCommitStatus> statuses = client("eric").statuses("realms", "letemcook", head);
        assertEquals(List.of("success", "pending"), statuses.stream().map(ForgejoCommitStatus::state).toList());
        assertEquals(List.of(CheckReport.CONTEXT, CheckReport.CONTEXT),
                statuses.stream().map(ForgejoCommitStatus::context).toList());
        assertEquals("x".repeat(254) + "…", statuses.get(0).description(), "cut to Forgejo's 255 characters");
    }

    @Test
    void pullWithoutBlock_openedByHand_isIgnored() throws Exception {
        push(BRANCH, "contract.yaml", "version: 1.5.0\n");
        client("eric").openPull("realms", "letemcook", BRANCH, "main", "by hand", "no block here");
        ForgejoForge fiona = forge("fiona");

        assertEquals(List.of(), fiona.list(null));
        assertTrue(fiona.get(1).isEmpty());
        InvalidRequestException ack = assertThrows(InvalidRequestException.class, () -> fiona.acknowledge(1,
                new Acknowledgement("fungal-image-analysis", "fiona", NOW, "1.5.0")));
        assertTrue(ack.getMessage().contains("has no blue-realm block in its description"), ack.getMessage());
        InvalidRequestException open = assertThrows(InvalidRequestException.class,
                () -> forge("eric").open(draft(false, "fungal-image-analysis")));
        assertEquals(ErrorCode.ALREADY_EXISTS, open.code());
        assertTrue(open.getMessage().contains("was not opened by blue"), open.getMessage());
        assertEquals(List.of(), submitted(), "nothing reviewed or requested on someone else's pull request");
    }

    @Test
    void errors_missingScopeOrRepoOrPull_sayWhatToDo() throws Exception {
        push(BRANCH, "contract.yaml", "version: 1.5.0\n");
        tokens.put("reader", forgejo.createToken("eric", "read:repository", "read:user"));
        RemoteException scope = assertThrows(RemoteException.class,
                () -> forge("reader").open(draft(false, "fungal-image-analysis")));
        assertTrue(scope.getMessage().contains("lacks scope write:repository")
                && scope.getMessage().contains("Access tokens"), scope.getMessage());
        assertFalse(scope.getMessage().contains(tokens.get("reader")), "the token never appears");

        ForgejoForge nowhere = new ForgejoForge(client("fiona"), ForgeConfig.forgejo(forgejo.url(), "realms", "nope"),
                Clock.fixed(NOW, ZoneOffset.UTC), GRACE, repo -> List.of());
        InvalidRequestException repo = assertThrows(InvalidRequestException.class, () -> nowhere.list(null));
        assertEquals(ErrorCode.NOT_FOUND, repo.code());
        assertTrue(repo.getMessage().contains("has no repository realms/nope, or the token's user cannot see it")
                && repo.getMessage().contains("check the name"), repo.getMessage());

        InvalidRequestException pull = assertThrows(InvalidRequestException.class, () -> forge("fiona").merge(9));
        assertEquals(ErrorCode.NOT_FOUND, pull.code());
        assertTrue(pull.getMessage().contains("there is no pull request #9 in realms/letemcook"), pull.getMessage());
    }

    private Forge.Draft draft(boolean breaking, String... reviewers) {
        return new Forge.Draft("aperture: s3-permissions " + (breaking ? "2.0.0" : "1.5.0"),
                "adds training-metrics/experiments/*", BRANCH, "main", "aperture", List.of(reviewers), breaking);
    }

    private ForgejoForge forge(String user) {
        return forge(user, ForgeConfig.MergeStyle.MERGE);
    }

    private ForgejoForge forge(String user, ForgeConfig.MergeStyle style) {
        return new ForgejoForge(client(user), new ForgeConfig(ForgeConfig.Type.FORGEJO, forgejo.url(),
                "realms/letemcook", style), Clock.fixed(NOW, ZoneOffset.UTC), GRACE,
                repo -> MAINTAINERS.getOrDefault(repo, List.of()));
    }

    @Test
    void merge_squashStyleFromRealmYaml_landsOneCommitWithTheHeadsContent() throws Exception {
        push(BRANCH, "contract.yaml", "version: 1.5.0\n");
        forge("eric").open(draft(false, "fungal-image-analysis"));
        ForgejoForge fiona = forge("fiona", ForgeConfig.MergeStyle.SQUASH);
        fiona.acknowledge(1, new Acknowledgement("fungal-image-analysis", "fiona", NOW, "1.5.0"));
        ObjectId before = remoteHeads().get("refs/heads/main");

        PullRequest merged = fiona.merge(1);

        assertEquals(PullRequest.State.MERGED, merged.state());
        ObjectId main = remoteHeads().get("refs/heads/main");
        realm.fetch().setCredentialsProvider(git("eric")).call();
        try (RevWalk walk = new RevWalk(realm.getRepository())) {
            RevCommit tip = walk.parseCommit(main);
            assertEquals(1, tip.getParentCount(), "squashed: no merge commit");
            assertEquals(before, tip.getParent(0).getId());
            try (org.eclipse.jgit.treewalk.TreeWalk tw = org.eclipse.jgit.treewalk.TreeWalk.forPath(
                    realm.getRepository(), "contract.yaml", tip.getTree())) {
                assertTrue(tw != null, "the head's file is on main");
            }
        }
        assertEquals(Set.of("refs/heads/main"), remoteHeads().keySet(), "the sync branch is deleted");
    }

    private ForgejoClient client(String user) {
        Credential token = new Credential("token", tokens.get(user), "test token of " + user);
        return ForgejoClient.builder(forgejo.url(), () -> token).sleeper(waits::add).random(new Random(1))
                .backoff(Duration.ofMillis(10), Duration.ofMillis(100)).maxAttempts(8).build();
    }

    private List<ForgejoReview> submitted() throws Exception {
        return client("eric").reviews("realms", "letemcook", 1).stream()
                .filter(r -> !r.state().equals("REQUEST_REVIEW")).toList();
    }

    /** Commits {@code file} on {@code branch} of the realm clone and pushes it; the new head. */
    private String push(String branch, String file, String content) throws Exception {
        boolean exists = realm.getRepository().findRef("refs/heads/" + branch) != null;
        if (!branch.equals(realm.getRepository().getBranch())) {
            realm.checkout().setName(branch).setCreateBranch(!exists).call();
        }
        Files.writeString(realm.getRepository().getWorkTree().toPath().resolve(file), content);
        realm.add().addFilepattern(file).call();
        PersonIdent eric = new PersonIdent("eric", "eric@example.com");
        RevCommit c = realm.commit().setMessage("change " + file).setAuthor(eric).setCommitter(eric).setSign(false).call();
        for (PushResult r : realm.push().setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch))
                .setCredentialsProvider(git("eric")).call()) {
            for (RemoteRefUpdate u : r.getRemoteUpdates()) {
                assertEquals(RemoteRefUpdate.Status.OK, u.getStatus(), u.getMessage());
            }
        }
        return c.name();
    }

    private Map<String, ObjectId> remoteHeads() throws Exception {
        Map<String, ObjectId> heads = new TreeMap<>();
        for (Ref r : Git.lsRemoteRepository().setRemote(forgejo.cloneUrl("realms", "letemcook"))
                .setCredentialsProvider(git("eric")).setHeads(true).call()) {
            heads.put(r.getName(), r.getObjectId());
        }
        return heads;
    }

    private UsernamePasswordCredentialsProvider git(String user) {
        return new UsernamePasswordCredentialsProvider(user, tokens.get(user)); // Forgejo takes the token as password
    }
}
