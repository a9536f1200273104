package dev.bluerealm.internal.extract;

import static dev.bluerealm.internal.extract.Fixtures.S3_SCHEMA;
import static dev.bluerealm.internal.extract.Fixtures.S3_VALUE;
import static dev.bluerealm.internal.extract.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.internal.hooks.HookRunner;
import dev.bluerealm.internal.hooks.TestRepos;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.Extract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extractor with the default markers: the RFC's aperture repo. */
class ExtractorMarkersTest {
    @TempDir Path tmp;
    Path root;
    Extractor extractor;
    final Contract s3 = Fixtures.contract("s3-permissions", S3_SCHEMA, S3_VALUE);

    @BeforeEach
    void setUp() throws Exception {
        root = tmp.resolve("aperture");
        Files.createDirectories(root);
        extractor = new Extractor(root, new HookRunner());
        TestRepos.write(root, "models/training/s3_paths.py", String.join("\n",
                "# S3 paths the training tools read",
                "MASKS = \"jobs/*/masks/*\"            # blue:export s3-permissions.read",
                "CONFIG = \"jobs/*/*/config.json\"     # blue:export s3-permissions.read",
                "RUNS = \"training-runs/*\"            # blue:export s3-permissions.read",
                "METRICS = \"training-metrics/*\"      # blue:export s3-permissions.read",
                "METRICS_OUT = \"training-metrics/*\"  # blue:export s3-permissions.write",
                ""));
        TestRepos.write(root, "models/shared/data/parquet_export.py", String.join("\n",
                "def export(job):",
                "    path = f\"jobs/{job}/x/manifest.json\"",
                "    # the glob the IAM policy grants: 'jobs/*/*/manifest.json' blue:export s3-permissions.write",
                "    again = 'training-metrics/*'  # blue:export s3-permissions.read",
                ""));
    }

    private ExportBinding export(String... files) {
        return new ExportBinding("s3-permissions", List.of(files), Extract.MARKERS);
    }

    @Test
    void extract_rfcSources_giveTheRfcValueWithDefaults() {
        Extraction x = extractor.extract(export("models/training/s3_paths.py", "models/shared/data/parquet_export.py"),
                s3, Set.of("s3-permissions"));
        assertEquals(List.of(), x.problems());
        assertTrue(x.ok());
        assertEquals(List.of(), ValueDiff.diff(S3_SCHEMA, S3_VALUE, x.value()));
        assertEquals("{\"read\":[\"jobs/*/masks/*\",\"jobs/*/*/config.json\",\"training-runs/*\",\"training-metrics/*\"],"
                + "\"write\":[\"training-metrics/*\",\"jobs/*/*/manifest.json\"],\"delete\":[]}", x.value().toJson());
        assertEquals(List.of("models/training/s3_paths.py", "models/shared/data/parquet_export.py"), x.filesRead());
    }

    @Test
    void extract_sourceFilesOrder_decidesListOrder() {
        Extraction x = extractor.extract(export("models/shared/data/parquet_export.py", "models/training/s3_paths.py"),
                s3, Set.of("s3-permissions"));
        assertEquals(json("[\"jobs/*/*/manifest.json\",\"training-metrics/*\"]"),
                ((dev.bluerealm.json.JsonValue.JsonObject) x.value()).get("write"));
        assertEquals(json("[\"training-metrics/*\",\"jobs/*/masks/*\",\"jobs/*/*/config.json\",\"training-runs/*\"]"),
                ((dev.bluerealm.json.JsonValue.JsonObject) x.value()).get("read"));
    }

    @Test
    void extract_newPathInCode_showsAsTheRfcsOneLineChange() throws Exception {
        TestRepos.write(root, "models/training/metrics_exporter.py",
                "EXP = \"training-metrics/experiments/*\"  # blue:export s3-permissions.read\n");
        Extraction x = extractor.extract(export("models/training/s3_paths.py", "models/shared/data/parquet_export.py",
                "models/training/metrics_exporter.py"), s3, Set.of("s3-permissions"));
        List<Change> changes = ValueDiff.diff(S3_SCHEMA, S3_VALUE, x.value());
        assertEquals(List.of("+ training-metrics/experiments/*"), changes.stream().map(Change::toString).toList());
    }

    @Test
    void extract_missingSourceFile_isAProblemNotAnException() {
        Extraction x = extractor.extract(export("models/training/s3_paths.py", "models/gone.py"), s3,
                Set.of("s3-permissions"));
        assertEquals(1, x.problems().size());
        Problem p = x.problems().get(0);
        assertEquals("models/gone.py", p.file());
        assertTrue(p.message().contains("does not exist"), p.message());
        assertNotNull(x.value());
        assertEquals(List.of("models/training/s3_paths.py"), x.filesRead());
    }

    @Test
    void extract_sourceOutsideTheRepo_isRefused() throws Exception {
        TestRepos.write(tmp, "secret.py", "KEY = 'hunter2' # blue:export s3-permissions.read\n");
        Files.createSymbolicLink(root.resolve("link.py"), tmp.resolve("secret.py"));
        Extraction x = extractor.extract(export("../secret.py", "link.py"), s3, Set.of("s3-permissions"));
        assertEquals(2, x.problems().size(), x.problems()::toString);
        assertTrue(x.problems().get(0).message().contains("outside the repo"));
        assertTrue(x.problems().get(1).message().contains("symlink"));
        assertTrue(x.filesRead().isEmpty());
        assertTrue(!x.value().toJson().contains("hunter2"));
    }

    @Test
    void extract_noMarkerForTheContract_isAProblem() throws Exception {
        TestRepos.write(root, "empty.py", "print('nothing here')\n");
        Extraction x = extractor.extract(export("empty.py"), s3, Set.of("s3-permissions"));
        assertEquals(1, x.problems().size());
        assertTrue(x.problems().get(0).message().contains("no blue:export s3-permissions.<path> marker in empty.py"),
                x.problems().get(0).message());
    }

    @Test
    void extract_markerProblems_carryFileAndLine() throws Exception {
        TestRepos.write(root, "bad.py", "A = 'a' # blue:export s3-permissions.read\n"
                + "B = 'b' # blue:export s3-permission.read\n"
                + "C = 'c' # blue:export s3-permissions.reed\n");
        Extraction x = extractor.extract(export("bad.py"), s3, Set.of("s3-permissions"));
        assertEquals(List.of("bad.py:2", "bad.py:3"), x.problems().stream().map(Problem::location).toList());
        assertTrue(!x.ok());
    }

    @Test
    void extract_markersOfOtherExportedContracts_areNoProblem() throws Exception {
        TestRepos.write(root, "both.py", "A = 'a' # blue:export s3-permissions.read\n"
                + "B = 'b' # blue:export s3-permissions.v2.read\n");
        Contract v2 = Fixtures.contract("s3-permissions.v2", S3_SCHEMA, S3_VALUE);
        Set<String> exported = Set.of("s3-permissions", "s3-permissions.v2");
        Extraction x1 = extractor.extract(export("both.py"), s3, exported);
        Extraction x2 = extractor.extract(new ExportBinding("s3-permissions.v2", List.of("both.py"), Extract.MARKERS), v2,
                exported);
        assertEquals(List.of(), x1.problems());
        assertEquals(json("{\"read\":[\"a\"],\"write\":[],\"delete\":[]}"), x1.value());
        assertEquals(json("{\"read\":[\"b\"],\"write\":[],\"delete\":[]}"), x2.value());
    }

    @Test
    void extract_fileListedTwice_countsOnce() throws Exception {
        Extraction x = extractor.extract(export("models/training/s3_paths.py", "./models/training/s3_paths.py"), s3,
                Set.of("s3-permissions"));
        assertEquals(List.of(), x.problems());
        assertEquals(List.of("models/training/s3_paths.py"), x.filesRead());
    }

    @Test
    void scan_oneFile_isWhatACacheStores() {
        FileScan scan = extractor.scan("models/training/s3_paths.py", Set.of("s3-permissions"));
        assertEquals(5, scan.markers().size());
        assertEquals("models/training/s3_paths.py", scan.file());
        FileScan missing = extractor.scan("nope.py", Set.of("s3-permissions"));
        assertEquals(1, missing.problems().size());
    }
}
