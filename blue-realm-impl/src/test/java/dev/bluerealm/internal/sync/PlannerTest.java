package dev.bluerealm.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.bluerealm.internal.check.SyncSupport.LocalExport;
import dev.bluerealm.internal.realm.DirectorySource;
import dev.bluerealm.internal.realm.RealmLoader;
import dev.bluerealm.internal.schema.SchemaComparator;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.sync.PullRequest;
import dev.bluerealm.sync.SyncPlan;
import dev.bluerealm.version.Version;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sync plan from inputs alone, on the RFC's realm (aperture exports s3-permissions 1.4.0 to fungal). */
class PlannerTest {
    private static final Instant NOW = Instant.parse("2026-01-24T15:00:00Z");
    private static final SchemaComparator SCHEMAS = new SchemaComparator();
    private static final RealmModel RFC = load();

    private static RealmModel load() {
        try {
            return new RealmLoader().load(new DirectorySource(Path.of(PlannerTest.class.getResource("/rfc").toURI())));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Contract s3() {
        return RFC.domains().get("s3-access").contracts().get("s3-permissions");
    }

    /** The RFC's value with extra read paths, as aperture's code would export it. */
    private static JsonValue valueWithReads(List<String> extra) {
        JsonValue.JsonObject v = (JsonValue.JsonObject) s3().value();
        Map<String, JsonValue> m = new LinkedHashMap<>(v.members());
        List<JsonValue> reads = new ArrayList<>(((JsonValue.JsonArray) v.get("read")).items());
        extra.forEach(p -> reads.add(JsonValue.string(p)));
        m.put("read", JsonValue.array(reads));
        return JsonValue.object(m);
    }

    private static SyncInputs exporter(String repo, JsonValue value, JsonValue proposed, List<SyncInputs.Pending> pending) {
        return new SyncInputs(RFC, repo, List.of(new LocalExport("s3-access", s3(), value, proposed, null)), pending,
                List.of(), NOW);
    }

    private static SyncPlan plan(SyncInputs in) {
        return new Planner(in, SCHEMAS).plan();
    }

    private static PullRequest pr(int n, String author, String head, List<PullRequest.Acknowledgement> acks) {
        return new PullRequest(n, author + ": s3-permissions", head, "main", author, PullRequest.State.OPEN,
                List.of("fungal-image-analysis"), acks, false, NOW.plusSeconds(86_400 * 14), null);
    }

    @Test
    void plan_newReadPath_isAMinorBumpWithItsLineAndTheImporter() {
        SyncPlan p = plan(exporter("aperture", valueWithReads(List.of("training-metrics/experiments/*")), null, List.of()));
        assertEquals("sync/aperture/20260124-150000", p.branch());
        assertNull(p.updates());
        assertEquals(1, p.changes().size());
        SyncPlan.ContractChange c = p.changes().get(0);
        assertEquals("1.4.0", c.fromVersion());
        assertEquals("1.5.0", c.toVersion());
        assertEquals(List.of("+ training-metrics/experiments/*"), c.added());
        assertEquals(List.of(), c.removed());
        assertFalse(c.breaking());
        assertEquals(1, p.affected().size());
        assertEquals("fungal-image-analysis", p.affected().get(0).repo());
        assertTrue(p.affected().get(0).satisfied());
        assertTrue(p.violations().isEmpty());
    }

    @Test
    void plan_codeEqualToTheRealm_isEmpty() {
        // the code leaves out `delete: []`, which the schema's default supplies
        JsonValue.JsonObject v = (JsonValue.JsonObject) s3().value();
        Map<String, JsonValue> m = new LinkedHashMap<>(v.members());
        m.remove("delete");
        SyncPlan p = plan(exporter("aperture", dev.bluerealm.internal.extract.Defaults.complete(s3().schema(),
                JsonValue.object(m)), null, List.of()));
        assertTrue(p.isEmpty(), () -> p.changes().toString());
    }

    @Test
    void plan_nonOwnerChange_isAViolationNamingTheOwner() {
        SyncPlan p = plan(exporter("fungal-image-analysis", valueWithReads(List.of("x/*")), null, List.of()));
        assertEquals(List.of(new SyncPlan.OwnershipViolation("s3-access", "s3-permissions", "aperture")), p.violations());
        assertTrue(p.changes().isEmpty());
    }

    @Test
    void plan_proposedSchemaDroppingAProperty_isBreakingAndMajor() throws Exception {
        JsonValue schema = yaml("{type: object, required: [read, owner],"
                + " properties: {read: {type: array, items: {type: string}}, owner: {type: string}}}");
        SyncPlan p = plan(exporter("aperture", s3().value(), schema, List.of()));
        assertEquals(1, p.changes().size());
        assertTrue(p.changes().get(0).breaking());
        assertEquals("2.0.0", p.changes().get(0).toVersion());
        assertFalse(p.affected().get(0).satisfied(), "2.0.0 is outside >=1.0.0, <2.0.0");
    }

    @Test
    void plan_afterItWasCarriedOut_isEmpty() {
        qt().withFixedSeed(0x5_1AC).withExamples(60)
                .forAll(lists().of(integers().between(0, 30)).ofSizeBetween(1, 4))
                .checkAssert(ns -> {
                    List<String> extra = ns.stream().map(n -> "generated/" + n + "/*").distinct().toList();
                    JsonValue value = valueWithReads(extra);
                    SyncPlan first = plan(exporter("aperture", value, null, List.of()));
                    assertFalse(first.isEmpty());
                    // carried out: the sync branch of PR 7 holds the new version
                    SyncPlan.ContractChange c = first.changes().get(0);
                    Contract written = new Contract(s3().name(), Version.parse(c.toVersion()), s3().owner(),
                            s3().compatibility(), c.newSchema(), c.newValue(), s3().validation(), s3().evolution());
                    List<SyncInputs.Pending> pending = List.of(new SyncInputs.Pending(pr(7, "aperture", first.branch(),
                            List.of()), "s3-access", written));
                    SyncPlan again = plan(exporter("aperture", value, null, pending));
                    assertTrue(again.isEmpty(), () -> "re-plan: " + again.changes());
                    // one more path: the open pull request is updated, still 1.5.0 over main's 1.4.0
                    List<String> more = new ArrayList<>(extra);
                    more.add("one/more/*");
                    SyncPlan third = plan(exporter("aperture", valueWithReads(more), null, pending));
                    assertEquals(7, third.updates());
                    assertEquals(first.branch(), third.branch());
                    assertEquals("1.5.0", third.changes().get(0).toVersion());
                });
    }

    @Test
    void plan_importerWithAnOpenPullRequest_acknowledgesItOnce() {
        Contract next = withVersion(s3(), "1.5.0");
        SyncInputs.Pending pending = new SyncInputs.Pending(pr(15, "aperture", "sync/aperture/x", List.of()),
                "s3-access", next);
        SyncPlan p = plan(new SyncInputs(RFC, "fungal-image-analysis", List.of(), List.of(pending), List.of(), NOW));
        assertEquals(List.of(new SyncPlan.BindingUpdate("s3-access", "s3-permissions", "1.4.0", "1.5.0", 15, true)),
                p.bindingUpdates());
        SyncPlan acked = plan(new SyncInputs(RFC, "fungal-image-analysis", List.of(), List.of(pending),
                List.of("s3-permissions"), NOW));
        assertFalse(acked.bindingUpdates().get(0).hook(), "--ack skips the hook");
        SyncInputs.Pending done = new SyncInputs.Pending(pr(15, "aperture", "sync/aperture/x", List.of(
                new PullRequest.Acknowledgement("fungal-image-analysis", "f@example.com", NOW, "1.5.0"))),
                "s3-access", next);
        assertTrue(plan(new SyncInputs(RFC, "fungal-image-analysis", List.of(), List.of(done), List.of(), NOW)).isEmpty());
    }

    @Test
    void plan_importerFacingAVersionOutsideItsRange_isToldToWiden() {
        SyncInputs.Pending pending = new SyncInputs.Pending(pr(16, "aperture", "sync/aperture/y", List.of()),
                "s3-access", withVersion(s3(), "2.0.0"));
        SyncPlan p = plan(new SyncInputs(RFC, "fungal-image-analysis", List.of(), List.of(pending), List.of(), NOW));
        assertTrue(p.bindingUpdates().isEmpty());
        assertTrue(p.problems().get(0).contains("widen the range"), p.problems().toString());
    }

    @Test
    void plan_ackWithNoPullRequest_isCurrentAlreadyOrAnUnknownContract() {
        SyncPlan p = plan(new SyncInputs(RFC, "fungal-image-analysis", List.of(), List.of(), List.of("s3-permissions"),
                NOW));
        assertTrue(p.bindingUpdates().isEmpty(), "1.4.0 is main's version already");
        SyncPlan unknown = plan(new SyncInputs(RFC, "fungal-image-analysis", List.of(), List.of(), List.of("nope"), NOW));
        assertTrue(unknown.problems().get(0).startsWith("nope: this repo imports no contract"));
    }

    private static JsonValue yaml(String text) throws Exception {
        Path f = java.nio.file.Files.createTempFile("schema", ".yaml");
        try {
            java.nio.file.Files.writeString(f, text);
            return dev.bluerealm.internal.yaml.Documents.read(f, "schema.yaml");
        } finally {
            java.nio.file.Files.delete(f);
        }
    }

    private static Contract withVersion(Contract c, String v) {
        return new Contract(c.name(), Version.parse(v), c.owner(), c.compatibility(), c.schema(), c.value(),
                c.validation(), c.evolution());
    }
}
