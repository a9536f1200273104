package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.Realm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Realm content comes from other orgs. A bad file gives a one-line error naming the file and what is
 * wrong, exit code 1, and changes nothing: not the remote, not the managed clone, not the repo.
 */
class BadInputE2ETest {
    @TempDir Path tmp;
    Cli blue;
    Path aperture;
    Path bare;
    Path clone;

    @BeforeEach
    void initialSetup() throws Exception {
        blue = new Cli(tmp.resolve("blue-home"), tmp.resolve("home"));
        aperture = tmp.resolve("work/aperture");
        Path fungal = tmp.resolve("work/fungal-image-analysis");
        Realm.createRepository(aperture, Map.of("README.md", "aperture\n"), "eric@example.com");
        Realm.createRepository(fungal, Map.of("README.md", "fungal\n"), "eric@example.com");
        ok(blue.run(aperture, "realm", "admin", "init", "--name", "letemcook"));
        ok(blue.run(aperture, "realm", "admin", "join", "letemcook"));
        ok(blue.run(aperture, "realm", "admin", "domain", "create", "s3-access", "--repos",
                "aperture,fungal-image-analysis", "--contract", "s3-permissions"));
        ok(blue.run(fungal, "realm", "admin", "join", "letemcook"));
        bare = tmp.resolve("blue-home/remotes/letemcook.git");
        clone = tmp.resolve("blue-home/realms/letemcook");
    }

    private static void ok(Cli.Result r) {
        assertEquals(0, r.code(), r.toString());
    }

    /** Another org pushes a file straight to the realm remote, bypassing the tool. */
    private void pushFromElsewhere(String path, String content) throws Exception {
        Path other = Files.createTempDirectory(tmp, "other-org");
        try (Git g = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(other.toFile()).call()) {
            Path f = other.resolve(path);
            Files.createDirectories(f.getParent());
            Files.write(f, content.getBytes(StandardCharsets.UTF_8));
            g.add().addFilepattern(".").call();
            g.commit().setMessage("edit " + path).setAuthor("mallory", "m@example.com")
                    .setCommitter("mallory", "m@example.com").setSign(false).call();
            g.push().call();
        }
    }

    /** What must not change: the remote's main, the clone's main and files, the repo's config. */
    private record Snapshot(ObjectId remote, ObjectId cloneMain, String cloneDomainYaml, String config) {}

    private Snapshot snapshot() throws Exception {
        try (Git r = Git.open(bare.toFile()); Git c = Git.open(clone.toFile())) {
            return new Snapshot(r.getRepository().resolve("refs/heads/main"),
                    c.getRepository().resolve("refs/heads/main"),
                    Files.readString(clone.resolve("domains/s3-access/domain.yaml")),
                    Files.readString(aperture.resolve(".blue/config.yaml")));
        }
    }

    private void assertOneLineError(Cli.Result r, String... fragments) {
        assertEquals(1, r.code(), r.toString());
        assertEquals("", r.out(), r.toString());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.startsWith("Error: "), err);
        for (String f : fragments) {
            assertTrue(err.contains(f), "'" + f + "' in: " + err);
        }
    }

    @Test
    void status_malformedYaml_namesFileLineAndColumn() throws Exception {
        pushFromElsewhere("repos/aperture.yaml", "name: aperture\nmaintainers: [eric@example.com\njoined_at: x\n");
        Snapshot before = snapshot();
        Cli.Result r = blue.run(aperture, "realm", "status");
        assertOneLineError(r, "repos/aperture.yaml:3:", "YAML syntax");
        assertEquals(before.cloneMain(), snapshot().cloneMain());
        assertEquals(before, snapshot());
    }

    @Test
    void status_unknownKey_namesTheKeyAndWhatIsAllowed() throws Exception {
        pushFromElsewhere("domains/s3-access/domain.yaml",
                "name: s3-access\ncreated_at: 2026-01-24T10:00:00Z\nmembers: [aperture]\ncolour: blue\n");
        Snapshot before = snapshot();
        Cli.Result r = blue.run(aperture, "realm", "status");
        assertOneLineError(r, "domains/s3-access/domain.yaml:4:1: unknown key 'colour'", "name, created_at, members");
        assertEquals(before, snapshot());
    }

    @Test
    void status_pathLikeName_isRefusedBeforeUse() throws Exception {
        pushFromElsewhere("domains/s3-access/domain.yaml",
                "name: s3-access\ncreated_at: 2026-01-24T10:00:00Z\nmembers: [aperture, ../x]\n");
        Snapshot before = snapshot();
        Cli.Result r = blue.run(aperture, "realm", "status");
        assertOneLineError(r, "domains/s3-access/domain.yaml:3:", "invalid repo name '../x'");
        assertEquals(before, snapshot());
    }

    @Test
    void status_yamlBomb_isRefusedQuickly() throws Exception {
        StringBuilder bomb = new StringBuilder("name: s3-access\ncreated_at: 2026-01-24T10:00:00Z\nmembers: [aperture]\n"
                + "description: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("x").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        pushFromElsewhere("domains/s3-access/domain.yaml", bomb.toString());
        Snapshot before = snapshot();
        Cli.Result r = blue.run(aperture, "realm", "status");
        assertOneLineError(r, "domains/s3-access/domain.yaml:", "aliases");
        assertEquals(before, snapshot());
    }

    @Test
    void write_onBrokenRealm_isRefusedAndPushesNothing() throws Exception {
        pushFromElsewhere("repos/aperture.yaml", "name: aperture\njoined_at: 2026-01-24T10:00:00Z\nrole: admin\n");
        Snapshot before = snapshot();
        Cli.Result r = blue.run(aperture, "realm", "admin", "domain", "create", "metrics", "--repos",
                "aperture,fungal-image-analysis");
        assertOneLineError(r, "repos/aperture.yaml:3:1: unknown key 'role'");
        assertEquals(before, snapshot());
    }

    @Test
    void status_errorsInSeveralFiles_areAllReportedTogether() throws Exception {
        pushFromElsewhere("repos/aperture.yaml", "name: aperture\njoined_at: yesterday\n");
        pushFromElsewhere("domains/s3-access/contracts/s3-permissions.yaml",
                "name: s3-permissions\nversion: \"1.4\"\nowner: aperture\nschema: {}\nvalue: {}\n");
        Cli.Result r = blue.run(aperture, "realm", "status");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("(2 problems)"), r.err());
        assertTrue(r.err().contains("repos/aperture.yaml:2:12: expected 'joined_at' to be a timestamp"), r.err());
        assertTrue(r.err().contains("domains/s3-access/contracts/s3-permissions.yaml:2:10: 'version': '1.4' is not a"
                + " SemVer version"), r.err());

        Cli.Result json = blue.run(aperture, "realm", "status", "--json");
        assertEquals(1, json.code());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertEquals("LOAD_ERROR", doc.get("code").asString());
        assertEquals(2, doc.get("errors").size());
        assertEquals("repos/aperture.yaml", doc.get("errors").get(1).get("file").asString());
        assertEquals(2, doc.get("errors").get(1).get("line").asInt());
    }

    @Test
    void status_outsideAnyRealm_saysHowToJoin() throws Exception {
        Path stranger = tmp.resolve("work/stranger");
        Realm.createRepository(stranger, Map.of("a", "b"), "s@example.com");
        assertOneLineError(blue.run(stranger, "realm", "status"), "not in a realm", "blue realm admin join");
    }

    @Test
    void join_unknownRealm_asksForItsUrl() throws Exception {
        Path stranger = tmp.resolve("work/stranger");
        Realm.createRepository(stranger, Map.of("a", "b"), "s@example.com");
        assertOneLineError(blue.run(stranger, "realm", "admin", "join", "nope"), "realm 'nope' is not known", "--url");
        assertTrue(Files.notExists(stranger.resolve(".blue")));
    }

    @Test
    void join_invalidAs_isRefusedNamingTheRule() throws Exception {
        Cli.Result r = blue.run(aperture, "realm", "admin", "join", "letemcook", "--as", "../x");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("invalid repo name '../x'"), r.err());
    }
}
