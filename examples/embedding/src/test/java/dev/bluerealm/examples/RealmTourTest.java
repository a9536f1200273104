package dev.bluerealm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmOptions;
import dev.bluerealm.admin.DomainRequest;
import dev.bluerealm.admin.InitRequest;
import dev.bluerealm.admin.JoinRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example runs, against a realm built through the API alone. */
class RealmTourTest {
    @TempDir Path tmp;

    @Test
    void main_joinedRepo_printsDomainsAndContracts() throws Exception {
        Path aperture = tmp.resolve("aperture");
        Realm.createRepository(aperture, Map.of("README.md", "aperture\n"), "eric@example.com");
        RealmOptions options = RealmOptions.builder().workingDirectory(aperture).blueHome(tmp.resolve("blue-home")).build();
        try (Realm realm = Realm.init(new InitRequest("letemcook", null), options)) {
            realm.join(new JoinRequest(aperture, null));
            realm.createDomain(DomainRequest.ofRepos("s3-access", List.of("aperture", "fungal-image-analysis"),
                    "s3-permissions"));
        }
        // Realm.open(Path) takes BLUE_HOME from the process; the example's own main is what we run
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (Realm realm = Realm.open(options.toBuilder().location(aperture).build())) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            RealmTour.print(realm);
        } finally {
            System.setOut(original);
        }
        assertEquals("""
                aperture in realm letemcook
                  s3-access (provider)
                    s3-permissions v1.0.0, owned by aperture
                """, captured.toString(StandardCharsets.UTF_8));
    }
}
