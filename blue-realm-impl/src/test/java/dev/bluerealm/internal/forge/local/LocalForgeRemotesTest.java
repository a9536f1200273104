package dev.bluerealm.internal.forge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bluerealm.internal.git.RealmStore;
import dev.bluerealm.internal.git.Transports;
import dev.bluerealm.sync.PullRequest;
import dev.bluerealm.sync.PullRequest.Acknowledgement;
import dev.bluerealm.testing.GitDaemon;
import dev.bluerealm.testing.GitHttpServer;
import dev.bluerealm.testing.SshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pull request workflow, with branch names holding {@code /}, against every kind of
 * remote the realm core supports: a local bare path, {@code file://}, smart HTTP (JGit in Jetty),
 * {@code git://} ({@code git daemon}) and ssh (OpenSSH's sshd). The last two run real git on the
 * server side, which reports a lost race differently from JGit.
 */
class LocalForgeRemotesTest {
    static final String SYNC = "sync/aperture/20260124-103000";

    @TempDir Path tmp;

    @Test
    void workflow_localBarePath() throws Exception {
        try (BareRemote remote = BareRemote.create(tmp.resolve("served/letemcook.git"))) {
            workflow(remote.dir().toString(), remote, Transports::defaults);
        }
    }

    @Test
    void workflow_fileUrl() throws Exception {
        try (BareRemote remote = BareRemote.create(tmp.resolve("served/letemcook.git"))) {
            workflow(remote.fileUrl(), remote, Transports::defaults);
        }
    }

    @Test
    void workflow_smartHttp() throws Exception {
        try (BareRemote remote = BareRemote.create(tmp.resolve("served/letemcook.git"));
             GitHttpServer server = GitHttpServer.start(tmp.resolve("served"))) {
            workflow(server.url("letemcook"), remote, Transports::defaults);
        }
    }

    @Test
    void workflow_gitDaemon() throws Exception {
        assumeTrue(GitDaemon.available(), "git daemon not available (install git); .ci/run installs it");
        try (BareRemote remote = BareRemote.create(tmp.resolve("served/letemcook.git"));
             GitDaemon daemon = GitDaemon.start(tmp.resolve("served"))) {
            workflow(daemon.url("letemcook"), remote, Transports::defaults);
        }
    }

    @Test
    void workflow_ssh() throws Exception {
        assumeTrue(SshServer.available(), () -> "ssh test skipped: " + SshServer.unavailableReason());
        Path home = tmp.resolve("home");
        try (BareRemote remote = BareRemote.create(tmp.resolve("served/letemcook.git"));
             SshServer sshd = SshServer.start()) {
            sshd.installClientKeys(home); // keys and known_hosts come from the HOME the transports are given
            workflow(sshd.url(remote.dir()), remote, () -> Transports.forEnvironment(Map.of("HOME", home.toString())));
        }
    }

    /**
     * Machine A opens a pull request for a sync branch, machine B acknowledges it, A merges it by a
     * merge commit (main moved meanwhile) and B sees it merged. Fast-forwards, approvals and the
     * rest are the same over every transport (see {@link LocalForgeTest}); this keeps the slow
     * remotes (an ssh exec costs about a second here) to a dozen round trips.
     */
    private void workflow(String url, BareRemote remote, Supplier<Transports> transports) throws Exception {
        ObjectId sync = remote.commit(SYNC, "main", Map.of(LocalForgeTest.CONTRACT,
                "name: s3-permissions\nversion: 1.5.0\n"), "s3-permissions 1.5.0");
        ObjectId moved = remote.commit("main", null, Map.of("domains/ml/contracts/training-metrics.yaml",
                "name: training-metrics\nversion: 2.0.0\n"), "training-metrics 2.0.0");
        try (RealmStore a = RealmStore.cloneInto(url, tmp.resolve("eric"), transports.get());
             RealmStore b = RealmStore.cloneInto(url, tmp.resolve("ana"), transports.get())) {
            LocalForge eric = LocalForgeTest.forge(a, LocalForgeTest.ERIC);
            LocalForge ana = LocalForgeTest.forge(b, LocalForgeTest.ANA);
            PullRequest opened = eric.open(LocalForgeTest.draft(SYNC));
            assertEquals(List.of(1, SYNC), List.of(opened.number(), opened.head()));
            Acknowledgement ack = new Acknowledgement("fungal-image-analysis", LocalForgeTest.ANA, LocalForgeTest.NOW, "1.5.0");
            assertEquals(List.of(ack), ana.acknowledge(1, ack).acknowledgements());

            PullRequest merged = eric.merge(1);
            RevCommit m = remote.parse(remote.branch("main"));
            assertEquals(m.name(), merged.mergeCommit());
            assertEquals(List.of(moved, sync), List.of(m.getParent(0).getId(), m.getParent(1).getId()));
            assertTrue(remote.file(m, "domains/ml/contracts/training-metrics.yaml").contains("2.0.0"));
            assertTrue(remote.file(m, LocalForgeTest.CONTRACT).contains("1.5.0"));
            assertNull(remote.branch(SYNC), "the branch, slashes and all, is deleted");
            assertEquals(List.of(ack), merged.acknowledgements());

            assertEquals(List.of(merged), ana.list(null));
        }
    }

    /**
     * On git daemon (real git on the server), main moves after the forge fetched it and before its
     * push lands: the server refuses the compare-and-swap ("cannot lock ref"), and the forge merges
     * again on the new tip instead of failing or overwriting.
     */
    @Test
    void merge_baseMovesBeforeThePushLands_gitDaemon_mergesAgainOnTheNewTip() throws Exception {
        assumeTrue(GitDaemon.available(), "git daemon not available (install git); .ci/run installs it");
        try (BareRemote remote = BareRemote.create(tmp.resolve("served/letemcook.git"));
             GitDaemon daemon = GitDaemon.start(tmp.resolve("served"))) {
            ObjectId sync = remote.commit(SYNC, "main", Map.of(LocalForgeTest.CONTRACT,
                    "name: s3-permissions\nversion: 1.5.0\n"), "s3-permissions 1.5.0");
            ObjectId base = remote.branch("main");
            ObjectId sneak = remote.commit("main", null, Map.of("repos/x.yaml", "name: x\n"), "join: x");
            remote.set("refs/heads/main", base);
            Path gitDir = remote.dir();
            Files.writeString(gitDir.resolve("sneak-commit"), sneak.name() + "\n");
            Path hook = gitDir.resolve("hooks/pre-receive");
            Files.createDirectories(hook.getParent());
            // the first push to main finds main moved by someone else (refs may not change in git's quarantine)
            Files.writeString(hook, """
                    #!/bin/sh
                    while read old new ref; do
                      if [ "$ref" = refs/heads/main ] && [ ! -e "$GIT_DIR/sneaked" ]; then
                        touch "$GIT_DIR/sneaked"
                        env -u GIT_QUARANTINE_PATH git update-ref refs/heads/main "$(cat "$GIT_DIR/sneak-commit")" "$old" || exit 1
                      fi
                    done
                    exit 0
                    """);
            Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));

            try (RealmStore store = RealmStore.cloneInto(daemon.url("letemcook"), tmp.resolve("eric"), Transports.defaults())) {
                LocalForge forge = LocalForgeTest.forge(store, LocalForgeTest.ERIC);
                forge.open(LocalForgeTest.draft(SYNC));
                PullRequest merged = forge.merge(1);
                assertTrue(Files.exists(gitDir.resolve("sneaked")), "the hook moved main under the first push");
                RevCommit m = remote.parse(remote.branch("main"));
                assertEquals(m.name(), merged.mergeCommit());
                assertEquals(List.of(sneak, sync), List.of(m.getParent(0).getId(), m.getParent(1).getId()),
                        "merged again on top of the commit that got in first");
                assertEquals("name: x\n", remote.file(m, "repos/x.yaml"));
                assertNull(remote.branch(SYNC));
            }
        }
    }
}
