package dev.bluerealm.internal.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Admission;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.BreakingChanges;
import dev.bluerealm.model.Compatibility;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.Domain;
import dev.bluerealm.model.EvolutionEntry;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.Extract;
import dev.bluerealm.model.Governance;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.model.ImportStatus;
import dev.bluerealm.model.LoadError;
import dev.bluerealm.model.ForgeConfig;
import dev.bluerealm.model.RealmConfig;
import dev.bluerealm.model.RealmRef;
import dev.bluerealm.model.RepoConfig;
import dev.bluerealm.model.RepoEntry;
import dev.bluerealm.model.Role;
import dev.bluerealm.model.Trust;
import dev.bluerealm.model.TrustMode;
import dev.bluerealm.model.Validation;
import dev.bluerealm.version.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every file of DESIGN §3 through {@link RealmCodec}: the RFC's own examples (copied verbatim into
 * {@code src/test/resources/rfc/}) decode to the RFC's values; load errors are reported together,
 * with positions and what was expected; findings are not load errors; writing is deterministic.
 */
class RealmCodecTest {
    private static final Instant T10 = Instant.parse("2026-01-24T10:00:00Z");
    private static final Instant T12 = Instant.parse("2026-01-24T12:00:00Z");

    private final RealmCodec codec = new RealmCodec();

    // ------------------------------------------------------------------ helpers

    static byte[] rfc(String path) {
        try (InputStream in = RealmCodecTest.class.getResourceAsStream("/rfc/" + path)) {
            assertNotNull(in, "missing test resource rfc/" + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] yaml(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T ok(RealmCodec.Decoded<T> decoded) {
        assertEquals(List.of(), decoded.errors(), "load errors");
        assertNotNull(decoded.value());
        return decoded.value();
    }

    private static List<LoadError> failed(RealmCodec.Decoded<?> decoded) {
        assertNull(decoded.value(), () -> "decoded despite errors: " + decoded.value());
        assertTrue(!decoded.errors().isEmpty(), "no error reported");
        List<LoadError> sorted = new ArrayList<>(decoded.errors());
        sorted.sort(Comparator.comparingInt(LoadError::line).thenComparingInt(LoadError::column));
        return sorted;
    }

    private static LoadError onlyError(RealmCodec.Decoded<?> decoded) {
        List<LoadError> errors = failed(decoded);
        assertEquals(1, errors.size(), () -> "errors: " + errors);
        return errors.get(0);
    }

    private static void assertError(LoadError e, String file, int line, int column, String... fragments) {
        assertEquals(file, e.file(), e::toString);
        assertEquals(line, e.line(), e::toString);
        assertEquals(column, e.column(), e::toString);
        for (String f : fragments) {
            assertTrue(e.message().contains(f), () -> "'" + e + "' should contain '" + f + "'");
        }
    }

    static JsonValue str(String s) {
        return JsonValue.string(s);
    }

    static JsonValue arr(JsonValue... items) {
        return JsonValue.array(List.of(items));
    }

    static JsonValue strings(String... items) {
        List<JsonValue> out = new ArrayList<>();
        for (String s : items) {
            out.add(JsonValue.string(s));
        }
        return JsonValue.array(out);
    }

    static JsonValue obj(Object... keyValues) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], (JsonValue) keyValues[i + 1]);
        }
        return new JsonValue.JsonObject(m);
    }

    // ------------------------------------------------------------------ the RFC's values

    static RealmConfig rfcRealm() {
        Map<String, List<String>> permissions = new LinkedHashMap<>();
        permissions.put("repos/{repo}.yaml", List.of("repo_maintainers"));
        permissions.put("domains/{domain}/domain.yaml", List.of("domain_owners"));
        permissions.put("domains/{domain}/contracts/{name}.yaml", List.of("contract_owner"));
        permissions.put("domains/{domain}/bindings/{repo}.yaml", List.of("repo_maintainers"));
        return new RealmConfig("letemcook", "1.0.0", T10,
                new Governance(Admission.APPROVAL, List.of("eric@example.com"), new BreakingChanges(true, 14),
                        List.of()),
                new Trust(TrustMode.COLLABORATIVE, false, permissions));
    }

    static RepoEntry rfcRepo() {
        return new RepoEntry("aperture", "cultivarium", "/Users/ericg/letemcook/aperture", null,
                List.of("eric@example.com"), T10);
    }

    static Domain rfcDomain() {
        return new Domain("s3-access", "Coordinates S3 bucket access between aperture and fungal", T10,
                List.of("aperture", "fungal-image-analysis"));
    }

    static Contract rfcContract() {
        JsonValue stringArray = obj("type", str("array"), "items", obj("type", str("string")));
        JsonValue schema = obj(
                "type", str("object"),
                "required", strings("read"),
                "properties", obj(
                        "read", stringArray,
                        "write", obj("type", str("array"), "items", obj("type", str("string")), "default", arr()),
                        "delete", obj("type", str("array"), "items", obj("type", str("string")), "default", arr())));
        JsonValue value = obj(
                "read", strings("jobs/*/masks/*", "jobs/*/*/config.json", "training-runs/*", "training-metrics/*"),
                "write", strings("jobs/*/*/manifest.json", "training-metrics/*"),
                "delete", arr());
        return new Contract("s3-permissions", Version.parse("1.4.0"), "aperture", new Compatibility(true, false),
                schema, value,
                new Validation("scripts/validate-s3-paths.sh", "scripts/validate-iam-policy.sh",
                        List.of("scripts/integration-test.sh")),
                List.of(new EvolutionEntry(Version.parse("1.0.0"), List.of("Initial with read array"), true),
                        new EvolutionEntry(Version.parse("1.3.0"), List.of("Added write array"), true),
                        new EvolutionEntry(Version.parse("1.4.0"), List.of("Added delete array"), true)));
    }

    static Binding rfcExportBinding() {
        return new Binding("aperture", Role.PROVIDER, List.of(new ExportBinding("s3-permissions",
                List.of("models/training/s3_paths.py", "models/shared/data/parquet_export.py"), Extract.MARKERS)),
                List.of());
    }

    static Binding rfcImportBinding() {
        return new Binding("fungal-image-analysis", Role.CONSUMER, List.of(), List.of(new ImportBinding(
                "s3-permissions", ">=1.0.0, <2.0.0", "cdk/training_tools_access_stack.py", ImportStatus.CURRENT,
                "1.4.0", T12)));
    }

    static RepoConfig rfcRepoConfig() {
        return new RepoConfig(new RealmRef("letemcook", "https://git.example.com/realms/letemcook.git"), "aperture");
    }

    // ------------------------------------------------------------------ the RFC's files decode

    @Test
    void realmConfig_rfcExample_decodesToTheRfcValues() {
        assertEquals(rfcRealm(), ok(codec.realmConfig("realm.yaml", rfc("realm.yaml"))));
    }

    @Test
    void realmConfig_rfcExample_keepsPermissionOrder() {
        RealmConfig c = ok(codec.realmConfig("realm.yaml", rfc("realm.yaml")));
        assertEquals(new ArrayList<>(rfcRealm().trust().permissions().keySet()),
                new ArrayList<>(c.trust().permissions().keySet()));
    }

    @Test
    void repo_rfcExample_decodesToTheRfcValues() {
        assertEquals(rfcRepo(), ok(codec.repo("repos/aperture.yaml", rfc("repos/aperture.yaml"))));
    }

    @Test
    void domain_rfcExample_decodesToTheRfcValues() {
        String file = "domains/s3-access/domain.yaml";
        assertEquals(rfcDomain(), ok(codec.domain(file, rfc(file))));
    }

    @Test
    void contract_rfcExample_decodesToTheRfcValues() {
        String file = "domains/s3-access/contracts/s3-permissions.yaml";
        Contract c = ok(codec.contract(file, rfc(file)));
        assertEquals(rfcContract(), c);
        assertEquals("{\"read\":[\"jobs/*/masks/*\",\"jobs/*/*/config.json\",\"training-runs/*\","
                + "\"training-metrics/*\"],\"write\":[\"jobs/*/*/manifest.json\",\"training-metrics/*\"],"
                + "\"delete\":[]}", c.value().toJson());
    }

    @Test
    void binding_rfcExportExample_decodesToTheRfcValues() {
        String file = "domains/s3-access/bindings/aperture.yaml";
        assertEquals(rfcExportBinding(), ok(codec.binding(file, rfc(file))));
    }

    @Test
    void binding_rfcImportExample_decodesToTheRfcValues() {
        String file = "domains/s3-access/bindings/fungal-image-analysis.yaml";
        assertEquals(rfcImportBinding(), ok(codec.binding(file, rfc(file))));
    }

    @Test
    void repoConfig_rfcExample_decodesToTheRfcValues() {
        assertEquals(rfcRepoConfig(), ok(codec.repoConfig(".blue/config.yaml", rfc("aperture/.blue/config.yaml"))));
    }

    @Test
    void governanceFile_realmGovernanceBlockShape_decodes() {
        String file = "domains/s3-access/governance.yaml";
        assertEquals(rfcRealm().governance(), ok(codec.governanceFile(file, rfc(file))));
    }

    // ------------------------------------------------------------------ defaults

    @Test
    void realmConfig_withoutGovernanceOrTrust_getsTheDefaults() {
        RealmConfig c = ok(codec.realmConfig("realm.yaml", yaml("name: letemcook", "version: \"1.0.0\"",
                "created_at: 2026-01-24T10:00:00Z")));
        assertEquals(Admission.APPROVAL, c.governance().admission());
        assertEquals(BreakingChanges.DEFAULT, c.governance().breakingChanges());
        assertEquals(List.of(), c.governance().approvers());
        assertEquals(Trust.DEFAULT, c.trust());
    }

    @Test
    void realmConfig_partialBlocks_fillTheRestWithDefaults() {
        RealmConfig c = ok(codec.realmConfig("realm.yaml", yaml("name: letemcook", "version: 1.0.0",
                "created_at: 2026-01-24T10:00:00Z", "governance:", "  breaking_changes:", "    grace_period_days: 3",
                "trust:", "  mode: federation")));
        assertEquals(new BreakingChanges(true, 3), c.governance().breakingChanges());
        assertEquals(new Trust(TrustMode.FEDERATION, false, Map.of()), c.trust());
    }

    @Test
    void realmConfig_forgeBlock_decodesAndWritesBack() {
        RealmConfig c = ok(codec.realmConfig("realm.yaml", yaml("name: letemcook", "version: 1.0.0",
                "created_at: 2026-01-24T10:00:00Z", "forge:", "  type: forgejo", "  url: https://git.example.com/",
                "  repo: realms/letemcook")));
        assertEquals(ForgeConfig.forgejo("https://git.example.com", "realms", "letemcook"), c.forge());
        assertEquals("realms", c.forge().owner());
        assertEquals(c, ok(codec.realmConfig("realm.yaml", codec.write(c))));
        assertTrue(new String(codec.write(c), StandardCharsets.UTF_8).endsWith(
                "forge:\n  type: forgejo\n  url: https://git.example.com\n  repo: realms/letemcook\n"));
    }

    @Test
    void realmConfig_forgeMergeStyle_decodesWritesBackAndRefusesAnUnknownOne() {
        RealmConfig c = ok(codec.realmConfig("realm.yaml", yaml("name: letemcook", "version: 1.0.0",
                "created_at: 2026-01-24T10:00:00Z", "forge:", "  type: forgejo", "  url: https://git.example.com",
                "  repo: realms/letemcook", "  merge_style: squash")));
        assertEquals(ForgeConfig.MergeStyle.SQUASH, c.forge().mergeStyle());
        assertEquals(c, ok(codec.realmConfig("realm.yaml", codec.write(c))));
        assertTrue(new String(codec.write(c), StandardCharsets.UTF_8).endsWith("  merge_style: squash\n"));
        assertEquals(ForgeConfig.MergeStyle.MERGE, ok(codec.realmConfig("realm.yaml", yaml("name: letemcook",
                "version: 1.0.0", "created_at: 2026-01-24T10:00:00Z", "forge:", "  type: forgejo",
                "  url: https://git.example.com", "  repo: realms/letemcook"))).forge().mergeStyle(), "the default");
        LoadError e = onlyError(codec.realmConfig("realm.yaml", yaml("name: letemcook", "version: 1.0.0",
                "created_at: 2026-01-24T10:00:00Z", "forge:", "  type: forgejo", "  url: https://git.example.com",
                "  repo: realms/letemcook", "  merge_style: octopus")));
        assertTrue(e.message().contains("merge | rebase | rebase-merge | squash | fast-forward-only"), e::toString);
        assertEquals(8, e.line(), e::toString);
    }

    @Test
    void realmConfig_withoutForge_isOnTheLocalForgeAndWritesNoBlock() {
        RealmConfig c = ok(codec.realmConfig("realm.yaml", yaml("name: letemcook", "version: 1.0.0",
                "created_at: 2026-01-24T10:00:00Z")));
        assertNull(c.forge());
        assertFalse(new String(codec.write(c), StandardCharsets.UTF_8).contains("forge"));
    }

    @Test
    void realmConfig_forgeRepoWithoutOwner_isALoadError() {
        LoadError e = onlyError(codec.realmConfig("realm.yaml", yaml("name: letemcook", "version: 1.0.0",
                "created_at: 2026-01-24T10:00:00Z", "forge:", "  type: forgejo", "  url: https://git.example.com",
                "  repo: letemcook")));
        assertTrue(e.message().contains("not owner/name"), e::toString);
    }

    @Test
    void realmConfig_unknownForgeType_isALoadError() {
        LoadError e = onlyError(codec.realmConfig("realm.yaml", yaml("name: letemcook", "version: 1.0.0",
                "created_at: 2026-01-24T10:00:00Z", "forge:", "  type: gitlab", "  url: https://git.example.com",
                "  repo: realms/letemcook")));
        assertTrue(e.message().contains("forgejo"), e::toString);
    }

    @Test
    void contract_minimal_getsTheDefaults() {
        Contract c = ok(codec.contract("c.yaml", yaml("name: c", "version: 0.1.0", "owner: o", "schema: {}",
                "value: {}")));
        assertEquals(Compatibility.DEFAULT, c.compatibility());
        assertNull(c.validation());
        assertEquals(List.of(), c.evolution());
        assertEquals(JsonValue.object(Map.of()), c.schema());
    }

    @Test
    void contract_partialBlocks_fillTheRestWithDefaults() {
        Contract c = ok(codec.contract("c.yaml", yaml("name: c", "version: 0.1.0", "owner: o", "schema: {}",
                "value: null", "compatibility:", "  forwards: true", "validation:", "  importer: scripts/i.sh",
                "evolution:", "  - version: 0.1.0", "    changes: []")));
        assertEquals(new Compatibility(true, true), c.compatibility());
        assertEquals(new Validation(null, "scripts/i.sh", List.of()), c.validation());
        assertEquals(List.of(new EvolutionEntry(Version.parse("0.1.0"), List.of(), true)), c.evolution());
        assertEquals(JsonValue.NULL, c.value());
    }

    @Test
    void binding_importWithoutOptionals_leavesThemNull() {
        Binding b = ok(codec.binding("b.yaml", yaml("repo: r", "role: consumer", "imports:",
                "  - contract: c", "    version: ^1.2")));
        assertEquals(new ImportBinding("c", "^1.2", null, null, null, null), b.imports().get(0));
    }

    // ------------------------------------------------------------------ timestamps

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-01-24T10:00:00Z|2026-01-24T10:00:00Z",
        "\"2026-01-24T10:00:00Z\"|2026-01-24T10:00:00Z",
        "2026-01-24T12:00:00+02:00|2026-01-24T10:00:00Z",
        "2026-01-24T05:30:00-04:30|2026-01-24T10:00:00Z",
        "2026-01-24T10:00:00.5Z|2026-01-24T10:00:00.500Z",
        "2026-01-24T10:00:00.123456789Z|2026-01-24T10:00:00.123456789Z",
        "2026-01-24T10:00Z|2026-01-24T10:00:00Z",
    })
    void domain_createdAtWithOffset_isTheInstant(String written, String instant) {
        Domain d = ok(codec.domain("d.yaml", yaml("name: d", "created_at: " + written, "members: []")));
        assertEquals(Instant.parse(instant), d.createdAt());
    }

    @Test
    void binding_resolvedAt_isTheInstant() {
        Binding b = ok(codec.binding("b.yaml", yaml("repo: r", "role: consumer", "imports:",
                "  - contract: c", "    version: ^1", "    resolved_at: 2026-01-24T14:00:00+02:00")));
        assertEquals(T12, b.imports().get(0).resolvedAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-24", "2026-01-24T10:00:00", "2026-01-24 10:00:00Z", "yesterday", "1706090400",
        "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z"})
    void domain_createdAtNotATimestampWithOffset_isALoadError(String written) {
        LoadError e = onlyError(codec.domain("d.yaml", yaml("name: d", "created_at: " + written, "members: []")));
        assertError(e, "d.yaml", 2, 13, "created_at", "2026-01-24T10:00:00Z");
    }

    @Test
    void realmConfig_createdAtWrittenBack_isIsoUtc() {
        RealmConfig c = ok(codec.realmConfig("realm.yaml", yaml("name: r", "version: \"1\"",
                "created_at: 2026-01-24T12:00:00+02:00")));
        String written = new String(codec.write(c), StandardCharsets.UTF_8);
        assertTrue(written.contains("created_at: 2026-01-24T10:00:00Z\n"), written);
    }

    // ------------------------------------------------------------------ load errors

    @Test
    void domain_unknownKey_reportsPositionAndAllowedKeys() {
        LoadError e = onlyError(codec.domain("domains/d/domain.yaml", yaml("name: d",
                "created_at: 2026-01-24T10:00:00Z", "colour: blue", "members: []")));
        assertError(e, "domains/d/domain.yaml", 3, 1, "unknown key 'colour'", "name, created_at, members, description");
        assertEquals("domains/d/domain.yaml:3:1: " + e.message(), e.toString());
    }

    @Test
    void contract_unknownNestedKey_reportsPositionAndAllowedKeys() {
        LoadError e = onlyError(codec.contract("c.yaml", yaml("name: c", "version: 1.0.0", "owner: o",
                "schema: {}", "value: {}", "compatibility:", "  backwards: true", "  sideways: true")));
        assertError(e, "c.yaml", 8, 3, "unknown key 'sideways'", "backwards, forwards");
    }

    @Test
    void binding_threeDifferentProblems_areAllReportedInOneDecode() {
        List<LoadError> errors = failed(codec.binding("domains/d/bindings/x.yaml", yaml(
                "repo: Bad/Name",
                "role: provider",
                "colour: blue",
                "exports:",
                "  - contract: s3-permissions",
                "    source_files: models/x.py")));
        assertEquals(3, errors.size(), () -> "errors: " + errors);
        assertError(errors.get(0), "domains/d/bindings/x.yaml", 1, 7, "invalid repo name 'Bad/Name'");
        assertError(errors.get(1), "domains/d/bindings/x.yaml", 3, 1, "unknown key 'colour'",
                "repo, role, exports, imports");
        assertError(errors.get(2), "domains/d/bindings/x.yaml", 6, 19, "'source_files'", "list", "a string");
    }

    @Test
    void contract_manyProblems_areAllReported() {
        List<LoadError> errors = failed(codec.contract("c.yaml", yaml(
                "name: C",                 // bad name
                "version: 1.4",            // not SemVer
                "owner: aperture",
                "compatibility:",
                "  backwards: yes",        // YAML 1.1 boolean: a string in 1.2
                "schema: {}",
                "value: {a: .inf}",        // not JSON
                "evolution:",
                "  - version: v1.0.0",     // not SemVer
                "    changes: [x]",
                "    compatible: 1")));    // not a boolean
        assertEquals(6, errors.size(), () -> "errors: " + errors);
        assertError(errors.get(0), "c.yaml", 1, 7, "invalid contract name 'C'");
        assertError(errors.get(1), "c.yaml", 2, 10, "'version'", "1.4", "SemVer");
        assertError(errors.get(2), "c.yaml", 5, 14, "'backwards'", "true or false", "a string");
        assertError(errors.get(3), "c.yaml", 7, 12, "'value'", ".inf", "JSON");
        assertError(errors.get(4), "c.yaml", 9, 14, "v1.0.0", "SemVer");
        assertError(errors.get(5), "c.yaml", 11, 17, "'compatible'", "true or false");
    }

    @Test
    void contract_missingRequiredKeys_areEachReported() {
        List<LoadError> errors = failed(codec.contract("c.yaml", yaml("name: c", "schema: {}")));
        assertEquals(3, errors.size(), () -> "errors: " + errors);
        for (String key : List.of("version", "owner", "value")) {
            assertTrue(errors.stream().anyMatch(e -> e.message().contains("missing key '" + key + "'")),
                    () -> key + " not reported: " + errors);
        }
    }

    @Test
    void contract_versionNotSemVer_isALoadError() {
        LoadError e = onlyError(codec.contract("c.yaml", yaml("name: c", "version: \"1.4\"", "owner: o",
                "schema: {}", "value: {}")));
        assertError(e, "c.yaml", 2, 10, "'version'", "'1.4' is not a SemVer version");
        assertError(onlyError(codec.contract("c.yaml", yaml("name: c", "version: v1.4.0", "owner: o",
                "schema: {}", "value: {}"))), "c.yaml", 2, 10, "v1.4.0");
    }

    @Test
    void binding_unparseableRangeAndResolvedVersion_decodeAsWritten() {
        // findings for `realm check`, not load errors (DESIGN §3)
        Binding b = ok(codec.binding("b.yaml", yaml("repo: fungal-image-analysis", "role: consumer", "imports:",
                "  - contract: s3-permissions", "    version: \"not a range\"", "    resolved_version: \"x\"")));
        assertEquals("not a range", b.imports().get(0).range());
        assertEquals("x", b.imports().get(0).resolvedVersion());
        Binding plain = ok(codec.binding("b.yaml", yaml("repo: r", "role: consumer", "imports:",
                "  - contract: c", "    version: 1.4", "    resolved_version: 1.10")));
        assertEquals("1.4", plain.imports().get(0).range(), "a plain 1.4 keeps its text");
        assertEquals("1.10", plain.imports().get(0).resolvedVersion(), "1.10 is not the number 1.1");
    }

    @Test
    void binding_wrongRole_listsTheAllowedValues() {
        LoadError e = onlyError(codec.binding("b.yaml", yaml("repo: r", "role: producer")));
        assertError(e, "b.yaml", 2, 7, "'role' must be one of provider | consumer | both", "'producer'");
    }

    @Test
    void binding_wrongStatus_listsTheAllowedValues() {
        LoadError e = onlyError(codec.binding("b.yaml", yaml("repo: r", "role: consumer", "imports:",
                "  - contract: c", "    version: ^1", "    status: fresh")));
        assertError(e, "b.yaml", 6, 13, "current | stale | pending", "'fresh'");
    }

    @Test
    void realmConfig_wrongEnums_listTheAllowedValues() {
        List<LoadError> errors = failed(codec.realmConfig("realm.yaml", yaml("name: r", "version: \"1\"",
                "created_at: 2026-01-24T10:00:00Z", "governance:", "  admission: closed", "trust:",
                "  mode: Collaborative")));
        assertEquals(2, errors.size(), () -> "errors: " + errors);
        assertError(errors.get(0), "realm.yaml", 5, 14, "open | approval | invite-only", "'closed'");
        assertError(errors.get(1), "realm.yaml", 7, 9, "collaborative | vendor-customer | federation",
                "'Collaborative'");
    }

    @Test
    void realmConfig_wrongTypes_areLoadErrors() {
        List<LoadError> errors = failed(codec.realmConfig("realm.yaml", yaml("name: r", "version: \"1\"",
                "created_at: 2026-01-24T10:00:00Z", "governance:", "  approvers: eric@example.com",
                "  breaking_changes:", "    require_approval: on", "    grace_period_days: 3651", "trust:",
                "  require_signed_commits: no", "  permissions: [a]")));
        assertEquals(5, errors.size(), () -> "errors: " + errors);
        assertError(errors.get(0), "realm.yaml", 5, 14, "'approvers'", "list");
        assertError(errors.get(1), "realm.yaml", 7, 23, "'require_approval'", "true or false");
        assertError(errors.get(2), "realm.yaml", 8, 24, "'grace_period_days'", "0 and 3650", "3651");
        assertError(errors.get(3), "realm.yaml", 10, 27, "'require_signed_commits'", "true or false");
        assertError(errors.get(4), "realm.yaml", 11, 16, "'permissions'", "mapping");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3651", "-1", "99999999999", "14.5", "fourteen", "0x10"})
    void governanceFile_badGracePeriod_isALoadErrorNotACrash(String written) {
        LoadError e = onlyError(codec.governanceFile("governance.yaml", yaml("breaking_changes:",
                "  grace_period_days: " + written)));
        assertError(e, "governance.yaml", 2, 22, "'grace_period_days'");
    }

    @Test
    void domain_badOrDuplicateMembers_areLoadErrors() {
        List<LoadError> errors = failed(codec.domain("d.yaml", yaml("name: d", "created_at: 2026-01-24T10:00:00Z",
                "members:", "  - aperture", "  - ../etc")));
        assertError(errors.get(0), "d.yaml", 5, 5, "invalid repo name '../etc'");
        LoadError dup = onlyError(codec.domain("d.yaml", yaml("name: d", "created_at: 2026-01-24T10:00:00Z",
                "members: [a, b, a]")));
        assertError(dup, "d.yaml", 3, 10, "'members'", "twice");
    }

    @Test
    void repo_pathAndUrl_isALoadErrorAtUrl() {
        LoadError e = onlyError(codec.repo("repos/a.yaml", yaml("name: a", "path: /src/a",
                "url: git@example.com:a.git", "joined_at: 2026-01-24T10:00:00Z")));
        assertError(e, "repos/a.yaml", 3, 1, "either 'path' or 'url'");
    }

    @Test
    void repoConfig_badRealmBlock_isALoadError() {
        List<LoadError> errors = failed(codec.repoConfig(".blue/config.yaml", yaml("realm:", "  name: Letemcook",
                "repo: aperture")));
        // every load error of the file, not only the first one: the missing url and the bad realm name
        assertEquals(2, errors.size(), () -> "errors: " + errors);
        assertError(errors.get(0), ".blue/config.yaml", 2, 3, "missing key 'url'");
        assertError(errors.get(1), ".blue/config.yaml", 2, 9, "invalid realm name 'Letemcook'");
        LoadError wrongType = onlyError(codec.repoConfig(".blue/config.yaml", yaml("realm: letemcook",
                "repo: aperture")));
        assertError(wrongType, ".blue/config.yaml", 1, 8, "mapping");
    }

    @Test
    void decode_rootNotAMapping_isALoadError() {
        assertError(onlyError(codec.domain("d.yaml", yaml("- a", "- b"))), "d.yaml", 1, 1, "mapping", "a list");
        assertError(onlyError(codec.contract("c.yaml", yaml("just text"))), "c.yaml", 1, 1, "mapping", "a string");
    }

    @Test
    void decode_emptyFile_isALoadError() {
        LoadError e = onlyError(codec.realmConfig("realm.yaml", new byte[0]));
        assertError(e, "realm.yaml", 0, 0, "empty", "realm.yaml");
        assertError(onlyError(codec.binding("b.yaml", yaml("# nothing"))), "b.yaml", 0, 0, "empty");
    }

    @Test
    void decode_yamlReaderErrors_passThroughWithTheFileName() {
        LoadError dup = onlyError(codec.contract("domains/d/contracts/c.yaml", yaml("name: c", "name: d")));
        assertError(dup, "domains/d/contracts/c.yaml", 2, 1, "duplicate key 'name'", "first at line 1");
        LoadError big = onlyError(codec.contract("c.yaml", new byte[1024 * 1024 + 1]));
        assertError(big, "c.yaml", 0, 0, "1 MiB");
    }

    @Test
    void contract_jsonValues_resolveAsJson() {
        Contract c = ok(codec.contract("c.yaml", yaml("name: c", "version: 1.0.0", "owner: o", "schema: {}",
                "value:", "  hex: 0x1F", "  oct: 0o17", "  exp: 1e3", "  big: 123456789012345678901234567890",
                "  dec: -0.50", "  yes: yes", "  quoted: \"true\"", "  t: true", "  n: ~", "  e: \"\"",
                "  lst: [1, 1.0, .5]")));
        assertEquals(obj("hex", JsonValue.number(31), "oct", JsonValue.number(15), "exp", JsonValue.number(1000),
                "big", new JsonValue.JsonNumber(new BigDecimal("123456789012345678901234567890")),
                "dec", new JsonValue.JsonNumber(new BigDecimal("-0.5")), "yes", str("yes"), "quoted", str("true"),
                "t", JsonValue.bool(true), "n", JsonValue.NULL, "e", str(""),
                "lst", arr(JsonValue.number(1), JsonValue.number(1), new JsonValue.JsonNumber(new BigDecimal("0.5")))),
                c.value());
    }

    // ------------------------------------------------------------------ extract

    private Binding export(String... extractLines) {
        List<String> lines = new ArrayList<>(List.of("repo: r", "role: provider", "exports:", "  - contract: c",
                "    source_files: [a.py]"));
        lines.addAll(List.of(extractLines));
        return ok(codec.binding("b.yaml", yaml(lines.toArray(new String[0]))));
    }

    private LoadError exportError(String... extractLines) {
        List<String> lines = new ArrayList<>(List.of("repo: r", "role: provider", "exports:", "  - contract: c",
                "    source_files: [a.py]"));
        lines.addAll(List.of(extractLines));
        return onlyError(codec.binding("b.yaml", yaml(lines.toArray(new String[0]))));
    }

    @Test
    void binding_extractShapes_decode() {
        assertEquals(Extract.MARKERS, export().exports().get(0).extract());
        assertEquals(Extract.MARKERS, export("    extract: {markers: true}").exports().get(0).extract());
        assertEquals(new Extract.File("config/s3.json#/s3"),
                export("    extract: {file: \"config/s3.json#/s3\"}").exports().get(0).extract());
        assertEquals(new Extract.File("config/s3.yaml"),
                export("    extract:", "      file: config/s3.yaml").exports().get(0).extract());
        assertEquals(new Extract.Command("scripts/print-s3.sh"),
                export("    extract: {command: \"scripts/print-s3.sh\"}").exports().get(0).extract());
        assertEquals(Extract.MARKERS, export("    extract: null").exports().get(0).extract());
    }

    @Test
    void binding_twoExtractWaysAtOnce_isRefused() {
        assertError(exportError("    extract: {file: a.json, command: b.sh}"), "b.yaml", 6, 14,
                "exactly one of markers: true, file: PATH[#/pointer], command: SCRIPT");
        assertError(exportError("    extract: {markers: true, file: a.json}"), "b.yaml", 6, 14, "exactly one");
    }

    @Test
    void binding_noExtractWay_isRefused() {
        assertError(exportError("    extract: {}"), "b.yaml", 6, 14, "exactly one");
    }

    @Test
    void binding_markersFalse_isRefused() {
        assertError(exportError("    extract: {markers: false}"), "b.yaml", 6, 24, "markers: false");
    }

    @Test
    void binding_extractWrongShape_isRefused() {
        assertError(exportError("    extract: markers"), "b.yaml", 6, 14, "extract", "mapping");
        List<String> lines = new ArrayList<>(List.of("repo: r", "role: provider", "exports:", "  - contract: c",
                "    source_files: [a.py]", "    extract: {script: x.sh}"));
        List<LoadError> errors = failed(codec.binding("b.yaml", yaml(lines.toArray(new String[0]))));
        assertEquals(2, errors.size(), () -> "errors: " + errors);
        assertError(errors.get(0), "b.yaml", 6, 14, "exactly one");
        assertError(errors.get(1), "b.yaml", 6, 15, "unknown key 'script'", "markers, file, command");
        assertError(exportError("    extract: {file: \" \"}"), "b.yaml", 6, 14, "extract.file");
    }

    // ------------------------------------------------------------------ writing

    static RealmConfig richRealm() {
        Map<String, List<String>> permissions = new LinkedHashMap<>();
        permissions.put("repos/{repo}.yaml", List.of("repo_maintainers", "admins"));
        return new RealmConfig("letemcook", "2.0", Instant.parse("2026-01-24T10:00:00.250Z"),
                new Governance(Admission.INVITE_ONLY, List.of("eric@example.com", "ops"), new BreakingChanges(false, 0),
                        List.of("ml-infra", "aperture")),
                new Trust(TrustMode.VENDOR_CUSTOMER, true, permissions));
    }

    static Binding richBinding() {
        return new Binding("fungal-image-analysis", Role.BOTH,
                List.of(new ExportBinding("a", List.of("x.py"), Extract.MARKERS),
                        new ExportBinding("b.v2", List.of("y.json", "z.json"), new Extract.File("y.json#/a/b")),
                        new ExportBinding("c", List.of("run.sh"), new Extract.Command("scripts/print.sh --json"))),
                List.of(new ImportBinding("s3-permissions", "^1.4", null, null, null, null),
                        new ImportBinding("other", "npm:>=1 <2 || 3.x", "cdk/x.py", ImportStatus.PENDING, "not semver",
                                T12),
                        new ImportBinding("third", "=1.0.0", "b", ImportStatus.STALE, "", null)));
    }

    /** One record of each file type, with every optional part used somewhere. */
    static List<Object> samples() {
        return List.of(
                rfcRealm(), richRealm(),
                rfcRealm().governance(), richRealm().governance(),
                rfcRepo(), new RepoEntry("ml-infra", null, null, "git@github.com:c/ml-infra.git", List.of(), T12),
                rfcDomain(), new Domain("d", null, T12, List.of()), new Domain("e", "", T12, List.of("a")),
                rfcContract(),
                new Contract("c", Version.parse("1.0.0-rc.1+b.7"), "o", new Compatibility(false, true), JsonValue.NULL,
                        JsonValue.string("yes"), new Validation(null, null, List.of()), List.of()),
                rfcExportBinding(), rfcImportBinding(), richBinding(),
                new Binding("r", Role.CONSUMER, List.of(), List.of()),
                rfcRepoConfig());
    }

    private byte[] write(Object record) {
        return write(codec, record);
    }

    static byte[] write(RealmCodec codec, Object record) {
        if (record instanceof RealmConfig) {
            return codec.write((RealmConfig) record);
        } else if (record instanceof Governance) {
            return codec.write((Governance) record);
        } else if (record instanceof RepoEntry) {
            return codec.write((RepoEntry) record);
        } else if (record instanceof Domain) {
            return codec.write((Domain) record);
        } else if (record instanceof Contract) {
            return codec.write((Contract) record);
        } else if (record instanceof Binding) {
            return codec.write((Binding) record);
        }
        return codec.write((RepoConfig) record);
    }

    private RealmCodec.Decoded<?> read(Object like, byte[] bytes) {
        Map<Class<?>, BiFunction<String, byte[], RealmCodec.Decoded<?>>> readers = new LinkedHashMap<>();
        readers.put(RealmConfig.class, codec::realmConfig);
        readers.put(Governance.class, codec::governanceFile);
        readers.put(RepoEntry.class, codec::repo);
        readers.put(Domain.class, codec::domain);
        readers.put(Contract.class, codec::contract);
        readers.put(Binding.class, codec::binding);
        readers.put(RepoConfig.class, codec::repoConfig);
        return readers.get(like.getClass()).apply("written.yaml", bytes);
    }

    @Test
    void write_thenRead_givesAnEqualRecordForEveryFileType() {
        for (Object record : samples()) {
            byte[] bytes = write(record);
            RealmCodec.Decoded<?> back = read(record, bytes);
            assertEquals(List.of(), back.errors(), () -> new String(bytes, StandardCharsets.UTF_8));
            assertEquals(record, back.value(), () -> new String(bytes, StandardCharsets.UTF_8));
        }
    }

    @Test
    void write_sameRecordTwice_givesIdenticalBytes() {
        for (Object record : samples()) {
            assertArrayEquals(write(record), write(record), record::toString);
            assertArrayEquals(write(record), write(new RealmCodec(), record), "a fresh codec writes the same bytes");
        }
    }

    @Test
    void write_readBack_isAFixedPoint() {
        for (Object record : samples()) {
            byte[] once = write(record);
            byte[] twice = write(read(record, once).value());
            assertEquals(new String(once, StandardCharsets.UTF_8), new String(twice, StandardCharsets.UTF_8));
        }
    }

    @Test
    void write_rfcFilesReadBack_giveEqualRecords() {
        Map<String, Function<byte[], RealmCodec.Decoded<?>>> files = new LinkedHashMap<>();
        files.put("realm.yaml", b -> codec.realmConfig("realm.yaml", b));
        files.put("repos/aperture.yaml", b -> codec.repo("repos/aperture.yaml", b));
        files.put("domains/s3-access/domain.yaml", b -> codec.domain("domain.yaml", b));
        files.put("domains/s3-access/governance.yaml", b -> codec.governanceFile("governance.yaml", b));
        files.put("domains/s3-access/contracts/s3-permissions.yaml", b -> codec.contract("c.yaml", b));
        files.put("domains/s3-access/bindings/aperture.yaml", b -> codec.binding("b.yaml", b));
        files.put("domains/s3-access/bindings/fungal-image-analysis.yaml", b -> codec.binding("b.yaml", b));
        files.put("aperture/.blue/config.yaml", b -> codec.repoConfig("config.yaml", b));
        files.forEach((path, reader) -> {
            Object fromRfc = ok(reader.apply(rfc(path)));
            byte[] written = write(fromRfc);
            Object back = ok(reader.apply(written));
            assertEquals(fromRfc, back, () -> path + " written as:\n" + new String(written, StandardCharsets.UTF_8));
            assertArrayEquals(written, write(back), path);
        });
    }

    @Test
    void write_rfcContract_usesTheRfcLayout() {
        String text = new String(codec.write(rfcContract()), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("name: s3-permissions\nversion: 1.4.0\nowner: aperture\ncompatibility:\n"
                + "  backwards: true\n  forwards: false\nschema:\n  type: object\n"), text);
        assertTrue(text.contains("value:\n  read:\n    - jobs/*/masks/*\n"), text);
        assertTrue(text.contains("  delete: []\n"), text);
        assertTrue(text.contains("evolution:\n  - version: 1.0.0\n    changes:\n      - Initial with read array\n"
                + "    compatible: true\n"), text);
        assertTrue(!text.startsWith("---"), "no document start marker");
        assertTrue(text.endsWith("\n") && !text.endsWith("\n\n"), "one final newline");
    }

    @Test
    void write_rfcImportBinding_quotesTheRangeOnly() {
        String text = new String(codec.write(rfcImportBinding()), StandardCharsets.UTF_8);
        assertEquals(String.join("\n",
                "repo: fungal-image-analysis",
                "role: consumer",
                "imports:",
                "  - contract: s3-permissions",
                "    version: \">=1.0.0, <2.0.0\"",
                "    binding: cdk/training_tools_access_stack.py",
                "    status: current",
                "    resolved_version: 1.4.0",
                "    resolved_at: 2026-01-24T12:00:00Z",
                ""), text);
    }

    @Test
    void write_markersExtract_isLeftOutAsTheDefault() {
        String text = new String(codec.write(rfcExportBinding()), StandardCharsets.UTF_8);
        assertTrue(!text.contains("extract"), text);
        String rich = new String(codec.write(richBinding()), StandardCharsets.UTF_8);
        assertTrue(rich.contains("    extract:\n      file: y.json#/a/b\n"), rich);
        assertTrue(rich.contains("    extract:\n      command: scripts/print.sh --json\n"), rich);
    }
}
