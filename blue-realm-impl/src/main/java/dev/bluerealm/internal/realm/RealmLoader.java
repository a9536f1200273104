package dev.bluerealm.internal.realm;

import dev.bluerealm.RealmLoadException;
import dev.bluerealm.internal.yaml.RealmCodec;
import dev.bluerealm.internal.yaml.YamlLimits;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.Domain;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.Governance;
import dev.bluerealm.model.LoadError;
import dev.bluerealm.model.Names;
import dev.bluerealm.model.RealmConfig;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.model.RepoEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Loads a {@link RealmModel} from a {@link FileSource}, reporting every load error of every file at
 * once. The layout is fixed (DESIGN §3): unexpected files under {@code repos/} and {@code domains/}
 * are errors, anything else at the root (a README, CI files) is ignored.
 */
public final class RealmLoader {
    private final RealmCodec codec;
    private final YamlLimits limits;

    public RealmLoader(RealmCodec codec, YamlLimits limits) {
        this.codec = codec;
        this.limits = limits;
    }

    public RealmLoader() {
        this(new RealmCodec(), YamlLimits.DEFAULT);
    }

    public RealmModel load(FileSource source) throws RealmLoadException, IOException {
        return load(source, (path, bytes) -> { });
    }

    /**
     * Loads the realm and hands {@code contractFiles} the bytes of every contract file loaded (so the
     * realm's history need not decode the current versions a second time).
     */
    public RealmModel load(FileSource source, java.util.function.BiConsumer<String, byte[]> contractFiles)
            throws RealmLoadException, IOException {
        return loadAll(source, contractFiles);
    }

    private RealmModel loadAll(FileSource source, java.util.function.BiConsumer<String, byte[]> contractFiles)
            throws RealmLoadException, IOException {
        List<LoadError> errors = new ArrayList<>();
        for (String path : source.irregular()) {
            if (path.equals("realm.yaml") || path.startsWith("repos/") || path.startsWith("domains/")) {
                errors.add(new LoadError(path, 0, 0, "not a regular file (symlink or submodule); realm files must be"
                        + " plain files"));
            }
        }
        RealmConfig config = null;
        Map<String, RepoEntry> repos = new TreeMap<>();
        Map<String, Domain> domains = new TreeMap<>();
        Map<String, Governance> governance = new TreeMap<>();
        Map<String, Map<String, Contract>> contracts = new TreeMap<>();
        Map<String, Map<String, Binding>> bindings = new TreeMap<>();
        boolean sawRealmYaml = false;
        try {
            Load load = new Load(predecode(source), contractFiles);
            for (String path : source.paths()) {
                String[] parts = path.split("/", -1);
                if (path.equals("realm.yaml")) {
                    sawRealmYaml = true;
                    config = read(load, source, path, errors, codec::realmConfig, null);
                } else if (parts[0].equals("repos")) {
                    String name = fileName(path, parts, 2, errors);
                    if (name != null) {
                        RepoEntry r = read(load, source, path, errors, codec::repo, name);
                        if (r != null) {
                            repos.put(name, r);
                        }
                    }
                } else if (parts[0].equals("domains")) {
                    loadDomainFile(load, source, path, parts, errors, domains, governance, contracts, bindings);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (!sawRealmYaml) {
            errors.add(0, new LoadError("realm.yaml", 0, 0, "missing: this is not a realm (no realm.yaml at its root)"));
        }
        for (String d : union(contracts.keySet(), bindings.keySet(), governance.keySet())) {
            if (!domains.containsKey(d) && errors.stream().noneMatch(e -> e.file().startsWith("domains/" + d + "/"))) {
                errors.add(new LoadError("domains/" + d + "/domain.yaml", 0, 0,
                        "missing: domain '" + d + "' has files but no domain.yaml"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RealmLoadException(errors);
        }
        Map<String, DomainModel> models = new TreeMap<>();
        domains.forEach((name, domain) -> models.put(name, new DomainModel(domain, governance.get(name),
                contracts.getOrDefault(name, Map.of()), bindings.getOrDefault(name, Map.of()))));
        return new RealmModel(config, repos, models);
    }

    private void loadDomainFile(Load load, FileSource source, String path, String[] parts, List<LoadError> errors,
                                Map<String, Domain> domains, Map<String, Governance> governance,
                                Map<String, Map<String, Contract>> contracts,
                                Map<String, Map<String, Binding>> bindings) {
        if (parts.length < 3 || !Names.isValid(parts[1])) {
            errors.add(new LoadError(path, 0, 0, parts.length < 3 ? "unexpected file; domains/ holds one folder"
                    + " per domain" : Names.describe("domain", parts[1]) + " (folder name)"));
            return;
        }
        String domain = parts[1];
        if (parts.length == 3 && parts[2].equals("domain.yaml")) {
            Domain d = read(load, source, path, errors, codec::domain, domain);
            if (d != null) {
                domains.put(domain, d);
            }
        } else if (parts.length == 3 && parts[2].equals("governance.yaml")) {
            Governance g = read(load, source, path, errors, codec::governanceFile, null);
            if (g != null) {
                governance.put(domain, g);
            }
        } else if (parts.length == 4 && parts[2].equals("contracts")) {
            String name = fileName(path, parts, 4, errors);
            Contract c = name == null ? null : read(load, source, path, errors, codec::contract, name);
            if (c != null) {
                contracts.computeIfAbsent(domain, k -> new TreeMap<>()).put(name, c);
                Pre ahead = load.pre().get(path);
                if (ahead != null) {
                    load.contractFiles().accept(path, ahead.bytes());
                }
            }
        } else if (parts.length == 4 && parts[2].equals("bindings")) {
            String name = fileName(path, parts, 4, errors);
            Binding b = name == null ? null : read(load, source, path, errors, codec::binding, name);
            if (b != null) {
                bindings.computeIfAbsent(domain, k -> new TreeMap<>()).put(name, b);
            }
        } else {
            errors.add(new LoadError(path, 0, 0, "unexpected file; a domain holds domain.yaml, governance.yaml,"
                    + " contracts/{name}.yaml and bindings/{repo}.yaml"));
        }
    }

    /** The name a file's path gives ({@code repos/aperture.yaml} → aperture), checked before any use. */
    private static String fileName(String path, String[] parts, int depth, List<LoadError> errors) {
        String last = parts[parts.length - 1];
        if (parts.length != depth || !last.endsWith(".yaml")) {
            errors.add(new LoadError(path, 0, 0, "unexpected file; expected {name}.yaml here"));
            return null;
        }
        String name = last.substring(0, last.length() - ".yaml".length());
        if (!Names.isValid(name)) {
            errors.add(new LoadError(path, 0, 0, Names.describe("file", name)));
            return null;
        }
        return name;
    }

    private interface Codec<T> extends BiFunction<String, byte[], RealmCodec.Decoded<T>> {}

    /** A file read and decoded ahead of the (sequential, order-dependent) assembly. */
    private record Pre(byte[] bytes, RealmCodec.Decoded<?> decoded) {}

    // the decoded files of the load running on this thread
    /** What one load shares between its steps: the files decoded ahead, and who hears of contract files. */
    private record Load(Map<String, Pre> pre, java.util.function.BiConsumer<String, byte[]> contractFiles) {}

    /**
     * Reads every realm file (sequentially: a git object reader is single-threaded) and decodes
     * them in parallel: parsing is nearly all of a load's time and files are independent. Errors
     * are still reported in path order, since assembly walks the paths in order afterwards.
     */
    private Map<String, Pre> predecode(FileSource source) throws IOException {
        List<String> paths = source.paths();
        List<String> wanted = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        for (String path : paths) {
            if (codecFor(path) != null) {
                wanted.add(path);
                bytes.add(source.read(path, limits.maxBytes()));
            }
        }
        RealmCodec.Decoded<?>[] out = new RealmCodec.Decoded<?>[wanted.size()];
        java.util.stream.IntStream.range(0, wanted.size()).parallel().forEach(i -> {
            if (bytes.get(i).length <= limits.maxBytes()) {
                out[i] = codecFor(wanted.get(i)).apply(wanted.get(i), bytes.get(i));
            }
        });
        Map<String, Pre> map = new java.util.HashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            map.put(wanted.get(i), new Pre(bytes.get(i), out[i]));
        }
        return map;
    }

    /** The codec for a path shaped like a realm file, or null. */
    private BiFunction<String, byte[], RealmCodec.Decoded<?>> codecFor(String path) {
        String[] parts = path.split("/", -1);
        if (!path.endsWith(".yaml")) {
            return null;
        }
        if (path.equals(RealmPaths.REALM_YAML)) {
            return codec::realmConfig;
        }
        if (parts.length == 2 && parts[0].equals("repos")) {
            return codec::repo;
        }
        if (parts.length == 3 && parts[0].equals("domains") && parts[2].equals("domain.yaml")) {
            return codec::domain;
        }
        if (parts.length == 3 && parts[0].equals("domains") && parts[2].equals("governance.yaml")) {
            return codec::governanceFile;
        }
        if (parts.length == 4 && parts[0].equals("domains") && parts[2].equals("contracts")) {
            return codec::contract;
        }
        if (parts.length == 4 && parts[0].equals("domains") && parts[2].equals("bindings")) {
            return codec::binding;
        }
        return null;
    }

    /** Reads one file; checks its size and that the name inside matches the file's name. */
    private <T> T read(Load load, FileSource source, String path, List<LoadError> errors, Codec<T> codec,
                       String expectedName) {
        Pre ahead = load.pre().get(path);
        byte[] bytes;
        try {
            bytes = ahead != null ? ahead.bytes() : source.read(path, limits.maxBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > limits.maxBytes()) {
            errors.add(new LoadError(path, 0, 0, "larger than " + limits.maxBytes() + " bytes (1 MiB); refused"));
            return null;
        }
        @SuppressWarnings("unchecked")
        RealmCodec.Decoded<T> decoded = ahead != null && ahead.decoded() != null
                ? (RealmCodec.Decoded<T>) ahead.decoded() : codec.apply(path, bytes);
        errors.addAll(decoded.errors());
        T value = decoded.value();
        if (value != null && expectedName != null) {
            String inside = nameOf(value);
            if (!expectedName.equals(inside)) {
                errors.add(new LoadError(path, 1, 1, "file is named '" + expectedName + "' but holds '" + inside
                        + "'; a file's name must match the name inside it"));
                return null;
            }
        }
        return value;
    }

    private static String nameOf(Object value) {
        if (value instanceof RepoEntry) {
            return ((RepoEntry) value).name();
        }
        if (value instanceof Domain) {
            return ((Domain) value).name();
        }
        if (value instanceof Contract) {
            return ((Contract) value).name();
        }
        if (value instanceof Binding) {
            return ((Binding) value).repo();
        }
        throw new IllegalArgumentException(value.getClass().getName());
    }

    @SafeVarargs
    private static java.util.Set<String> union(java.util.Set<String>... sets) {
        java.util.Set<String> all = new java.util.TreeSet<>();
        for (java.util.Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }
}
