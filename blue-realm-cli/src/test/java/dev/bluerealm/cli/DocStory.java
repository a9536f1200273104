package dev.bluerealm.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands behind docs/cli/realm.md: {@code blue demo} (the RFC's story), its steps shown
 * again in the sections of their commands, then more commands in the folder the demo leaves. Each
 * capture is the text of one block of the doc: {@code $ } lines and what the commands printed.
 */
final class DocStory {
    /** Where the doc says the demo folder is. */
    static final String ROOT = "/tmp/letemcook";

    private final Cli blue;
    private final Path root;
    private final Path home;
    private final OutputNormalizer normalizer;
    private final Map<String, StringBuilder> captures = new LinkedHashMap<>();
    private final List<List<String>> ran = new ArrayList<>();
    private DemoTranscript demo;

    private DocStory(Path tmp) {
        this.root = tmp.resolve("letemcook");
        this.home = tmp.resolve("home");
        this.blue = new Cli(root.resolve(".blue"), home);
        this.normalizer = new OutputNormalizer().path(tmp.resolve("run"), "/run/user/1000/blue").path(root, ROOT)
                .path(tmp.resolve("home"), "/home/eric");
    }

    static DocStory run(Path tmp) throws Exception {
        DocStory s = new DocStory(tmp);
        s.tell();
        return s;
    }

    /** Block id → content. */
    Map<String, String> captures() {
        Map<String, String> out = new LinkedHashMap<>();
        captures.forEach((id, text) -> out.put(id, text.toString().stripTrailing()));
        return out;
    }

    /** Every command line run, as arguments after {@code blue}. */
    List<List<String>> ran() {
        return ran;
    }

    private void tell() throws Exception {
        runDemo();
        fromDemo("admin-init", "realm admin init --name letemcook", 1);
        fromDemo("admin-join", "realm admin join letemcook", 2);
        fromDemo("admin-domain-create", "realm admin domain create s3-access --repos aperture,fungal-image-analysis"
                + " --contract s3-permissions", 1);
        fromDemo("status-exporter-change", "realm status", 2);
        fromDemo("status-importer-pending", "realm status", 3);
        fromDemo("sync-exporter", "realm sync", 1);
        fromDemo("sync-importer", "realm sync", 2);
        fromDemo("worktree", "realm worktree --rfc training-metrics-v2", 1);
        fromDemo("pr", "realm pr --title \"feat: training metrics v2\"", 1);
        fromDemo("pr", "realm pr --status", 1);

        run("status-consumer", "fungal-image-analysis", "realm", "status");
        run("status-realm-checkout", ".blue/realms/letemcook", "realm", "status");
        run("status-json", "aperture", "realm", "status", "--offline", "--json");

        run("check", "aperture", "realm", "check", "--mode=exporter");
        run("check", ".blue/realms/letemcook", "realm", "check", "--mode=contract");
        run("check", ".blue/realms/letemcook", "realm", "check", "--mode=compatibility", "--contract",
                "s3-permissions", "--from", "1.4.0", "--to", "1.5.0");
        run("check", "ml-infra", "realm", "check", "--mode=importer");
        run("check-mismatch", WORKTREE_APERTURE, "realm", "check", "--mode=exporter");
        run("check-json", "fungal-image-analysis", "realm", "check", "--json");

        write("old.yaml", """
                type: object
                required: [read]
                properties:
                  read: {type: array, items: {type: string}}
                """);
        write("new.yaml", """
                type: object
                required: [read]
                properties:
                  read: {type: array, items: {type: string}}
                  delete: {type: array, items: {type: string}, default: []}
                """);
        run("schema-compat", "", "schema", "compat", "old.yaml", "new.yaml");

        run("cache-stats", "aperture", "realm", "admin", "cache", "stats");
        run("cache-stats", "aperture", "realm", "admin", "cache", "clear");

        run("domain-cycle", "aperture", "realm", "admin", "domain", "create", "feedback-loop", "--repos",
                "ml-infra,aperture");
        run("domain-list", "aperture", "realm", "admin", "domain", "list");
        run("graph", "aperture", "realm", "graph");
        run("graph", "aperture", "realm", "graph", "--format", "svg", "-o", "realm.svg");

        joinRequest();
        run("invite", "aperture", "realm", "admin", "invite", "feature-store");

        run("worktree", "aperture", "realm", "worktree", "--rfc", "training-metrics-v2");
        run("worktree-json", "fungal-image-analysis", "realm", "worktree", "--rfc", "training-metrics-v2", "--json");
        run("pr", WORKTREE_APERTURE, "realm", "pr", "--merge", "--repo", "fungal-image-analysis");
        run("pr", WORKTREE_APERTURE, "realm", "pr", "--merge", "--repo", "aperture");
        run("pr-json", WORKTREE_APERTURE, "realm", "pr", "--status", "--json");
        run("pr", WORKTREE_APERTURE, "realm", "pr", "--merge");
        pull("aperture");
        pull("fungal-image-analysis");
        run("worktree-remove", "fungal-image-analysis", "realm", "worktree", "--rfc", "training-metrics-v2", "--remove");

        daemonAndWatch();

        run("leave", "fungal-image-analysis", "realm", "admin", "leave");
        run("leave", "ml-infra", "realm", "admin", "leave");
        badInput();
    }

    /** The worktree the demo's coordinated change lives in. */
    private static final String WORKTREE_APERTURE = "aperture/.worktrees/feat-training-metrics-v2";

    /** A repo whose maintainer is not an approver asks to join; an approver approves; it joins. */
    private void joinRequest() throws Exception {
        dev.bluerealm.Realm.createRepository(root.resolve("data-catalog"),
                Map.of("README.md", "# data-catalog\n\nIndexes the datasets of the training pipeline.\n"),
                "fiona@example.com");
        Cli.Result asked = run("join-request", "data-catalog", "realm", "admin", "join", "letemcook");
        java.util.regex.Matcher pr = java.util.regex.Pattern.compile("PR #(\\d+)").matcher(asked.out());
        if (!pr.find()) {
            throw new AssertionError("no join request: " + asked);
        }
        run("approve", "aperture", "realm", "approve", pr.group(1));
        run("join-request", "data-catalog", "realm", "admin", "join", "letemcook");
    }

    /** A daemon for the demo's BLUE_HOME: start, status, a watch told of a sync, stop. */
    private void daemonAndWatch() throws Exception {
        Cli withDaemon = new Cli(root.resolve(".blue"), home).withDaemon(root.getParent().resolve("run"));
        run(withDaemon, "daemon", "", "daemon", "start");
        run(withDaemon, "daemon", "", "daemon", "start");
        run(withDaemon, "daemon", "", "daemon", "status");
        try {
            append(root.resolve("aperture/models/training/metrics_exporter.py"),
                    "CHECKPOINTS_PREFIX = \"training-metrics/checkpoints/*\"  # blue:export s3-permissions.write\n");
            dev.bluerealm.testing.TestRealm.commit(root.resolve("aperture"), Map.of(), false);
            java.util.concurrent.CompletableFuture<Cli.Result> watch = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> withDaemon.run(root.resolve("fungal-image-analysis"), "realm", "watch", "--max", "1", "--interval", "1"));
            awaitSession(withDaemon, "fungal-image-analysis");
            run(withDaemon, "watch-sync", "aperture", "realm", "sync");
            Cli.Result watched = watch.get(60, java.util.concurrent.TimeUnit.SECONDS);
            ran.add(List.of("realm", "watch"));
            append("watch", "$ cd fungal-image-analysis && blue realm watch --max 1\n" + daemonLine(normalizer.apply(watched.out() + watched.err())));
        } finally {
            run(withDaemon, "daemon", "", "daemon", "stop");
        }
    }

    private void awaitSession(Cli withDaemon, String repo) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Cli.Result status = withDaemon.run(root.resolve("aperture"), "realm", "status", "--offline");
            if (status.out().contains("• " + repo)) {
                if (status.out().substring(status.out().indexOf("Active sessions")).contains(repo)) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(repo + "'s watch never showed up in the daemon's sessions");
    }

    /** The realm's files on disk, broken: a realm checkout's status says what and where. */
    private void badInput() throws Exception {
        Path contract = root.resolve("letemcook/domains/s3-access/contracts/s3-permissions.yaml");
        Path repo = root.resolve("letemcook/repos/aperture.yaml");
        String contractText = Files.readString(contract);
        String repoText = Files.readString(repo);
        try {
            Files.writeString(contract, contractText.replaceFirst("(?m)^version: .*$", "version: \"1.4\""));
            Files.writeString(repo, repoText.replaceFirst("(?m)^joined_at: .*$", "joined_at: yesterday"));
            run("bad-input", "letemcook", "realm", "status");
        } finally {
            Files.writeString(contract, contractText);
            Files.writeString(repo, repoText);
        }
    }

    private void runDemo() {
        Cli.Result r = blue.run(root.getParent(), "demo", "--dir", root.toString());
        if (r.code() != 0) {
            throw new AssertionError("the demo failed: " + r);
        }
        ran.add(List.of("demo"));
        demo = DemoTranscript.parse(r.out());
        demo.steps().forEach(step -> ran.add(List.of(step.command().split(" "))));
        append("demo", "$ blue demo --dir " + ROOT + "\n" + normalizer.apply(r.out()));
    }

    /** A step of the demo, as a block of its own. */
    private void fromDemo(String id, String command, int nth) {
        DemoTranscript.Step step = demo.step(command, nth)
                .orElseThrow(() -> new AssertionError("the demo has no step " + nth + " running `blue " + command + "`"));
        append(id, "$ " + (step.dir().isEmpty() ? "" : "cd " + step.dir() + " && ") + "blue " + command + "\n"
                + normalizer.apply(step.output()));
    }

    /** Runs {@code blue args} in {@code dir} (relative to the demo folder) and appends it to a block. */
    private Cli.Result run(String id, String dir, String... args) {
        return run(blue, id, dir, args);
    }

    private Cli.Result run(Cli cli, String id, String dir, String... args) {
        Cli.Result r = cli.run(dir.isEmpty() ? root : root.resolve(dir), args);
        ran.add(List.of(args));
        StringBuilder block = captures.get(id);
        boolean sameDir = block != null && dir.equals(lastDir.get(id));
        lastDir.put(id, dir);
        String shown = "$ " + (sameDir || dir.isEmpty() && block == null ? "" : "cd " + (dir.isEmpty() ? ROOT : dir) + " && ")
                + "blue " + String.join(" ", quoted(args));
        append(id, shown + "\n" + daemonLine(normalizer.apply(r.out() + r.err())));
        return r;
    }

    /** A daemon's pid and port differ from run to run: the doc shows the default port and a pid. */
    private static String daemonLine(String text) {
        return text.replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:7865").replaceAll("pid \\d+", "pid 48211")
                .replaceAll("port \\d+", "port 7865").replaceAll("\\(session \\d+\\)", "(session 3)");
    }

    private final Map<String, String> lastDir = new LinkedHashMap<>();

    private static List<String> quoted(String... args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            out.add(a.matches("[A-Za-z0-9_./=,:@%+-]+") ? a : "\"" + a.replace("\"", "\\\"") + "\"");
        }
        return out;
    }

    private void write(String file, String text) throws Exception {
        Files.writeString(root.resolve(file), text, StandardCharsets.UTF_8);
    }

    /** What a user does before removing the worktrees: bring main up to date with what the PRs merged. */
    private void pull(String repo) throws Exception {
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(root.resolve(repo).toFile())) {
            git.pull().call();
        }
    }

    private static void append(Path file, String line) throws Exception {
        Files.writeString(file, line, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    private void append(String id, String text) {
        StringBuilder b = captures.computeIfAbsent(id, k -> new StringBuilder());
        if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
            b.append('\n');
        }
        b.append(text);
    }
}
