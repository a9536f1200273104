package dev.bluerealm.testing;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmOptions;
import dev.bluerealm.admin.DomainRequest;
import dev.bluerealm.admin.JoinRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RFC's realm after its Initial Setup, with s3-permissions at 1.4.0: aperture (eric) exports it
 * from markers in models/training/s3_paths.py; fungal-image-analysis imports it (>=1.0.0, <2.0.0),
 * bound at 1.4.0. Both repos have joined. Built through the API; the CLI's own setup is tested by
 * its Initial Setup test.
 *
 * @param remote the realm's bare remote
 */
public record RfcWorkspace(TestRealm machine, Path aperture, Path fungal, Path remote) {
    public static final String ERIC = TestRealm.ERIC;

    /** The contract and bindings at 1.4.0, as the realm's maintainers commit them. */
    public static final Map<String, String> CONTRACT_FILES = files();

    /** On the embedded local remote, fungal maintained by {@code fungalEmail}. */
    public static RfcWorkspace create(Path tmp, String fungalEmail) throws Exception {
        TestRealm t = new TestRealm(tmp);
        return create(t, fungalEmail, null, t.remote("letemcook"));
    }

    /**
     * @param url the realm's remote (an empty repository there), or null for the embedded local one
     * @param remote that remote's bare repository on disk
     */
    public static RfcWorkspace create(TestRealm t, String fungalEmail, String url, Path remote) throws Exception {
        Path aperture = t.root().resolve("work/aperture");
        Path fungal = t.root().resolve("work/fungal-image-analysis");
        Realm.createRepository(aperture, Map.of("models/training/s3_paths.py", """
                MASKS = "jobs/*/masks/*"               # blue:export s3-permissions.read
                METRICS = "training-metrics/*"         # blue:export s3-permissions.read
                MANIFEST = "jobs/*/*/manifest.json"    # blue:export s3-permissions.write
                """), ERIC);
        Realm.createRepository(fungal, Map.of("cdk/training_tools_access_stack.py", "# policy\n"), fungalEmail);
        try (Realm r = Realm.init(new dev.bluerealm.admin.InitRequest("letemcook", url), t.options(aperture).build())) {
            r.join(new JoinRequest(aperture, null));
        }
        try (Realm r = Realm.open(t.options(aperture).build())) {
            r.createDomain(new DomainRequest("s3-access", null, "aperture", List.of("fungal-image-analysis"),
                    "s3-permissions"));
        }
        if (!fungalEmail.equals(ERIC)) {
            // another maintainer joins: the realm admits repos openly (approval of joins is its own workflow)
            String realmYaml = t.remoteFileAt(remote, "refs/heads/main", "realm.yaml");
            t.commitTo(remote, Map.of("realm.yaml", realmYaml.replace("admission: approval", "admission: open")),
                    "open admission");
        }
        RealmOptions fungalOptions = t.options(fungal).realm("letemcook").build();
        try (Realm r = Realm.open(fungalOptions)) {
            r.join(new JoinRequest(fungal, null));
        }
        t.commitTo(remote, CONTRACT_FILES, "s3-permissions 1.4.0");
        return new RfcWorkspace(t, aperture, fungal, remote);
    }

    private static Map<String, String> files() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("domains/s3-access/contracts/s3-permissions.yaml", """
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
        m.put("domains/s3-access/bindings/aperture.yaml", """
                    repo: aperture
                    role: provider
                    exports:
                      - contract: s3-permissions
                        source_files: [models/training/s3_paths.py]
                    """);
        m.put("domains/s3-access/bindings/fungal-image-analysis.yaml", """
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
        return Map.copyOf(m);
    }
}
