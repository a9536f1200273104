package dev.bluerealm.bench;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmOptions;
import dev.bluerealm.internal.yaml.RealmCodec;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.Extract;
import dev.bluerealm.model.RealmRef;
import dev.bluerealm.model.RepoConfig;
import dev.bluerealm.sync.PullRequest;
import dev.bluerealm.sync.SyncPlan;
import dev.bluerealm.sync.SyncRequest;
import dev.bluerealm.sync.SyncResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sync figures of issue 4 on the generated 2,000-contract realm with a local bare remote:
 * <ol>
 *   <li>plan + sync of one changed contract, end to end (open the realm from the exporter repo,
 *       extract, plan, push the sync branch, open the pull request), in-process and through the
 *       CLI (target ≤ 2 s);</li>
 *   <li>20 syncers at once, each a separate {@code blue realm sync} process with its own
 *       {@code BLUE_HOME} (20 machines), each changing a different contract: all land; the total
 *       time and the retries (lost compare-and-swap races) are reported.</li>
 * </ol>
 * Every exporter repo exports its contract with the {@code file} extractor (the generator gives
 * about one contract in five one), so the change is one edited JSON file.
 *
 * <p>Usage: {@code SyncBenchmark [--rounds N] [--syncers N] [--cli PATH-TO-bin/blue]}.
 */
public final class SyncBenchmark {
    private static final Pattern RETRIES = Pattern.compile("\"retries\" *: *([0-9]+)");

    private SyncBenchmark() {}

    /** A contract exported through a file, and who exports it. */
    private record Target(String domain, Contract contract, String provider, String file, String pointer,
                          List<String> sourceFiles) {}

    public static void main(String[] args) throws Exception {
        int rounds = 9;
        int syncers = 20;
        Path cli = Path.of("blue-realm-cli/target/blue/bin/blue");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--syncers" -> syncers = Integer.parseInt(args[++i]);
                case "--cli" -> cli = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path tmp = Files.createTempDirectory("sync-bench");
        try {
            Path checkout = tmp.resolve("realm");
            RealmGenerator.generate(checkout, RealmGenerator.REPOS, RealmGenerator.DOMAINS, RealmGenerator.CONTRACTS,
                    RealmGenerator.SEED);
            RealmGenerator.commit(checkout);
            String url = RealmGenerator.createBareRemote(checkout, tmp.resolve("remote.git"));
            List<Target> targets = targets(checkout);
            int warmup = 3;
            int needed = warmup + rounds + rounds + syncers;
            if (targets.size() < needed) {
                throw new IllegalStateException("only " + targets.size() + " file-exported contracts; need " + needed);
            }
            System.out.println("# Sync benchmarks (" + java.time.LocalDate.now() + ", "
                    + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.version")
                    + ")\n");
            System.out.println("Realm: " + RealmGenerator.REPOS + " repos, " + RealmGenerator.DOMAINS + " domains, "
                    + RealmGenerator.CONTRACTS + " contracts (`RealmGenerator`, seed 42), local bare remote; "
                    + targets.size() + " contracts exported with the file extractor.\n");
            System.out.println("| measure | median (ms) | p10 | p90 | target |");
            System.out.println("|---|---:|---:|---:|---|");
            int next = 0;

            // 1a. in-process
            List<Double> inProcess = new ArrayList<>();
            Path home = tmp.resolve("home-inprocess");
            for (int i = 0; i < warmup + rounds; i++) {
                Target t = targets.get(next++);
                Path repo = exporter(tmp, t, url, i);
                long t0 = System.nanoTime();
                SyncResult r;
                SyncPlan plan;
                try (Realm realm = Realm.open(options(repo, home))) {
                    if (System.getenv("SYNC_DEBUG") != null) {
                        System.err.println("target " + t + "\n" + realm.checker().check(new dev.bluerealm.contract.CheckRequest(
                                dev.bluerealm.contract.CheckMode.EXPORTER, t.domain(), t.contract().name(), null, null,
                                false, false)).findings());
                    }
                    plan = realm.syncPlanner(SyncRequest.defaults()).plan();
                    r = realm.sync(plan, SyncRequest.defaults());
                }
                double ms = ms(System.nanoTime() - t0);
                if (r.opened() == null) {
                    throw new IllegalStateException("round " + i + " opened no pull request: " + plan.problems()
                            + " " + r);
                }
                if (i >= warmup) {
                    inProcess.add(ms);
                }
            }
            CheckBenchmark.row("plan + sync of one changed contract, in-process (open, extract, plan, push, open PR)",
                    inProcess, "≤ 2,000 ms");

            // 1b. through the CLI
            if (Files.isExecutable(cli)) {
                String blue = cli.toAbsolutePath().toString();
                Path cliHome = tmp.resolve("home-cli");
                run(tmp, cliHome, blue, "realm", "admin", "join", "bench", "--url", url); // clones; fails to join: fine
                List<Double> version = new ArrayList<>();
                List<Double> sync = new ArrayList<>();
                List<Double> beyond = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    Target t = targets.get(next++);
                    Path repo = exporter(tmp, t, url, 100 + i);
                    double v = run(repo, cliHome, blue, "--version").ms();
                    Run s = run(repo, cliHome, blue, "realm", "sync", "--json");
                    // exit 2: the provider's other exports have no code in this repo (reported as problems)
                    if (s.code() == 1 || !s.out().contains("\"number\"")) {
                        throw new IllegalStateException("blue realm sync opened no pull request: " + s.out());
                    }
                    version.add(v);
                    sync.add(s.ms());
                    beyond.add(s.ms() - v);
                }
                CheckBenchmark.row("CLI: `blue --version` (same run)", version, "");
                CheckBenchmark.row("CLI: `blue realm sync` of one changed contract", sync, "≤ 2,000 ms");
                CheckBenchmark.row("CLI: sync beyond `--version`", beyond, "");

                // 2. concurrent syncers, each its own machine
                List<Path> repos = new ArrayList<>();
                List<Path> homes = new ArrayList<>();
                for (int k = 0; k < syncers; k++) {
                    Target t = targets.get(next++);
                    repos.add(exporter(tmp, t, url, 1000 + k));
                    Path h = tmp.resolve("machine-" + k);
                    homes.add(h);
                    run(repos.get(k), h, blue, "realm", "status", "--offline"); // the clone, made ahead
                }
                int before = pullRequests(homes.get(0), repos.get(0));
                long t0 = System.nanoTime();
                List<Process> processes = new ArrayList<>();
                for (int k = 0; k < syncers; k++) {
                    processes.add(start(repos.get(k), homes.get(k), blue, "realm", "sync", "--json"));
                }
                int retries = 0;
                int failed = 0;
                for (Process p : processes) {
                    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() == 1 || !out.contains("\"number\"")) {
                        failed++;
                        System.err.println(out);
                    }
                    Matcher m = RETRIES.matcher(out);
                    if (m.find()) {
                        retries += Integer.parseInt(m.group(1));
                    }
                }
                double total = ms(System.nanoTime() - t0);
                int after = pullRequests(homes.get(0), repos.get(0));
                System.out.println();
                System.out.printf("%d concurrent `blue realm sync` processes (one BLUE_HOME each), each changing a"
                        + " different contract: %s in %.0f ms total; %d new pull requests (expected %d), %d retries"
                        + " after lost compare-and-swap races, %d failed.%n", syncers,
                        failed == 0 && after - before == syncers ? "all landed" : "NOT all landed", total,
                        after - before, syncers, retries, failed);
            } else {
                System.out.println("\n(CLI part skipped: " + cli + " not found; run `mvn install` first.)");
            }
            System.out.println();
        } finally {
            CheckBenchmark.deleteTree(tmp);
        }
    }

    /** The contracts whose provider exports them with the file extractor. */
    private static List<Target> targets(Path checkout) throws Exception {
        List<Target> out = new ArrayList<>();
        Set<String> providers = new HashSet<>();
        try (Realm realm = Realm.open(RealmOptions.builder().location(checkout).workingDirectory(checkout)
                .blueHome(checkout.resolveSibling("home-scan")).build())) {
            for (DomainModel d : realm.model().domains().values()) {
                for (Binding b : d.bindings().values()) {
                    for (ExportBinding e : b.exports()) {
                        Contract c = d.contracts().get(e.contract());
                        // one contract per provider: each exporter repo is its own repo of the realm
                        if (c != null && e.extract() instanceof Extract.File f && providers.add(b.repo())) {
                            String[] ref = f.ref().split("#", 2);
                            out.add(new Target(d.name(), c, b.repo(), ref[0], ref.length > 1 ? ref[1] : "",
                                    e.sourceFiles()));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The provider's repo with the contract's value plus one new item, and its .blue/config.yaml. */
    private static Path exporter(Path tmp, Target t, String url, int round) throws Exception {
        Path dir = tmp.resolve("repos").resolve(round + "-" + t.provider());
        JsonValue value = withExtra(t.contract().value(), "bench/round-" + round + "/*");
        JsonValue file = value;
        String[] steps = t.pointer().isEmpty() ? new String[0] : t.pointer().substring(1).split("/");
        for (int i = steps.length - 1; i >= 0; i--) {
            file = JsonValue.object(Map.of(steps[i], file));
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (String source : t.sourceFiles()) {
            files.put(source, "# the code behind " + t.contract().name() + "\n"); // declared sources must exist
        }
        files.put(t.file(), file.toJson() + "\n");
        files.put(RepoConfig.PATH, new String(new RealmCodec().write(new RepoConfig(new RealmRef(RealmGenerator.REALM,
                url), t.provider())), StandardCharsets.UTF_8));
        Realm.createRepository(dir, files, t.provider() + "@bench.example");
        return dir;
    }

    /** The value with {@code item} added to its first list of strings. */
    private static JsonValue withExtra(JsonValue value, String item) {
        Map<String, JsonValue> members = new LinkedHashMap<>(((JsonValue.JsonObject) value).members());
        for (Map.Entry<String, JsonValue> e : members.entrySet()) {
            if (e.getValue() instanceof JsonValue.JsonArray a
                    && a.items().stream().allMatch(x -> x instanceof JsonValue.JsonString)) {
                List<JsonValue> items = new ArrayList<>(a.items());
                items.add(JsonValue.string(item));
                members.put(e.getKey(), JsonValue.array(items));
                return JsonValue.object(members);
            }
        }
        throw new IllegalStateException("no list of strings in " + value.toJson());
    }

    private static RealmOptions options(Path repo, Path home) {
        return RealmOptions.builder().workingDirectory(repo).blueHome(home)
                .environment(Map.of("HOME", home.resolveSibling("user-home").toString())).build();
    }

    private static int pullRequests(Path home, Path repo) throws Exception {
        try (Realm realm = Realm.open(options(repo, home))) {
            return realm.pullRequests(null).size();
        }
    }

    private record Run(int code, double ms, String out) {}

    private static Process start(Path dir, Path home, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("BLUE_HOME", home.toString());
        pb.environment().put("BLUE_DAEMON", "off");
        pb.environment().put("NO_COLOR", "1");
        return pb.start();
    }

    private static Run run(Path dir, Path home, String... command) throws Exception {
        long t0 = System.nanoTime();
        Process p = start(dir, home, command);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        return new Run(p.exitValue(), ms(System.nanoTime() - t0), out);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
