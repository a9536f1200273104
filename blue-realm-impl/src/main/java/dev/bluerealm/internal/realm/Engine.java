package dev.bluerealm.internal.realm;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.RealmLoadException;
import dev.bluerealm.RealmNotFoundException;
import dev.bluerealm.RealmOptions;
import dev.bluerealm.RemoteException;
import dev.bluerealm.admin.FileChange;
import dev.bluerealm.admin.InitRequest;
import dev.bluerealm.internal.forge.forgejo.ForgejoClient;
import dev.bluerealm.internal.forge.forgejo.ForgejoRepository;
import dev.bluerealm.internal.forge.forgejo.NewRepository;
import dev.bluerealm.model.ForgeConfig;
import dev.bluerealm.admin.InitResult;
import dev.bluerealm.admin.RealmWrite;
import dev.bluerealm.internal.credentials.Redaction;
import dev.bluerealm.internal.git.Files2;
import dev.bluerealm.internal.git.GitSystemConfig;
import dev.bluerealm.internal.git.LocalRepo;
import dev.bluerealm.internal.git.RealmStore;
import dev.bluerealm.internal.git.TreeSource;
import dev.bluerealm.internal.schema.SchemaComparator;
import dev.bluerealm.internal.git.Transports;
import dev.bluerealm.internal.yaml.RealmCodec;
import dev.bluerealm.internal.yaml.YamlLimits;
import dev.bluerealm.model.Governance;
import dev.bluerealm.model.LoadError;
import dev.bluerealm.model.Names;
import dev.bluerealm.model.RealmConfig;
import dev.bluerealm.model.RepoConfig;
import dev.bluerealm.model.Trust;
import dev.bluerealm.model.TrustMode;
import dev.bluerealm.spi.RealmProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The engine's entry point, registered for {@link java.util.ServiceLoader}: finds, clones and opens
 * realms, and creates new ones.
 */
public final class Engine implements RealmProvider {
    private final RealmCodec codec = new RealmCodec();
    private final RealmLoader loader = new RealmLoader(codec, YamlLimits.DEFAULT);
    private final SchemaComparator schemas = new SchemaComparator();
    private final dev.bluerealm.internal.cache.SqliteWarmUp sqlite = new dev.bluerealm.internal.cache.SqliteWarmUp();

    @Override
    public Realm open(RealmOptions options) throws RealmException {
        Path blueHome = options.resolvedBlueHome();
        GitSystemConfig.prime(blueHome);
        if (options.url() != null) {
            boolean known = options.realm() != null && Files.isDirectory(managedClone(blueHome, options.realm())
                    .resolve(".git"));
            Path clone = ensureClone(blueHome, options.realm(), options.url(), options);
            Realm realm;
            try {
                realm = openManaged(options, clone, null, null);
            } catch (RealmException | RuntimeException e) {
                if (!known && options.realm() != null) {
                    Files2.deleteQuietly(clone); // a clone we just made of something that is not a realm
                }
                throw e;
            }
            if (options.realm() != null && !realm.name().equals(options.realm())) {
                realm.close();
                if (!known) {
                    Files2.deleteQuietly(clone);
                }
                throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "the realm at " + Redaction.redact(options.url())
                        + " is named '" + realm.name() + "', not '" + options.realm() + "'");
            }
            return realm;
        }
        if (options.realm() != null) {
            Path clone = managedClone(blueHome, options.realm());
            if (!Files.isDirectory(clone.resolve(".git"))) {
                throw new RealmNotFoundException(ErrorCode.REALM_NOT_FOUND, "realm '" + options.realm()
                        + "' is not known in " + blueHome + "; give its URL with --url");
            }
            return openManaged(options, clone, null, null);
        }
        Path start = start(options);
        Path repoRoot = findConfigRoot(start);
        if (repoRoot != null) {
            // its cache, if it has one, is likely to be opened (status of an exporter, check): SQLite loads meanwhile
            sqlite.start(repoRoot.resolve(".blue/cache.db"));
            RepoConfig config = readRepoConfig(codec, repoRoot);
            Path clone = managedClone(blueHome, config.realm().name());
            if (!Files.isDirectory(clone.resolve(".git"))) {
                ensureClone(blueHome, config.realm().name(), config.realm().url(), options);
            }
            return openManaged(options, clone, new OpenRealm.RepoContext(repoRoot, config), null);
        }
        Path gitRoot = LocalRepo.root(start);
        if (gitRoot != null && Files.isRegularFile(gitRoot.resolve("realm.yaml"))) {
            return new OpenRealm(options, RealmStore.open(gitRoot, false, transports(options)), codec, loader, null, gitRoot, null, schemas, sqlite);
        }
        throw new RealmNotFoundException(ErrorCode.NOT_IN_REALM, "not in a realm: no " + RepoConfig.PATH + " in "
                + start + " or any folder above it, and it is not a realm checkout. Join one with"
                + " `blue realm admin join REALM`");
    }

    private Realm openManaged(RealmOptions options, Path clone, OpenRealm.RepoContext repo, InitResult init)
            throws RealmException {
        RealmStore store = RealmStore.open(clone, true, transports(options));
        try {
            if (!options.offline() && init == null) {
                store.fetch();
            }
            OpenRealm realm = new OpenRealm(options, store, codec, loader, repo, null, init, schemas, sqlite);
            store.syncWorkTree(); // only once the fetched tip loaded: a broken realm leaves the clone as it was
            return realm;
        } catch (RealmException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** SSH from the options' HOME, HTTP credentials from their environment and BLUE_HOME; their progress listener. */
    static Transports transports(RealmOptions options) {
        return Transports.forEnvironment(options.environment(), options.resolvedBlueHome(), options.progress());
    }

    static Path managedClone(Path blueHome, String realm) {
        return blueHome.resolve("realms").resolve(Names.require("realm", realm));
    }

    /** Walks up from {@code start} to the folder holding .blue/config.yaml, or null. */
    static Path findConfigRoot(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(RepoConfig.PATH))) {
                return p;
            }
        }
        return null;
    }

    /** Reads a repo's .blue/config.yaml, or null when it has none. */
    static RepoConfig readRepoConfig(RealmCodec codec, Path repoRoot) throws RealmException {
        Path file = repoRoot.resolve(RepoConfig.PATH);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            if (Files.size(file) > YamlLimits.DEFAULT.maxBytes()) {
                throw new RealmLoadException(List.of(new LoadError(file.toString(), 0, 0, "larger than 1 MiB")));
            }
            RealmCodec.Decoded<RepoConfig> d = codec.repoConfig(file.toString(), Files.readAllBytes(file));
            if (d.value() == null) {
                throw new RealmLoadException(d.errors());
            }
            return d.value();
        } catch (IOException e) {
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes sure the realm at {@code url} has a managed clone and returns it. Without a known name the
     * realm is cloned aside first and moved into place once its realm.yaml names it.
     */
    private Path ensureClone(Path blueHome, String name, String url, RealmOptions options) throws RealmException {
        if (name != null) {
            Path clone = managedClone(blueHome, name);
            if (Files.isDirectory(clone.resolve(".git"))) {
                return clone;
            }
            createDirectories(clone.getParent());
            RealmStore.cloneInto(url, clone, transports(options)).close();
            return clone;
        }
        Path realms = blueHome.resolve("realms");
        createDirectories(realms);
        Path tmp;
        try {
            tmp = Files.createTempDirectory(realms, ".clone-");
            Files.delete(tmp);
        } catch (IOException e) {
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot create a folder in " + realms + ": " + e.getMessage(), e);
        }
        String realmName;
        try (RealmStore store = RealmStore.cloneInto(url, tmp, transports(options));
             TreeSource source = new TreeSource(store.repository(), store.tip())) {
            realmName = realmName(source); // the full load happens once, when the clone is opened
        } catch (IOException | RealmException | RuntimeException e) {
            Files2.deleteQuietly(tmp);
            if (e instanceof RealmException) {
                throw (RealmException) e;
            }
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot read the realm at " + Redaction.redact(url) + ": " + e.getMessage(), e);
        }
        Path clone = managedClone(blueHome, realmName);
        if (Files.isDirectory(clone.resolve(".git"))) {
            Files2.deleteQuietly(tmp); // known already: use the existing clone
            return clone;
        }
        try {
            Files.move(tmp, clone);
        } catch (IOException e) {
            Files2.deleteQuietly(tmp);
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot move the clone into " + clone + ": " + e.getMessage(), e);
        }
        return clone;
    }

    /** The name in a realm's realm.yaml; every load error of that file when it has none. */
    private String realmName(TreeSource source) throws IOException, RealmException {
        if (!source.paths().contains(RealmPaths.REALM_YAML)) {
            throw new RealmLoadException(List.of(new LoadError(RealmPaths.REALM_YAML, 0, 0,
                    "missing: this is not a realm (no realm.yaml at its root)")));
        }
        RealmCodec.Decoded<RealmConfig> config = codec.realmConfig(RealmPaths.REALM_YAML,
                source.read(RealmPaths.REALM_YAML, YamlLimits.DEFAULT.maxBytes()));
        if (config.value() == null) {
            throw new RealmLoadException(config.errors());
        }
        return config.value().name();
    }

    @Override
    public Realm init(InitRequest request, RealmOptions options) throws RealmException {
        Path blueHome = options.resolvedBlueHome();
        GitSystemConfig.prime(blueHome);
        Path clone = managedClone(blueHome, request.name());
        if (Files.exists(clone)) {
            throw new InvalidRequestException(ErrorCode.ALREADY_EXISTS, "realm '" + request.name()
                    + "' already exists here (" + clone + ")");
        }
        Identity who = Identity.resolve(options, LocalRepo.root(options.workingDirectory()));
        Path createdRemote = null;
        String url = request.url();
        ForgeConfig forge = null;
        List<String> approvers = new ArrayList<>(List.of(who.email()));
        if (request.forgejo() != null) {
            ForgejoRepository created = createOnForgejo(request, options);
            forge = ForgeConfig.forgejo(request.forgejo(), created.owner(), created.name());
            url = created.cloneUrl();
            String login = ForgejoAccess.client(forge.url(), options).currentUser().login();
            if (!approvers.contains(login)) {
                approvers.add(login); // on Forgejo an approval is a review, and a review carries a login
            }
        } else if (url == null) {
            Path bare = blueHome.resolve("remotes").resolve(request.name() + ".git");
            if (Files.exists(bare)) {
                throw new InvalidRequestException(ErrorCode.ALREADY_EXISTS, "a realm remote already exists at " + bare
                        + "; join it with `blue realm admin join " + request.name() + " --url " + bare + "`");
            }
            createDirectories(bare.getParent());
            try (Git g = Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch(RealmStore.BRANCH).call()) {
                createdRemote = bare;
            } catch (GitAPIException e) {
                throw new RemoteException(ErrorCode.IO_ERROR, "cannot create the realm remote at " + bare + ": "
                        + e.getMessage(), e);
            }
            url = "file://" + bare;
        }
        createDirectories(clone.getParent());
        try {
            RealmStore store = RealmStore.cloneInto(url, clone, transports(options));
            Instant now = options.clock().instant().truncatedTo(ChronoUnit.SECONDS);
            RealmConfig config = new RealmConfig(request.name(), RealmConfig.FORMAT_VERSION, now,
                    Governance.defaults(approvers), new Trust(TrustMode.COLLABORATIVE, false,
                    rfcPermissions()), forge);
            String remote = url;
            ObjectId commit;
            try {
                commit = store.write(base -> {
                    if (base != null) {
                        throw new InvalidRequestException(ErrorCode.ALREADY_EXISTS, "the repository at " + Redaction.redact(remote)
                                + " is not empty; a new realm needs an empty repository (to use an existing realm, join it)");
                    }
                    return new RealmStore.Change("init: realm " + request.name(),
                            Map.of(RealmPaths.REALM_YAML, codec.write(config)));
                }, who.person(now));
            } finally {
                store.close();
            }
            InitResult result = new InitResult(request.name(), url, createdRemote != null || forge != null, clone,
                    new RealmWrite(List.of(new FileChange(FileChange.Kind.CREATED, RealmPaths.REALM_YAML, null)),
                            commit.name(), url));
            return openManaged(options, clone, null, result);
        } catch (RealmException | RuntimeException e) {
            Files2.deleteQuietly(clone); // never leave half a realm behind
            Files2.deleteQuietly(createdRemote);
            throw e;
        }
    }

    /**
     * Creates the realm repo on Forgejo, private and empty (init pushes the first commit): in the
     * organization when one is named, else for the token's user.
     */
    private static ForgejoRepository createOnForgejo(InitRequest request, RealmOptions options) throws RealmException {
        String forgeUrl;
        try {
            forgeUrl = ForgeConfig.forgejo(request.forgejo(), "o", "r").url();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, e.getMessage(), e);
        }
        ForgejoClient forgejo = ForgejoAccess.client(forgeUrl, options);
        NewRepository spec = new NewRepository(request.name(), "blue realm " + request.name(), true, false,
                RealmStore.BRANCH);
        return request.org() != null ? forgejo.createOrgRepository(request.org(), spec)
                : forgejo.createUserRepository(spec);
    }

    /** The RFC's example permissions, written by init so a new realm.yaml reads as the RFC's. */
    private static Map<String, List<String>> rfcPermissions() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("repos/{repo}.yaml", List.of("repo_maintainers"));
        p.put("domains/{domain}/domain.yaml", List.of("domain_owners"));
        p.put("domains/{domain}/contracts/{name}.yaml", List.of("contract_owner"));
        p.put("domains/{domain}/bindings/{repo}.yaml", List.of("repo_maintainers"));
        return p;
    }

    @Override
    public void createRepository(Path dir, Map<String, String> files, String authorEmail) throws RealmException {
        LocalRepo.create(dir.toAbsolutePath().normalize(), files, new org.eclipse.jgit.lib.PersonIdent(
                authorEmail.replaceFirst("@.*", ""), authorEmail));
    }

    @Override
    public dev.bluerealm.contract.SchemaCompatibility schemaCompatibility() {
        return schemas;
    }

    @Override
    public java.util.Optional<RepoConfig> repoConfig(RealmOptions options) throws RealmException {
        Path root = findConfigRoot(start(options));
        return root == null ? java.util.Optional.empty() : java.util.Optional.of(readRepoConfig(codec, root));
    }

    @Override
    public java.util.Optional<String> activeRfc(RealmOptions options) {
        GitSystemConfig.prime(options.resolvedBlueHome());
        return dev.bluerealm.internal.worktree.ActiveRfc.of(start(options));
    }

    /** Where a search for the repo starts: the options' location, relative to their working folder. */
    private static Path start(RealmOptions options) {
        Path start = options.location() == null ? options.workingDirectory()
                : options.workingDirectory().resolve(options.location());
        return start.toAbsolutePath().normalize();
    }

    @Override
    public dev.bluerealm.json.JsonValue readDocument(Path file) throws RealmException {
        return dev.bluerealm.internal.yaml.Documents.read(file, file.toString());
    }

    private static void createDirectories(Path dir) throws RealmException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
