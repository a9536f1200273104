package dev.bluerealm.bench;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmOptions;
import dev.bluerealm.admin.DomainRequest;
import dev.bluerealm.admin.InitRequest;
import dev.bluerealm.admin.JoinRequest;
import dev.bluerealm.contract.CheckMode;
import dev.bluerealm.contract.CheckReport;
import dev.bluerealm.contract.CheckRequest;
import dev.bluerealm.contract.CompatibilityReport;
import dev.bluerealm.contract.SchemaCompatibility;
import dev.bluerealm.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;

/**
 * The figures of the contract-semantics issue, each against a baseline measured in the same run:
 * <ol>
 *   <li>{@code realm check --mode=contract} over the generated 2,000-contract realm, in-process
 *       (target ≤ 1.5 s), and through the CLI inside the realm checkout beyond what
 *       {@code blue --version} takes (target ≤ 2.0 s);</li>
 *   <li>export extraction on a generated repo of 5,000 source files, 1% carrying markers: cold
 *       (empty cache) against warm (target: warm ≤ 1/10 of cold);</li>
 *   <li>compatibility of two 200-property schemas, a fresh pair each time (target ≤ 5 ms median).</li>
 * </ol>
 * Usage: {@code CheckBenchmark [--rounds N] [--cli PATH-TO-bin/blue] [--only contract|extraction|compat]}.
 * Markdown on stdout.
 */
public final class CheckBenchmark {
    private CheckBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = 9;
        Path cli = Path.of("blue-realm-cli/target/blue/bin/blue");
        String only = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--only")) {
                only = args[++i];
            } else if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--cli")) {
                cli = Path.of(args[++i]);
            }
        }
        Path tmp = Files.createTempDirectory("check-bench");
        try {
            System.out.println("# Contract-semantics benchmarks (" + java.time.LocalDate.now() + ", "
                    + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.version")
                    + ")\n");
            if (only == null || only.equals("contract")) {
                contractMode(tmp.resolve("realm"), rounds, cli);
            }
            if (only == null || only.equals("extraction")) {
                extraction(tmp.resolve("extract"), rounds);
            }
            if (only == null || only.equals("compat")) {
                compatibility(Math.max(rounds, 9) * 20);
            }
        } finally {
            deleteTree(tmp);
        }
    }

    // ------------------------------------------------------------------ 1. contract mode

    private static void contractMode(Path dir, int rounds, Path cli) throws Exception {
        RealmGenerator.generate(dir, RealmGenerator.REPOS, RealmGenerator.DOMAINS, RealmGenerator.CONTRACTS,
                RealmGenerator.SEED);
        RealmGenerator.commit(dir);
        RealmOptions options = RealmOptions.builder().location(dir).workingDirectory(dir)
                .blueHome(dir.resolveSibling("blue-home")).build();
        List<Double> inProcess = new ArrayList<>();
        List<Double> opens = new ArrayList<>();
        List<Double> checks = new ArrayList<>();
        int findings = -1;
        int warmup = 5;
        for (int i = 0; i < rounds + warmup; i++) {
            System.gc();
            long t0 = System.nanoTime();
            long t1;
            try (Realm realm = Realm.open(options)) {
                t1 = System.nanoTime();
                CheckReport r = realm.checker().check(new CheckRequest(CheckMode.CONTRACT, null, null, null, null, true,
                        false));
                findings = r.findings().size() + r.passed().size();
            }
            long t2 = System.nanoTime();
            if (i >= warmup) {
                inProcess.add(ms(t2 - t0));
                opens.add(ms(t1 - t0));
                checks.add(ms(t2 - t1));
            }
        }
        System.out.println("## 1. `realm check --mode=contract` over 2,000 contracts\n");
        System.out.println("Realm: " + RealmGenerator.REPOS + " repos, " + RealmGenerator.DOMAINS + " domains, "
                + RealmGenerator.CONTRACTS + " contracts (`RealmGenerator`, seed 42); " + findings
                + " findings + passes per run.\n");
        System.out.println("| measure | median (ms) | p10 | p90 | target |");
        System.out.println("|---|---:|---:|---:|---|");
        row("in-process: `Realm.open` (realm checkout) + `check(CONTRACT)`, warm", inProcess, "≤ 1,500 ms");
        row("  of which `Realm.open` (load the whole realm)", opens, "");
        row("  of which `check(CONTRACT)`", checks, "");
        if (Files.isExecutable(cli)) {
            String blue = cli.toAbsolutePath().toString();
            Path snapshot = dir.resolve(".git/blue/model.snapshot");
            run(dir, Map.of(), blue, "realm", "check", "--mode=contract"); // leaves the model snapshot
            List<Double> version = new ArrayList<>();
            List<Double> check = new ArrayList<>();
            List<Double> beyond = new ArrayList<>();
            List<Double> fresh = new ArrayList<>();
            List<Double> freshBeyond = new ArrayList<>();
            List<Double> versionNoCds = new ArrayList<>();
            List<Double> checkNoCds = new ArrayList<>();
            List<Double> beyondNoCds = new ArrayList<>();
            // the JDK's own default archive in place of lib/blue.jsa: what the launcher did before AppCDS
            Map<String, String> noCds = Map.of("BLUE_JAVA_OPTS", "-XX:SharedArchiveFile="
                    + Path.of(System.getProperty("java.home"), "lib", "server", "classes.jsa"));
            for (int i = 0; i < rounds; i++) {
                double v = run(dir, Map.of(), blue, "--version");
                double c = run(dir, Map.of(), blue, "realm", "check", "--mode=contract");
                Files.deleteIfExists(snapshot);
                double f = run(dir, Map.of(), blue, "realm", "check", "--mode=contract");
                double vn = run(dir, noCds, blue, "--version");
                double cn = run(dir, noCds, blue, "realm", "check", "--mode=contract");
                version.add(v);
                check.add(c);
                beyond.add(c - v);
                fresh.add(f);
                freshBeyond.add(f - v);
                versionNoCds.add(vn);
                checkNoCds.add(cn);
                beyondNoCds.add(cn - vn);
            }
            row("CLI: `blue --version` (same run)", version, "");
            row("CLI: `blue realm check --mode=contract` in the realm checkout", check, "");
            row("CLI: check beyond `--version` (per-round difference)", beyond, "≤ 2,000 ms");
            row("CLI: check with no model snapshot (first run after the realm changed)", fresh, "");
            row("CLI: that, beyond `--version`", freshBeyond, "");
            row("CLI, JDK's default CDS archive instead of lib/blue.jsa: `blue --version`", versionNoCds, "");
            row("CLI, no AppCDS archive: check", checkNoCds, "");
            row("CLI, no AppCDS archive: check beyond `--version`", beyondNoCds, "");
        } else {
            System.out.println("\n(CLI part skipped: " + cli + " not found; run `mvn install` first.)");
        }
        System.out.println();
    }

    private static double run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        pb.environment().put("BLUE_HOME", dir.resolveSibling("blue-home").toString());
        pb.environment().put("BLUE_DAEMON", "off");
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        return ms(System.nanoTime() - t0);
    }

    // ------------------------------------------------------------------ 2. extraction

    private static void extraction(Path dir, int rounds) throws Exception {
        int files = 5_000;
        int marked = files / 100;
        Path repo = dir.resolve("aperture");
        Map<String, String> sources = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>();
        List<JsonValue> values = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < files; i++) {
            String path = "src/module" + (i % 50) + "/file" + i + ".py";
            paths.add(path);
            StringBuilder text = new StringBuilder();
            for (int line = 0; line < 40; line++) {
                text.append("value_").append(line).append(" = compute(").append(random.nextInt(1000)).append(")\n");
            }
            if (i % (files / marked) == 0) {
                String v = "data/bucket-" + i + "/*";
                values.add(JsonValue.string(v));
                text.append("PATH = \"").append(v).append("\"  # blue:export paths.read\n");
            }
            sources.put(path, text.toString());
        }
        Realm.createRepository(repo, sources, "bench@example.com");
        Path blueHome = dir.resolve("blue-home");
        RealmOptions at = RealmOptions.builder().workingDirectory(repo).blueHome(blueHome).build();
        try (Realm realm = Realm.init(new InitRequest("extract", null), at)) {
            realm.join(new JoinRequest(repo, null));
            realm.createDomain(DomainRequest.ofRepos("data", List.of("aperture", "consumer"), "paths"));
        }
        // the contract's schema and value, and the export listing all 5,000 files, as a realm maintainer commits them
        Path edit = dir.resolve("edit");
        try (Git g = Git.cloneRepository().setURI(blueHome.resolve("remotes/extract.git").toUri().toString())
                .setDirectory(edit.toFile()).call()) {
            StringBuilder contract = new StringBuilder("name: paths\nversion: \"1.0.0\"\nowner: aperture\nschema:\n"
                    + "  type: object\n  properties:\n    read: {type: array, items: {type: string}}\nvalue:\n  read:\n");
            values.forEach(v -> contract.append("    - \"").append(((JsonValue.JsonString) v).value()).append("\"\n"));
            Files.writeString(edit.resolve("domains/data/contracts/paths.yaml"), contract.toString());
            StringBuilder binding = new StringBuilder("repo: aperture\nrole: provider\nexports:\n  - contract: paths\n"
                    + "    source_files:\n");
            paths.forEach(p -> binding.append("      - ").append(p).append('\n'));
            Files.writeString(edit.resolve("domains/data/bindings/aperture.yaml"), binding.toString());
            g.add().addFilepattern(".").call();
            g.commit().setMessage("paths").setAuthor("b", "b@example.com").setCommitter("b", "b@example.com")
                    .setSign(false).call();
            g.push().call();
        }
        RealmOptions options = RealmOptions.builder().location(repo).workingDirectory(repo).blueHome(blueHome).build();
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        String outcome = "";
        try (Realm realm = Realm.open(options)) {
            for (int i = 0; i < rounds + 2; i++) {
                realm.cache().clear();
                long t0 = System.nanoTime();
                CheckReport c = realm.checker().check(new CheckRequest(CheckMode.EXPORTER, null, null, null, null, true,
                        false));
                double coldMs = ms(System.nanoTime() - t0);
                t0 = System.nanoTime();
                CheckReport w = realm.checker().check(new CheckRequest(CheckMode.EXPORTER, null, null, null, null, true,
                        false));
                double warmMs = ms(System.nanoTime() - t0);
                outcome = c.passed().size() + "/" + w.passed().size() + " passed, " + c.findings().size() + " findings";
                if (i >= 2) {
                    cold.add(coldMs);
                    warm.add(warmMs);
                    ratio.add(warmMs / coldMs);
                }
            }
        }
        System.out.println("## 2. Export extraction: 5,000 source files, " + marked + " with markers\n");
        System.out.println("`realm check --mode=exporter` in-process in the exporter repo, cache cleared before each cold"
                + " run (" + outcome + ").\n");
        System.out.println("| measure | median | p10 | p90 | target |");
        System.out.println("|---|---:|---:|---:|---|");
        row("cold (empty cache: every file read and scanned) ms", cold, "");
        row("warm (mtime unchanged: nothing read) ms", warm, "");
        rowRatio("warm ÷ cold (per round)", ratio, "≤ 0.10");
        System.out.println();
    }

    // ------------------------------------------------------------------ 3. compatibility

    private static void compatibility(int pairs) throws Exception {
        SchemaCompatibility compat = Realm.schemaCompatibility();
        List<Double> times = new ArrayList<>();
        String verdicts = "";
        for (int i = 0; i < pairs + 20; i++) {
            JsonValue a = schema(200, i, false);
            JsonValue b = schema(200, i, true);
            long t0 = System.nanoTime();
            CompatibilityReport r = compat.compare(a, b);
            double t = ms(System.nanoTime() - t0);
            if (i >= 20) {
                times.add(t);
            }
            verdicts = "backwards " + (r.backwards().holds() ? "holds" : "does not hold") + ", forwards "
                    + (r.forwards().holds() ? "holds" : "does not hold") + ", " + r.changes().size() + " changes";
        }
        System.out.println("## 3. Compatibility of two 200-property schemas\n");
        System.out.println(pairs + " fresh pairs (each differs from the others, so nothing is cached across pairs);"
                + " NEW adds an optional property and tightens a bound (" + verdicts + ").\n");
        System.out.println("| measure | median (ms) | p10 | p90 | target |");
        System.out.println("|---|---:|---:|---:|---|");
        row("`SchemaCompatibility.compare` per pair", times, "≤ 5 ms");
        System.out.println();
    }

    private static JsonValue schema(int properties, int salt, boolean changed) {
        Map<String, JsonValue> props = new LinkedHashMap<>();
        for (int p = 0; p < properties; p++) {
            Map<String, JsonValue> prop = new LinkedHashMap<>();
            switch (p % 4) {
                case 0 -> {
                    prop.put("type", JsonValue.string("array"));
                    prop.put("items", JsonValue.object(Map.of("type", JsonValue.string("string"))));
                }
                case 1 -> {
                    prop.put("type", JsonValue.string("integer"));
                    prop.put("minimum", JsonValue.number(0));
                    prop.put("maximum", JsonValue.number(changed && p == 1 ? 500 : 1000 + salt));
                }
                case 2 -> prop.put("type", JsonValue.string("string"));
                default -> {
                    prop.put("type", JsonValue.string("boolean"));
                    prop.put("default", JsonValue.bool(false));
                }
            }
            props.put("p" + salt + "_" + p, JsonValue.object(prop));
        }
        if (changed) {
            props.put("added", JsonValue.object(Map.of("type", JsonValue.string("string"))));
        }
        Map<String, JsonValue> s = new LinkedHashMap<>();
        s.put("type", JsonValue.string("object"));
        s.put("required", JsonValue.array(List.of(JsonValue.string("p" + salt + "_0"))));
        s.put("properties", JsonValue.object(props));
        return JsonValue.object(s);
    }

    // ------------------------------------------------------------------ reporting

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    static void row(String what, List<Double> values, String target) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %s |%n", what, pct(v, 50), pct(v, 10), pct(v, 90),
                target);
    }

    private static void rowRatio(String what, List<Double> values, String target) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %s |%n", what, pct(v, 50), pct(v, 10), pct(v, 90),
                target);
    }

    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.round((p / 100.0) * (sorted.size() - 1));
        return sorted.get(i);
    }

    static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
