package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bluerealm.Realm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;

/**
 * The RFC's realm after its Initial Setup, with s3-permissions at 1.4.0: aperture exports it from
 * markers in models/training/s3_paths.py, fungal-image-analysis imports it (>=1.0.0, <2.0.0) bound
 * at 1.4.0. Both repos are joined; the realm's remote is the embedded local one.
 *
 * @param remote the realm's bare remote
 */
record RfcWorkspace(Path aperture, Path fungal, Path remote) {

    static RfcWorkspace create(Cli blue, Path tmp, String fungalEmail) throws Exception {
        return create(blue, tmp, fungalEmail, null, tmp.resolve("blue-home/remotes/letemcook.git"));
    }

    /**
     * @param url the realm's remote (an empty repository there), or null for the embedded local one
     * @param remote that remote's bare repository on disk
     */
    static RfcWorkspace create(Cli blue, Path tmp, String fungalEmail, String url, Path remote) throws Exception {
        Path aperture = tmp.resolve("work/aperture");
        Path fungal = tmp.resolve("work/fungal-image-analysis");
        Realm.createRepository(aperture, Map.of("models/training/s3_paths.py", """
                MASKS = "jobs/*/masks/*"               # blue:export s3-permissions.read
                METRICS = "training-metrics/*"         # blue:export s3-permissions.read
                MANIFEST = "jobs/*/*/manifest.json"    # blue:export s3-permissions.write
                """), "eric@example.com");
        Realm.createRepository(fungal, Map.of("cdk/training_tools_access_stack.py", "# policy\n"), fungalEmail);
        ok(url == null ? blue.run(aperture, "realm", "admin", "init", "--name", "letemcook")
                : blue.run(aperture, "realm", "admin", "init", "--name", "letemcook", "--url", url));
        ok(blue.run(aperture, "realm", "admin", "join", "letemcook"));
        ok(blue.run(aperture, "realm", "admin", "domain", "create", "s3-access", "--repos",
                "aperture,fungal-image-analysis", "--contract", "s3-permissions"));
        if (!fungalEmail.equals("eric@example.com")) {
            // another maintainer joins: the realm admits repos openly (approval of joins is its own workflow)
            dev.bluerealm.testing.TestRealm t = new dev.bluerealm.testing.TestRealm(tmp);
            String realmYaml = t.remoteFileAt(remote, "refs/heads/main", "realm.yaml");
            t.commitTo(remote, Map.of("realm.yaml", realmYaml.replace("admission: approval",
                    "admission: open")), "open admission");
        }
        ok(blue.run(fungal, "realm", "admin", "join", "letemcook"));
        // the contract as the RFC has it at 1.4.0, committed to the realm by its maintainers
        Path edit = tmp.resolve("edit");
        try (Git g = Git.cloneRepository().setURI(remote.toUri().toString())
                .setDirectory(edit.toFile()).call()) {
            Files.writeString(edit.resolve("domains/s3-access/contracts/s3-permissions.yaml"), """
                    name: s3-permissions
                    version: "1.4.0"
                    owner: aperture
                    schema:
                      type: object
                      required: [read]
                      properties:
                        read: {type: array, items: {type: string}}
                        write: {type: array, items: {type: string}, default: []}
                        delete: {type: array, items: {type: string}, default: []}
                    value:
                      read: ["jobs/*/masks/*", "training-metrics/*"]
                      write: ["jobs/*/*/manifest.json"]
                      delete: []
                    """);
            Files.writeString(edit.resolve("domains/s3-access/bindings/aperture.yaml"), """
                    repo: aperture
                    role: provider
                    exports:
                      - contract: s3-permissions
                        source_files: [models/training/s3_paths.py]
                    """);
            Files.writeString(edit.resolve("domains/s3-access/bindings/fungal-image-analysis.yaml"), """
                    repo: fungal-image-analysis
                    role: consumer
                    imports:
                      - contract: s3-permissions
                        version: ">=1.0.0, <2.0.0"
                        binding: cdk/training_tools_access_stack.py
                        status: current
                        resolved_version: "1.4.0"
                        resolved_at: 2026-01-24T12:00:00Z
                    """);
            g.add().addFilepattern(".").call();
            g.commit().setMessage("s3-permissions 1.4.0").setAuthor("eric", "eric@example.com")
                    .setCommitter("eric", "eric@example.com").setSign(false).call();
            g.push().call();
        }
        return new RfcWorkspace(aperture, fungal, remote);
    }

    private static void ok(Cli.Result r) {
        assertEquals(0, r.code(), r.toString());
    }
}
