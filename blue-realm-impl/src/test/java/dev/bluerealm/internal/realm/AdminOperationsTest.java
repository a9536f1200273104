package dev.bluerealm.internal.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.CycleException;
import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.RealmNotFoundException;
import dev.bluerealm.RefusedException;
import dev.bluerealm.admin.DomainRequest;
import dev.bluerealm.admin.InitRequest;
import dev.bluerealm.admin.JoinRequest;
import dev.bluerealm.admin.JoinResult;
import dev.bluerealm.admin.LeaveRequest;
import dev.bluerealm.admin.LeaveResult;
import dev.bluerealm.contract.Finding;
import dev.bluerealm.model.Admission;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.model.Role;
import dev.bluerealm.testing.TestRealm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminOperationsTest {
    @TempDir Path tmp;
    TestRealm t;
    Path aperture;
    Path fungal;

    @BeforeEach
    void setUp() throws RealmException {
        t = new TestRealm(tmp);
        aperture = t.repo("aperture", TestRealm.ERIC);
        fungal = t.repo("fungal-image-analysis", TestRealm.ERIC);
    }

    private Realm initialSetup() throws RealmException {
        t.init("letemcook", aperture).close();
        try (Realm r = Realm.open(t.options(aperture).realm("letemcook").build())) {
            r.join(new JoinRequest(aperture, null));
        }
        Realm r = Realm.open(t.options(aperture).build());
        r.createDomain(DomainRequest.ofRepos("s3-access", List.of("aperture", "fungal-image-analysis"), "s3-permissions"));
        return r;
    }

    @Test
    void init_embeddedDefault_createsBareRemoteCloneAndRfcDefaults() throws Exception {
        try (Realm r = t.init("letemcook", aperture)) {
            assertTrue(Files.isDirectory(t.remote("letemcook").resolve("refs")));
            assertEquals(t.blueHome().resolve("realms/letemcook"), r.checkout());
            assertTrue(Files.isRegularFile(r.checkout().resolve("realm.yaml")), "managed clone has a work tree");
            assertEquals(Admission.APPROVAL, r.model().config().governance().admission());
            assertEquals(List.of(TestRealm.ERIC), r.model().config().governance().approvers());
            assertEquals(14, r.model().config().governance().breakingChanges().gracePeriodDays());
            assertEquals(TestRealm.NOW, r.model().config().createdAt());
            assertTrue(r.initResult().orElseThrow().createdRemote());
        }
        String yaml = t.remoteFile(t.remote("letemcook"), "realm.yaml");
        assertTrue(yaml.startsWith("name: letemcook\n"), yaml);
    }

    @Test
    void init_twice_isRefusedAndLeavesTheFirstIntact() throws Exception {
        t.init("letemcook", aperture).close();
        ObjectId before = TestRealm.head(t.remote("letemcook"));
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> t.init("letemcook", aperture));
        assertEquals(ErrorCode.ALREADY_EXISTS, e.code());
        assertEquals(before, TestRealm.head(t.remote("letemcook")));
    }

    @Test
    void init_nonEmptyUrl_isRefusedAndLeavesNothingBehind() throws Exception {
        t.init("letemcook", aperture).close();
        String url = t.remote("letemcook").toUri().toString();
        RealmException e = assertThrows(RealmException.class,
                () -> Realm.init(new InitRequest("other", url), t.options(aperture).build()));
        assertEquals(ErrorCode.ALREADY_EXISTS, e.code());
        assertFalse(Files.exists(t.blueHome().resolve("realms/other")), "no half-made clone");
    }

    @Test
    void join_approver_writesRepoFileAndLocalConfig() throws Exception {
        t.init("letemcook", aperture).close();
        try (Realm r = Realm.open(t.options(aperture).realm("letemcook").build())) {
            JoinResult j = r.join(new JoinRequest(aperture, null));
            assertEquals("aperture", j.repo());
            assertFalse(j.alreadyMember());
            assertEquals(aperture.toString(), r.model().repo("aperture").orElseThrow().path());
            assertEquals(List.of(TestRealm.ERIC), r.model().repo("aperture").orElseThrow().maintainers());
        }
        String config = Files.readString(aperture.resolve(".blue/config.yaml"));
        assertTrue(config.contains("name: letemcook") && config.contains("repo: aperture"), config);
        assertTrue(Files.readString(aperture.resolve(".blue/.gitignore")).contains("cache.db"), "the cache stays out of git");
        assertTrue(t.remoteFile(t.remote("letemcook"), "repos/aperture.yaml").contains("name: aperture"));
    }

    @Test
    void repoConfig_readsTheJoinedRepoFromASubfolder_withoutOpeningTheRealm() throws Exception {
        initialSetup().close();
        Path sub = Files.createDirectories(aperture.resolve("models/training"));
        var found = Realm.repoConfig(t.options(sub).build()).orElseThrow();
        assertEquals("aperture", found.repo());
        assertEquals("letemcook", found.realm().name());
        assertTrue(Realm.repoConfig(t.options(fungal).build()).isEmpty(), "fungal has not joined");
        Files.writeString(aperture.resolve(".blue/config.yaml"), "realm: [\n");
        dev.bluerealm.RealmLoadException e = assertThrows(dev.bluerealm.RealmLoadException.class,
                () -> Realm.repoConfig(t.options(sub).build()));
        assertTrue(e.errors().get(0).file().endsWith("config.yaml"), e.errors().toString());
    }

    @Test
    void join_twice_isIdempotent() throws Exception {
        t.init("letemcook", aperture).close();
        try (Realm r = Realm.open(t.options(aperture).realm("letemcook").build())) {
            r.join(new JoinRequest(aperture, null));
            ObjectId head = TestRealm.head(t.remote("letemcook"));
            JoinResult again = r.join(new JoinRequest(aperture, null));
            assertTrue(again.alreadyMember());
            assertFalse(again.write().pushed());
            assertEquals(head, TestRealm.head(t.remote("letemcook")));
        }
    }

    @Test
    void join_nonApproverUnderApproval_opensAJoinPullRequestAndChangesNothingElse() throws Exception {
        t.init("letemcook", aperture).close();
        Path other = t.repo("ml-infra", "mallory@example.com");
        ObjectId head = TestRealm.head(t.remote("letemcook"));
        try (Realm r = Realm.open(t.options(other).realm("letemcook").build())) {
            dev.bluerealm.admin.JoinResult result = r.join(new JoinRequest(other, null));
            assertEquals(1, result.pullRequest());
            assertEquals(null, result.config());
            dev.bluerealm.sync.PullRequest pr = r.pullRequests(null).get(0);
            assertTrue(pr.head().startsWith("join/ml-infra/"), pr.head());
            assertEquals("join: ml-infra", pr.title());
            // asking again returns the open request
            assertEquals(1, r.join(new JoinRequest(other, null)).pullRequest());
            RefusedException e = assertThrows(RefusedException.class, () -> r.approve(1));
            assertEquals(ErrorCode.NOT_APPROVER, e.code());
            assertTrue(e.getMessage().contains(TestRealm.ERIC), e.getMessage());
        }
        assertEquals(head, TestRealm.head(t.remote("letemcook")), "main changed before an approver approved");
        assertFalse(Files.exists(other.resolve(".blue/config.yaml")));
        try (Realm r = Realm.open(t.options(aperture).realm("letemcook").build())) {
            assertEquals(dev.bluerealm.sync.PullRequest.State.MERGED, r.approve(1).state());
            assertTrue(r.model().repos().containsKey("ml-infra"));
        }
    }

    @Test
    void join_nameTakenByAnotherRepo_isRefusedSuggestingAs() throws Exception {
        t.init("letemcook", aperture).close();
        Path twin = tmp.resolve("elsewhere");
        dev.bluerealm.Realm.createRepository(twin.resolve("aperture"), java.util.Map.of("a", "b"), TestRealm.ERIC);
        try (Realm r = Realm.open(t.options(aperture).realm("letemcook").build())) {
            r.join(new JoinRequest(aperture, null));
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> r.join(new JoinRequest(twin.resolve("aperture"), null)));
            assertEquals(ErrorCode.ALREADY_EXISTS, e.code());
            assertTrue(e.getMessage().contains("--as"), e.getMessage());
            assertEquals("aperture-2", r.join(new JoinRequest(twin.resolve("aperture"), "aperture-2")).repo());
        }
    }

    @Test
    void join_folderNameNotAValidName_suggestsAs() throws Exception {
        t.init("letemcook", aperture).close();
        Path odd = tmp.resolve("Odd Name");
        dev.bluerealm.Realm.createRepository(odd, java.util.Map.of("a", "b"), TestRealm.ERIC);
        try (Realm r = Realm.open(t.options(odd).realm("letemcook").build())) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> r.join(new JoinRequest(odd, null)));
            assertEquals(ErrorCode.INVALID_NAME, e.code());
            assertTrue(e.getMessage().contains("--as"), e.getMessage());
        }
    }

    @Test
    void join_notAGitRepo_saysSo() throws Exception {
        t.init("letemcook", aperture).close();
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        try (Realm r = Realm.open(t.options(plain).realm("letemcook").build())) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> r.join(new JoinRequest(plain, null)));
            assertEquals(ErrorCode.NOT_A_REPOSITORY, e.code());
        }
    }

    @Test
    void open_unknownRealmName_isRealmNotFound() {
        RealmNotFoundException e = assertThrows(RealmNotFoundException.class,
                () -> Realm.open(t.options(aperture).realm("nope").build()));
        assertEquals(ErrorCode.REALM_NOT_FOUND, e.code());
    }

    @Test
    void open_outsideAnyRealm_isNotInRealm() {
        RealmNotFoundException e = assertThrows(RealmNotFoundException.class, () -> Realm.open(t.options(aperture).build()));
        assertEquals(ErrorCode.NOT_IN_REALM, e.code());
        assertTrue(e.getMessage().contains("join"), e.getMessage());
    }

    @Test
    void createDomain_rfcInitialSetup_writesDomainContractAndBindings() throws Exception {
        try (Realm r = initialSetup()) {
            var d = r.model().domain("s3-access").orElseThrow();
            assertEquals(List.of("aperture", "fungal-image-analysis"), d.domain().members());
            Contract c = d.contract("s3-permissions").orElseThrow();
            assertEquals("aperture", c.owner());
            assertEquals("1.0.0", c.version().toString());
            assertEquals(Role.PROVIDER, d.binding("aperture").orElseThrow().role());
            assertEquals("s3-permissions", d.binding("aperture").orElseThrow().exports().get(0).contract());
            ImportBinding imp = d.binding("fungal-image-analysis").orElseThrow().imports().get(0);
            assertEquals(">=1.0.0, <2.0.0", imp.range());
            assertEquals("1.0.0", imp.resolvedVersion());
            List<Finding> pending = r.findings().stream().filter(f -> f.code().equals("PENDING_MEMBER")).toList();
            assertEquals(1, pending.size(), "fungal has not joined yet: an info finding, not an error");
            assertEquals("fungal-image-analysis", pending.get(0).repo());
        }
        try (Realm r = Realm.open(t.options(fungal).realm("letemcook").build())) {
            JoinResult j = r.join(new JoinRequest(fungal, null));
            assertEquals(1, j.detected().size());
            assertEquals(List.of("s3-permissions"), j.detected().get(0).imports());
            assertTrue(r.findings().isEmpty(), r.findings().toString());
        }
    }

    @Test
    void createDomain_cycle_isRefusedWithTheRfcMessageAndNothingPushed() throws Exception {
        try (Realm r = initialSetup()) {
            ObjectId head = TestRealm.head(t.remote("letemcook"));
            CycleException e = assertThrows(CycleException.class, () -> r.createDomain(
                    DomainRequest.ofRepos("feedback-loop", List.of("fungal-image-analysis", "aperture"), null)));
            assertEquals("aperture → (s3-access) → fungal-image-analysis → (feedback-loop) → aperture",
                    e.cycle().toString());
            assertEquals("""
                    Adding this domain creates a cycle:
                      aperture → (s3-access) → fungal-image-analysis → (feedback-loop) → aperture

                    Consider:
                      - Merging domains into a single coordination context
                      - Restructuring the dependency direction
                      - Using a hub-and-spoke pattern""", e.getMessage());
            assertEquals(head, TestRealm.head(t.remote("letemcook")));
            assertFalse(r.model().domains().containsKey("feedback-loop"));
        }
    }

    @Test
    void createDomain_existing_isRefused() throws Exception {
        try (Realm r = initialSetup()) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> r.createDomain(
                    DomainRequest.ofRepos("s3-access", List.of("aperture", "fungal-image-analysis"), null)));
            assertEquals(ErrorCode.ALREADY_EXISTS, e.code());
        }
    }

    @Test
    void createDomain_racingCycleFromAnotherMachine_isRefusedOnTheNewTip() throws Exception {
        try (Realm r = initialSetup()) {
            // a second machine (its own BLUE_HOME) opens the realm before the first creates a domain
            TestRealm other = new TestRealm(tmp.resolve("machine2"));
            String url = t.remote("letemcook").toUri().toString();
            try (Realm r2 = Realm.open(other.options(aperture).url(url).build())) {
                r.createDomain(DomainRequest.ofRepos("training-pipeline", List.of("fungal-image-analysis", "ml-infra"),
                        null));
                // r2 still sees the old tip; its change only makes a cycle together with what r pushed
                CycleException e = assertThrows(CycleException.class, () -> r2.createDomain(
                        DomainRequest.ofRepos("feedback", List.of("ml-infra", "aperture"), null)));
                assertTrue(e.cycle().toString().contains("(training-pipeline)"), e.cycle().toString());
            }
        }
    }

    @Test
    void leave_ownerOfImportedContract_isRefusedUnlessForced() throws Exception {
        try (Realm r = initialSetup()) {
            RefusedException e = assertThrows(RefusedException.class, () -> r.leave(new LeaveRequest(null, false)));
            assertEquals(ErrorCode.LEAVE_REFUSED, e.code());
            assertTrue(e.getMessage().contains("s3-access/s3-permissions (imported by fungal-image-analysis)"),
                    e.getMessage());
            assertTrue(Files.exists(aperture.resolve(".blue/config.yaml")));
            LeaveResult left = r.leave(new LeaveRequest(null, true));
            assertEquals(List.of("s3-access/s3-permissions"), left.orphaned());
            assertTrue(left.removedLocalConfig());
            assertFalse(Files.exists(aperture.resolve(".blue/config.yaml")));
            assertTrue(r.model().repo("aperture").isEmpty());
            assertEquals(List.of("fungal-image-analysis"), r.model().domain("s3-access").orElseThrow().domain().members());
            assertTrue(r.model().domain("s3-access").orElseThrow().binding("aperture").isEmpty());
            assertTrue(r.findings().stream().anyMatch(f -> f.code().equals("OWNER_NOT_MEMBER")));
        }
    }

    @Test
    void leave_consumer_removesItsBindingsAndMembership() throws Exception {
        initialSetup().close();
        try (Realm r = Realm.open(t.options(fungal).realm("letemcook").build())) {
            r.join(new JoinRequest(fungal, null));
        }
        try (Realm r = Realm.open(t.options(fungal).build())) {
            LeaveResult left = r.leave(new LeaveRequest(null, false));
            assertTrue(left.orphaned().isEmpty());
            assertNull(t.remoteFile(t.remote("letemcook"), "repos/fungal-image-analysis.yaml"));
            assertNull(t.remoteFile(t.remote("letemcook"), "domains/s3-access/bindings/fungal-image-analysis.yaml"));
        }
    }

    @Test
    void status_fromProviderAndConsumer_showsRolesContractsAndOtherRepos() throws Exception {
        try (Realm r = initialSetup()) {
            var s = r.status();
            assertEquals("aperture", s.repo());
            assertEquals("provider", s.domains().get(0).role());
            assertEquals("1.0.0", s.domains().get(0).contracts().get(0).version());
            assertEquals("fungal-image-analysis", s.repos().get(0).name());
            assertFalse(s.repos().get(0).joined());
        }
        try (Realm r = Realm.open(t.options(fungal).realm("letemcook").build())) {
            r.join(new JoinRequest(fungal, null));
        }
        try (Realm r = Realm.open(t.options(fungal).build())) {
            var c = r.status().domains().get(0).contracts().get(0);
            assertEquals(">=1.0.0, <2.0.0", c.importRange());
            assertEquals("consumer", r.status().domains().get(0).role());
        }
    }

    @Test
    void open_urlOfAnotherRealmThanNamed_isRefusedAndLeavesNoClone() throws Exception {
        t.init("letemcook", aperture).close();
        TestRealm other = new TestRealm(tmp.resolve("machine2"));
        String url = t.remote("letemcook").toUri().toString();
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> Realm.open(other.options(fungal).realm("wrong").url(url).build()));
        assertTrue(e.getMessage().contains("named 'letemcook', not 'wrong'"), e.getMessage());
        assertFalse(Files.exists(other.blueHome().resolve("realms/wrong")));
        try (Realm r = Realm.open(other.options(fungal).url(url).build())) {
            assertEquals("letemcook", r.name(), "a URL alone finds the realm's name in its realm.yaml");
            assertEquals(other.blueHome().resolve("realms/letemcook"), r.checkout());
        }
    }

    @Test
    void open_urlOfAnEmptyRepository_saysItIsNotARealm() throws Exception {
        Path empty = tmp.resolve("empty.git");
        org.eclipse.jgit.api.Git.init().setBare(true).setDirectory(empty.toFile()).call().close();
        dev.bluerealm.RealmLoadException e = assertThrows(dev.bluerealm.RealmLoadException.class,
                () -> Realm.open(t.options(aperture).url(empty.toUri().toString()).build()));
        assertTrue(e.getMessage().contains("realm.yaml: missing"), e.getMessage());
        assertEquals(List.of(), listRealms());
    }

    private List<String> listRealms() throws Exception {
        Path realms = t.blueHome().resolve("realms");
        if (!Files.exists(realms)) {
            return List.of();
        }
        try (var s = Files.list(realms)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
