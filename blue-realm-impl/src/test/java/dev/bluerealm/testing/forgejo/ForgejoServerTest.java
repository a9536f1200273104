package dev.bluerealm.testing.forgejo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
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

/** The Forgejo test server through real HTTP and real git, as a Forgejo client uses it. */
class ForgejoServerTest {
    private static final String ALICE_SCOPES = "write:repository,write:issue,write:user,write:organization";
    @TempDir
    Path root;
    @TempDir
    Path work;
    private ForgejoServer forgejo;
    private String aliceToken;
    private String bobToken;
    private RawClient alice;
    private RawClient bob;

    @BeforeEach
    void start() throws Exception {
        forgejo = ForgejoServer.builder(root).start();
        forgejo.createUser("alice");
        forgejo.createUser("bob");
        forgejo.createOrganization("acme", "alice");
        aliceToken = forgejo.createToken("alice", ALICE_SCOPES.split(","));
        bobToken = forgejo.createToken("bob", "write:repository", "read:user");
        alice = RawClient.withToken(forgejo, aliceToken);
        bob = RawClient.withToken(forgejo, bobToken);
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
    void fullFlow_createCloneOpenReviewStatusMerge_mergesIntoMainAndDeletesTheBranch() throws Exception {
        RawClient.Answer created = alice.post("/orgs/acme/repos",
                "{\"name\":\"realm\",\"auto_init\":true,\"default_branch\":\"main\",\"private\":true}");
        assertEquals(201, created.status(), created.raw().body());
        assertEquals(forgejo.cloneUrl("acme", "realm"), created.json().path("clone_url").asString());
        assertEquals("main", alice.get("/repos/acme/realm").json().path("default_branch").asString());
        assertEquals(404, bob.get("/repos/acme/realm").status(), "private: bob cannot see it yet");
        forgejo.addCollaborator("acme", "realm", "bob", Permission.WRITE);

        Git git = clone("acme", "realm", aliceToken);
        String head = commitAndPush(git, "sync/app/20260101-000000", "contract.yaml", "v: 1\n", aliceToken);

        RawClient.Answer pr = alice.post("/repos/acme/realm/pulls",
                "{\"head\":\"sync/app/20260101-000000\",\"base\":\"main\",\"title\":\"Sync app\",\"body\":\"why\"}");
        assertEquals(201, pr.status(), pr.raw().body());
        long number = pr.json().path("number").asLong();
        assertEquals(head, pr.json().path("head").path("sha").asString());
        String pulls = "/repos/acme/realm/pulls/" + number;

        RawClient.Answer requested = alice.post(pulls + "/requested_reviewers", "{\"reviewers\":[\"bob\"]}");
        assertEquals(201, requested.status(), requested.raw().body());
        assertEquals("REQUEST_REVIEW", requested.json().path(0).path("state").asString());
        assertEquals("bob", alice.get(pulls).json().path("requested_reviewers").path(0).path("login").asString());

        RawClient.Answer approved = bob.post(pulls + "/reviews", "{\"event\":\"APPROVED\",\"body\":\"ack\"}");
        assertEquals(200, approved.status(), approved.raw().body());
        assertEquals("APPROVED", approved.json().path("state").asString());
        assertEquals(head, approved.json().path("commit_id").asString());
        assertFalse(approved.json().path("stale").asBoolean());

        RawClient.Answer status = alice.post("/repos/acme/realm/statuses/" + head,
                "{\"state\":\"success\",\"context\":\"blue/contracts\",\"description\":\"ok\"}");
        assertEquals(201, status.status(), status.raw().body());
        RawClient.Answer statuses = alice.get("/repos/acme/realm/commits/sync%2Fapp%2F20260101-000000/statuses");
        assertEquals("success", statuses.json().path(0).path("status").asString());
        assertEquals("1", statuses.header("X-Total-Count"));
        assertEquals(201, alice.post("/repos/acme/realm/issues/" + number + "/comments", "{\"body\":\"merging\"}").status());

        assertTrue(alice.get(pulls).json().path("mergeable").asBoolean());
        assertEquals(404, alice.get(pulls + "/merge").status());
        RawClient.Answer merged = alice.post(pulls + "/merge",
                "{\"Do\":\"merge\",\"delete_branch_after_merge\":true,\"head_commit_id\":\"" + head + "\"}");
        assertEquals(200, merged.status(), merged.raw().body());
        assertEquals(204, alice.get(pulls + "/merge").status());

        Collection<Ref> refs = Git.lsRemoteRepository().setRemote(forgejo.cloneUrl("acme", "realm"))
                .setCredentialsProvider(credentials(aliceToken)).setHeads(true).call();
        assertEquals(List.of("refs/heads/main"), refs.stream().map(Ref::getName).toList());
        git.fetch().setCredentialsProvider(credentials(aliceToken)).call();
        ObjectId main = git.getRepository().resolve("refs/remotes/origin/main");
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit tip = walk.parseCommit(main);
            assertEquals(2, tip.getParentCount());
            assertEquals(head, tip.getParent(1).name());
            assertTrue(tip.getShortMessage().startsWith("Merge pull request 'Sync app' (#" + number + ")"));
        }
        RawClient.Answer after = alice.get(pulls);
        assertTrue(after.json().path("merged").asBoolean());
        assertEquals("closed", after.json().path("state").asString());
        assertEquals(main.name(), after.json().path("merge_commit_sha").asString());
        assertEquals("alice", after.json().path("merged_by").path("login").asString());
        git.close();
    }

    @Test
    void listPulls_pages_limitDefaults30CapsAt50AndLinksNext() throws Exception {
        assertEquals(201, alice.post("/user/repos", "{\"name\":\"many\",\"auto_init\":true}").status());
        Git git = clone("alice", "many", aliceToken);
        RevCommit base = git.log().call().iterator().next();
        for (int i = 0; i < 52; i++) {
            git.checkout().setName("b" + i).setCreateBranch(true).setStartPoint(base).call();
            Files.writeString(git.getRepository().getWorkTree().toPath().resolve("f" + i), "x");
            git.add().addFilepattern("f" + i).call();
            git.commit().setMessage("c" + i).setAuthor(ident()).setCommitter(ident()).call();
        }
        git.push().setRefSpecs(new RefSpec("refs/heads/b*:refs/heads/b*")).setCredentialsProvider(credentials(aliceToken)).call();
        for (int i = 0; i < 52; i++) {
            assertEquals(201, alice.post("/repos/alice/many/pulls",
                    "{\"head\":\"b" + i + "\",\"base\":\"main\",\"title\":\"t" + i + "\"}").status());
        }
        RawClient.Answer first = alice.get("/repos/alice/many/pulls?state=open");
        assertEquals(30, first.json().size());
        assertEquals("52", first.header("X-Total-Count"));
        assertEquals(52, first.json().path(0).path("number").asLong(), "newest first");
        assertTrue(first.header("Link").contains("page=2>; rel=\"next\""), first.header("Link"));
        RawClient.Answer capped = alice.get("/repos/alice/many/pulls?state=all&limit=100&page=1");
        assertEquals(50, capped.json().size());
        RawClient.Answer last = alice.get("/repos/alice/many/pulls?state=all&limit=50&page=2");
        assertEquals(2, last.json().size());
        assertFalse(last.header("Link").contains("rel=\"next\""), last.header("Link"));
        assertEquals(0, alice.get("/repos/alice/many/pulls?state=closed").json().size());
        git.close();
    }

    @Test
    void authentication_missingBadOrUnderScopedTokens_areRefusedAsForgejoDoes() throws Exception {
        RawClient anonymous = RawClient.anonymous(forgejo);
        assertEquals(200, anonymous.get("/version").status());
        assertEquals(RepoEndpoints.VERSION, anonymous.get("/version").json().path("version").asString());
        assertEquals(401, anonymous.get("/user").status());
        assertEquals(401, RawClient.withToken(forgejo, "nope").get("/user").status());
        assertEquals("alice", RawClient.withHeader(forgejo, "Bearer " + aliceToken).get("/user").json().path("login").asString());
        assertEquals("alice", RawClient.withHeader(forgejo, "bearer " + aliceToken).get("/user").json().path("login").asString());

        String repoOnly = forgejo.createToken("alice", "read:repository");
        RawClient.Answer noUserScope = RawClient.withToken(forgejo, repoOnly).get("/user");
        assertEquals(403, noUserScope.status());
        assertEquals("token does not have at least one of required scope(s): [read:user]", noUserScope.message());

        assertEquals(201, alice.post("/user/repos", "{\"name\":\"r\",\"auto_init\":true}").status());
        assertEquals(409, alice.post("/user/repos", "{\"name\":\"r\"}").status());
        RawClient.Answer noUserWrite = RawClient.withToken(forgejo, forgejo.createToken("alice", "write:repository"))
                .post("/user/repos", "{\"name\":\"r2\"}");
        assertEquals("token does not have at least one of required scope(s): [write:user]", noUserWrite.message());
        RawClient.Answer notOwner = bob.post("/orgs/acme/repos", "{\"name\":\"x\"}");
        assertEquals(403, notOwner.status()); // bob's token lacks write:organization
        assertEquals("token does not have at least one of required scope(s): [write:organization]", notOwner.message());
        String bobOrg = forgejo.createToken("bob", "write:organization");
        assertEquals("Given user is not owner of organization.",
                RawClient.withToken(forgejo, bobOrg).post("/orgs/acme/repos", "{\"name\":\"x\"}").message());

        Git git = clone("alice", "r", aliceToken);
        commitAndPush(git, "feature", "a.txt", "a", aliceToken);
        assertEquals(201, alice.post("/repos/alice/r/pulls", "{\"head\":\"alice:feature\",\"base\":\"main\",\"title\":\"t\"}").status());
        RawClient.Answer comment = bob.post("/repos/alice/r/issues/1/comments", "{\"body\":\"hi\"}");
        assertEquals("token does not have at least one of required scope(s): [write:issue]", comment.message());
        assertEquals(401, anonymous.post("/repos/alice/r/pulls/1/reviews", "{\"event\":\"APPROVED\"}").status());

        // git: anonymous pushes are challenged, a read-only token and a non-collaborator are refused
        TransportException anonymousPush = assertThrows(TransportException.class,
                () -> git.push().setRefSpecs(new RefSpec("refs/heads/main:refs/heads/other")).call());
        assertTrue(anonymousPush.getMessage().contains("uthentication") || anonymousPush.getMessage().contains("401"),
                anonymousPush.getMessage());
        assertThrows(TransportException.class, () -> git.push().setRefSpecs(new RefSpec("refs/heads/main:refs/heads/other"))
                .setCredentialsProvider(credentials(forgejo.createToken("alice", "read:repository"))).call());
        assertThrows(TransportException.class, () -> git.push().setRefSpecs(new RefSpec("refs/heads/main:refs/heads/other"))
                .setCredentialsProvider(credentials(bobToken)).call());
        git.close();
    }

    @Test
    void reviews_ownApprovalReviewerWithoutAccessAndStaleHead_areRefusedOrMarked() throws Exception {
        forgejo.createUser("carol");
        assertEquals(201, alice.post("/user/repos", "{\"name\":\"r\",\"auto_init\":true,\"private\":true}").status());
        forgejo.addCollaborator("alice", "r", "bob", Permission.READ);
        Git git = clone("alice", "r", aliceToken);
        String first = commitAndPush(git, "feat/x", "a.txt", "1", aliceToken);
        assertEquals(201, alice.post("/repos/alice/r/pulls", "{\"head\":\"feat/x\",\"base\":\"main\",\"title\":\"t\"}").status());

        RawClient.Answer own = alice.post("/repos/alice/r/pulls/1/reviews", "{\"event\":\"APPROVED\"}");
        assertEquals(422, own.status());
        assertEquals("approve your own pull is not allowed", own.message());
        RawClient.Answer noAccess = alice.post("/repos/alice/r/pulls/1/requested_reviewers", "{\"reviewers\":[\"carol\"]}");
        assertEquals(422, noAccess.status());
        assertTrue(noAccess.message().startsWith("reviewer can't read"), noAccess.message());
        assertEquals(422, alice.post("/repos/alice/r/pulls/1/requested_reviewers", "{\"reviewers\":[\"alice\"]}").status());
        assertEquals(404, alice.post("/repos/alice/r/pulls/1/requested_reviewers", "{\"reviewers\":[\"nobody\"]}").status());

        assertEquals(200, bob.post("/repos/alice/r/pulls/1/reviews", "{\"event\":\"APPROVED\"}").status());
        String second = commitAndPush(git, "feat/x", "a.txt", "2", aliceToken);
        RawClient.Answer pr = alice.get("/repos/alice/r/pulls/1");
        assertEquals(second, pr.json().path("head").path("sha").asString());
        RawClient.Answer reviews = alice.get("/repos/alice/r/pulls/1/reviews");
        assertEquals(first, reviews.json().path(0).path("commit_id").asString());
        assertTrue(reviews.json().path(0).path("stale").asBoolean());
        assertFalse(reviews.json().path(0).path("official").asBoolean(), "bob only reads");

        RawClient.Answer outOfDate = alice.post("/repos/alice/r/pulls/1/merge",
                "{\"Do\":\"squash\",\"head_commit_id\":\"" + first + "\"}");
        assertEquals(409, outOfDate.status());
        assertEquals("head out of date", outOfDate.message());
        assertEquals(405, bob.post("/repos/alice/r/pulls/1/merge", "{\"Do\":\"merge\"}").status());
        assertEquals(200, alice.post("/repos/alice/r/pulls/1/merge", "{\"Do\":\"squash\",\"head_commit_id\":\"" + second + "\"}").status());
        RawClient.Answer again = alice.post("/repos/alice/r/pulls/1/merge", "{\"Do\":\"merge\"}");
        assertEquals(405, again.status());
        git.close();
    }

    @Test
    void merge_whileCheckingOrConflicting_answers405PleaseTryAgainLater() throws Exception {
        forgejo.conflictCheckDelay(2);
        assertEquals(201, alice.post("/user/repos", "{\"name\":\"r\",\"auto_init\":true}").status());
        Git git = clone("alice", "r", aliceToken);
        RevCommit start = git.log().call().iterator().next();
        commitAndPush(git, "one", "README.md", "one\n", aliceToken);
        git.checkout().setName("two").setCreateBranch(true).setStartPoint(start).call();
        commitAndPush(git, "two", "README.md", "two\n", aliceToken);
        assertEquals(201, alice.post("/repos/alice/r/pulls", "{\"head\":\"one\",\"base\":\"main\",\"title\":\"1\"}").status());
        assertEquals(201, alice.post("/repos/alice/r/pulls", "{\"head\":\"two\",\"base\":\"main\",\"title\":\"2\"}").status());

        assertFalse(alice.get("/repos/alice/r/pulls/1").json().path("mergeable").asBoolean(), "check 1 of 2");
        RawClient.Answer checking = alice.post("/repos/alice/r/pulls/1/merge", "{\"Do\":\"rebase\"}");
        assertEquals(405, checking.status());
        assertEquals("Please try again later", checking.message());
        assertTrue(alice.get("/repos/alice/r/pulls/1").json().path("mergeable").asBoolean());
        assertEquals(200, alice.post("/repos/alice/r/pulls/1/merge", "{\"Do\":\"rebase\"}").status());

        forgejo.conflictCheckDelay(0);
        alice.get("/repos/alice/r/pulls/2");
        alice.get("/repos/alice/r/pulls/2"); // the delay counted when main moved; let it run out
        assertFalse(alice.get("/repos/alice/r/pulls/2").json().path("mergeable").asBoolean(), "README.md conflicts");
        RawClient.Answer conflict = alice.post("/repos/alice/r/pulls/2/merge", "{\"Do\":\"merge\"}");
        assertEquals(405, conflict.status());
        assertEquals("Please try again later", conflict.message());
        git.close();
    }

    @Test
    void branches_deleteWithSlashEncodedAndEditClose_behaveAsForgejo() throws Exception {
        assertEquals(201, alice.post("/user/repos", "{\"name\":\"r\",\"auto_init\":true}").status());
        Git git = clone("alice", "r", aliceToken);
        commitAndPush(git, "sync/a/b", "a.txt", "1", aliceToken);
        assertEquals(201, alice.post("/repos/alice/r/pulls", "{\"head\":\"sync/a/b\",\"base\":\"main\",\"title\":\"t\"}").status());
        RawClient.Answer closed = alice.patch("/repos/alice/r/pulls/1", "{\"state\":\"closed\"}");
        assertEquals(201, closed.status());
        assertEquals("closed", closed.json().path("state").asString());
        assertEquals(1, alice.get("/repos/alice/r/pulls?state=closed").json().size());
        assertEquals(404, alice.post("/repos/alice/r/pulls/1/merge", "{\"Do\":\"merge\"}").status());
        assertEquals(403, alice.delete("/repos/alice/r/branches/main").status());
        assertEquals(204, alice.delete("/repos/alice/r/branches/sync%2Fa%2Fb").status());
        assertEquals(404, alice.delete("/repos/alice/r/branches/sync%2Fa%2Fb").status());
        git.close();
    }

    private Git clone(String owner, String repo, String token) throws Exception {
        return Git.cloneRepository().setURI(forgejo.cloneUrl(owner, repo)).setDirectory(work.resolve(repo).toFile())
                .setCredentialsProvider(credentials(token)).call();
    }

    private String commitAndPush(Git git, String branch, String file, String content, String token) throws Exception {
        if (!branch.equals(git.getRepository().getBranch())) {
            boolean exists = git.getRepository().findRef("refs/heads/" + branch) != null;
            git.checkout().setName(branch).setCreateBranch(!exists).call();
        }
        Files.writeString(git.getRepository().getWorkTree().toPath().resolve(file), content, StandardCharsets.UTF_8);
        git.add().addFilepattern(file).call();
        RevCommit c = git.commit().setMessage("change " + file).setAuthor(ident()).setCommitter(ident()).call();
        for (PushResult r : git.push().setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch))
                .setCredentialsProvider(credentials(token)).call()) {
            for (RemoteRefUpdate u : r.getRemoteUpdates()) {
                assertEquals(RemoteRefUpdate.Status.OK, u.getStatus(), u.getMessage());
            }
        }
        return c.name();
    }

    private static UsernamePasswordCredentialsProvider credentials(String token) {
        return new UsernamePasswordCredentialsProvider("alice", token); // Forgejo takes the token as password
    }

    private static PersonIdent ident() {
        return new PersonIdent("Alice", "alice@example.com");
    }
}
