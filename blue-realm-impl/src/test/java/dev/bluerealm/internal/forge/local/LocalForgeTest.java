package dev.bluerealm.internal.forge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.RealmException;
import dev.bluerealm.RealmLoadException;
import dev.bluerealm.RefusedException;
import dev.bluerealm.internal.git.RealmStore;
import dev.bluerealm.internal.git.RemoteRefs;
import dev.bluerealm.internal.git.Transports;
import dev.bluerealm.sync.Forge;
import dev.bluerealm.sync.PullRequest;
import dev.bluerealm.sync.PullRequest.Acknowledgement;
import dev.bluerealm.testing.TestRealm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local forge against a bare remote on disk: records, numbering, idempotence, merging and its recovery. */
class LocalForgeTest {
    static final Instant NOW = TestRealm.NOW;
    static final String ERIC = TestRealm.ERIC;
    static final String ANA = "ana@fungal.example";
    static final String SYNC = "sync/aperture/20260124-103000";
    static final String CONTRACT = "domains/s3-access/contracts/s3-permissions.yaml";

    @TempDir Path tmp;
    BareRemote remote;
    RealmStore store;
    LocalForge forge;

    @BeforeEach
    void setUp() throws Exception {
        remote = BareRemote.create(tmp.resolve("letemcook.git"));
        store = clone("eric");
        forge = forge(store, ERIC);
    }

    @AfterEach
    void tearDown() {
        store.close();
        remote.close();
    }

    RealmStore clone(String name) throws RealmException {
        return RealmStore.cloneInto(remote.fileUrl(), tmp.resolve("clones").resolve(name), Transports.defaults());
    }

    static LocalForge forge(RealmStore store, String email) {
        return new LocalForge(store, new PersonIdent(email.replaceFirst("@.*", ""), email),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(14));
    }

    static Forge.Draft draft(String head) {
        return new Forge.Draft("s3-permissions 1.5.0", "Adds `jobs/*`.\n\nRequested by fungal.", head, "main", "aperture",
                List.of("fungal-image-analysis", ERIC), false);
    }

    /** The exporter's sync branch: a new contract version on top of main. */
    ObjectId pushSyncBranch(String branch, String version) throws Exception {
        return remote.commit(branch, "main", Map.of(CONTRACT, "name: s3-permissions\nversion: " + version + "\n"),
                "s3-permissions " + version);
    }

    int pullsHistory() throws Exception {
        return remote.history(LocalForge.REF);
    }

    @Test
    void open_acknowledge_approve_merge_roundTrip() throws Exception {
        ObjectId head = pushSyncBranch(SYNC, "1.5.0");

        PullRequest pr = forge.open(draft(SYNC));
        assertEquals(new PullRequest(1, "s3-permissions 1.5.0", SYNC, "main", "aperture", PullRequest.State.OPEN,
                List.of(ERIC, "fungal-image-analysis"), List.of(), false, NOW.plus(Duration.ofDays(14)), null), pr);
        assertEquals(List.of(pr), forge.list(null));
        assertEquals(List.of(pr), forge.list(PullRequest.State.OPEN));
        assertEquals(List.of(), forge.list(PullRequest.State.MERGED));
        assertEquals(Optional.of(pr), forge.get(1));
        assertEquals(Optional.empty(), forge.get(2));
        assertEquals(Optional.empty(), forge.get(0));

        PullRequest acked = forge.acknowledge(1, new Acknowledgement("fungal-image-analysis", ANA, null, "1.5.0"));
        assertEquals(List.of(new Acknowledgement("fungal-image-analysis", ANA, NOW, "1.5.0")), acked.acknowledgements());
        forge.approve(1, ERIC);
        assertEquals(List.of(new Approval(ERIC, NOW)), forge.approvals(1));

        PullRequest merged = forge.merge(1);
        assertEquals(PullRequest.State.MERGED, merged.state());
        assertEquals(head.name(), merged.mergeCommit(), "main was an ancestor: a fast-forward to the head");
        assertEquals(head, remote.branch("main"));
        assertNull(remote.branch(SYNC), "the head branch is deleted");
        assertEquals(4, pullsHistory(), "open, acknowledge, approve, merge: one commit each");

        // another machine sees exactly the same
        try (RealmStore other = clone("ana")) {
            LocalForge theirs = forge(other, ANA);
            assertEquals(List.of(merged), theirs.list(null));
            PullRecord record = theirs.record(1).orElseThrow();
            assertEquals("Adds `jobs/*`.\n\nRequested by fungal.", record.body());
            assertEquals(ERIC, record.openedBy());
            assertEquals(NOW, record.mergedAt());
        }
    }

    @Test
    void open_records_oneFilePerPullRequestAndTheNextNumber() throws Exception {
        forge.open(draft("sync/aperture/1"));
        forge.open(draft("sync/aperture/2"));
        ObjectId tip = remote.ref(LocalForge.REF);
        assertEquals("{\n  \"format\": 1,\n  \"next\": 3\n}\n", remote.file(tip, "meta.json"));
        String two = remote.file(tip, "pulls/2.json");
        assertTrue(two.startsWith("{\n  \"acknowledgements\": [],\n"), two);
        assertTrue(two.contains("\n  \"head\": \"sync/aperture/2\",\n"), two);
        RevCommit commit = remote.parse(tip);
        assertEquals("open #2: s3-permissions 1.5.0", commit.getFullMessage());
        assertEquals(ERIC, commit.getAuthorIdent().getEmailAddress());
        assertEquals(NOW, commit.getAuthorIdent().getWhenAsInstant());
        assertEquals(null, remote.branch("blue/pulls"), "the records are not on a branch");
    }

    @Test
    void open_sameDraftAgain_returnsTheOpenOneWithoutWriting() throws Exception {
        PullRequest first = forge.open(draft(SYNC));
        int commits = pullsHistory();
        assertEquals(first, forge.open(draft(SYNC)));
        assertEquals(commits, pullsHistory());
        assertEquals(1, forge.list(null).size());
    }

    @Test
    void open_differentDraftForAnOpenHead_refusedAlreadyExists() throws Exception {
        forge.open(draft(SYNC));
        Forge.Draft other = new Forge.Draft("something else", "", SYNC, "main", "aperture", List.of(), true);
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> forge.open(other));
        assertEquals(ErrorCode.ALREADY_EXISTS, e.code());
        assertTrue(e.getMessage().contains("pull #1 is already open"), e.getMessage());
    }

    @Test
    void open_breakingChange_hasNoGraceDeadline() throws Exception {
        Forge.Draft breaking = new Forge.Draft("s3-permissions 2.0.0", "", SYNC, "main", "aperture", List.of(), true);
        PullRequest pr = forge.open(breaking);
        assertTrue(pr.breaking());
        assertNull(pr.graceDeadline());
        assertEquals(NOW.plus(Duration.ofDays(3)), forge.open(draft("sync/aperture/2"), Duration.ofDays(3)).graceDeadline());
    }

    @Test
    void open_malformedDraft_refusedBeforeAnythingIsWritten() throws Exception {
        List<Forge.Draft> bad = List.of(
                new Forge.Draft(" ", "", SYNC, "main", "aperture", List.of(), false),
                new Forge.Draft(null, "", SYNC, "main", "aperture", List.of(), false),
                new Forge.Draft("t", "", "sync/bad..name", "main", "aperture", List.of(), false),
                new Forge.Draft("t", "", "sync/x", "sync/x", "aperture", List.of(), false),
                new Forge.Draft("t", "", "sync/x", "main", "Aperture!", List.of(), false),
                new Forge.Draft("t", "lone \uD800 surrogate", "sync/x", "main", "aperture", List.of(), false),
                new Forge.Draft("t", "", "sync/x", "main", "aperture", List.of(" "), false),
                new Forge.Draft("t", "x".repeat(PullCodec.MAX_BYTES), "sync/x", "main", "aperture", List.of(), false));
        for (Forge.Draft d : bad) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> forge.open(d), d.toString());
            assertTrue(e.code() == ErrorCode.INVALID_ARGUMENT || e.code() == ErrorCode.INVALID_NAME, e.toString());
        }
        assertNull(remote.ref(LocalForge.REF));
    }

    @Test
    void acknowledgeApprove_blankFields_refusedAsInvalidArguments() throws Exception {
        forge.open(draft(SYNC));
        int commits = pullsHistory();
        for (ThrowingCall call : List.<ThrowingCall>of(
                () -> forge.acknowledge(1, new Acknowledgement(" ", ANA, null, "1.5.0")),
                () -> forge.acknowledge(1, new Acknowledgement("fungal-image-analysis", null, null, "1.5.0")),
                () -> forge.acknowledge(1, new Acknowledgement("fungal-image-analysis", ANA, null, "")),
                () -> forge.approve(1, null), () -> forge.approve(1, "\t"))) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, call::run);
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        }
        assertEquals(commits, pullsHistory());
    }

    @Test
    void acknowledge_sameRepoAndVersionTwice_recordsItOnce() throws Exception {
        forge.open(draft(SYNC));
        Acknowledgement ack = new Acknowledgement("fungal-image-analysis", ANA, Instant.parse("2026-01-25T08:00:00Z"), "1.5.0");
        PullRequest once = forge.acknowledge(1, ack);
        int commits = pullsHistory();
        PullRequest twice = forge.acknowledge(1, new Acknowledgement("fungal-image-analysis", ERIC, null, "1.5.0"));
        assertEquals(once, twice);
        assertEquals(commits, pullsHistory(), "nothing written the second time");
        PullRequest newer = forge.acknowledge(1, new Acknowledgement("fungal-image-analysis", ANA, null, "1.5.1"));
        assertEquals(2, newer.acknowledgements().size(), "another version is another acknowledgement");
    }

    @Test
    void approve_sameApproverTwice_recordsItOnce() throws Exception {
        forge.open(draft(SYNC));
        forge.approve(1, ERIC);
        int commits = pullsHistory();
        forge.approve(1, ERIC);
        assertEquals(commits, pullsHistory());
        forge.approve(1, ANA);
        assertEquals(List.of(new Approval(ANA, NOW), new Approval(ERIC, NOW)), forge.approvals(1));
    }

    @Test
    void acknowledgeApproveMerge_unknownPullRequest_notFound() throws Exception {
        forge.open(draft(SYNC));
        for (ThrowingCall call : List.<ThrowingCall>of(
                () -> forge.acknowledge(7, new Acknowledgement("x", ANA, null, "1.0.0")),
                () -> forge.approve(7, ERIC), () -> forge.merge(7), () -> forge.approvals(7), () -> forge.merge(0))) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, call::run);
            assertEquals(ErrorCode.NOT_FOUND, e.code());
        }
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void acknowledgeApproveMerge_mergedPullRequest_refusedNotOpen() throws Exception {
        pushSyncBranch(SYNC, "1.5.0");
        forge.open(draft(SYNC));
        forge.merge(1);
        for (ThrowingCall call : List.<ThrowingCall>of(
                () -> forge.acknowledge(1, new Acknowledgement("x", ANA, null, "1.0.0")),
                () -> forge.approve(1, ANA), () -> forge.merge(1))) {
            RefusedException e = assertThrows(RefusedException.class, call::run);
            assertEquals(ErrorCode.NOT_OPEN, e.code());
        }
    }

    @Test
    void merge_baseMoved_createsAMergeCommitOfBaseAndHead() throws Exception {
        ObjectId head = pushSyncBranch(SYNC, "1.5.0");
        ObjectId moved = remote.commit("main", null, Map.of("repos/fungal-image-analysis.yaml", "name: fungal-image-analysis\n"),
                "join: fungal-image-analysis");
        forge.open(draft(SYNC));
        PullRequest merged = forge.merge(1);

        ObjectId main = remote.branch("main");
        assertEquals(main.name(), merged.mergeCommit());
        RevCommit m = remote.parse(main);
        assertEquals(List.of(moved, head), List.of(m.getParent(0).getId(), m.getParent(1).getId()));
        assertEquals("Merge pull request #1 from " + SYNC + "\n\ns3-permissions 1.5.0\n", m.getFullMessage());
        assertEquals(ERIC, m.getAuthorIdent().getEmailAddress());
        assertEquals("name: s3-permissions\nversion: 1.5.0\n", remote.file(main, CONTRACT));
        assertEquals("name: fungal-image-analysis\n", remote.file(main, "repos/fungal-image-analysis.yaml"));
        assertNull(remote.branch(SYNC));
        assertEquals(main, store.repository().resolve(RemoteRefs.trackingBranch("main")), "the clone tracks the pushed main");
    }

    @Test
    void merge_conflictingChanges_refusedNamingThePathsAndNothingChanges() throws Exception {
        pushSyncBranch(SYNC, "1.5.0");
        ObjectId main = remote.commit("main", null, Map.of(CONTRACT, "name: s3-permissions\nversion: 1.4.1\n",
                "realm.yaml", "name: letemcook\n"), "hotfix 1.4.1");
        forge.open(draft(SYNC));
        ObjectId pulls = remote.ref(LocalForge.REF);

        RefusedException e = assertThrows(RefusedException.class, () -> forge.merge(1));
        assertEquals(ErrorCode.MERGE_CONFLICT, e.code());
        assertEquals("pull #1 cannot merge '" + SYNC + "' into 'main': conflicting changes in " + CONTRACT
                + ". Update the branch from 'main' and resolve them first", e.getMessage());
        assertEquals(main, remote.branch("main"));
        assertNotNull(remote.branch(SYNC));
        assertEquals(pulls, remote.ref(LocalForge.REF));
        assertEquals(PullRequest.State.OPEN, forge.get(1).orElseThrow().state());
    }

    @Test
    void merge_crashAfterPushingTheBase_nextMergeRecordsTheCommitAndDeletesTheBranch() throws Exception {
        ObjectId head = pushSyncBranch(SYNC, "1.5.0");
        remote.commit("main", null, Map.of("repos/x.yaml", "name: x\n"), "join: x");
        forge.open(draft(SYNC));
        // the first half of a merge, as merge() does it, then the process dies
        ObjectId base = remote.branch("main");
        store.remote().fetch(List.of(Constants.R_HEADS + "main", Constants.R_HEADS + SYNC));
        ObjectId pushed = new BranchMerger(store.repository()).merge(base, head, "Merge pull request #1 from " + SYNC + "\n",
                new PersonIdent("eric", ERIC), "pull #1", SYNC, "main").commit();
        assertEquals(RemoteRefUpdate.Status.OK, store.remote().push(Constants.R_HEADS + "main", pushed, base).getStatus());
        assertEquals(PullRequest.State.OPEN, forge.get(1).orElseThrow().state());

        try (RealmStore restarted = clone("restarted")) {
            PullRequest merged = forge(restarted, ANA).merge(1);
            assertEquals(pushed.name(), merged.mergeCommit(), "the commit already pushed, not a second merge");
            assertEquals(PullRequest.State.MERGED, merged.state());
        }
        assertEquals(pushed, remote.branch("main"));
        assertNull(remote.branch(SYNC));
    }

    @Test
    void merge_crashAfterPushingAFastForward_nextMergeRecordsTheHead() throws Exception {
        ObjectId head = pushSyncBranch(SYNC, "1.5.0");
        forge.open(draft(SYNC));
        remote.set(Constants.R_HEADS + "main", head); // main fast-forwarded, nothing recorded
        ObjectId later = remote.commit("main", null, Map.of("repos/x.yaml", "name: x\n"), "join: x"); // and moved on since
        PullRequest merged = forge.merge(1);
        assertEquals(head.name(), merged.mergeCommit());
        assertEquals(later, remote.branch("main"));
        assertNull(remote.branch(SYNC));
    }

    @Test
    void merge_crashBeforeDeletingTheBranch_nextMergeDeletesItAndReturnsTheRecord() throws Exception {
        ObjectId head = pushSyncBranch(SYNC, "1.5.0");
        forge.open(draft(SYNC));
        PullRequest merged = forge.merge(1);
        remote.set(Constants.R_HEADS + SYNC, head); // as if the deletion never happened

        assertEquals(merged, forge.merge(1));
        assertNull(remote.branch(SYNC));
        RefusedException e = assertThrows(RefusedException.class, () -> forge.merge(1));
        assertEquals(ErrorCode.NOT_OPEN, e.code());
    }

    @Test
    void merge_branchRecreatedWithNewWorkAfterMerging_isKept() throws Exception {
        pushSyncBranch(SYNC, "1.5.0");
        forge.open(draft(SYNC));
        forge.merge(1);
        ObjectId newWork = pushSyncBranch(SYNC, "1.6.0");
        assertThrows(RefusedException.class, () -> forge.merge(1));
        assertEquals(newWork, remote.branch(SYNC), "commits that were never merged are not deleted");
    }

    @Test
    void merge_headBranchMissing_notFoundAndStillOpen() throws Exception {
        forge.open(draft(SYNC));
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> forge.merge(1));
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("its branch '" + SYNC + "' is not on the realm remote"), e.getMessage());
        assertEquals(PullRequest.State.OPEN, forge.get(1).orElseThrow().state());
    }

    @Test
    void update_anotherMachineWritesBetweenReadAndPush_reappliedOnTheirTip() throws Exception {
        PullsRef ref = new PullsRef(store.remote());
        List<ObjectId> tips = new java.util.ArrayList<>();
        try (RealmStore other = clone("ana"); RemoteRefs.Session session = store.remote().session()) {
            LocalForge theirs = forge(other, ANA);
            PullRecord mine = ref.update(session, "open a pull request", s -> {
                tips.add(s.tip());
                if (tips.size() == 1) {
                    theirs.open(draft("sync/fungal/1")); // gets in first: our push must lose and be re-applied
                }
                int n = s.nextNumber();
                PullRecord r = new PullRecord(n, "mine", "", "sync/aperture/1", "main", "aperture", ERIC, NOW,
                        PullRequest.State.OPEN, List.of(), List.of(), List.of(), false, null, null, null);
                return new PullsRef.Change<>(r, "open #" + n, List.of(r), n + 1);
            }, () -> new PersonIdent("eric", ERIC));
            assertEquals(2, tips.size(), "applied on the stale tip, then again on theirs");
            assertNull(tips.get(0));
            assertEquals(2, mine.number());
            assertEquals(List.of("sync/fungal/1", "sync/aperture/1"),
                    theirs.list(null).stream().map(PullRequest::head).toList());
        }
    }

    @Test
    void list_corruptRecord_isALoadErrorNamingTheFile() throws Exception {
        forge.open(draft(SYNC));
        ObjectId tip = remote.ref(LocalForge.REF);
        ObjectId corrupt = dev.bluerealm.internal.git.Commits.onTop(remote.repository(), tip, "edit by hand",
                Map.of("pulls/1.json", "{\"number\": 1, \"colour\": \"red\"}\n".getBytes(StandardCharsets.UTF_8)),
                BareRemote.EXPORTER);
        remote.set(LocalForge.REF, corrupt);
        RealmLoadException e = assertThrows(RealmLoadException.class, () -> forge.list(null));
        assertEquals("refs/blue/pulls:pulls/1.json", e.errors().get(0).file());
        assertTrue(e.getMessage().contains("unknown key 'colour'"), e.getMessage());
    }
}
