package dev.bluerealm.internal.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.Realm;
import dev.bluerealm.admin.JoinRequest;
import dev.bluerealm.contract.CheckMode;
import dev.bluerealm.contract.CheckRequest;
import dev.bluerealm.progress.ProgressTask;
import dev.bluerealm.testing.RecordingProgress;
import dev.bluerealm.testing.RfcWorkspace;
import dev.bluerealm.testing.TestRealm;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a {@code RealmOptions.progress} listener hears through the API: the clone, fetch and push of realm work, and checks. */
class RealmProgressTest {
    @TempDir Path tmp;
    final RecordingProgress progress = new RecordingProgress();

    @Test
    void openJoinCheck_reportCloneFetchPushAndCheckTasks() throws Exception {
        RfcWorkspace w = RfcWorkspace.create(tmp, RfcWorkspace.ERIC);
        // another machine: its BLUE_HOME has no clone yet, so opening by URL clones
        TestRealm other = new TestRealm(tmp.resolve("other"));
        Path repo = other.repo("ml-infra", RfcWorkspace.ERIC);
        try (Realm realm = Realm.open(other.options(repo).url(w.remote().toUri().toString()).progress(progress).build())) {
            assertTrue(progress.completed(progress.roots("Cloning realm letemcook").get(0)), progress.events().toString());
            progress.clear();
            realm.join(new JoinRequest(repo, null));
            ProgressTask push = progress.roots("Pushing main to letemcook").get(0);
            assertTrue(progress.completed(push), progress.events().toString());
            progress.assertWellFormed();
        }

        progress.clear();
        try (Realm realm = Realm.open(w.machine().options(w.aperture()).progress(progress).build())) {
            assertTrue(progress.completed(progress.roots("Fetching realm letemcook").get(0)));
            progress.clear();
            realm.checker().check(new CheckRequest(CheckMode.CONTRACT, null, null, null, null, false, false));
            ProgressTask contracts = progress.roots("Checking contracts").get(0);
            assertEquals(1, contracts.total(), "the realm has one contract");
            assertEquals(List.of(1L), progress.advances(contracts));
            assertTrue(progress.completed(contracts));

            progress.clear();
            realm.checker().check(new CheckRequest(CheckMode.EXPORTER, null, null, null, null, false, false));
            ProgressTask exports = progress.roots("Checking exports").get(0);
            assertEquals(1, exports.total(), "aperture exports one contract");
            ProgressTask files = progress.roots("Extracting s3-permissions from source files").get(0);
            assertEquals(1, files.total(), "from one source file");
            assertEquals(List.of(1L), progress.advances(files));
            assertTrue(progress.indexOf(e -> e.task() == files) > progress.indexOf(e -> e.task() == exports),
                    "the extraction runs within the export check");
            progress.assertWellFormed();
        }
    }

    @Test
    void openOffline_withoutAListener_reportsNothingAnywhere() throws Exception {
        RfcWorkspace w = RfcWorkspace.create(tmp, RfcWorkspace.ERIC);
        try (Realm realm = Realm.open(w.machine().options(w.aperture()).offline(true).progress(progress).build())) {
            assertFalse(progress.events().stream().anyMatch(e -> e.task().label().startsWith("Fetching")),
                    "offline: no fetch to report");
        }
    }
}
