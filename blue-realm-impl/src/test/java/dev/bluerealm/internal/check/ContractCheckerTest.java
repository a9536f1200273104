package dev.bluerealm.internal.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.admin.DomainRequest;
import dev.bluerealm.admin.JoinRequest;
import dev.bluerealm.cache.RepoCache;
import dev.bluerealm.contract.CheckMode;
import dev.bluerealm.contract.CheckReport;
import dev.bluerealm.contract.CheckRequest;
import dev.bluerealm.contract.CompatibilityReport;
import dev.bluerealm.contract.Finding;
import dev.bluerealm.contract.Severity;
import dev.bluerealm.testing.TestRealm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four modes of DESIGN §4 on the RFC's realm, with history made of real realm commits. */
class ContractCheckerTest {
    static final String CONTRACT = "domains/s3-access/contracts/s3-permissions.yaml";
    static final String APERTURE_BINDING = "domains/s3-access/bindings/aperture.yaml";
    static final String FUNGAL_BINDING = "domains/s3-access/bindings/fungal-image-analysis.yaml";
    static final String SCHEMA_140 = """
            schema:
              type: object
              required: [read]
              properties:
                read: {type: array, items: {type: string}}
                write: {type: array, items: {type: string}, default: []}
                delete: {type: array, items: {type: string}, default: []}
            """;
    static final String VALUE_140 = """
            value:
              read: ["jobs/*/masks/*", "training-runs/*"]
              write: ["jobs/*/*/manifest.json"]
              delete: []
            """;

    @TempDir Path tmp;
    TestRealm t;
    Path aperture;
    Path fungal;

    @BeforeEach
    void setUp() throws Exception {
        t = new TestRealm(tmp);
        aperture = t.repo("aperture", TestRealm.ERIC);
        fungal = t.repo("fungal-image-analysis", TestRealm.ERIC);
        t.init("letemcook", aperture).close();
        try (Realm r = Realm.open(t.options(aperture).realm("letemcook").build())) {
            r.join(new JoinRequest(aperture, null));
            r.join(new JoinRequest(fungal, null));
            r.createDomain(DomainRequest.ofRepos("s3-access", List.of("aperture", "fungal-image-analysis"),
                    "s3-permissions"));
        }
        TestRealm.commit(aperture, Map.of("models/training/s3_paths.py", """
                MASKS = "jobs/*/masks/*"          # blue:export s3-permissions.read
                RUNS = 'training-runs/*'          # blue:export s3-permissions.read
                MANIFEST = "jobs/*/*/manifest.json"  # blue:export s3-permissions.write
                """), false);
        TestRealm.commit(fungal, Map.of("cdk/stack.py", "# the IAM policy\n"), false);
        contract("1.4.0", SCHEMA_140, VALUE_140, "");
        t.commitToRemote("letemcook", Map.of(APERTURE_BINDING, """
                repo: aperture
                role: provider
                exports:
                  - contract: s3-permissions
                    source_files: [models/training/s3_paths.py]
                """, FUNGAL_BINDING, importBinding(">=1.0.0, <2.0.0", "1.4.0")), "bindings");
    }

    private void contract(String version, String schema, String value, String extra) throws Exception {
        t.commitToRemote("letemcook", Map.of(CONTRACT, "name: s3-permissions\nversion: \"" + version + "\"\n"
                + "owner: aperture\n" + schema + value + extra), "s3-permissions " + version);
    }

    private static String importBinding(String range, String resolved) {
        return "repo: fungal-image-analysis\nrole: consumer\nimports:\n  - contract: s3-permissions\n"
                + "    version: \"" + range + "\"\n    binding: cdk/stack.py\n    resolved_version: \"" + resolved + "\"\n";
    }

    private CheckReport check(Path where, CheckMode mode) throws RealmException {
        return check(where, new CheckRequest(mode, null, null, null, null, true, false));
    }

    private CheckReport check(Path where, CheckRequest request) throws RealmException {
        try (Realm r = Realm.open(t.options(where).location(where).build())) {
            return r.checker().check(request);
        }
    }

    private static List<String> codes(CheckReport r) {
        return r.findings().stream().map(Finding::code).toList();
    }

    @Test
    void check_rfcRealm_isCleanInEveryMode() throws Exception {
        Path checkout = t.realmCheckout("letemcook");
        CheckReport fromRealm = check(checkout, (CheckMode) null);
        assertEquals(List.of(), codes(fromRealm), "no mode: every mode that applies in a realm checkout");
        assertEquals(0, fromRealm.exitCode());
        CheckReport exporter = check(checkout, CheckMode.EXPORTER);
        assertEquals(List.of("EXPORTER_NEEDS_REPO"), codes(exporter));
        assertEquals(Severity.INFO, exporter.findings().get(0).severity());
        CheckReport fromAperture = check(aperture, (CheckMode) null);
        assertEquals(List.of(), codes(fromAperture), fromAperture.findings().toString());
        assertTrue(fromAperture.passed().stream().anyMatch(p -> p.message().equals("s3-permissions: code matches contract")));
        assertTrue(fromAperture.passed().stream().anyMatch(p -> p.message().equals(
                "s3-permissions: valid schema, version bump correct")));
        CheckReport fromFungal = check(fungal, CheckMode.IMPORTER);
        assertEquals(List.of(), codes(fromFungal));
        assertEquals("s3-permissions: binding at 1.4.0 (current)", fromFungal.passed().get(0).message());
    }

    @Test
    void contract_compatibleSchemaChangeWithPatchBump_isBumpTooSmall() throws Exception {
        contract("1.4.1", SCHEMA_140.replace("delete:", "experiments: {type: array, items: {type: string}, default: []}\n    delete:"),
                VALUE_140, "");
        CheckReport r = check(t.realmCheckout("letemcook"), CheckMode.CONTRACT);
        Finding f = r.findings().stream().filter(x -> x.code().equals("BUMP_TOO_SMALL")).findFirst().orElseThrow();
        assertTrue(f.message().contains("1.4.0 → 1.4.1") && f.message().contains("minor bump: 1.5.0"), f.message());
        assertEquals(1, r.exitCode());
    }

    @Test
    void contract_breakingChange_needsMajor() throws Exception {
        // widening what `read` holds: new values the old importers cannot read (backwards, promised, breaks)
        String narrowed = SCHEMA_140.replace("read: {type: array, items: {type: string}}",
                "read: {type: array, items: {type: [string, integer]}}");
        contract("1.5.0", narrowed, VALUE_140, "");
        CheckReport r = check(t.realmCheckout("letemcook"), CheckMode.CONTRACT);
        assertTrue(codes(r).contains("BUMP_TOO_SMALL"), r.findings().toString());
        contract("2.0.0", narrowed, VALUE_140, "");
        assertFalse(codes(check(t.realmCheckout("letemcook"), CheckMode.CONTRACT)).contains("BUMP_TOO_SMALL"));
    }

    @Test
    void contract_valueChangedWithoutNewVersion_isVersionReused() throws Exception {
        contract("1.4.0", SCHEMA_140, VALUE_140.replace("training-runs/*", "training-runs/**"), "");
        assertTrue(codes(check(t.realmCheckout("letemcook"), CheckMode.CONTRACT)).contains("VERSION_REUSED"));
    }

    @Test
    void contract_invalidValueAndStaleEvolution_areReported() throws Exception {
        contract("1.5.0", SCHEMA_140, "value:\n  write: [1]\n", "evolution:\n  - version: \"1.4.0\"\n    changes: [x]\n");
        List<String> codes = codes(check(t.realmCheckout("letemcook"), CheckMode.CONTRACT));
        assertTrue(codes.contains("VALUE_INVALID"), codes.toString());
        assertTrue(codes.contains("EVOLUTION_NOT_CURRENT"), codes.toString());
    }

    @Test
    void importer_badBindingsAreEachReported_andNeverStopTheOthers() throws Exception {
        Path ml = t.repo("ml-infra", TestRealm.ERIC);
        try (Realm r = Realm.open(t.options(ml).realm("letemcook").build())) {
            r.join(new JoinRequest(ml, null));
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put(FUNGAL_BINDING, importBinding("1.2.3 - 2.0.0", "9.9.9"));
        files.put("domains/s3-access/bindings/ml-infra.yaml", "repo: ml-infra\nrole: consumer\nimports:\n"
                + "  - contract: s3-permissions\n    version: \"^1.0\"\n    resolved_version: \"1.0.0\"\n");
        files.put("domains/s3-access/domain.yaml", "name: s3-access\ncreated_at: 2026-01-24T10:00:00Z\n"
                + "members: [aperture, fungal-image-analysis, ml-infra]\n");
        t.commitToRemote("letemcook", files, "bad bindings");
        CheckReport r = check(t.realmCheckout("letemcook"), CheckMode.IMPORTER);
        Finding range = r.findings().stream().filter(f -> f.code().equals("RANGE_INVALID")).findFirst().orElseThrow();
        assertTrue(range.message().contains("npm:"), "suggests the npm: prefix: " + range.message());
        assertEquals("fungal-image-analysis", range.repo());
        assertTrue(codes(r).contains("RESOLVED_VERSION_UNKNOWN"));
        Finding stale = r.findings().stream().filter(f -> f.code().equals("BINDING_STALE")).findFirst().orElseThrow();
        assertEquals("ml-infra", stale.repo());
        assertTrue(stale.message().contains("1.4.0 is available"), stale.message());
        assertEquals(1, r.exitCode());
    }

    @Test
    void importer_inRepo_checksBindingFileAndHook() throws Exception {
        t.commitToRemote("letemcook", Map.of(FUNGAL_BINDING, importBinding(">=1.0.0, <2.0.0", "1.4.0")
                .replace("cdk/stack.py", "cdk/missing.py")), "binding file moved");
        assertTrue(codes(check(fungal, CheckMode.IMPORTER)).contains("BINDING_FILE_MISSING"));
    }

    @Test
    void exporter_codeDiffersFromContract_showsTheDiff() throws Exception {
        Files.writeString(aperture.resolve("models/training/s3_paths.py"),
                "X = 'training-metrics/experiments/*'  # blue:export s3-permissions.read\n", java.nio.file.StandardOpenOption.APPEND);
        CheckReport r = check(aperture, CheckMode.EXPORTER);
        Finding f = r.findings().get(0);
        assertEquals("VALUE_MISMATCH", f.code());
        assertTrue(f.message().contains("+ read[]: training-metrics/experiments/*"), f.message());
        try (Realm realm = Realm.open(t.options(aperture).build())) {
            var change = realm.status().localChanges().get(0);
            assertEquals(List.of("+ training-metrics/experiments/*"), change.diff());
            assertEquals("fungal-image-analysis", change.importers().get(0).repo());
        }
    }

    @Test
    void exporter_hooks_runCommittedOnly_andCiOnlyInCi() throws Exception {
        TestRealm.commit(aperture, Map.of("scripts/validate.sh", "#!/bin/sh\necho checked $BLUE_CONTRACT\nexit 1\n",
                "scripts/ci.sh", "#!/bin/sh\nexit 2\n"), true);
        contract("1.4.1", SCHEMA_140, VALUE_140, "validation:\n  exporter: scripts/validate.sh\n  ci_only: [scripts/ci.sh]\n");
        CheckReport r = check(aperture, CheckMode.EXPORTER);
        Finding hook = r.findings().stream().filter(f -> f.code().equals("HOOK_FAILED")).findFirst().orElseThrow();
        assertTrue(hook.message().contains("checked s3-permissions"), "output captured: " + hook.message());
        assertFalse(codes(r).contains("HOOK_WARNING"), "ci_only hooks wait for CI");
        CheckReport ci = check(aperture, new CheckRequest(CheckMode.EXPORTER, null, null, null, null, true, true));
        assertTrue(codes(ci).contains("HOOK_WARNING"), ci.findings().toString());
        Files.writeString(aperture.resolve("scripts/validate.sh"), "#!/bin/sh\nexit 0\n");
        CheckReport edited = check(aperture, CheckMode.EXPORTER);
        assertTrue(codes(edited).contains("HOOK_REFUSED"), "an uncommitted edit is not this repo's reviewed code: "
                + edited.findings());
    }

    @Test
    void compatibility_fromTo_reportsWitnessAndImporters() throws Exception {
        contract("1.5.0", SCHEMA_140.replace("delete:", "experiments: {type: array, items: {type: string}, default: []}\n    delete:"),
                VALUE_140, "");
        CheckReport r = check(t.realmCheckout("letemcook"), new CheckRequest(CheckMode.COMPATIBILITY, null, null,
                "1.4.0", "1.5.0", true, false));
        CompatibilityReport c = r.compatibility().get(0);
        assertEquals("1.4.0", c.from());
        assertEquals("1.5.0", c.to());
        assertTrue(c.backwards().holds());
        assertFalse(c.forwards().holds());
        assertTrue(c.witnesses().containsKey(CompatibilityReport.Direction.FORWARDS));
        assertEquals(CompatibilityReport.Action.UPDATE_BINDING, c.importers().get(0).action());
        assertEquals(0, r.exitCode(), "backwards is what the contract promises, and it holds");
        CheckReport unknown = check(t.realmCheckout("letemcook"), new CheckRequest(CheckMode.COMPATIBILITY, null, null,
                "1.1.0", null, true, false));
        assertTrue(codes(unknown).contains("VERSION_NOT_FOUND"));
    }

    @Test
    void compatibility_proposedSchemaInExporterRepo_isComparedWithTheRealms() throws Exception {
        Files.createDirectories(aperture.resolve(".blue/contracts"));
        Files.writeString(aperture.resolve(".blue/contracts/s3-permissions.schema.yaml"),
                "type: object\nrequired: [read]\nproperties:\n  read: {type: array, items: {type: string}, maxItems: 2}\n");
        CheckReport r = check(aperture, CheckMode.COMPATIBILITY);
        CompatibilityReport c = r.compatibility().get(0);
        assertEquals("proposed", c.to());
        assertTrue(codes(r).contains("COMPATIBILITY_BREAKING") || codes(r).contains("COMPATIBILITY_UNKNOWN"),
                r.findings().toString());
    }

    @Test
    void cache_secondRunHitsTheExportCache_noCacheBypassesIt() throws Exception {
        check(aperture, CheckMode.EXPORTER);
        check(aperture, CheckMode.EXPORTER);
        check(aperture, new CheckRequest(CheckMode.EXPORTER, null, null, null, null, false, false));
        try (Realm r = Realm.open(t.options(aperture).build())) {
            RepoCache.TableStats exports = r.cache().stats().get(0);
            assertEquals("export_cache", exports.table());
            assertEquals(1, exports.entries());
            assertEquals(1, exports.hits(), exports.toString());
            assertEquals(1, exports.misses(), exports.toString());
            r.cache().clear();
            assertEquals(0, r.cache().stats().get(0).entries());
        }
    }

    @Test
    void cache_corruptFile_isRebuiltWithANote() throws Exception {
        Files.createDirectories(aperture.resolve(".blue"));
        Files.writeString(aperture.resolve(".blue/cache.db"), "garbage ".repeat(200));
        CheckReport r = check(aperture, CheckMode.EXPORTER);
        Finding note = r.findings().stream().filter(f -> f.code().equals("CACHE_REBUILT")).findFirst().orElseThrow();
        assertEquals(Severity.INFO, note.severity());
        assertEquals(0, r.exitCode());
    }
}
