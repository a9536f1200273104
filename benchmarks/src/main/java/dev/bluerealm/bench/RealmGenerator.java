package dev.bluerealm.bench;

import dev.bluerealm.internal.yaml.RealmCodec;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.Compatibility;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.Domain;
import dev.bluerealm.model.EvolutionEntry;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.Extract;
import dev.bluerealm.model.Governance;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.model.ImportStatus;
import dev.bluerealm.model.RealmConfig;
import dev.bluerealm.model.RepoEntry;
import dev.bluerealm.model.Role;
import dev.bluerealm.model.Trust;
import dev.bluerealm.model.TrustMode;
import dev.bluerealm.model.Validation;
import dev.bluerealm.version.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;

/**
 * Writes a large, realistic, deterministic realm for benchmarks and scale tests.
 *
 * <p>Every file is written through the engine's own {@link RealmCodec}, so the bytes are exactly
 * what the tool itself writes. The same arguments (including the seed) always give the same bytes
 * and, with {@link #commit}, the same commit id.
 *
 * <p>Shape: repos in a fixed order ({@code r0000-…}, {@code r0001-…}); each domain has one provider
 * and 1–3 consumers that all come <em>after</em> the provider in that order, so the repo dependency
 * graph (provider → consumer) is acyclic by construction. Every domain gets at least one contract
 * while there are enough, the rest are spread at random (4 per domain on average for the default
 * 500 / 2,000). Each contract is owned by its domain's provider and has an object schema of 5–15
 * properties (mostly string arrays, like the RFC's {@code s3-permissions}), a value that satisfies
 * it, and an evolution log of 1–4 entries ending at its version. The provider's binding exports
 * every contract of its domain; each consumer imports most of them with a range on the contract's
 * major ({@code ">=1.0.0, <2.0.0"}) and a resolved version from the contract's history.
 *
 * <pre>{@code
 * Summary s = RealmGenerator.generate(dir, 1_000, 500, 2_000, 42L);
 * RealmGenerator.commit(dir);                               // a realm checkout
 * RealmGenerator.createBareRemote(dir, remote);             // and its remote, for managed clones
 * }</pre>
 *
 * <p>From the command line: {@code RealmGenerator DIR [REPOS DOMAINS CONTRACTS SEED] [--git]
 * [--bare BARE_DIR]}.
 */
public final class RealmGenerator {
    /** The realm's name in realm.yaml. */
    public static final String REALM = "bench";
    /** Defaults of the load benchmark (the size). */
    public static final int REPOS = 1_000;
    public static final int DOMAINS = 500;
    public static final int CONTRACTS = 2_000;
    public static final long SEED = 42L;

    private static final Instant EPOCH = Instant.parse("2026-01-24T10:00:00Z");
    private static final PersonIdent AUTHOR = new PersonIdent("blue-realm bench", "bench@example.com", EPOCH,
            ZoneOffset.UTC);

    private static final String[] REPO_WORDS = {"aperture", "fungal-image-analysis", "ml-infra", "billing-api",
        "auth-service", "web-frontend", "data-lake", "ingest-worker", "search-indexer", "notifier", "cdk-stacks",
        "feature-store", "reporting", "mobile-app", "gateway", "scheduler"};
    private static final String[] TOPICS = {"s3-access", "billing", "auth", "telemetry", "ml-training",
        "image-pipeline", "search", "notifications", "payments", "inventory", "feature-flags", "audit-log",
        "geo", "reporting", "ingest", "export"};
    private static final String[] KINDS = {"s3-permissions", "api-endpoints", "event-schema", "queue-config",
        "feature-flags", "rate-limits", "iam-roles", "topic-names", "db-tables", "metric-names", "env-vars",
        "cors-origins"};
    /** Property names of string-array properties (most of a contract, as in s3-permissions). */
    private static final String[] ARRAY_PROPS = {"read", "write", "delete", "list", "buckets", "prefixes", "topics",
        "queues", "endpoints", "origins", "roles", "tables", "metrics", "regions", "tags", "owners", "scopes",
        "paths", "hosts", "subjects"};
    private static final String[] STRING_PROPS = {"region", "version_tag", "bucket", "account"};
    private static final String[] INT_PROPS = {"retention_days", "max_size_mb", "timeout_seconds"};
    private static final String[] BOOL_PROPS = {"enabled", "strict", "encrypted"};
    private static final String MODE_PROP = "mode";
    private static final String[] MODES = {"read-only", "read-write", "append"};
    private static final String[] SEGMENTS = {"jobs", "training-runs", "training-metrics", "masks", "exports", "raw",
        "processed", "models", "checkpoints", "logs", "reports", "images", "parquet", "experiments", "tmp", "v1",
        "v2", "events"};
    private static final String[] LEAVES = {"config.json", "manifest.json", "metrics.csv", "summary.parquet"};
    private static final String[] REGIONS = {"us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-south-1"};

    private RealmGenerator() {}

    /** What was generated. */
    public record Summary(Path dir, String realm, int repos, int domains, int contracts, int bindings, int imports,
                          int files, long bytes) {
        @Override
        public String toString() {
            return String.format("realm '%s' in %s: %,d repos, %,d domains, %,d contracts, %,d bindings"
                    + " (%,d imports); %,d files, %,d bytes", realm, dir, repos, domains, contracts, bindings,
                    imports, files, bytes);
        }
    }

    /**
     * Writes the realm into {@code dir} (created if needed; it must hold no realm yet).
     *
     * @param repos at least 2 when there is a domain (a domain needs a provider and a consumer)
     * @param domains at least 0
     * @param contracts at least 0; spread over the domains, at least one each while there are enough
     * @param seed the same seed always gives the same files
     */
    public static Summary generate(Path dir, int repos, int domains, int contracts, long seed) throws IOException {
        if (repos < 0 || domains < 0 || contracts < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (domains > 0 && repos < 2) {
            throw new IllegalArgumentException("a domain needs a provider and a consumer: give at least 2 repos");
        }
        if (contracts > 0 && domains == 0) {
            throw new IllegalArgumentException("contracts live in domains: give at least 1 domain");
        }
        if (Files.exists(dir.resolve("realm.yaml"))) {
            throw new IllegalArgumentException(dir + " holds a realm already");
        }
        return new Writer(dir, new Random(seed)).write(repos, domains, contracts);
    }

    /** Makes {@code dir} a git repository with one commit on {@code main} holding every file (deterministic id). */
    public static String commit(Path dir) throws IOException {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            RevCommit c = git.commit().setMessage("bench: generated realm").setAuthor(AUTHOR).setCommitter(AUTHOR)
                    .setSign(false).call();
            return c.name();
        } catch (GitAPIException e) {
            throw new IOException("cannot commit " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates a bare repository at {@code bare} and pushes {@code checkout}'s {@code main} to it; the
     * checkout gets it as {@code origin} (with {@code origin/main}), as if it had been cloned from it.
     *
     * @return the remote's URL, to give to {@code RealmOptions.builder().url(...)}
     */
    public static String createBareRemote(Path checkout, Path bare) throws IOException {
        try (Git git = Git.open(checkout.toFile())) {
            Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
            String url = bare.toAbsolutePath().normalize().toUri().toString();
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", url);
            config.setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
            config.setString("branch", "main", "remote", "origin");
            config.setString("branch", "main", "merge", "refs/heads/main");
            config.save();
            git.push().setRemote("origin").setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main")).call();
            git.fetch().setRemote("origin").call();
            return url;
        } catch (GitAPIException e) {
            throw new IOException("cannot create the remote " + bare + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------ writing

    private static final class Writer {
        private final Path dir;
        private final Random rnd;
        private final RealmCodec codec = new RealmCodec();
        private int files;
        private long bytes;

        Writer(Path dir, Random rnd) {
            this.dir = dir;
            this.rnd = rnd;
        }

        Summary write(int repoCount, int domainCount, int contractCount) throws IOException {
            Files.createDirectories(dir);
            Map<String, List<String>> permissions = new LinkedHashMap<>();
            permissions.put("repos/{repo}.yaml", List.of("repo_maintainers"));
            permissions.put("domains/{domain}/domain.yaml", List.of("domain_owners"));
            permissions.put("domains/{domain}/contracts/{name}.yaml", List.of("contract_owner"));
            permissions.put("domains/{domain}/bindings/{repo}.yaml", List.of("repo_maintainers"));
            put("realm.yaml", codec.write(new RealmConfig(REALM, RealmConfig.FORMAT_VERSION, EPOCH,
                    Governance.defaults(List.of("admin@example.com", "platform-leads@example.com")),
                    new Trust(TrustMode.COLLABORATIVE, false, permissions))));

            // repos, in the fixed order that keeps the graph acyclic
            List<String> repos = new ArrayList<>(repoCount);
            int width = Math.max(4, String.valueOf(Math.max(0, repoCount - 1)).length());
            for (int i = 0; i < repoCount; i++) {
                String name = "r" + pad(i, width) + "-" + REPO_WORDS[i % REPO_WORDS.length];
                repos.add(name);
                String org = "team-" + pad(rnd.nextInt(40), 2);
                List<String> maintainers = new ArrayList<>();
                maintainers.add(org + "-lead@example.com");
                if (rnd.nextInt(3) == 0) {
                    maintainers.add(name + "@example.com");
                }
                boolean local = rnd.nextInt(10) == 0;
                put("repos/" + name + ".yaml", codec.write(new RepoEntry(name, org,
                        local ? "/srv/checkouts/" + org + "/" + name : null,
                        local ? null : "https://git.example.com/" + org + "/" + name + ".git", maintainers,
                        EPOCH.plus(Duration.ofMinutes(i)))));
            }

            // contracts per domain: one each while there are enough, then at random
            int[] perDomain = new int[domainCount];
            for (int c = 0; c < contractCount; c++) {
                perDomain[c < domainCount ? c : rnd.nextInt(domainCount)]++;
            }

            int contractNo = 0;
            int bindings = 0;
            int imports = 0;
            int dWidth = Math.max(4, String.valueOf(Math.max(0, domainCount - 1)).length());
            int cWidth = Math.max(4, String.valueOf(Math.max(0, contractCount - 1)).length());
            for (int d = 0; d < domainCount; d++) {
                String domain = TOPICS[d % TOPICS.length] + "-" + pad(d, dWidth);
                int provider = rnd.nextInt(repoCount - 1);
                int later = repoCount - 1 - provider;
                int consumerCount = Math.min(later, 1 + rnd.nextInt(3));
                TreeSet<Integer> consumers = new TreeSet<>();
                while (consumers.size() < consumerCount) {
                    consumers.add(provider + 1 + rnd.nextInt(later));
                }
                List<String> members = new ArrayList<>();
                members.add(repos.get(provider));
                consumers.forEach(c -> members.add(repos.get(c)));
                Instant created = EPOCH.plus(Duration.ofHours(d));
                String base = "domains/" + domain + "/";
                put(base + "domain.yaml", codec.write(new Domain(domain, "Coordinates " + TOPICS[d % TOPICS.length]
                        + " between " + String.join(", ", members), created, members)));

                List<Contract> contracts = new ArrayList<>();
                for (int k = 0; k < perDomain[d]; k++, contractNo++) {
                    String name = KINDS[contractNo % KINDS.length] + "-" + pad(contractNo, cWidth);
                    Contract contract = contract(name, repos.get(provider));
                    contracts.add(contract);
                    put(base + "contracts/" + name + ".yaml", codec.write(contract));
                }

                List<ExportBinding> exports = new ArrayList<>();
                for (Contract c : contracts) {
                    exports.add(new ExportBinding(c.name(), sourceFiles(c.name()), extract(c.name())));
                }
                put(base + "bindings/" + repos.get(provider) + ".yaml",
                        codec.write(new Binding(repos.get(provider), Role.PROVIDER, exports, List.of())));
                bindings++;
                for (int consumer : consumers) {
                    List<ImportBinding> in = new ArrayList<>();
                    for (Contract c : contracts) {
                        if (rnd.nextInt(4) != 0 || (in.isEmpty() && c == contracts.get(contracts.size() - 1))) {
                            in.add(importOf(c, created));
                        }
                    }
                    imports += in.size();
                    put(base + "bindings/" + repos.get(consumer) + ".yaml",
                            codec.write(new Binding(repos.get(consumer), Role.CONSUMER, List.of(), in)));
                    bindings++;
                }
            }
            return new Summary(dir, REALM, repoCount, domainCount, contractCount, bindings, imports, files, bytes);
        }

        private Contract contract(String name, String owner) {
            // evolution: 1.0.0, then minor (compatible), patch (compatible) or major (breaking) steps
            int steps = 1 + rnd.nextInt(4);
            List<EvolutionEntry> evolution = new ArrayList<>();
            Version v = Version.of(1, 0, 0);
            evolution.add(new EvolutionEntry(v, List.of("Initial version"), true));
            for (int s = 1; s < steps; s++) {
                int roll = rnd.nextInt(10);
                String prop = ARRAY_PROPS[rnd.nextInt(ARRAY_PROPS.length)];
                if (roll < 7) {
                    v = Version.of(v.major(), v.minor() + 1, 0);
                    evolution.add(new EvolutionEntry(v, List.of("Added " + prop + " array"), true));
                } else if (roll < 9) {
                    v = Version.of(v.major(), v.minor(), v.patch() + 1);
                    evolution.add(new EvolutionEntry(v, List.of("Clarified " + prop + " description"), true));
                } else {
                    v = Version.of(v.major() + 1, 0, 0);
                    evolution.add(new EvolutionEntry(v, List.of("Removed " + prop + " array",
                            "Renamed fields for consistency"), false));
                }
            }
            Compatibility compatibility = rnd.nextInt(5) == 0 ? new Compatibility(true, true) : Compatibility.DEFAULT;
            Validation validation = rnd.nextInt(3) == 0 ? new Validation("scripts/validate-" + name + ".sh",
                    "scripts/check-" + name + ".sh", List.of("scripts/integration-test.sh")) : null;

            // schema: an object of 5-15 properties; the value satisfies it
            int count = 5 + rnd.nextInt(11);
            List<String> pool = new ArrayList<>();
            Collections.addAll(pool, ARRAY_PROPS);
            Collections.addAll(pool, STRING_PROPS);
            Collections.addAll(pool, INT_PROPS);
            Collections.addAll(pool, BOOL_PROPS);
            pool.add(MODE_PROP);
            Collections.shuffle(pool, rnd);
            List<String> props = pool.subList(0, count);
            int requiredCount = 1 + rnd.nextInt(3);
            Map<String, JsonValue> properties = new LinkedHashMap<>();
            Map<String, JsonValue> value = new LinkedHashMap<>();
            List<JsonValue> required = new ArrayList<>();
            for (int i = 0; i < props.size(); i++) {
                String p = props.get(i);
                boolean isRequired = i < requiredCount;
                if (isRequired) {
                    required.add(JsonValue.string(p));
                }
                Map<String, JsonValue> schema = new LinkedHashMap<>();
                JsonValue v2;
                if (contains(ARRAY_PROPS, p)) {
                    schema.put("type", JsonValue.string("array"));
                    schema.put("items", JsonValue.object(Map.of("type", JsonValue.string("string"))));
                    if (!isRequired) {
                        schema.put("default", JsonValue.array(List.of()));
                    }
                    Set<String> items = new LinkedHashSet<>(); // a list of scalars is a set: no duplicates
                    int n = rnd.nextInt(7);
                    for (int k = 0; k < n; k++) {
                        items.add(path());
                    }
                    v2 = JsonValue.array(items.stream().map(JsonValue::string).toList());
                } else if (contains(STRING_PROPS, p)) {
                    schema.put("type", JsonValue.string("string"));
                    v2 = JsonValue.string(p.equals("region") ? REGIONS[rnd.nextInt(REGIONS.length)]
                            : p + "-" + rnd.nextInt(1000));
                } else if (contains(INT_PROPS, p)) {
                    schema.put("type", JsonValue.string("integer"));
                    schema.put("minimum", JsonValue.number(0));
                    v2 = JsonValue.number(1 + rnd.nextInt(365));
                } else if (contains(BOOL_PROPS, p)) {
                    schema.put("type", JsonValue.string("boolean"));
                    v2 = JsonValue.bool(rnd.nextBoolean());
                } else {
                    schema.put("type", JsonValue.string("string"));
                    List<JsonValue> modes = new ArrayList<>();
                    for (String m : MODES) {
                        modes.add(JsonValue.string(m));
                    }
                    schema.put("enum", JsonValue.array(modes));
                    v2 = JsonValue.string(MODES[rnd.nextInt(MODES.length)]);
                }
                properties.put(p, JsonValue.object(schema));
                if (isRequired || rnd.nextInt(5) != 0) {
                    value.put(p, v2);
                }
            }
            Map<String, JsonValue> schema = new LinkedHashMap<>();
            schema.put("type", JsonValue.string("object"));
            schema.put("required", JsonValue.array(required));
            schema.put("properties", JsonValue.object(properties));
            return new Contract(name, v, owner, compatibility, JsonValue.object(schema), JsonValue.object(value),
                    validation, evolution);
        }

        private ImportBinding importOf(Contract c, Instant domainCreated) {
            long major = c.version().major();
            List<Version> candidates = new ArrayList<>();
            for (EvolutionEntry e : c.evolution()) {
                if (e.version().major() == major) {
                    candidates.add(e.version());
                }
            }
            boolean current = rnd.nextInt(5) != 0 || candidates.size() == 1;
            Version resolved = current ? c.version() : candidates.get(rnd.nextInt(candidates.size() - 1));
            String range = ">=" + major + ".0.0, <" + (major + 1) + ".0.0";
            return new ImportBinding(c.name(), range, "cdk/" + c.name().replace('-', '_') + "_stack.py",
                    current ? ImportStatus.CURRENT : ImportStatus.STALE, resolved.toString(),
                    domainCreated.plus(Duration.ofMinutes(1 + rnd.nextInt(600))));
        }

        private List<String> sourceFiles(String contract) {
            int n = 1 + rnd.nextInt(3);
            List<String> files = new ArrayList<>();
            String module = contract.replace('-', '_');
            files.add("models/" + module + "/paths.py");
            if (n > 1) {
                files.add("models/shared/" + module + "_export.py");
            }
            if (n > 2) {
                files.add("infra/" + module + ".ts");
            }
            return files;
        }

        private Extract extract(String contract) {
            int roll = rnd.nextInt(10);
            if (roll < 7) {
                return Extract.MARKERS;
            }
            return roll < 9 ? new Extract.File("config/" + contract + ".json#/" + contract)
                    : new Extract.Command("scripts/print-" + contract + ".sh");
        }

        /** An S3-style key pattern: path segments, {@code *} wildcards, sometimes a file name at the end. */
        private String path() {
            int depth = 1 + rnd.nextInt(3);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                if (i > 0) {
                    out.append('/');
                }
                out.append(i > 0 && rnd.nextInt(3) == 0 ? "*" : SEGMENTS[rnd.nextInt(SEGMENTS.length)]);
            }
            int leaf = rnd.nextInt(3);
            out.append(leaf == 0 ? "/*" : leaf == 1 ? "/" + LEAVES[rnd.nextInt(LEAVES.length)] : "");
            return out.toString();
        }

        private void put(String path, byte[] content) throws IOException {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            files++;
            bytes += content.length;
        }
    }

    private static boolean contains(String[] all, String s) {
        for (String a : all) {
            if (a.equals(s)) {
                return true;
            }
        }
        return false;
    }

    private static String pad(int n, int width) {
        String s = Integer.toString(n);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    // ------------------------------------------------------------------------------------ command line

    /**
     * {@code RealmGenerator DIR [REPOS DOMAINS CONTRACTS SEED] [--git] [--bare BARE_DIR]}: writes the
     * realm into DIR; {@code --git} commits it (a realm checkout); {@code --bare} also creates a bare
     * remote and pushes to it (implies {@code --git}) and prints its URL.
     */
    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>();
        boolean git = false;
        Path bare = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--git":
                    git = true;
                    break;
                case "--bare":
                    if (i + 1 >= args.length) {
                        usage("--bare needs a folder");
                    }
                    bare = Path.of(args[++i]);
                    git = true;
                    break;
                case "-h":
                case "--help":
                    usage(null);
                    break;
                default:
                    if (args[i].startsWith("-")) {
                        usage("unknown option " + args[i]);
                    }
                    positional.add(args[i]);
            }
        }
        if (positional.size() != 1 && positional.size() != 5) {
            usage("give DIR, or DIR REPOS DOMAINS CONTRACTS SEED");
        }
        Path dir = Path.of(positional.get(0));
        int repos = REPOS;
        int domains = DOMAINS;
        int contracts = CONTRACTS;
        long seed = SEED;
        try {
            if (positional.size() == 5) {
                repos = Integer.parseInt(positional.get(1));
                domains = Integer.parseInt(positional.get(2));
                contracts = Integer.parseInt(positional.get(3));
                seed = Long.parseLong(positional.get(4));
            }
        } catch (NumberFormatException e) {
            usage("not a number: " + e.getMessage());
        }
        long start = System.nanoTime();
        Summary summary;
        try {
            summary = generate(dir, repos, domains, contracts, seed);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        System.out.println(summary);
        if (git) {
            System.out.println("commit " + commit(dir));
        }
        if (bare != null) {
            String url = createBareRemote(dir, bare);
            System.out.println("remote " + url);
        }
        System.out.printf("done in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static void usage(String problem) {
        if (problem != null) {
            System.err.println("error: " + problem);
        }
        System.err.println("usage: RealmGenerator DIR [REPOS DOMAINS CONTRACTS SEED] [--git] [--bare BARE_DIR]");
        System.err.println("  defaults: " + REPOS + " repos, " + DOMAINS + " domains, " + CONTRACTS
                + " contracts, seed " + SEED);
        System.exit(problem == null ? 0 : 2);
    }
}
