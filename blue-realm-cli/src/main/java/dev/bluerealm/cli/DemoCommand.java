package dev.bluerealm.cli;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code blue demo}: the RFC's "Initial Setup" on the embedded local realm, in a folder of its own,
 * running the real commands and printing them as the RFC does.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the RFC's Initial Setup (realm letemcook, repos aperture and fungal-image-analysis) "
                + "in a fresh folder, on a local realm remote.",
        footer = {"", "Example:", "  blue demo --dir /tmp/letemcook-demo"})
final class DemoCommand implements Callable<Integer> {
    static final String EMAIL = "eric@example.com";

    private final CliContext context;
    @Spec CommandSpec spec;

    @Option(names = "--dir", description = "Folder to create the demo in (must not exist or be empty; default: a new temp folder).")
    Path dir;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, RealmException {
        PrintWriter out = spec.commandLine().getOut();
        Path root = prepare();
        Path blueHome = root.resolve(".blue");
        Path aperture = root.resolve("aperture");
        Path fungal = root.resolve("fungal-image-analysis");
        Realm.createRepository(aperture, apertureFiles(), EMAIL);
        Realm.createRepository(fungal, fungalFiles(), EMAIL);
        // the demo's BLUE_HOME is a folder of its own: it does not start a daemon that would outlive it
        CliContext demo = context.with("BLUE_HOME", blueHome.toString()).with("NO_COLOR", "1").with("BLUE_DAEMON", "off");
        out.println("Demo folder: " + root + " (BLUE_HOME=" + blueHome + ")");
        out.println();
        int rc = step(out, demo.in(aperture), "# 1. Create realm (one-time)",
                "realm", "admin", "init", "--name", "letemcook");
        rc = rc != 0 ? rc : step(out, demo.in(aperture), "# 2. Register aperture in realm\n$ cd aperture",
                "realm", "admin", "join", "letemcook");
        rc = rc != 0 ? rc : step(out, demo.in(aperture), "# 3. Create the s3-access domain",
                "realm", "admin", "domain", "create", "s3-access", "--repos", "aperture,fungal-image-analysis",
                "--contract", "s3-permissions");
        rc = rc != 0 ? rc : step(out, demo.in(fungal), "# 4. Register fungal in realm\n$ cd ../fungal-image-analysis",
                "realm", "admin", "join", "letemcook");
        rc = rc != 0 ? rc : step(out, demo.in(aperture), "# 5. Check status\n$ cd ../aperture",
                "realm", "status");
        if (rc != 0) {
            return rc;
        }
        out.println("The realm and both repos are in " + root + ". Keep trying commands there:");
        out.println("  cd " + aperture);
        out.println("  export BLUE_HOME=" + blueHome);
        out.println("  blue realm status");
        return 0;
    }

    private Path prepare() throws IOException {
        if (dir == null) {
            return Files.createTempDirectory("blue-demo-").toAbsolutePath();
        }
        Path root = context.cwd().resolve(dir).toAbsolutePath().normalize();
        if (Files.exists(root)) {
            try (var entries = Files.list(root)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(root + " is not empty; give a new folder with --dir");
                }
            }
        }
        Files.createDirectories(root);
        return root;
    }

    private int step(PrintWriter out, CliContext where, String comment, String... args) {
        out.println(comment);
        out.println("$ blue " + String.join(" ", args));
        out.flush();
        int rc = Main.run(args, where, out, spec.commandLine().getErr());
        out.println();
        return rc;
    }

    private static Map<String, String> apertureFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", "# aperture\n\nTraining-tools webapp. Exports the S3 paths it needs to the letemcook realm.\n");
        files.put("models/training/s3_paths.py", """
                # S3 paths aperture reads and writes in the fungal account's bucket.
                JOB_MASKS = "jobs/*/masks/*"                 # blue:export s3-permissions.read
                JOB_CONFIG = "jobs/*/*/config.json"          # blue:export s3-permissions.read
                TRAINING_RUNS = "training-runs/*"            # blue:export s3-permissions.read
                TRAINING_METRICS = "training-metrics/*"      # blue:export s3-permissions.read
                MANIFEST = "jobs/*/*/manifest.json"          # blue:export s3-permissions.write
                METRICS_OUT = "training-metrics/*"           # blue:export s3-permissions.write
                """);
        return files;
    }

    private static Map<String, String> fungalFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", "# fungal-image-analysis\n\nOwns the bucket; grants aperture access via IAM policies.\n");
        files.put("cdk/training_tools_access_stack.py", """
                # IAM policy for aperture's training tools (binding of s3-permissions).
                READ_PATHS = ["jobs/*/masks/*", "jobs/*/*/config.json", "training-runs/*", "training-metrics/*"]
                WRITE_PATHS = ["jobs/*/*/manifest.json", "training-metrics/*"]
                """);
        return files;
    }
}
