package dev.bluerealm.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bluerealm.Realm;
import dev.bluerealm.sync.PendingChange;
import dev.bluerealm.sync.SyncRequest;
import dev.bluerealm.testing.RfcWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Realm.pendingChanges()}: what open pull requests propose, seen from the realm (no repo, no identity needed). */
class PendingChangesListTest {
    @TempDir Path tmp;

    @Test
    void pendingChanges_openedBySync_listedFromTheRealmByName_withTheirLines() throws Exception {
        RfcWorkspace w = RfcWorkspace.create(tmp, "fiona@example.com");
        try (Realm r = Realm.open(w.machine().options(tmp).realm("letemcook").build())) {
            assertEquals(List.of(), r.pendingChanges());
        }
        Files.writeString(w.aperture().resolve("models/training/s3_paths.py"),
                "EXPERIMENTS = \"training-metrics/experiments/*\"  # blue:export s3-permissions.read\n",
                StandardOpenOption.APPEND);
        try (Realm r = Realm.open(w.machine().options(w.aperture()).build())) {
            r.sync(r.syncPlanner(SyncRequest.defaults()).plan(), SyncRequest.defaults());
        }
        // a folder outside any git repo: no acting identity there, reading needs none
        Path nowhere = Files.createDirectories(tmp.resolve("nowhere"));
        try (Realm r = Realm.open(w.machine().options(nowhere).realm("letemcook").build())) {
            assertEquals(List.of(new PendingChange(1, "aperture: s3-permissions 1.5.0", "aperture", "s3-access",
                    "s3-permissions", "1.4.0", "1.5.0", false, List.of("+ training-metrics/experiments/*"))),
                    r.pendingChanges());
        }
    }
}
