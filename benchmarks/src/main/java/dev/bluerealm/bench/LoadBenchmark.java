package dev.bluerealm.bench;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.RealmOptions;
import dev.bluerealm.internal.git.TreeSource;
import dev.bluerealm.internal.realm.DirectorySource;
import dev.bluerealm.internal.realm.FileSource;
import dev.bluerealm.internal.realm.Findings;
import dev.bluerealm.internal.realm.RealmLoader;
import dev.bluerealm.internal.yaml.RealmCodec;
import dev.bluerealm.internal.yaml.YamlLimits;
import dev.bluerealm.internal.yaml.YamlReader;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.model.RepoEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * How long {@code Realm.open} takes to load a large realm, against the floor of Jackson alone
 * parsing the same files, measured in the same JVM and the same run (these machines are noisy, so
 * only medians and same-run ratios mean anything).
 *
 * <p>One run: generates a realm ({@link RealmGenerator}, 1,000 repos / 500 domains / 2,000
 * contracts by default) into a temporary folder, commits it, pushes it to a bare remote and clones
 * it once as a managed clone (as {@code blue realm admin join} would). Then, for every round (warm-up
 * rounds first, discarded), in an order that rotates each round:
 * <ol>
 *   <li><b>floor</b>: walk the checkout, read every {@code .yaml} file and parse it with Jackson 3's
 *       {@code YAMLMapper.readTree} (no validation, no model);</li>
 *   <li><b>managed</b>: {@code Realm.open} of the managed clone by name, offline (read from git objects
 *       of {@code origin/main}, what {@code blue realm status} does), then touch the whole model;</li>
 *   <li><b>checkout</b>: {@code Realm.open} of the realm checkout (its work tree files), then touch the
 *       whole model.</li>
 * </ol>
 * It also times engine phases from the outside (reading blobs, composing YAML, decoding records,
 * findings) through the engine's public internal classes, so a slow open can be attributed, and
 * runs each scenario a few times in a fresh JVM, since a CLI run is cold (each such JVM then goes on
 * calling the same scenario, which gives warm figures with nothing else in the JVM).
 *
 * <p>Progress goes to stderr, the Markdown report to stdout. Options: {@code --repos N --domains N
 * --contracts N --seed S --warmup N --rounds N --cold N --isolated N --no-phases --dir DIR --keep}.
 * Never used as a test: no timing is ever asserted.
 */
public final class LoadBenchmark {
    private static volatile long sink; // keeps every result alive

    private LoadBenchmark() {}

    // ------------------------------------------------------------------------------------ scenarios

    /** The parse-only floor: walk, read and {@code readTree} every .yaml file of a folder. */
    static final class Floor {
        private final Path root;
        private final YAMLMapper mapper = new YAMLMapper();

        Floor(Path root) {
            this.root = root;
        }

        long run() throws IOException {
            long n = 0;
            for (Path file : yamlFiles(root)) {
                byte[] bytes = Files.readAllBytes(file);
                JsonNode node = mapper.readTree(bytes);
                n += 1 + node.size();
            }
            return n;
        }
    }

    static long openManaged(Path blueHome) throws RealmException {
        try (Realm realm = Realm.open(RealmOptions.builder().realm(RealmGenerator.REALM).blueHome(blueHome)
                .offline(true).build())) {
            return touch(realm);
        }
    }

    static long openCheckout(Path checkout, Path blueHome) throws RealmException {
        try (Realm realm = Realm.open(RealmOptions.builder().location(checkout).blueHome(blueHome).offline(true)
                .build())) {
            return touch(realm);
        }
    }

    /** Walks the whole model, so that nothing the open produced is dead. */
    static long touch(Realm realm) {
        RealmModel m = realm.model();
        long n = m.config().governance().approvers().size() + m.config().trust().permissions().size();
        for (RepoEntry r : m.repos().values()) {
            n += 1 + r.maintainers().size();
        }
        for (DomainModel d : m.domains().values()) {
            n += d.domain().members().size();
            for (Contract c : d.contracts().values()) {
                n += nodes(c.schema()) + nodes(c.value()) + c.evolution().size();
            }
            for (Binding b : d.bindings().values()) {
                n += 1 + b.exports().size();
                for (ImportBinding i : b.imports()) {
                    n += 1 + i.range().length();
                }
            }
        }
        return n + realm.findings().size();
    }

    static long nodes(JsonValue v) {
        if (v instanceof JsonValue.JsonObject) {
            long n = 1;
            for (JsonValue m : ((JsonValue.JsonObject) v).members().values()) {
                n += nodes(m);
            }
            return n;
        }
        if (v instanceof JsonValue.JsonArray) {
            long n = 1;
            for (JsonValue i : ((JsonValue.JsonArray) v).items()) {
                n += nodes(i);
            }
            return n;
        }
        return 1;
    }

    static List<Path> yamlFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.getFileName() != null && dir.getFileName().toString().equals(".git")
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".yaml")) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    // ------------------------------------------------------------------------------------ engine phases

    /** Engine phases timed from outside, through the engine's (internal, public) classes. */
    static final class Phases implements AutoCloseable {
        private final Path checkout;
        private final Git clone;
        private final ObjectId tip;
        private final Map<String, byte[]> files = new LinkedHashMap<>();
        private final YAMLMapper mapper = new YAMLMapper();
        private final YamlReader reader = new YamlReader(YamlLimits.DEFAULT);
        private final RealmCodec codec = new RealmCodec();
        private final RealmLoader loader = new RealmLoader(codec, YamlLimits.DEFAULT);
        private final RealmModel model;

        Phases(Path checkout, Path managedClone) throws Exception {
            this.checkout = checkout;
            this.clone = Git.open(managedClone.toFile());
            this.tip = clone.getRepository().resolve("refs/remotes/origin/main");
            DirectorySource source = new DirectorySource(checkout);
            for (String p : source.paths()) {
                if (p.endsWith(".yaml")) {
                    files.put(p, source.read(p, YamlLimits.DEFAULT.maxBytes()));
                }
            }
            try (TreeSource tree = new TreeSource(clone.getRepository(), tip)) {
                model = loader.load(tree);
            }
        }

        /** name → phase; each returns a checksum. */
        Map<String, Phase> all() {
            Map<String, Phase> m = new LinkedHashMap<>();
            m.put("git: list tree + read every blob (TreeSource)", () -> readAll(gitSource()));
            m.put("disk: list + read every file (DirectorySource)", () -> readAll(new DirectorySource(checkout)));
            m.put("Jackson readTree, bytes in memory", () -> {
                long n = 0;
                for (byte[] b : files.values()) {
                    n += mapper.readTree(b).size();
                }
                return n;
            });
            m.put("engine YamlReader (snakeyaml-engine events → YamlNode), bytes in memory", () -> {
                long n = 0;
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    n += reader.read(f.getKey(), f.getValue()).errors().size() + 1;
                }
                return n;
            });
            m.put("engine RealmCodec decode (YamlReader + records), bytes in memory", () -> {
                long n = 0;
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    n += decode(f.getKey(), f.getValue());
                }
                return n;
            });
            m.put("engine RealmLoader.load(TreeSource) (git read + decode + assemble)", () -> {
                try (TreeSource tree = gitSource()) {
                    return loader.load(tree).domains().size();
                }
            });
            m.put("engine Findings.of(model)", () -> Findings.of(model).size());
            return m;
        }

        private TreeSource gitSource() throws IOException {
            return new TreeSource(clone.getRepository(), tip);
        }

        private static long readAll(FileSource source) throws IOException {
            long n = 0;
            for (String p : source.paths()) {
                n += source.read(p, YamlLimits.DEFAULT.maxBytes()).length;
            }
            if (source instanceof AutoCloseable) {
                try {
                    ((AutoCloseable) source).close();
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
            return n;
        }

        private long decode(String path, byte[] bytes) {
            RealmCodec.Decoded<?> d;
            if (path.equals("realm.yaml")) {
                d = codec.realmConfig(path, bytes);
            } else if (path.startsWith("repos/")) {
                d = codec.repo(path, bytes);
            } else if (path.endsWith("/domain.yaml")) {
                d = codec.domain(path, bytes);
            } else if (path.contains("/contracts/")) {
                d = codec.contract(path, bytes);
            } else if (path.contains("/bindings/")) {
                d = codec.binding(path, bytes);
            } else {
                return 0;
            }
            if (d.value() == null) {
                throw new IllegalStateException(path + ": " + d.errors());
            }
            return 1;
        }

        @Override
        public void close() {
            clone.close();
        }
    }

    @FunctionalInterface
    interface Phase {
        long run() throws Exception;
    }

    // ------------------------------------------------------------------------------------ measuring

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One call's cost: wall-clock ms, and CPU ms of the calling thread (GC and JIT threads excluded). */
    record Sample(double wall, double cpu) {}

    /**
     * One timed call: GC first so a previous scenario's garbage is not billed to this one. The
     * thread's CPU time is kept beside the wall time: on a shared machine it is the steadier of the two.
     */
    static Sample time(Phase phase) throws Exception {
        System.gc();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long result = phase.run();
        double wall = (System.nanoTime() - start) / 1e6;
        double cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
        sink += result;
        return new Sample(wall, cpuMs);
    }

    /**
     * Runs {@code warmup + rounds} rounds of every named call, in an order that rotates each round
     * (so none is always first or last), and keeps the measured rounds: name → one sample per round.
     */
    static Map<String, List<Sample>> rounds(Map<String, Phase> calls, int warmup, int rounds, String what)
            throws Exception {
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        calls.keySet().forEach(k -> samples.put(k, new ArrayList<>()));
        List<String> order = new ArrayList<>(calls.keySet());
        for (int round = 0; round < warmup + rounds; round++) {
            log(what + ": " + (round < warmup ? "warm-up " + (round + 1) + "/" + warmup
                    : "round " + (round - warmup + 1) + "/" + rounds));
            for (int i = 0; i < order.size(); i++) {
                String k = order.get((i + round) % order.size());
                Sample sample = time(calls.get(k));
                if (round >= warmup) {
                    samples.get(k).add(sample);
                }
            }
        }
        return samples;
    }

    /** Median, p10 and p90 (nearest rank) of a sample. */
    record Stats(double median, double p10, double p90, int n) {
        static Stats of(List<Double> sample) {
            double[] s = sample.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = s.length;
            double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
            return new Stats(median, rank(s, 0.10), rank(s, 0.90), n);
        }

        private static double rank(double[] s, double q) {
            int i = (int) Math.ceil(q * s.length) - 1;
            return s[Math.max(0, Math.min(s.length - 1, i))];
        }
    }

    static double median(List<Double> sample) {
        return Stats.of(sample).median();
    }

    static List<Double> wall(List<Sample> samples) {
        return samples.stream().map(Sample::wall).toList();
    }

    static List<Double> cpu(List<Sample> samples) {
        return samples.stream().map(Sample::cpu).toList();
    }

    /** The median of per-round ratios x_i / base_i (both measured in the same round). */
    static double perRoundRatio(List<Double> xs, List<Double> base) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            r.add(xs.get(i) / base.get(i));
        }
        return median(r);
    }

    // ------------------------------------------------------------------------------------ main

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(args);
            return;
        }
        Map<String, String> opt = options(args);
        int repos = Integer.parseInt(opt.getOrDefault("repos", "" + RealmGenerator.REPOS));
        int domains = Integer.parseInt(opt.getOrDefault("domains", "" + RealmGenerator.DOMAINS));
        int contracts = Integer.parseInt(opt.getOrDefault("contracts", "" + RealmGenerator.CONTRACTS));
        long seed = Long.parseLong(opt.getOrDefault("seed", "" + RealmGenerator.SEED));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "5"));
        int rounds = Integer.parseInt(opt.getOrDefault("rounds", "15"));
        int coldRuns = Integer.parseInt(opt.getOrDefault("cold", "3"));
        int isolated = Integer.parseInt(opt.getOrDefault("isolated", "12"));
        boolean phases = !opt.containsKey("no-phases");
        boolean keep = opt.containsKey("keep") || opt.containsKey("dir");
        if (rounds < 1 || warmup < 0 || coldRuns < 0 || isolated < 0) {
            usage("--rounds must be at least 1; --warmup, --cold and --isolated at least 0");
        }

        Path work = opt.containsKey("dir") ? Path.of(opt.get("dir")).toAbsolutePath() : Files.createTempDirectory(
                "blue-realm-bench-");
        if (Files.exists(work.resolve("realm"))) {
            usage(work + " holds a previous run; give an empty or new --dir");
        }
        try {
            run(new Setup(repos, domains, contracts, seed, warmup, rounds, coldRuns, isolated, phases, work,
                    String.join(" ", args)));
        } finally {
            if (!keep) {
                deleteTree(work);
            } else {
                log("kept the files in " + work);
            }
        }
    }

    /** What one run does and where. */
    record Setup(int repos, int domains, int contracts, long seed, int warmup, int rounds, int coldRuns,
                 int isolated, boolean phases, Path work, String args) {
        Path checkout() {
            return work.resolve("realm");
        }

        Path bare() {
            return work.resolve("remote").resolve(RealmGenerator.REALM + ".git");
        }

        Path blueHome() {
            return work.resolve("blue-home");
        }

        Path managedClone() {
            return blueHome().resolve("realms").resolve(RealmGenerator.REALM);
        }

        Path tiny() {
            return work.resolve("tiny");
        }
    }

    private static void run(Setup setup) throws Exception {
        Path checkout = setup.checkout();
        Path blueHome = setup.blueHome();
        log("generating " + setup.repos() + " repos, " + setup.domains() + " domains, " + setup.contracts()
                + " contracts (seed " + setup.seed() + ") in " + setup.work());
        Map<String, Double> setupMs = new LinkedHashMap<>();
        long t = System.nanoTime();
        RealmGenerator.Summary summary = RealmGenerator.generate(checkout, setup.repos(), setup.domains(),
                setup.contracts(), setup.seed());
        setupMs.put("generate", (System.nanoTime() - t) / 1e6);
        t = System.nanoTime();
        String commit = RealmGenerator.commit(checkout);
        setupMs.put("commit", (System.nanoTime() - t) / 1e6);
        t = System.nanoTime();
        String url = RealmGenerator.createBareRemote(checkout, setup.bare());
        setupMs.put("push to a bare remote", (System.nanoTime() - t) / 1e6);
        log(summary + "; commit " + commit);

        // first open by URL: clones into blueHome/realms/bench (fetches, not offline), as a join would
        t = System.nanoTime();
        long cloneCheck;
        try (Realm realm = Realm.open(RealmOptions.builder().url(url).blueHome(blueHome).build())) {
            cloneCheck = touch(realm);
        }
        setupMs.put("first open by URL (clone + load)", (System.nanoTime() - t) / 1e6);
        if (!Files.isDirectory(setup.managedClone().resolve(".git"))) {
            throw new IllegalStateException("no managed clone at " + setup.managedClone());
        }

        // a one-domain realm: its cold open is the fixed cost (class loading, JIT) that any realm pays
        Path tinyHome = setup.tiny().resolve("blue-home");
        if (setup.coldRuns() > 0) {
            Path tinyRealm = setup.tiny().resolve("realm");
            RealmGenerator.generate(tinyRealm, 2, 1, 1, setup.seed());
            RealmGenerator.commit(tinyRealm);
            String tinyUrl = RealmGenerator.createBareRemote(tinyRealm,
                    setup.tiny().resolve("remote").resolve(RealmGenerator.REALM + ".git"));
            Realm.open(RealmOptions.builder().url(tinyUrl).blueHome(tinyHome).build()).close();
        }

        Floor floor = new Floor(checkout);
        Map<String, Phase> scenarios = new LinkedHashMap<>();
        scenarios.put("floor", floor::run);
        scenarios.put("managed", () -> openManaged(blueHome));
        scenarios.put("checkout", () -> openCheckout(checkout, blueHome));

        // the first call of each in this JVM (classes loaded by generation/clone already, JIT mostly cold)
        Map<String, Sample> first = new LinkedHashMap<>();
        for (Map.Entry<String, Phase> s : scenarios.entrySet()) {
            first.put(s.getKey(), time(s.getValue()));
        }
        long managedCheck = scenarios.get("managed").run();
        long checkoutCheck = scenarios.get("checkout").run();
        if (managedCheck != checkoutCheck || managedCheck != cloneCheck) {
            throw new IllegalStateException("the managed clone and the checkout loaded different models: "
                    + managedCheck + " / " + checkoutCheck + " / " + cloneCheck);
        }
        ModelCounts counts = ModelCounts.of(blueHome);

        Map<String, List<Sample>> samples = rounds(scenarios, setup.warmup(), setup.rounds(), "load");

        // engine phases, with (a) and (b) again as references measured in the same rounds
        Map<String, List<Sample>> phaseSamples = Map.of();
        if (setup.phases()) {
            try (Phases phases = new Phases(checkout, setup.managedClone())) {
                Map<String, Phase> all = new LinkedHashMap<>();
                all.put("floor", floor::run);
                all.put("managed", scenarios.get("managed"));
                all.putAll(phases.all());
                phaseSamples = rounds(all, 2, setup.rounds(), "engine phases");
            }
        }

        // fresh JVMs: what a CLI run pays
        Map<String, List<ColdRun>> cold = new LinkedHashMap<>();
        if (setup.coldRuns() > 0) {
            for (String k : List.of("floor", "managed", "checkout", "tiny")) {
                cold.put(k, new ArrayList<>());
            }
            for (int i = 0; i < setup.coldRuns(); i++) {
                log("cold runs in fresh JVMs: " + (i + 1) + "/" + setup.coldRuns());
                cold.get("floor").add(child("floor", checkout, blueHome, setup.isolated()));
                cold.get("managed").add(child("managed", checkout, blueHome, setup.isolated()));
                cold.get("checkout").add(child("checkout", checkout, blueHome, setup.isolated()));
                cold.get("tiny").add(child("managed", setup.tiny().resolve("realm"), tinyHome, setup.isolated()));
            }
        }

        Report report = new Report();
        report.header(summary, counts, setup, setupMs);
        report.warm(samples, first);
        report.cold(cold);
        report.isolated(cold);
        report.phases(phaseSamples);
        report.verdict(samples, cold);
        System.out.print(report);
        log("checksum " + sink);
    }

    /** The model's size, as the engine loaded it (printed in the report). */
    record ModelCounts(int domains, int contracts, int bindings, int imports, int exports, long schemaNodes,
                       int findings) {
        static ModelCounts of(Path blueHome) throws RealmException {
            try (Realm realm = Realm.open(RealmOptions.builder().realm(RealmGenerator.REALM).blueHome(blueHome)
                    .offline(true).build())) {
                int c = 0;
                int b = 0;
                int im = 0;
                int ex = 0;
                long nodes = 0;
                for (DomainModel d : realm.model().domains().values()) {
                    c += d.contracts().size();
                    b += d.bindings().size();
                    for (Contract k : d.contracts().values()) {
                        nodes += nodes(k.schema());
                    }
                    for (Binding x : d.bindings().values()) {
                        im += x.imports().size();
                        ex += x.exports().size();
                    }
                }
                return new ModelCounts(realm.model().domains().size(), c, b, im, ex, nodes, realm.findings().size());
            }
        }
    }

    // ------------------------------------------------------------------------------------ fresh JVMs

    /**
     * One fresh JVM: its first call (wall in main; process CPU of all threads, and JVM uptime, at its
     * end; JVM start → main), and the calls that followed in the same JVM.
     */
    record ColdRun(double inMain, double processCpu, double uptime, double startToMain, List<Sample> later) {
        /** The later calls' second half: this JVM warmed up, with nothing else run in it. */
        List<Sample> warm() {
            return later.subList(later.size() / 2, later.size());
        }
    }

    /** Runs one scenario in a fresh JVM with the same class path and default JVM options. */
    private static ColdRun child(String scenario, Path checkout, Path blueHome, int more) throws IOException,
            InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"), LoadBenchmark.class.getName(),
                "--child", scenario, checkout.toString(), blueHome.toString(), Integer.toString(more));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out = r.lines().collect(Collectors.joining("\n"));
        }
        int code = p.waitFor();
        String result = Stream.of(out.split("\n")).filter(l -> l.startsWith("RESULT ")).findFirst().orElse(null);
        if (code != 0 || result == null) {
            throw new IllegalStateException("child " + scenario + " failed (exit " + code + "):\n" + out);
        }
        String[] f = result.split(" ");
        List<Sample> later = Stream.of(f).skip(6).map(x -> x.split(":"))
                .map(x -> new Sample(Double.parseDouble(x[0]), Double.parseDouble(x[1]))).toList();
        return new ColdRun(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                Double.parseDouble(f[4]), later);
    }

    /**
     * {@code --child SCENARIO CHECKOUT BLUE_HOME MORE}: one cold call timed from inside main, then MORE
     * calls of the same scenario (GC before each, as in the main JVM).
     */
    private static void child(String[] args) throws Exception {
        double uptimeAtMain = ManagementFactory.getRuntimeMXBean().getUptime();
        String scenario = args[1];
        Path checkout = Path.of(args[2]);
        Path blueHome = Path.of(args[3]);
        int more = Integer.parseInt(args[4]);
        long start = System.nanoTime();
        Phase call;
        switch (scenario) {
            case "floor":
                Path root = checkout;
                call = () -> new Floor(root).run();
                break;
            case "managed":
                call = () -> openManaged(blueHome);
                break;
            case "checkout":
                call = () -> openCheckout(checkout, blueHome);
                break;
            default:
                throw new IllegalArgumentException(scenario);
        }
        long result = call.run();
        double ms = (System.nanoTime() - start) / 1e6;
        double uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        double processCpu = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean) {
            processCpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1e6;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "RESULT %.3f %.3f %.0f %.0f %d", ms,
                processCpu, uptime, uptimeAtMain, result));
        for (int i = 0; i < more; i++) {
            Sample sample = time(call);
            line.append(String.format(Locale.ROOT, " %.3f:%.3f", sample.wall(), sample.cpu()));
        }
        System.out.println(line);
    }

    // ------------------------------------------------------------------------------------ report

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("floor", "(a) floor: Jackson `YAMLMapper.readTree` of every .yaml file (walk + read + parse)"),
            Map.entry("managed", "(b) `Realm.open` managed clone, offline + touch model"),
            Map.entry("checkout", "(c) `Realm.open` realm checkout + touch model"),
            Map.entry("tiny", "(d) `Realm.open` managed clone of a 2-repo, 1-domain realm (fixed cold cost)"));

    private static String label(String key) {
        return LABELS.getOrDefault(key, key);
    }

    private static final class Report {
        private final StringBuilder out = new StringBuilder();

        void header(RealmGenerator.Summary s, ModelCounts c, Setup setup, Map<String, Double> setupMs) {
            Runtime rt = Runtime.getRuntime();
            String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                    .collect(Collectors.joining(", "));
            line("## Load benchmark (%s)", LocalDate.now());
            line("");
            line("- Realm: %,d repos, %,d domains, %,d contracts, %,d bindings (%,d exports, %,d imports);"
                    + " %,d files, %,d bytes (%.1f MiB); %,d schema nodes; %d findings",
                    s.repos(), c.domains(), c.contracts(), c.bindings(), c.exports(), c.imports(), s.files(), s.bytes(),
                    s.bytes() / 1048576.0, c.schemaNodes(), c.findings());
            line("- Machine: %d CPUs, %s %s; Java %s (%s); max heap %,d MiB; GC %s",
                    rt.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                    System.getProperty("java.version"), System.getProperty("java.vm.name"), rt.maxMemory() >> 20, gcs);
            line("- Run: `LoadBenchmark %s`: %d warm-up + %d measured rounds (order rotates each round, GC before"
                    + " each call), %d fresh-JVM runs per scenario", setup.args().isBlank() ? "" : setup.args(),
                    setup.warmup(), setup.rounds(), setup.coldRuns());
            line("- Setup (not measured): %s", setupMs.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.0f ms", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", ")));
            line("");
        }

        void warm(Map<String, List<Sample>> samples, Map<String, Sample> first) {
            List<Double> floorWall = wall(samples.get("floor"));
            List<Double> floorCpu = cpu(samples.get("floor"));
            line("### Warm, one JVM (ms; %d rounds)", floorWall.size());
            line("");
            line("| scenario | median | p10 | p90 | × floor (median of per-round ratios) | × floor (ratio of medians)"
                    + " | thread CPU median | × floor (CPU) | first call in this JVM |");
            line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (Map.Entry<String, List<Sample>> e : samples.entrySet()) {
                Stats st = Stats.of(wall(e.getValue()));
                List<Double> cpu = cpu(e.getValue());
                line("| %s | %.0f | %.0f | %.0f | %s | %s | %.0f | %s | %.0f |", label(e.getKey()), st.median(),
                        st.p10(), st.p90(), fmt(perRoundRatio(wall(e.getValue()), floorWall)),
                        fmt(st.median() / median(floorWall)), median(cpu), fmt(perRoundRatio(cpu, floorCpu)),
                        first.get(e.getKey()).wall());
            }
            line("");
        }

        void cold(Map<String, List<ColdRun>> cold) {
            if (cold.isEmpty()) {
                return;
            }
            List<ColdRun> floorRuns = cold.get("floor");
            double floorIn = median(floorRuns.stream().map(ColdRun::inMain).toList());
            double floorUp = median(floorRuns.stream().map(ColdRun::uptime).toList());
            line("### Cold: the first call in a fresh JVM (ms; median of %d JVMs)", floorRuns.size());
            line("");
            line("| scenario | in main (wall) | × floor | JVM start → end of the call (wall) | × floor"
                    + " | process CPU, all threads (JIT, GC) | JVM start → main |");
            line("|---|---:|---:|---:|---:|---:|---:|");
            for (Map.Entry<String, List<ColdRun>> e : cold.entrySet()) {
                double in = median(e.getValue().stream().map(ColdRun::inMain).toList());
                double up = median(e.getValue().stream().map(ColdRun::uptime).toList());
                line("| %s | %.0f | %s | %.0f | %s | %.0f | %.0f |", label(e.getKey()), in, fmt(in / floorIn), up,
                        fmt(up / floorUp), median(e.getValue().stream().map(ColdRun::processCpu).toList()),
                        median(e.getValue().stream().map(ColdRun::startToMain).toList()));
            }
            line("");
        }

        void isolated(Map<String, List<ColdRun>> cold) {
            if (cold.isEmpty() || cold.get("floor").get(0).later().size() < 2) {
                return;
            }
            List<Sample> floor = cold.get("floor").stream().flatMap(r -> r.warm().stream()).toList();
            line("### Warm, but each scenario alone in its own JVM (ms; the last %d of %d calls after the cold one,"
                    + " in each of the %d JVMs above)", cold.get("floor").get(0).warm().size(),
                    cold.get("floor").get(0).later().size(), cold.get("floor").size());
            line("");
            line("The floor and the engine share snakeyaml-engine, so in one JVM each one's JIT-compiled code is"
                    + " shaped by the other's use too; here nothing else ran in the JVM. These calls ran at different"
                    + " times from their floor, so noise on a shared machine does not cancel out as in the same-JVM"
                    + " rounds: trust the CPU columns more.");
            line("");
            line("| scenario | median | p10 | p90 | × floor (ratio of medians) | thread CPU median | × floor (CPU) |");
            line("|---|---:|---:|---:|---:|---:|---:|");
            for (Map.Entry<String, List<ColdRun>> e : cold.entrySet()) {
                List<Sample> warm = e.getValue().stream().flatMap(r -> r.warm().stream()).toList();
                Stats st = Stats.of(wall(warm));
                double cpu = median(cpu(warm));
                line("| %s | %.0f | %.0f | %.0f | %s | %.0f | %s |", label(e.getKey()), st.median(), st.p10(), st.p90(),
                        fmt(st.median() / median(wall(floor))), cpu, fmt(cpu / median(cpu(floor))));
            }
            line("");
        }

        void phases(Map<String, List<Sample>> phases) {
            if (phases.isEmpty()) {
                return;
            }
            List<Double> managed = wall(phases.get("managed"));
            List<Double> floor = wall(phases.get("floor"));
            line("### Where the time goes: engine phases timed from outside (warm, ms; same rounds as their"
                    + " references (a) and (b))");
            line("");
            line("| phase | median | p10 | p90 | thread CPU median | ÷ (b) (per round) | × floor (per round) |");
            line("|---|---:|---:|---:|---:|---:|---:|");
            for (Map.Entry<String, List<Sample>> e : phases.entrySet()) {
                Stats st = Stats.of(wall(e.getValue()));
                line("| %s | %.1f | %.1f | %.1f | %.1f | %.0f %% | %s |", label(e.getKey()), st.median(), st.p10(),
                        st.p90(), median(cpu(e.getValue())), 100 * perRoundRatio(wall(e.getValue()), managed),
                        fmt(perRoundRatio(wall(e.getValue()), floor)));
            }
            line("");
        }

        void verdict(Map<String, List<Sample>> samples, Map<String, List<ColdRun>> cold) {
            double managed = median(wall(samples.get("managed")));
            double ratio = perRoundRatio(wall(samples.get("managed")), wall(samples.get("floor")));
            line("### Targets (headline: (b), the managed clone)");
            line("");
            line("- warm median %.0f ms: %s 1,000 ms → %s", managed, managed <= 1000 ? "≤" : ">",
                    managed <= 1000 ? "met" : "NOT met");
            line("- warm %s× the floor (median of per-round ratios): %s 3× → %s", fmt(ratio), ratio <= 3 ? "≤" : ">",
                    ratio <= 3 ? "met" : "NOT met");
            if (!cold.isEmpty()) {
                double in = median(cold.get("managed").stream().map(ColdRun::inMain).toList());
                double inFloor = median(cold.get("floor").stream().map(ColdRun::inMain).toList());
                line("- cold (fresh JVM, in main) %.0f ms: %s 1,000 ms → %s; %s× the cold floor: %s 3× → %s",
                        in, in <= 1000 ? "≤" : ">", in <= 1000 ? "met" : "NOT met", fmt(in / inFloor),
                        in / inFloor <= 3 ? "≤" : ">", in / inFloor <= 3 ? "met" : "NOT met");
            }
            line("");
        }

        private static String fmt(double ratio) {
            return String.format(Locale.ROOT, "%.2f", ratio);
        }

        private void line(String format, Object... args) {
            out.append(String.format(Locale.ROOT, format, args)).append('\n');
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    // ------------------------------------------------------------------------------------ plumbing

    private static Map<String, String> options(String[] args) {
        Map<String, String> opt = new LinkedHashMap<>();
        List<String> valued = Arrays.asList("repos", "domains", "contracts", "seed", "warmup", "rounds", "cold",
                "isolated", "dir");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                usage(null);
            }
            if (!a.startsWith("--")) {
                usage("unexpected argument " + a);
            }
            String name = a.substring(2);
            if (name.equals("keep") || name.equals("no-phases")) {
                opt.put(name, "true");
            } else if (valued.contains(name) && i + 1 < args.length) {
                opt.put(name, args[++i]);
            } else {
                usage("unknown option or missing value: " + a);
            }
        }
        return opt;
    }

    private static void usage(String problem) {
        if (problem != null) {
            System.err.println("error: " + problem);
        }
        System.err.println("usage: LoadBenchmark [--repos N] [--domains N] [--contracts N] [--seed S] [--warmup N]"
                + " [--rounds N] [--cold N] [--isolated N] [--no-phases] [--dir DIR] [--keep]");
        System.err.println("  defaults: 1000 repos, 500 domains, 2000 contracts, seed 42, 5 warm-up + 15 rounds,"
                + " 3 cold runs (fresh JVMs) each followed by 12 isolated calls, a temporary folder deleted afterwards");
        System.exit(problem == null ? 0 : 2);
    }

    private static void log(String message) {
        System.err.println("[bench] " + message);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
