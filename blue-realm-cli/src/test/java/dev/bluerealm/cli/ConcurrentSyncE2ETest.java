package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.testing.RfcWorkspace;
import dev.bluerealm.testing.TestRealm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two repos run {@code blue realm sync} at the same moment, as separate processes, on one realm:
 * both changes land, each in its own pull request, nothing twice (DESIGN §5 item 5).
 */
class ConcurrentSyncE2ETest {
    @TempDir Path tmp;

    @Test
    void twoReposSyncingAtOnce_bothChangesLandOnce() throws Exception {
        RfcWorkspace w = RfcWorkspace.create(tmp, "fiona@example.com");
        // fungal owns a contract of its own that nobody imports: its pull request merges at once
        TestRealm.commit(w.fungal(), Map.of("cdk/roles.py",
                "ROLE = \"training-reader\"  # blue:export iam-roles.roles\n"), false);
        new TestRealm(tmp).commitToRemote("letemcook", Map.of(
                "domains/s3-access/contracts/iam-roles.yaml", """
                        name: iam-roles
                        version: "1.0.0"
                        owner: fungal-image-analysis
                        schema:
                          type: object
                          properties:
                            roles: {type: array, items: {type: string}}
                        value:
                          roles: ["training-reader"]
                        """,
                "domains/s3-access/bindings/fungal-image-analysis.yaml",
                RfcWorkspace.CONTRACT_FILES.get("domains/s3-access/bindings/fungal-image-analysis.yaml")
                        .replace("role: consumer", "role: both\nexports:\n  - contract: iam-roles\n"
                                + "    source_files: [cdk/roles.py]")), "iam-roles 1.0.0");
        Files.writeString(w.aperture().resolve("models/training/s3_paths.py"),
                "EXPERIMENTS = \"training-metrics/experiments/*\"  # blue:export s3-permissions.read\n",
                StandardOpenOption.APPEND);
        Files.writeString(w.fungal().resolve("cdk/roles.py"),
                "WRITER = \"training-writer\"  # blue:export iam-roles.roles\n", StandardOpenOption.APPEND);

        Path start = tmp.resolve("start");
        List<Process> syncs = new ArrayList<>();
        for (Path repo : List.of(w.aperture(), w.fungal())) {
            syncs.add(blue(repo, start, "realm", "sync"));
        }
        Files.writeString(start, "go"); // both processes are up: let them race
        for (Process p : syncs) {
            assertTrue(p.waitFor(3, TimeUnit.MINUTES), "a sync hung");
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.exitValue(), out);
        }

        try (Repository remote = Git.open(w.remote().toFile()).getRepository()) {
            TestRealm t = new TestRealm(tmp);
            String pulls1 = t.remoteFileAt(w.remote(), "refs/blue/pulls", "pulls/1.json");
            String pulls2 = t.remoteFileAt(w.remote(), "refs/blue/pulls", "pulls/2.json");
            assertTrue(pulls1 != null && pulls2 != null, "two pull requests");
            assertEquals(null, t.remoteFileAt(w.remote(), "refs/blue/pulls", "pulls/3.json"), "a third: something twice");
            String fungalPull = pulls1.contains("iam-roles") ? pulls1 : pulls2;
            String aperturePull = pulls1.contains("iam-roles") ? pulls2 : pulls1;
            assertTrue(fungalPull.contains("\"state\": \"merged\""), fungalPull);
            // fungal imports s3-permissions: when aperture's pull request was open before fungal's sync
            // read the realm, that sync acknowledged it and it merged; otherwise it waits for fungal
            boolean acknowledged = aperturePull.contains("\"state\": \"merged\"");
            assertTrue(acknowledged || aperturePull.contains("\"state\": \"open\""), aperturePull);
            String roles = t.remoteFileAt(w.remote(), "refs/heads/main", "domains/s3-access/contracts/iam-roles.yaml");
            assertTrue(roles.contains("training-writer") && roles.contains("1.1.0"), roles);
            String permissions = t.remoteFileAt(w.remote(), "refs/heads/main",
                    "domains/s3-access/contracts/s3-permissions.yaml");
            assertEquals(acknowledged, permissions.contains("training-metrics/experiments/*"), permissions);
            assertEquals(acknowledged ? 0 : 1, remote.getRefDatabase().getRefsByPrefix("refs/heads/sync/").size(),
                    "aperture's open branch only: " + remote.getRefDatabase().getRefsByPrefix("refs/heads/sync/"));
        }
    }

    /** A {@code blue} process in {@code repo} that starts its command once {@code start} exists. */
    private Process blue(Path repo, Path start, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StartWhenReady.class.getName(), start.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        pb.environment().put("BLUE_HOME", tmp.resolve("blue-home").toString());
        pb.environment().put("HOME", tmp.resolve("home").toString());
        pb.environment().put("BLUE_DAEMON", "off");
        pb.environment().put("NO_COLOR", "1");
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        return pb.start();
    }

    /** Waits for a start file, then runs {@code blue} with the rest of its arguments. */
    public static final class StartWhenReady {
        public static void main(String[] args) throws Exception {
            Path start = Path.of(args[0]);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!Files.exists(start) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Main.main(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
    }
}
