package dev.bluerealm.internal.extract;

import static dev.bluerealm.internal.extract.Fixtures.S3_SCHEMA;
import static dev.bluerealm.internal.extract.Fixtures.S3_VALUE;
import static dev.bluerealm.internal.extract.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** Extractor with {@code extract: {file: PATH#POINTER}}. */
class ExtractorFileTest {
    @TempDir Path tmp;
    Path root;
    Extractor extractor;
    final Contract s3 = Fixtures.contract("s3-permissions", S3_SCHEMA, S3_VALUE);

    @BeforeEach
    void setUp() throws Exception {
        root = tmp.resolve("aperture");
        Files.createDirectories(root);
        extractor = new Extractor(root, new HookRunner());
    }

    private Extraction extract(String ref, String... sources) {
        List<String> files = sources.length == 0 ? List.of(ref.split("#")[0]) : List.of(sources);
        return extractor.extract(new ExportBinding("s3-permissions", files, new Extract.File(ref)), s3,
                Set.of("s3-permissions"));
    }

    @Test
    void extract_jsonFileAtPointer_isTheValueWithDefaults() throws Exception {
        TestRepos.write(root, "config/s3.json", "{\"bucket\": \"b\", \"s3\": {\"read\": [\"jobs/*/masks/*\"],"
                + " \"write\": [\"w/*\"]}}");
        Extraction x = extract("config/s3.json#/s3");
        assertEquals(List.of(), x.problems());
        assertEquals(json("{\"read\":[\"jobs/*/masks/*\"],\"write\":[\"w/*\"],\"delete\":[]}"), x.value());
        assertEquals(List.of("config/s3.json"), x.filesRead());
    }

    @Test
    void extract_yamlFileAtPointer_isTheValue() throws Exception {
        TestRepos.write(root, "config/s3.yaml", "s3:\n  read:\n    - jobs/*/masks/*\n    - \"training-runs/*\"\n"
                + "  delete: []\n");
        Extraction x = extract("config/s3.yaml#/s3");
        assertEquals(List.of(), x.problems());
        assertEquals(json("{\"read\":[\"jobs/*/masks/*\",\"training-runs/*\"],\"delete\":[],\"write\":[]}"), x.value());
    }

    @Test
    void extract_pointerWithEscapedSlashAndTilde_findsTheKey() throws Exception {
        TestRepos.write(root, "paths.json", "{\"aws/s3\": {\"~prod\": {\"read\": [\"x\"]}}}");
        Extraction x = extract("paths.json#/aws~1s3/~0prod");
        assertEquals(List.of(), x.problems());
        assertEquals(json("{\"read\":[\"x\"],\"write\":[],\"delete\":[]}"), x.value());
    }

    @Test
    void extract_noPointer_isTheWholeFile() throws Exception {
        TestRepos.write(root, "s3.yml", "read: [a]\nwrite: [b]\ndelete: [c]\n");
        assertEquals(json("{\"read\":[\"a\"],\"write\":[\"b\"],\"delete\":[\"c\"]}"), extract("s3.yml").value());
    }

    @Test
    void extract_pointerToNothing_isAProblem() throws Exception {
        TestRepos.write(root, "config/s3.json", "{\"s3\": {}}");
        Extraction x = extract("config/s3.json#/s4");
        assertNull(x.value());
        assertTrue(x.problems().get(0).message().contains("has nothing at the JSON Pointer '/s4'"),
                x.problems().toString());
    }

    @Test
    void extract_malformedPointer_isAProblem() throws Exception {
        TestRepos.write(root, "config/s3.json", "{}");
        Extraction x = extract("config/s3.json#s3");
        assertNull(x.value());
        assertTrue(x.problems().get(0).message().contains("must be empty or start with '/'"), x.problems().toString());
    }

    @Test
    void extract_badJson_isAProblemWithTheLine() throws Exception {
        TestRepos.write(root, "config/s3.json", "{\n  \"s3\": {\n    \"read\": [\"a\",]\n  }\n}\n");
        Extraction x = extract("config/s3.json#/s3");
        assertNull(x.value());
        assertEquals("config/s3.json:3", x.problems().get(0).location());
    }

    @Test
    void extract_badYaml_isAProblemWithTheLine() throws Exception {
        TestRepos.write(root, "s3.yaml", "s3:\n  read: [a\n  write: b\n");
        Extraction x = extract("s3.yaml#/s3");
        assertNull(x.value());
        assertTrue(x.problems().get(0).line() > 0, x.problems().toString());
    }

    @Test
    void extract_missingFile_isAProblem() {
        Extraction x = extract("config/none.json#/s3");
        assertNull(x.value());
        assertEquals(2, x.problems().size(), x.problems()::toString); // as source file and as extract.file
        assertTrue(x.problems().get(1).message().contains("extract.file") && x.problems().get(1).message()
                .contains("does not exist"), x.problems().toString());
    }

    @Test
    void extract_fileOutsideTheRepo_isRefused() throws Exception {
        TestRepos.write(tmp, "other/s3.json", "{\"read\":[]}");
        Extraction x = extract("../other/s3.json", "README.md");
        assertNull(x.value());
        assertTrue(x.problems().stream().anyMatch(p -> p.message().contains("outside the repo")), x.problems()::toString);
    }
}
