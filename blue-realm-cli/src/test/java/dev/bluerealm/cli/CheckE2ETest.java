package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.Realm;
import dev.bluerealm.testing.RfcWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code blue realm check}, {@code blue realm status} and {@code blue schema compat} as the RFC shows them. */
class CheckE2ETest {
    @TempDir Path tmp;
    Cli blue;
    Path aperture;
    Path fungal;

    @BeforeEach
    void rfcRealm() throws Exception {
        blue = new Cli(tmp.resolve("blue-home"), tmp.resolve("home"));
        RfcWorkspace w = RfcWorkspace.create(tmp, "eric@example.com");
        aperture = w.aperture();
        fungal = w.fungal();
    }

    private static void ok(Cli.Result r) {
        assertEquals(0, r.code(), r.toString());
    }

    @Test
    void check_eachMode_printsTheRfcLines() {
        Cli.Result exporter = blue.run(aperture, "realm", "check", "--mode=exporter");
        assertEquals("✓ s3-permissions: code matches contract\n", exporter.out(), exporter.toString());
        assertEquals(0, exporter.code());
        Cli.Result importer = blue.run(fungal, "realm", "check", "--mode=importer");
        assertEquals("✓ s3-permissions: binding at 1.4.0 (current)\n", importer.out(), importer.toString());
        Cli.Result contract = blue.run(aperture, "realm", "check", "--mode=contract");
        assertEquals("✓ s3-permissions: valid schema, version bump correct\n", contract.out(), contract.toString());
    }

    @Test
    void dailyDevelopment_newExportedPath_showsInStatusAndFailsTheExporterCheck() throws Exception {
        Files.writeString(aperture.resolve("models/training/metrics_exporter.py"),
                "EXPERIMENTS = \"training-metrics/experiments/*\"  # blue:export s3-permissions.read\n");
        Cli.Result noSource = blue.run(aperture, "realm", "status");
        assertTrue(!noSource.out().contains("Contract change detected"), "not a source file of the export yet");
        Files.writeString(aperture.resolve("models/training/s3_paths.py"),
                "EXPERIMENTS = \"training-metrics/experiments/*\"  # blue:export s3-permissions.read\n",
                java.nio.file.StandardOpenOption.APPEND);
        Cli.Result status = blue.run(aperture, "realm", "status");
        assertTrue(status.out().startsWith("""
                📊 aperture (in realm: letemcook)

                ⚠️ Contract change detected:
                  s3-permissions has local changes:
                    + training-metrics/experiments/*

                  Affected repos:
                    - fungal-image-analysis (imports >=1.0.0, <2.0.0)

                  Run 'blue realm sync' to update realm
                """), status.out());
        Cli.Result check = blue.run(aperture, "realm", "check", "--mode=exporter");
        assertEquals(1, check.code(), check.toString());
        assertTrue(check.out().contains("✗ VALUE_MISMATCH: s3-permissions: the code differs from the contract (1.4.0):\n"
                + "    + read[]: training-metrics/experiments/*"), check.out());
    }

    @Test
    void check_json_isTheDocumentedShape() throws Exception {
        Cli.Result r = blue.run(fungal, "realm", "check", "--json");
        assertEquals(0, r.code(), r.toString());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        for (String key : new String[] {"realm", "repo", "mode", "findings", "compatibility", "summary"}) {
            assertTrue(doc.has(key), key + " in " + r.out());
        }
        assertEquals("fungal-image-analysis", doc.get("repo").asString());
        JsonNode compat = doc.get("compatibility").get(0);
        assertEquals("1.0.0", compat.get("from").asString());
        assertEquals("1.4.0", compat.get("to").asString());
        assertTrue(compat.get("backwards").isBoolean());
        assertEquals("nothing", compat.get("importers").get(0).get("action").asString(), "already bound to 1.4.0");
        assertEquals(0, doc.get("summary").get("errors").asInt());
    }

    @Test
    void check_staleBinding_exits2() throws Exception {
        new dev.bluerealm.testing.TestRealm(tmp).commitToRemote("letemcook", Map.of(
                "domains/s3-access/bindings/fungal-image-analysis.yaml", """
                    repo: fungal-image-analysis
                    role: consumer
                    imports:
                      - contract: s3-permissions
                        version: ">=1.0.0, <2.0.0"
                        binding: cdk/training_tools_access_stack.py
                        resolved_version: "1.0.0"
                    """), "pin 1.0.0");
        Cli.Result r = blue.run(fungal, "realm", "check", "--mode=importer");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.out().contains("⚠️ BINDING_STALE: s3-permissions: fungal-image-analysis is bound to 1.0.0; 1.4.0 is"
                + " available in its range >=1.0.0, <2.0.0"), r.out());
    }

    @Test
    void schemaCompat_twoFiles_reportsVerdictsAndAWitness() throws Exception {
        Files.writeString(tmp.resolve("old.yaml"), """
                type: object
                required: [read]
                properties:
                  read: {type: array, items: {type: string}}
                """);
        Files.writeString(tmp.resolve("new.json"), """
                {"type": "object", "required": ["read"], "properties": {
                  "read": {"type": "array", "items": {"type": "string"}},
                  "delete": {"type": "array", "items": {"type": "string"}, "default": []}}}
                """);
        Cli.Result r = blue.run(tmp, "schema", "compat", "old.yaml", "new.json", "--json");
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertTrue(doc.get("backwards").asBoolean(), r.out());
        assertTrue(!doc.get("forwards").asBoolean(), r.out());
        JsonNode w = doc.get("witnesses").get("forwards");
        assertEquals("old", w.get("accepted_by").asString());
        assertEquals("new", w.get("rejected_by").asString());
        assertTrue(w.get("instance").has("delete"), r.out());
        assertEquals(1, r.code());
        Cli.Result human = blue.run(tmp, "schema", "compat", "old.yaml", "new.json");
        assertTrue(human.out().contains("+ /properties/delete: added optional property"), human.out());
        Cli.Result missing = blue.run(tmp, "schema", "compat", "old.yaml", "nope.json");
        assertEquals(1, missing.code());
        assertTrue(missing.err().startsWith("Error: "), missing.err());
    }

    @Test
    void cacheStats_afterTwoChecks_showsHits() {
        ok(blue.run(aperture, "realm", "check", "--mode=exporter"));
        ok(blue.run(aperture, "realm", "check", "--mode=exporter"));
        Cli.Result stats = blue.run(aperture, "realm", "admin", "cache", "stats");
        assertTrue(stats.out().contains("export_cache              1        1        1     50.0%"), stats.out());
        ok(blue.run(aperture, "realm", "admin", "cache", "clear"));
        assertTrue(blue.run(aperture, "realm", "admin", "cache", "stats").out().contains("export_cache              0"));
    }

    @Test
    void graph_eachFormat_drawsTheRealm() throws Exception {
        Cli.Result mermaid = blue.run(aperture, "realm", "graph");
        assertEquals(0, mermaid.code(), mermaid.toString());
        assertTrue(mermaid.out().contains(
                "s3_access__aperture -- \"s3-permissions v1.4.0\" --> s3_access__fungal_image_analysis"), mermaid.out());
        Cli.Result dot = blue.run(aperture, "realm", "graph", "--format", "dot");
        assertTrue(dot.out().startsWith("digraph realm {"), dot.out());
        Cli.Result svg = blue.run(aperture, "realm", "graph", "--format", "svg", "-o", "realm.svg");
        assertEquals("✓ Wrote realm.svg (svg)\n", svg.out(), svg.toString());
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(aperture.resolve("realm.svg").toFile());
        assertEquals(64, blue.run(aperture, "realm", "graph", "--format", "png").code());
    }
}
