package dev.bluerealm.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.version.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The records of DESIGN §3 validate in their constructors and hold immutable copies. */
class ModelRecordsTest {
    private static final Instant T = Instant.parse("2026-01-24T10:00:00Z");
    private static final JsonValue OBJ = JsonValue.object(Map.of());
    private static final List<String> BLANKS = List.of("", " ", "\t", "\n ");

    private static void refused(Executable constructor, String expectedInMessage) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, constructor);
        assertTrue(e.getMessage().contains(expectedInMessage), () -> "message '" + e.getMessage()
                + "' should mention '" + expectedInMessage + "'");
    }

    // ------------------------------------------------------------------ realm.yaml

    @Test
    void realmConfig_badName_isRefused() {
        refused(() -> new RealmConfig("Letemcook", "1.0.0", T, Governance.defaults(List.of()), Trust.DEFAULT),
                "invalid realm name 'Letemcook'");
        refused(() -> new RealmConfig("../x", "1.0.0", T, Governance.defaults(List.of()), Trust.DEFAULT),
                "invalid realm name '../x'");
    }

    @Test
    void realmConfig_blankVersion_isRefused() {
        for (String blank : BLANKS) {
            refused(() -> new RealmConfig("letemcook", blank, T, Governance.defaults(List.of()), Trust.DEFAULT),
                    "version");
        }
        assertThrows(NullPointerException.class,
                () -> new RealmConfig("letemcook", null, T, Governance.defaults(List.of()), Trust.DEFAULT));
    }

    @Test
    void realmConfig_missingParts_areRefused() {
        assertThrows(NullPointerException.class,
                () -> new RealmConfig("letemcook", "1.0.0", null, Governance.defaults(List.of()), Trust.DEFAULT));
        assertThrows(NullPointerException.class, () -> new RealmConfig("letemcook", "1.0.0", T, null, Trust.DEFAULT));
        assertThrows(NullPointerException.class,
                () -> new RealmConfig("letemcook", "1.0.0", T, Governance.defaults(List.of()), null));
    }

    @Test
    void governance_blankApprover_isRefused() {
        for (String blank : BLANKS) {
            refused(() -> new Governance(Admission.APPROVAL, List.of("eric@example.com", blank),
                    BreakingChanges.DEFAULT, List.of()), "approvers");
        }
    }

    @Test
    void governance_duplicateOrBadInvite_isRefused() {
        refused(() -> new Governance(Admission.INVITE_ONLY, List.of(), BreakingChanges.DEFAULT,
                List.of("aperture", "aperture")), "duplicate");
        refused(() -> new Governance(Admission.INVITE_ONLY, List.of(), BreakingChanges.DEFAULT, List.of("a/b")),
                "invalid invited repo name 'a/b'");
    }

    @Test
    void governance_defaults_areTheRfcs() {
        Governance g = Governance.defaults(List.of("eric@example.com"));
        assertEquals(Admission.APPROVAL, g.admission());
        assertEquals(new BreakingChanges(true, 14), g.breakingChanges());
        assertEquals(List.of(), g.invites());
        assertTrue(g.isApprover("Eric@Example.com"));
        assertFalse(g.isApprover("mallory@example.com"));
        assertFalse(g.isApprover(null));
    }

    @Test
    void governance_mutableInputs_areCopiedAndUnmodifiable() {
        List<String> approvers = new ArrayList<>(List.of("eric@example.com"));
        List<String> invites = new ArrayList<>(List.of("aperture"));
        Governance g = new Governance(Admission.INVITE_ONLY, approvers, BreakingChanges.DEFAULT, invites);
        approvers.add("mallory@example.com");
        invites.add("evil");
        assertEquals(List.of("eric@example.com"), g.approvers());
        assertEquals(List.of("aperture"), g.invites());
        assertThrows(UnsupportedOperationException.class, () -> g.approvers().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> g.invites().clear());
    }

    @Test
    void breakingChanges_gracePeriodOutOfRange_isRefused() {
        refused(() -> new BreakingChanges(true, -1), "grace_period_days");
        refused(() -> new BreakingChanges(true, 3651), "grace_period_days");
        assertDoesNotThrow(() -> new BreakingChanges(false, 0));
        assertDoesNotThrow(() -> new BreakingChanges(false, 3650));
    }

    @Test
    void trust_blankPatternOrRole_isRefused() {
        refused(() -> new Trust(TrustMode.COLLABORATIVE, false, Map.of(" ", List.of("repo_maintainers"))),
                "permission pattern");
        refused(() -> new Trust(TrustMode.COLLABORATIVE, false, Map.of("repos/{repo}.yaml", List.of(""))),
                "permission roles");
        assertThrows(NullPointerException.class, () -> new Trust(null, false, Map.of()));
    }

    @Test
    void trust_permissions_keepOrderAndAreDeeplyUnmodifiable() {
        Map<String, List<String>> permissions = new LinkedHashMap<>();
        List<String> roles = new ArrayList<>(List.of("repo_maintainers"));
        permissions.put("repos/{repo}.yaml", roles);
        permissions.put("domains/{domain}/domain.yaml", List.of("domain_owners"));
        permissions.put("a", List.of("b"));
        Trust trust = new Trust(TrustMode.FEDERATION, true, permissions);
        roles.add("everyone");
        permissions.put("z", List.of("x"));
        assertEquals(List.of("repos/{repo}.yaml", "domains/{domain}/domain.yaml", "a"),
                new ArrayList<>(trust.permissions().keySet()));
        assertEquals(List.of("repo_maintainers"), trust.permissions().get("repos/{repo}.yaml"));
        assertThrows(UnsupportedOperationException.class, () -> trust.permissions().put("x", List.of("y")));
        assertThrows(UnsupportedOperationException.class,
                () -> trust.permissions().get("repos/{repo}.yaml").add("x"));
    }

    @Test
    void trust_default_isCollaborativeUnsignedWithoutPermissions() {
        assertEquals(new Trust(TrustMode.COLLABORATIVE, false, Map.of()), Trust.DEFAULT);
    }

    // ------------------------------------------------------------------ repos/{repo}.yaml

    @Test
    void repoEntry_badName_isRefused() {
        refused(() -> new RepoEntry("a/b", null, null, null, List.of(), T), "invalid repo name 'a/b'");
        refused(() -> new RepoEntry("-x", null, null, null, List.of(), T), "invalid repo name '-x'");
    }

    @Test
    void repoEntry_pathAndUrl_isRefused() {
        refused(() -> new RepoEntry("aperture", null, "/src/aperture", "git@example.com:a.git", List.of(), T),
                "both path and url");
    }

    @Test
    void repoEntry_blankOptionalValues_areRefused() {
        for (String blank : BLANKS) {
            refused(() -> new RepoEntry("aperture", blank, null, null, List.of(), T), "org");
            refused(() -> new RepoEntry("aperture", null, blank, null, List.of(), T), "path");
            refused(() -> new RepoEntry("aperture", null, null, blank, List.of(), T), "url");
            refused(() -> new RepoEntry("aperture", null, null, null, List.of("eric@example.com", blank), T),
                    "maintainers");
        }
        assertThrows(NullPointerException.class, () -> new RepoEntry("aperture", null, null, null, List.of(), null));
    }

    @Test
    void repoEntry_maintainers_areCopiedAndUnmodifiable() {
        List<String> maintainers = new ArrayList<>(List.of("eric@example.com"));
        RepoEntry r = new RepoEntry("aperture", "cultivarium", "/src/aperture", null, maintainers, T);
        maintainers.add("mallory@example.com");
        assertEquals(List.of("eric@example.com"), r.maintainers());
        assertThrows(UnsupportedOperationException.class, () -> r.maintainers().add("x"));
        assertTrue(r.isMaintainer("ERIC@example.com"));
        assertFalse(r.isMaintainer("mallory@example.com"));
        assertEquals("/src/aperture", r.location());
        assertEquals("u", new RepoEntry("aperture", null, null, "u", List.of(), T).location());
        assertNull(new RepoEntry("aperture", null, null, null, List.of(), T).location());
    }

    // ------------------------------------------------------------------ domain.yaml

    @Test
    void domain_badNameOrMember_isRefused() {
        refused(() -> new Domain("S3-Access", null, T, List.of()), "invalid domain name 'S3-Access'");
        refused(() -> new Domain("s3-access", null, T, List.of("aperture", "../etc")), "invalid member name '../etc'");
    }

    @Test
    void domain_duplicateMember_isRefused() {
        refused(() -> new Domain("s3-access", null, T, List.of("aperture", "fungal", "aperture")),
                "duplicate member");
    }

    @Test
    void domain_members_areCopiedAndUnmodifiable() {
        List<String> members = new ArrayList<>(List.of("aperture", "fungal-image-analysis"));
        Domain d = new Domain("s3-access", null, T, members);
        members.add("ml-infra");
        assertEquals(List.of("aperture", "fungal-image-analysis"), d.members());
        assertThrows(UnsupportedOperationException.class, () -> d.members().remove(0));
        assertNull(d.description());
    }

    // ------------------------------------------------------------------ contracts

    private static Contract contract(String name, String owner, List<EvolutionEntry> evolution) {
        return new Contract(name, Version.parse("1.4.0"), owner, Compatibility.DEFAULT, OBJ, OBJ, null, evolution);
    }

    @Test
    void contract_badNameOrOwner_isRefused() {
        refused(() -> contract("S3", "aperture", List.of()), "invalid contract name 'S3'");
        refused(() -> contract("s3-permissions", "a/b", List.of()), "invalid owner name 'a/b'");
        refused(() -> contract("s3-permissions", "", List.of()), "invalid owner name ''");
    }

    @Test
    void contract_missingParts_areRefused() {
        assertThrows(NullPointerException.class, () -> new Contract("c", null, "o", Compatibility.DEFAULT, OBJ, OBJ,
                null, List.of()));
        assertThrows(NullPointerException.class, () -> new Contract("c", Version.of(1, 0, 0), "o", null, OBJ, OBJ,
                null, List.of()));
        assertThrows(NullPointerException.class, () -> new Contract("c", Version.of(1, 0, 0), "o",
                Compatibility.DEFAULT, null, OBJ, null, List.of()));
        assertThrows(NullPointerException.class, () -> new Contract("c", Version.of(1, 0, 0), "o",
                Compatibility.DEFAULT, OBJ, null, null, List.of()));
    }

    @Test
    void contract_evolution_isCopiedAndUnmodifiable() {
        List<String> changes = new ArrayList<>(List.of("Initial with read array"));
        EvolutionEntry entry = new EvolutionEntry(Version.parse("1.0.0"), changes, true);
        changes.add("sneaky");
        assertEquals(List.of("Initial with read array"), entry.changes());
        assertThrows(UnsupportedOperationException.class, () -> entry.changes().add("x"));

        List<EvolutionEntry> evolution = new ArrayList<>(List.of(entry));
        Contract c = contract("s3-permissions", "aperture", evolution);
        evolution.clear();
        assertEquals(List.of(entry), c.evolution());
        assertThrows(UnsupportedOperationException.class, () -> c.evolution().clear());
        assertThrows(NullPointerException.class, () -> new EvolutionEntry(null, List.of(), true));
    }

    @Test
    void compatibility_default_isBackwardsNotForwards() {
        assertEquals(new Compatibility(true, false), Compatibility.DEFAULT);
    }

    @Test
    void validation_blankHooks_areRefused() {
        for (String blank : BLANKS) {
            refused(() -> new Validation(blank, null, List.of()), "validation.exporter");
            refused(() -> new Validation(null, blank, List.of()), "validation.importer");
            refused(() -> new Validation(null, null, List.of("scripts/x.sh", blank)), "validation.ci_only");
        }
        List<String> ci = new ArrayList<>(List.of("scripts/integration-test.sh"));
        Validation v = new Validation(null, null, ci);
        ci.add("x");
        assertEquals(List.of("scripts/integration-test.sh"), v.ciOnly());
        assertThrows(UnsupportedOperationException.class, () -> v.ciOnly().add("y"));
    }

    // ------------------------------------------------------------------ bindings

    @Test
    void binding_badRepoOrMissingRole_isRefused() {
        refused(() -> new Binding("Aperture", Role.PROVIDER, List.of(), List.of()), "invalid repo name 'Aperture'");
        assertThrows(NullPointerException.class, () -> new Binding("aperture", null, List.of(), List.of()));
    }

    @Test
    void binding_lists_areCopiedAndUnmodifiable() {
        ExportBinding e = new ExportBinding("s3-permissions", List.of("models/training/s3_paths.py"), Extract.MARKERS);
        List<ExportBinding> exports = new ArrayList<>(List.of(e));
        List<ImportBinding> imports = new ArrayList<>();
        Binding b = new Binding("aperture", Role.BOTH, exports, imports);
        exports.clear();
        imports.add(new ImportBinding("c", "^1", null, null, null, null));
        assertEquals(List.of(e), b.exports());
        assertEquals(List.of(), b.imports());
        assertThrows(UnsupportedOperationException.class, () -> b.exports().clear());
        assertThrows(UnsupportedOperationException.class, () -> b.imports().add(null));
    }

    @Test
    void exportBinding_badContractOrBlankSource_isRefused() {
        refused(() -> new ExportBinding("a b", List.of("x.py"), Extract.MARKERS), "invalid contract name 'a b'");
        for (String blank : BLANKS) {
            refused(() -> new ExportBinding("s3-permissions", List.of("x.py", blank), Extract.MARKERS),
                    "source_files");
        }
        assertThrows(NullPointerException.class, () -> new ExportBinding("s3-permissions", List.of("x.py"), null));
        List<String> sources = new ArrayList<>(List.of("x.py"));
        ExportBinding e = new ExportBinding("s3-permissions", sources, Extract.MARKERS);
        sources.add("y.py");
        assertEquals(List.of("x.py"), e.sourceFiles());
        assertThrows(UnsupportedOperationException.class, () -> e.sourceFiles().add("z"));
    }

    @Test
    void extract_blankFileOrCommand_isRefused() {
        for (String blank : BLANKS) {
            refused(() -> new Extract.File(blank), "extract.file");
            refused(() -> new Extract.Command(blank), "extract.command");
        }
        assertEquals(Extract.MARKERS, new Extract.Markers());
        assertEquals("config/s3.json#/s3", new Extract.File("config/s3.json#/s3").ref());
    }

    @Test
    void importBinding_badContractOrBlankRange_isRefused() {
        refused(() -> new ImportBinding("../c", ">=1.0.0", null, null, null, null), "invalid contract name '../c'");
        for (String blank : BLANKS) {
            refused(() -> new ImportBinding("c", blank, null, null, null, null), "version");
            refused(() -> new ImportBinding("c", "^1", blank, null, null, null), "binding");
        }
        assertThrows(NullPointerException.class, () -> new ImportBinding("c", null, null, null, null, null));
    }

    @Test
    void importBinding_unparseableRangeOrResolvedVersion_isKeptAsWritten() {
        ImportBinding i = new ImportBinding("s3-permissions", "not a range", null, null, "x", null);
        assertEquals("not a range", i.range());
        assertEquals("x", i.resolvedVersion());
    }

    // ------------------------------------------------------------------ .blue/config.yaml

    @Test
    void repoConfig_badParts_areRefused() {
        refused(() -> new RealmRef("Letemcook", "https://git.example.com/realms/letemcook.git"),
                "invalid realm name 'Letemcook'");
        for (String blank : BLANKS) {
            refused(() -> new RealmRef("letemcook", blank), "realm.url");
        }
        RealmRef ref = new RealmRef("letemcook", "https://git.example.com/realms/letemcook.git");
        refused(() -> new RepoConfig(ref, "a/b"), "invalid repo name 'a/b'");
        assertThrows(NullPointerException.class, () -> new RepoConfig(null, "aperture"));
        assertEquals(".blue/config.yaml", RepoConfig.PATH);
    }

    // ------------------------------------------------------------------ loaded models

    @Test
    void domainModel_keyNotMatchingName_isRefused() {
        Domain d = new Domain("s3-access", null, T, List.of("aperture"));
        Contract c = contract("s3-permissions", "aperture", List.of());
        refused(() -> new DomainModel(d, null, Map.of("other", c), Map.of()), "keyed 'other'");
        Binding b = new Binding("aperture", Role.PROVIDER, List.of(), List.of());
        refused(() -> new DomainModel(d, null, Map.of(), Map.of("fungal", b)), "keyed 'fungal'");
    }

    @Test
    void domainModel_maps_areCopiedAndUnmodifiable() {
        Domain d = new Domain("s3-access", null, T, List.of("aperture"));
        Map<String, Contract> contracts = new TreeMap<>();
        contracts.put("s3-permissions", contract("s3-permissions", "aperture", List.of()));
        DomainModel model = new DomainModel(d, null, contracts, Map.of());
        contracts.clear();
        assertEquals(1, model.contracts().size());
        assertTrue(model.contract("s3-permissions").isPresent());
        assertThrows(UnsupportedOperationException.class, () -> model.contracts().clear());
        assertThrows(UnsupportedOperationException.class, () -> model.bindings().put("x", null));
        assertEquals("s3-access", model.name());
    }

    @Test
    void realmModel_governanceFor_prefersTheDomainsOwn() {
        Governance realmGov = Governance.defaults(List.of("eric@example.com"));
        Governance domainGov = new Governance(Admission.OPEN, List.of("ops@example.com"), BreakingChanges.DEFAULT,
                List.of());
        RealmConfig config = new RealmConfig("letemcook", "1.0.0", T, realmGov, Trust.DEFAULT);
        DomainModel withOwn = new DomainModel(new Domain("a", null, T, List.of("x")), domainGov, Map.of(), Map.of());
        DomainModel without = new DomainModel(new Domain("b", null, T, List.of("y")), null, Map.of(), Map.of());
        RealmModel realm = new RealmModel(config, Map.of(), Map.of("a", withOwn, "b", without));
        assertEquals(domainGov, realm.governanceFor("a"));
        assertEquals(realmGov, realm.governanceFor("b"));
        assertEquals(realmGov, realm.governanceFor("unknown"));
        assertEquals(List.of(withOwn), realm.domainsOf("x"));
        refused(() -> new RealmModel(config, Map.of("b", new RepoEntry("a", null, null, null, List.of(), T)),
                Map.of()), "keyed 'b'");
    }

    @Test
    void dependencyCycle_openChain_isRefused() {
        refused(() -> new DependencyCycle(List.of(new DependencyCycle.Hop("a", "d1", "b"),
                new DependencyCycle.Hop("c", "d2", "a"))), "do not close");
        refused(() -> new DependencyCycle(List.of()), "at least one hop");
    }

    @Test
    void dependencyCycle_toString_spellsItAsTheRfc() {
        DependencyCycle c = new DependencyCycle(List.of(new DependencyCycle.Hop("a", "s3-access", "b"),
                new DependencyCycle.Hop("b", "feedback-loop", "a")));
        assertEquals("a → (s3-access) → b → (feedback-loop) → a", c.toString());
    }

    @Test
    void loadError_toString_isCompilerStyle() {
        assertEquals("realm.yaml:3:5: unknown key", new LoadError("realm.yaml", 3, 5, "unknown key").toString());
        assertEquals("realm.yaml: too big", new LoadError("realm.yaml", 0, 0, "too big").toString());
        assertThrows(NullPointerException.class, () -> new LoadError(null, 1, 1, "m"));
    }

    @Test
    void enums_yamlSpellings_areTheRfcs() {
        assertEquals(List.of("open", "approval", "invite-only"),
                List.of(Admission.values()).stream().map(Admission::yaml).toList());
        assertEquals(List.of("collaborative", "vendor-customer", "federation"),
                List.of(TrustMode.values()).stream().map(TrustMode::yaml).toList());
        assertEquals(List.of("provider", "consumer", "both"),
                List.of(Role.values()).stream().map(Role::yaml).toList());
        assertEquals(List.of("current", "stale", "pending"),
                List.of(ImportStatus.values()).stream().map(ImportStatus::yaml).toList());
        assertTrue(Role.PROVIDER.provides() && !Role.PROVIDER.consumes());
        assertTrue(!Role.CONSUMER.provides() && Role.CONSUMER.consumes());
        assertTrue(Role.BOTH.provides() && Role.BOTH.consumes());
    }
}
