package dev.bluerealm.internal.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmOptions;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Admission;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.BreakingChanges;
import dev.bluerealm.model.Compatibility;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.Domain;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.EvolutionEntry;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.Extract;
import dev.bluerealm.model.Governance;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.model.ImportStatus;
import dev.bluerealm.model.RealmConfig;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.model.RepoEntry;
import dev.bluerealm.model.Role;
import dev.bluerealm.model.Trust;
import dev.bluerealm.model.TrustMode;
import dev.bluerealm.model.Validation;
import dev.bluerealm.testing.TestRealm;
import dev.bluerealm.version.Version;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model snapshot: it gives back exactly the model that was loaded, it is used only for the very
 * same files (and the very same engine build), damage of any kind means a normal load, and an
 * opened realm really uses it.
 */
class ModelSnapshotsTest {
    private static final String BUILD = "0.1.0-test+1";

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ the codec

    @Test
    void codec_rfcRealm_roundTripsToAnEqualModel() throws Exception {
        RealmModel rfc = new RealmLoader().load(new DirectorySource(resource("/rfc")));
        assertEquals(rfc, roundTrip(rfc));
    }

    @Test
    void codec_everyKindOfRecordAndNull_roundTrips() throws Exception {
        RealmModel m = richModel(JsonValue.NULL);
        assertEquals(m, roundTrip(m));
    }

    @Test
    void codec_randomJsonValues_roundTripExactly() {
        qt().withFixedSeed(0x5AA9_5407L).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            JsonValue value = json(new Random(seed), 4);
            RealmModel m = richModel(value);
            try {
                RealmModel back = roundTrip(m);
                assertEquals(m, back);
                // member order is part of a value (it is how the file wrote it)
                assertEquals(value.toJson(), contract(back).value().toJson());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    // ------------------------------------------------------------------ the store

    @Test
    void read_sameKeyAndBuild_givesTheModelAndBlobIds() {
        ModelSnapshots s = new ModelSnapshots(tmp.resolve("blue/model.snapshot"), BUILD);
        RealmModel m = richModel(JsonValue.string("v"));
        Map<String, ObjectId> blobs = Map.of("domains/d/contracts/c.yaml",
                ObjectId.fromString("0123456789abcdef0123456789abcdef01234567"));
        s.write("tree:abc", new ModelSnapshots.Snapshot(m, blobs));
        Optional<ModelSnapshots.Snapshot> back = s.read("tree:abc", null);
        assertTrue(back.isPresent());
        assertEquals(m, back.get().model());
        assertEquals(blobs, back.get().contractBlobs());
    }

    @Test
    void read_otherKeyOrOtherBuildOrNoBuild_isEmpty() {
        Path file = tmp.resolve("blue/model.snapshot");
        new ModelSnapshots(file, BUILD).write("tree:abc", new ModelSnapshots.Snapshot(richModel(JsonValue.NULL), Map.of()));
        assertFalse(new ModelSnapshots(file, BUILD).read("tree:abd", null).isPresent());
        assertFalse(new ModelSnapshots(file, "0.1.0-test+2").read("tree:abc", null).isPresent());
        ModelSnapshots unbuilt = new ModelSnapshots(file, null);
        assertFalse(unbuilt.read("tree:abc", null).isPresent());
    }

    @Test
    void read_anyByteDamagedOrFileTruncated_isEmptyNeverAnError() throws Exception {
        Path file = tmp.resolve("blue/model.snapshot");
        ModelSnapshots s = new ModelSnapshots(file, BUILD);
        s.write("k", new ModelSnapshots.Snapshot(richModel(JsonValue.string("x")), Map.of()));
        byte[] good = Files.readAllBytes(file);
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] bad = good.clone();
            int at = r.nextInt(bad.length);
            bad[at] ^= (byte) (1 + r.nextInt(255));
            Files.write(file, bad);
            Optional<ModelSnapshots.Snapshot> read = s.read("k", null);
            // a flipped byte in the header can only turn a match into a miss; in the body the CRC catches it
            assertFalse(read.isPresent(), "damage at byte " + at + " went unnoticed");
        }
        for (int len : new int[] {0, 3, 20, good.length / 2, good.length - 1}) {
            Files.write(file, java.util.Arrays.copyOf(good, len));
            assertFalse(s.read("k", null).isPresent(), "truncated to " + len);
        }
    }

    @Test
    void read_filesChangedJustBeforeTheSnapshot_areNotTrusted() throws Exception {
        Path file = tmp.resolve("blue/model.snapshot");
        ModelSnapshots s = new ModelSnapshots(file, BUILD);
        s.write("dir:k", new ModelSnapshots.Snapshot(richModel(JsonValue.NULL), Map.of()));
        FileTime written = Files.getLastModifiedTime(file);
        // a file edited within the racy window of the snapshot: its same-size edit might be invisible
        assertFalse(s.read("dir:k", FileTime.fromMillis(written.toMillis() - 500)).isPresent());
        assertFalse(s.read("dir:k", FileTime.fromMillis(written.toMillis() + 5_000)).isPresent());
        assertTrue(s.read("dir:k", FileTime.fromMillis(written.toMillis() - ModelSnapshots.RACY.toMillis() - 1_000))
                .isPresent());
    }

    // ------------------------------------------------------------------ through Realm.open

    @Test
    void open_managedClone_usesTheSnapshotOfItsTree() throws Exception {
        TestRealm t = new TestRealm(tmp);
        Path aperture = t.repo("aperture", TestRealm.ERIC);
        RealmOptions options;
        Path snapshot;
        try (Realm r = t.init("letemcook", aperture)) {
            options = t.options(aperture).realm("letemcook").offline(true).build();
            snapshot = r.checkout().resolve(".git").resolve(ModelSnapshots.FILE);
        }
        RealmModel loaded;
        try (Realm r = Realm.open(options)) {
            loaded = r.model();
        }
        assertTrue(Files.isRegularFile(snapshot), "no snapshot at " + snapshot);
        // plant a different model under the same key: an open that reads the snapshot returns it
        RealmModel planted = withDescription(loaded, "planted");
        ModelSnapshots store = new ModelSnapshots(snapshot.getParent().getParent());
        String treeKey = treeKey(options);
        store.write(treeKey, new ModelSnapshots.Snapshot(planted, Map.of()));
        try (Realm r = Realm.open(options)) {
            assertEquals(planted, r.model());
        }
    }

    @Test
    void open_realmCheckoutEditedWithTheSameSize_seesTheEdit() throws Exception {
        TestRealm t = new TestRealm(tmp);
        Path aperture = t.repo("aperture", TestRealm.ERIC);
        t.init("letemcook", aperture).close();
        Path checkout = t.realmCheckout("letemcook");
        RealmOptions options = t.options(checkout).build();
        try (Realm r = Realm.open(options)) {
            assertTrue(r.model().config().governance().approvers().contains(TestRealm.ERIC));
        }
        Path realmYaml = checkout.resolve("realm.yaml");
        String before = Files.readString(realmYaml);
        String after = before.replace("eric@example.com", "erin@example.com");
        assertEquals(before.length(), after.length());
        FileTime old = Files.getLastModifiedTime(realmYaml);
        Files.writeString(realmYaml, after);
        Files.setLastModifiedTime(realmYaml, old); // the worst case: same size, same mtime (a new inode, though)
        try (Realm r = Realm.open(options)) {
            assertTrue(r.model().config().governance().approvers().contains("erin@example.com"),
                    "a stale snapshot was used");
        }
    }

    @Test
    void cacheClear_removesTheSnapshot() throws Exception {
        TestRealm t = new TestRealm(tmp);
        Path aperture = t.repo("aperture", TestRealm.ERIC);
        Path snapshot;
        try (Realm r = t.init("letemcook", aperture)) {
            snapshot = r.checkout().resolve(".git").resolve(ModelSnapshots.FILE);
            r.join(new dev.bluerealm.admin.JoinRequest(aperture, null));
        }
        try (Realm r = Realm.open(t.options(aperture).offline(true).build())) {
            assertTrue(Files.exists(snapshot));
            r.cache().clear();
            assertFalse(Files.exists(snapshot));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String treeKey(RealmOptions options) throws Exception {
        try (Realm r = Realm.open(options);
             org.eclipse.jgit.lib.Repository repo = org.eclipse.jgit.storage.file.FileRepositoryBuilder.create(
                     r.checkout().resolve(".git").toFile());
             dev.bluerealm.internal.git.TreeSource source = new dev.bluerealm.internal.git.TreeSource(repo,
                     ObjectId.fromString(r.commit()))) {
            return source.contentKey();
        }
    }

    private static RealmModel withDescription(RealmModel m, String description) {
        Map<String, DomainModel> domains = new TreeMap<>(m.domains());
        Domain d = new Domain("planted", description, Instant.EPOCH, List.of());
        domains.put("planted", new DomainModel(d, null, Map.of(), Map.of()));
        return new RealmModel(m.config(), m.repos(), domains);
    }

    private static RealmModel roundTrip(RealmModel m) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotCodec.write(new DataOutputStream(bytes), m);
        return SnapshotCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    private static Contract contract(RealmModel m) {
        return m.domains().get("s3-access").contracts().get("s3-permissions");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ModelSnapshotsTest.class.getResource(name).toURI());
    }

    /** A model with every record, every enum and every nullable field both set and unset. */
    private static RealmModel richModel(JsonValue value) {
        Map<String, List<String>> permissions = new LinkedHashMap<>();
        permissions.put("repos/{repo}.yaml", List.of("repo_maintainers"));
        permissions.put("domains/{domain}/domain.yaml", List.of("domain_owners", "approvers"));
        RealmConfig config = new RealmConfig("letemcook", "1.0.0", Instant.parse("2026-01-24T10:00:00.123456789Z"),
                new Governance(Admission.INVITE_ONLY, List.of("eric@example.com"), new BreakingChanges(false, 0),
                        List.of("ml-infra")), new Trust(TrustMode.FEDERATION, true, permissions));
        Map<String, RepoEntry> repos = new TreeMap<>();
        repos.put("aperture", new RepoEntry("aperture", "cultivarium", "/src/aperture", null,
                List.of("eric@example.com"), Instant.parse("2026-01-24T10:00:00Z")));
        repos.put("fungal", new RepoEntry("fungal", null, null, "https://example.com/f.git", List.of(), Instant.EPOCH));
        JsonValue schema = JsonValue.object(Map.of("type", JsonValue.string("object")));
        Contract c = new Contract("s3-permissions", Version.parse("1.5.0-rc.1+build.7"), "aperture",
                new Compatibility(true, false), schema, value,
                new Validation("scripts/export.sh", null, List.of("scripts/slow.sh")),
                List.of(new EvolutionEntry(Version.parse("1.0.0"), List.of("Initial"), true),
                        new EvolutionEntry(Version.parse("1.5.0-rc.1+build.7"), List.of("Ünïcode ✓", ""), false)));
        Contract bare = new Contract("bare", Version.parse("0.0.1"), "aperture", new Compatibility(false, true),
                JsonValue.bool(true), JsonValue.NULL, null, List.of());
        Map<String, Binding> bindings = new TreeMap<>();
        bindings.put("aperture", new Binding("aperture", Role.PROVIDER, List.of(
                new ExportBinding("s3-permissions", List.of("src/a.py", "src/b.py"), Extract.MARKERS),
                new ExportBinding("bare", List.of(), new Extract.File("out/bare.json")),
                new ExportBinding("other", List.of("x"), new Extract.Command("make export"))), List.of()));
        bindings.put("fungal", new Binding("fungal", Role.BOTH, List.of(), List.of(
                new ImportBinding("s3-permissions", ">=1.0.0, <2.0.0", "src/binding.py", ImportStatus.PENDING, "1.4.0",
                        Instant.parse("2026-01-24T12:00:00Z")),
                new ImportBinding("bare", "npm:^0.0.1", null, null, null, null))));
        Map<String, Contract> contracts = new TreeMap<>(Map.of(c.name(), c, bare.name(), bare));
        Map<String, DomainModel> domains = new TreeMap<>();
        domains.put("s3-access", new DomainModel(new Domain("s3-access", "S3 bucket access",
                Instant.parse("2026-01-24T10:00:00Z"), List.of("aperture", "fungal")),
                new Governance(Admission.OPEN, List.of("a@example.com", "b@example.com"), BreakingChanges.DEFAULT,
                        List.of()), contracts, bindings));
        domains.put("empty", new DomainModel(new Domain("empty", null, Instant.EPOCH, List.of()), null, Map.of(),
                Map.of()));
        return new RealmModel(config, repos, domains);
    }

    private static JsonValue json(Random r, int depth) {
        switch (r.nextInt(depth > 0 ? 9 : 7)) {
            case 0:
                return JsonValue.NULL;
            case 1:
                return JsonValue.bool(r.nextBoolean());
            case 2:
                return new JsonValue.JsonNumber(new BigDecimal(r.nextLong()).scaleByPowerOfTen(r.nextInt(801) - 400));
            case 3:
                return new JsonValue.JsonNumber(BigDecimal.valueOf(r.nextDouble() * 1e6 - 5e5));
            case 4:
            case 5:
                return JsonValue.string(string(r));
            case 6:
                return JsonValue.string(r.nextBoolean() ? "s3-permissions" : "type"); // repeated: the string table
            case 7: {
                List<JsonValue> items = new ArrayList<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    items.add(json(r, depth - 1));
                }
                return new JsonValue.JsonArray(items);
            }
            default: {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    members.put(string(r), json(r, depth - 1));
                }
                return new JsonValue.JsonObject(members);
            }
        }
    }

    private static String string(Random r) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(8); i > 0; i--) {
            switch (r.nextInt(4)) {
                case 0:
                    s.append((char) ('a' + r.nextInt(26)));
                    break;
                case 1:
                    s.appendCodePoint(0x1F600 + r.nextInt(50)); // outside the BMP
                    break;
                case 2:
                    s.append((char) r.nextInt(0x20)); // control characters, NUL included
                    break;
                default:
                    s.append((char) (0xA0 + r.nextInt(0x700)));
            }
        }
        return s.toString();
    }
}
