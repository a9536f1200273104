package dev.bluerealm.internal.realm;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.RealmInternalException;
import dev.bluerealm.RealmOptions;
import dev.bluerealm.RefusedException;
import dev.bluerealm.RemoteException;
import dev.bluerealm.admin.DomainRequest;
import dev.bluerealm.admin.DomainResult;
import dev.bluerealm.admin.FileChange;
import dev.bluerealm.admin.InitResult;
import dev.bluerealm.admin.JoinRequest;
import dev.bluerealm.admin.JoinResult;
import dev.bluerealm.admin.LeaveRequest;
import dev.bluerealm.admin.LeaveResult;
import dev.bluerealm.admin.RealmWrite;
import dev.bluerealm.contract.Finding;
import dev.bluerealm.cache.RepoCache;
import dev.bluerealm.contract.CheckRequest;
import dev.bluerealm.contract.ContractChecker;
import dev.bluerealm.internal.cache.CacheDb;
import dev.bluerealm.internal.check.CheckContext;
import dev.bluerealm.internal.check.Checker;
import dev.bluerealm.internal.check.LocalChanges;
import dev.bluerealm.internal.extract.Extractor;
import dev.bluerealm.internal.extract.ScanCache;
import dev.bluerealm.internal.history.ContractHistory;
import dev.bluerealm.internal.hooks.HookRunner;
import dev.bluerealm.internal.progress.Progress;
import dev.bluerealm.internal.schema.SchemaComparator;
import dev.bluerealm.internal.git.LocalRepo;
import dev.bluerealm.internal.git.RealmStore;
import dev.bluerealm.internal.git.TreeSource;
import dev.bluerealm.internal.yaml.RealmCodec;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.model.Names;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.model.RealmRef;
import dev.bluerealm.model.RepoConfig;
import dev.bluerealm.model.RepoEntry;
import dev.bluerealm.status.RealmStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;

/**
 * A realm opened from its managed clone (or a user's realm checkout). The model is loaded from the
 * remote's {@code main} as last fetched; every write goes through {@link RealmStore#write}.
 */
final class OpenRealm implements Realm {
    private final RealmOptions options;
    private final RealmStore store;
    private final RealmCodec codec;
    private final RealmLoader loader;
    private final RepoContext repoContext;
    private final Path workTree; // a user's realm checkout read as it is on disk, or null
    private final InitResult initResult;
    private final Progress progress;
    private final HookRunner hooks;
    private final SchemaComparator schemas;
    private final dev.bluerealm.internal.cache.SqliteWarmUp sqlite; // loading SQLite meanwhile, for openCache
    private final ModelSnapshots snapshots;
    private Planned planned; // the last sync plan made here, so sync(plan) need not read it all again
    private RealmModel model;
    private String commit;
    private List<Finding> findings;
    private ContractHistory history; // read on first use, per loaded commit
    private Map<ObjectId, dev.bluerealm.model.Contract> loadedContracts = Map.of(); // by blob id of their bytes

    /** The participating repo the realm was opened from: its root and its config. */
    record RepoContext(Path root, RepoConfig config) {}

    OpenRealm(RealmOptions options, RealmStore store, RealmCodec codec, RealmLoader loader, RepoContext repoContext,
              Path workTree, InitResult initResult, SchemaComparator schemas,
              dev.bluerealm.internal.cache.SqliteWarmUp sqlite) throws RealmException {
        this.schemas = schemas;
        this.sqlite = sqlite;
        this.options = options;
        this.progress = Progress.of(options.progress());
        this.hooks = new HookRunner(HookRunner.DEFAULT_TIMEOUT, progress, options.environment());
        this.store = store;
        this.codec = codec;
        this.loader = loader;
        this.repoContext = repoContext;
        this.workTree = workTree;
        this.initResult = initResult;
        this.snapshots = new ModelSnapshots(store.repository().getDirectory().toPath());
        reload();
    }

    private void reload() throws RealmException {
        try {
            Map<String, ObjectId> blobs = new java.util.concurrent.ConcurrentHashMap<>();
            if (workTree != null) {
                model = load(new DirectorySource(workTree), blobs);
                ObjectId head = store.repository().resolve("HEAD");
                commit = head == null ? null : head.name();
            } else {
                ObjectId tip = store.tip();
                try (TreeSource source = new TreeSource(store.repository(), tip)) {
                    model = load(source, blobs);
                }
                commit = tip.name();
            }
            loadedContracts = new HashMap<>();
            for (DomainModel d : model.domains().values()) {
                for (dev.bluerealm.model.Contract c : d.contracts().values()) {
                    ObjectId id = blobs.get(RealmPaths.contract(d.name(), c.name()));
                    if (id != null) {
                        loadedContracts.put(id, c);
                    }
                }
            }
            findings = Findings.of(model);
            history = null;
        } catch (IOException e) {
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot read the realm at " + checkout() + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * The model of {@code source}: from the snapshot the last load left when the files are the same,
     * else parsed (and snapshotted for the next process). {@code blobs} receives the contract files'
     * blob ids either way.
     */
    private RealmModel load(FileSource source, Map<String, ObjectId> blobs) throws RealmException, IOException {
        String key = source.contentKey();
        Optional<ModelSnapshots.Snapshot> kept = snapshots.read(key, source.newestChange());
        if (kept.isPresent()) {
            blobs.putAll(kept.get().contractBlobs());
            return kept.get().model();
        }
        RealmModel loaded = loader.load(source, (path, bytes) -> blobs.put(path,
                new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, bytes)));
        snapshots.write(key, new ModelSnapshots.Snapshot(loaded, new java.util.TreeMap<>(blobs)));
        return loaded;
    }

    private RealmModel modelAt(ObjectId base) throws RealmException {
        try (TreeSource source = new TreeSource(store.repository(), base)) {
            return loader.load(source);
        } catch (IOException e) {
            throw new RealmInternalException("cannot read realm commit " + base.name(), e);
        }
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public String url() {
        return store.url();
    }

    @Override
    public Path checkout() {
        return store.directory();
    }

    @Override
    public String commit() {
        return commit;
    }

    @Override
    public RealmModel model() {
        return model;
    }

    @Override
    public Optional<String> repo() {
        return Optional.ofNullable(repoContext).map(c -> c.config().repo());
    }

    @Override
    public List<Finding> findings() {
        return findings;
    }

    @Override
    public RealmStatus status() throws RealmException {
        List<RealmStatus.LocalChange> changes = List.of();
        String me = repo().orElse(null);
        boolean exports = me != null && model.domains().values().stream()
                .anyMatch(d -> d.binding(me).map(b -> !b.exports().isEmpty()).orElse(false));
        if (exports) { // only an exporter has code to compare with the realm (and a cache worth opening)
            CheckContext ctx = context(new CheckRequest(null, null, null, null, null, true, false));
            try {
                changes = LocalChanges.of(ctx);
            } finally {
                if (ctx.cache() != null) {
                    ctx.cache().close();
                }
            }
        }
        return StatusBuilder.build(model, repo().orElse(null), url(), commit, findings, changes, pullRequestStatus());
    }

    @Override
    public ContractChecker checker() {
        return new Checker(name(), findings, this::context);
    }

    /** The context of one check run: the cache is opened unless the request bypasses it. */
    private CheckContext context(CheckRequest request) {
        List<String> warnings = new ArrayList<>();
        Path root = repoContext == null ? null : repoContext.root();
        CacheDb cache = null;
        if (root != null && request.useCache()) {
            try {
                cache = openCache(root.resolve(".blue/cache.db"), warnings::add);
            } catch (IOException e) {
                warnings.add("the cache cannot be used (" + e.getMessage() + "); checking without it");
            }
        }
        return new CheckContext(model, repo().orElse(null), root, commit, this::history, cache, hooks,
                root == null ? null : new Extractor(root, hooks, cache == null ? ScanCache.NONE : Checker.exportCache(cache),
                        progress),
                schemas, request.ci(), warnings, progress);
    }

    /** This repo's cache, once the engine's SQLite warm-up (if any) is done. */
    private CacheDb openCache(Path file, java.util.function.Consumer<String> warn) throws IOException {
        sqlite.await();
        return CacheDb.open(file, options.clock(), warn);
    }

    private ContractHistory history() {
        if (history == null) {
            try {
                history = new ContractHistory(store.repository(), commit == null ? null : ObjectId.fromString(commit),
                        codec, loadedContracts);
            } catch (IOException e) {
                throw new RealmInternalException("cannot read the realm's history at " + checkout(), e);
            }
        }
        return history;
    }

    @Override
    public RepoCache cache() throws RealmException {
        if (repoContext == null) {
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "the cache belongs to a participating repo"
                    + " (.blue/cache.db); run this inside one");
        }
        Path file = repoContext.root().resolve(".blue/cache.db");
        return new RepoCache() {
            @Override
            public List<RepoCache.TableStats> stats() throws RealmException {
                try (CacheDb db = openCache(file, w -> { })) {
                    return db.stats().stream().map(t -> new RepoCache.TableStats(t.table().tableName(), t.entries(),
                            t.hits(), t.misses())).toList();
                } catch (IOException | java.sql.SQLException e) {
                    throw new RemoteException(ErrorCode.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
                }
            }

            @Override
            public void clear() throws RealmException {
                try (CacheDb db = openCache(file, w -> { })) {
                    db.clear();
                    snapshots.clear();
                } catch (IOException | java.sql.SQLException e) {
                    throw new RemoteException(ErrorCode.IO_ERROR, "cannot clear " + file + ": " + e.getMessage(), e);
                }
            }
        };
    }

    @Override
    public Optional<InitResult> initResult() {
        return Optional.ofNullable(initResult);
    }

    private Instant now() {
        return options.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public JoinResult join(JoinRequest request) throws RealmException {
        Path dir = options.workingDirectory().resolve(request.repoDir()).toAbsolutePath().normalize();
        Path root = LocalRepo.root(dir);
        if (root == null) {
            throw new InvalidRequestException(ErrorCode.NOT_A_REPOSITORY, dir + " is not inside a git work tree; run"
                    + " `git init` there first, or run join from inside the repo");
        }
        String name = request.as() != null ? request.as() : root.getFileName().toString();
        if (!Names.isValid(name)) {
            throw new InvalidRequestException(ErrorCode.INVALID_NAME, Names.describe("repo", name)
                    + (request.as() == null ? "; pick a valid name with --as NAME" : ""));
        }
        RepoConfig existing = Engine.readRepoConfig(codec, root);
        if (existing != null && !existing.realm().name().equals(name())) {
            throw new InvalidRequestException(ErrorCode.ALREADY_EXISTS, root + " already belongs to realm '"
                    + existing.realm().name() + "' (" + RepoConfig.PATH + "); a repo joins one realm (leave it first)");
        }
        Identity who = Identity.resolve(options, root);
        String origin = LocalRepo.originUrl(root);
        List<String> maintainers = new ArrayList<>(List.of(who.email()));
        forgeLogin().filter(login -> !maintainers.contains(login)).ifPresent(maintainers::add); // reviews come from logins
        RepoEntry entry = new RepoEntry(name, null, origin == null ? root.toString() : null, origin,
                maintainers, now());
        dev.bluerealm.model.Governance g = model.config().governance();
        if (!model.repos().containsKey(name) && g.admission() == dev.bluerealm.model.Admission.APPROVAL
                && !g.isApprover(who.email())) {
            return joinByPullRequest(name, entry, who);
        }
        boolean[] already = {false};
        List<FileChange> changes = new ArrayList<>();
        ObjectId pushed = store.write(base -> {
            RealmModel current = modelAt(base);
            RepoEntry present = current.repos().get(name);
            if (present != null) {
                if (!java.util.Objects.equals(present.location(), entry.location())) {
                    throw new InvalidRequestException(ErrorCode.ALREADY_EXISTS, "the name '" + name + "' is taken by "
                            + "another repo (" + present.location() + "); join under another name with --as NAME");
                }
                already[0] = true;
                return null;
            }
            AdminPlans.admit(current.config().governance(), name, who.email());
            AdminPlans.Plan plan = new AdminPlans(codec).join(current, entry);
            changes.clear();
            changes.addAll(plan.changes);
            return new RealmStore.Change("join: " + name, plan.files);
        }, who.person(now()));
        reload();
        Path config = root.resolve(RepoConfig.PATH);
        writeLocal(config, codec.write(new RepoConfig(new RealmRef(name(), url()), name)));
        Path ignore = root.resolve(".blue/.gitignore");
        if (!Files.exists(ignore)) {
            // config.yaml is committed with the repo; the cache is this machine's own
            writeLocal(ignore, "cache.db\ncache.db-*\ncache.db.corrupt\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        List<JoinResult.DetectedBinding> detected = new ArrayList<>();
        for (DomainModel d : model.domainsOf(name)) {
            d.binding(name).ifPresent(b -> detected.add(new JoinResult.DetectedBinding(d.name(), b.role().yaml(),
                    b.imports().stream().map(ImportBinding::contract).toList(),
                    b.exports().stream().map(ExportBinding::contract).toList())));
        }
        return new JoinResult(name(), name, new RealmWrite(already[0] ? List.of() : changes,
                pushed == null ? null : pushed.name(), url()), config, already[0], detected, null);
    }

    /**
     * {@code admission: approval} and the identity is not an approver: the join's files go on a
     * {@code join/{repo}/{time}} branch with a pull request that merges once an approver approves it
     * (DESIGN §5 item 7). An open join request for the repo is returned as it is.
     */
    private JoinResult joinByPullRequest(String name, RepoEntry entry, Identity who) throws RealmException {
        dev.bluerealm.internal.sync.Syncer syncer = syncer();
        for (dev.bluerealm.sync.PullRequest p : syncer.forge().list(dev.bluerealm.sync.PullRequest.State.OPEN)) {
            if (p.head().startsWith("join/" + name + "/")) {
                return new JoinResult(name(), name, new RealmWrite(List.of(), null, url()), null, false, List.of(),
                        p.number());
            }
        }
        AdminPlans.Plan plan = new AdminPlans(codec).join(model, entry);
        String branch = "join/" + name + "/" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(now());
        ObjectId tip;
        try {
            tip = store.tip();
        } catch (IOException e) {
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot read the realm clone: " + e.getMessage(), e);
        }
        ObjectId pushed = store.writeBranch(branch, tip, base -> new RealmStore.Change("join: " + name, plan.files),
                who.person(now()));
        dev.bluerealm.sync.PullRequest pr = syncer.forge().open(new dev.bluerealm.sync.Forge.Draft("join: " + name,
                name + " (" + who.email() + ") asks to join realm '" + name() + "'. The realm's admission is"
                        + " 'approval': an approver approves with `blue realm approve NUMBER`.\n", branch,
                RealmStore.BRANCH, name, List.of(), false));
        return new JoinResult(name(), name, new RealmWrite(plan.changes, pushed == null ? null : pushed.name(), url()),
                null, false, List.of(), pr.number());
    }

    @Override
    public RealmWrite invite(String repo) throws RealmException {
        Identity who = actingIdentity();
        Names.require("repo", repo);
        List<FileChange> changes = new ArrayList<>();
        ObjectId pushed = store.write(base -> {
            RealmModel current = modelAt(base);
            dev.bluerealm.model.Governance g = current.config().governance();
            if (!g.isApprover(who.email())) {
                throw new RefusedException(ErrorCode.NOT_APPROVER, who.email() + " is not an approver of realm '"
                        + current.name() + "' (" + String.join(", ", g.approvers()) + "); only an approver may invite");
            }
            if (g.invites().contains(repo)) {
                return null;
            }
            List<String> invites = new ArrayList<>(g.invites());
            invites.add(repo);
            dev.bluerealm.model.RealmConfig c = current.config();
            dev.bluerealm.model.RealmConfig next = new dev.bluerealm.model.RealmConfig(c.name(), c.version(),
                    c.createdAt(), new dev.bluerealm.model.Governance(g.admission(), g.approvers(), g.breakingChanges(),
                    invites), c.trust(), c.forge());
            changes.clear();
            changes.add(new FileChange(FileChange.Kind.UPDATED, RealmPaths.REALM_YAML, "governance.invites + " + repo));
            return new RealmStore.Change("invite: " + repo, Map.of(RealmPaths.REALM_YAML, codec.write(next)));
        }, who.person(now()));
        reload();
        return new RealmWrite(changes, pushed == null ? null : pushed.name(), url());
    }

    @Override
    public DomainResult createDomain(DomainRequest request) throws RealmException {
        Identity who = actingIdentity();
        List<FileChange> changes = new ArrayList<>();
        ObjectId pushed = store.write(base -> {
            RealmModel current = modelAt(base);
            AdminPlans.Plan plan = new AdminPlans(codec).createDomain(current, request, now());
            changes.clear();
            changes.addAll(plan.changes);
            return new RealmStore.Change("domain create: " + request.name() + " (" + request.provider() + " → "
                    + String.join(", ", request.consumers()) + ")", plan.files);
        }, who.person(now()));
        reload();
        return new DomainResult(request.name(), new RealmWrite(changes, pushed == null ? null : pushed.name(), url()));
    }

    @Override
    public LeaveResult leave(LeaveRequest request) throws RealmException {
        String repo = request.repo() != null ? request.repo() : repo().orElseThrow(() -> new InvalidRequestException(
                ErrorCode.INVALID_ARGUMENT, "which repo leaves? run leave inside a participating repo or name it"));
        Identity who = actingIdentity();
        List<FileChange> changes = new ArrayList<>();
        List<String> orphaned = new ArrayList<>();
        ObjectId pushed = store.write(base -> {
            RealmModel current = modelAt(base);
            boolean known = current.repos().containsKey(repo) || current.domains().values().stream()
                    .anyMatch(d -> d.domain().members().contains(repo) || d.bindings().containsKey(repo));
            if (!known) {
                throw new InvalidRequestException(ErrorCode.NOT_FOUND, "repo '" + repo + "' is not in realm '"
                        + current.name() + "'");
            }
            RepoEntry entry = current.repos().get(repo);
            boolean maintainer = entry != null && entry.isMaintainer(who.email());
            if (!maintainer && !current.config().governance().isApprover(who.email())) {
                throw new RefusedException(ErrorCode.LEAVE_REFUSED, who.email() + " is neither a maintainer of '" + repo
                        + "' nor a realm approver, so it cannot remove it");
            }
            List<String> imported = AdminPlans.importedOwnedContracts(current, repo);
            if (!imported.isEmpty() && !request.force()) {
                throw new RefusedException(ErrorCode.LEAVE_REFUSED, "'" + repo + "' owns contracts that other repos"
                        + " import: " + String.join("; ", imported) + ". Hand them over first, or leave anyway with"
                        + " --force (the contracts stay, without an owner)");
            }
            orphaned.clear();
            imported.forEach(s -> orphaned.add(s.replaceFirst(" \\(.*", "")));
            AdminPlans.Plan plan = new AdminPlans(codec).leave(current, repo);
            changes.clear();
            changes.addAll(plan.changes);
            return new RealmStore.Change("leave: " + repo, plan.files);
        }, who.person(now()));
        reload();
        boolean removedConfig = false;
        if (repoContext != null && repoContext.config().repo().equals(repo)) {
            try {
                removedConfig = Files.deleteIfExists(repoContext.root().resolve(RepoConfig.PATH));
            } catch (IOException e) {
                throw new RemoteException(ErrorCode.IO_ERROR, "left the realm, but cannot remove "
                        + RepoConfig.PATH + ": " + e.getMessage(), e);
            }
        }
        return new LeaveResult(repo, new RealmWrite(changes, pushed == null ? null : pushed.name(), url()),
                removedConfig, orphaned);
    }

    @Override
    public void refresh() throws RealmException {
        store.fetch();
        reload();
        store.syncWorkTree();
    }

    // ------------------------------------------------------------------ sync

    /**
     * A merge onto a main that moved since the branch was made combines two states nobody loaded
     * together: the result must still load, or the merge is refused (a fast-forward is the branch as
     * it was pushed, made from a loaded main).
     */
    private void checkMerge(ObjectId merged, boolean fastForward) throws RealmException {
        if (fastForward) {
            return;
        }
        try {
            modelAt(merged);
        } catch (dev.bluerealm.RealmLoadException e) {
            String first = e.errors().stream().limit(3).map(Object::toString)
                    .collect(java.util.stream.Collectors.joining("; "));
            throw new RefusedException(ErrorCode.MERGE_CONFLICT, "merging onto the realm's main as it is now would"
                    + " leave the realm unloadable (" + first + "); nothing was merged: update the branch and sync again");
        }
    }

    /** Who acts: the git identity of the participating repo, else of the repo the command runs in. */
    private Identity actingIdentity() throws RealmException {
        Path root = repoContext != null ? repoContext.root() : LocalRepo.root(options.workingDirectory());
        return Identity.resolve(options, root);
    }

    /** The open pull requests this repo opened or imports from, with what each waits for (none offline). */
    private List<RealmStatus.PullRequestStatus> pullRequestStatus() throws RealmException {
        if (repoContext == null || options.offline()) {
            return List.of();
        }
        String me = repoContext.config().repo();
        dev.bluerealm.internal.sync.Syncer syncer = syncer();
        dev.bluerealm.internal.sync.Syncer.OpenPulls open = syncer.openPulls();
        List<dev.bluerealm.internal.sync.SyncInputs.Pending> pending = open.pending();
        List<RealmStatus.PullRequestStatus> out = new ArrayList<>();
        for (dev.bluerealm.internal.sync.SyncInputs.Pending p : pending) {
            DomainModel d = model.domains().get(p.domain());
            dev.bluerealm.model.Contract main = d == null ? null : d.contracts().get(p.contract().name());
            if (main == null) {
                continue;
            }
            ImportBinding imp = d.binding(me).flatMap(b -> b.imports().stream()
                    .filter(i -> i.contract().equals(main.name())).findFirst()).orElse(null);
            boolean mine = me.equals(p.pullRequest().authorRepo());
            if (!mine && imp == null) {
                continue;
            }
            boolean satisfied = imp == null || dev.bluerealm.version.VersionRange.isValid(imp.range())
                    && dev.bluerealm.version.VersionRange.parse(imp.range()).matches(p.contract().version());
            String to = p.contract().version().toString();
            boolean acked = p.pullRequest().acknowledgements().stream()
                    .anyMatch(a -> a.repo().equals(me) && a.version().equals(to));
            List<String> diff = dev.bluerealm.internal.extract.ValueDiff.diff(p.contract().schema(),
                    dev.bluerealm.internal.extract.Defaults.complete(main.schema(), main.value()),
                    dev.bluerealm.internal.extract.Defaults.complete(p.contract().schema(), p.contract().value()))
                    .stream().map(Object::toString).toList();
            out.add(new RealmStatus.PullRequestStatus(p.pullRequest().number(), p.pullRequest().title(),
                    p.pullRequest().authorRepo(), p.domain(), main.name(), main.version().toString(), to,
                    p.pullRequest().breaking(), diff, imp == null ? null : imp.range(), satisfied, acked,
                    syncer.decision(model, p.pullRequest(), pending, open.records().stream()
                            .filter(r -> r.number() == p.pullRequest().number()).findFirst()
                            .map(dev.bluerealm.internal.forge.ForgePull::approvedBy).orElse(java.util.Set.of()))
                            .waitingFor()));
        }
        return out;
    }

    /** The sync machinery acting as this repo's git identity, on the local forge. */
    private dev.bluerealm.internal.sync.Syncer syncer() throws RealmException {
        return syncer(actingIdentity());
    }

    /**
     * The sync machinery for reading only (listing pull requests and their changes): a process
     * with no git identity, such as the daemon, may read; it never writes with this one.
     */
    private dev.bluerealm.internal.sync.Syncer readingSyncer() throws RealmException {
        Identity who;
        try {
            who = actingIdentity();
        } catch (InvalidRequestException e) {
            if (e.code() != ErrorCode.IDENTITY_UNKNOWN) {
                throw e;
            }
            who = new Identity("reader@blue.invalid", "blue reader");
        }
        return syncer(who);
    }

    private dev.bluerealm.internal.sync.Syncer syncer(Identity who) throws RealmException {
        return new dev.bluerealm.internal.sync.Syncer(store, forge(who), codec, options.clock(), who.email(),
                who::person);
    }

    /** The forge realm.yaml names: Forgejo with its {@code forge} block, else the embedded local forge. */
    private dev.bluerealm.internal.forge.RealmForge forge(Identity who) {
        java.time.Duration grace = java.time.Duration.ofDays(model.config().governance().breakingChanges()
                .gracePeriodDays());
        dev.bluerealm.model.ForgeConfig hosted = model.config().forge();
        if (hosted == null) {
            return new dev.bluerealm.internal.forge.local.LocalForge(store, who.person(now()), options.clock(), grace,
                    this::checkMerge);
        }
        return new dev.bluerealm.internal.forge.forgejo.ForgejoForge(ForgejoAccess.client(hosted.url(), options),
                hosted, options.clock(), grace,
                repo -> model.repos().containsKey(repo) ? model.repos().get(repo).maintainers() : List.of());
    }

    /** The acting user's Forgejo login on a realm whose pull requests live there, else nothing. */
    private Optional<String> forgeLogin() throws RealmException {
        dev.bluerealm.model.ForgeConfig hosted = model.config().forge();
        return hosted == null ? Optional.empty()
                : Optional.of(ForgejoAccess.client(hosted.url(), options).currentUser().login());
    }

    private RepoContext requireRepo(String what) throws RealmException {
        if (repoContext == null) {
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, what + " runs in a participating repo (one"
                    + " with .blue/config.yaml), not in a realm checkout");
        }
        return repoContext;
    }

    @Override
    public String graph(dev.bluerealm.graph.GraphFormat format) {
        return dev.bluerealm.internal.graph.DiagramWriters.write(dev.bluerealm.internal.graph.RealmDiagram.of(model),
                java.util.Objects.requireNonNull(format, "format"));
    }

    @Override
    public dev.bluerealm.sync.SyncPlanner syncPlanner(dev.bluerealm.sync.SyncRequest request) throws RealmException {
        RepoContext repo = requireRepo("sync");
        dev.bluerealm.internal.sync.Syncer syncer = syncer();
        CheckContext ctx = context(new CheckRequest(null, null, null, null, null, request.useCache(), request.ci()));
        try {
            dev.bluerealm.internal.sync.SyncInputs inputs = syncer.inputs(model, repo.config().repo(), ctx, request);
            return () -> {
                dev.bluerealm.sync.SyncPlan plan = new dev.bluerealm.internal.sync.Planner(inputs, schemas).plan();
                planned = new Planned(plan, inputs, request);
                return plan;
            };
        } finally {
            if (ctx.cache() != null) {
                ctx.cache().close();
            }
        }
    }

    @Override
    public dev.bluerealm.sync.SyncResult sync(dev.bluerealm.sync.SyncPlan plan, dev.bluerealm.sync.SyncRequest request)
            throws RealmException {
        RepoContext repo = requireRepo("sync");
        dev.bluerealm.internal.sync.Syncer syncer = syncer();
        CheckContext ctx = context(new CheckRequest(null, null, null, null, null, request.useCache(), request.ci()));
        try {
            Planned last = planned;
            planned = null;
            // the plan this realm just made, for the same request: carried out on what it was made from
            dev.bluerealm.internal.sync.SyncInputs inputs = last != null && last.plan() == plan
                    && last.request().equals(request) ? last.inputs()
                    : syncer.inputs(model, repo.config().repo(), ctx, request);
            dev.bluerealm.sync.SyncPlan fresh = inputs == (last == null ? null : last.inputs()) ? plan
                    : new dev.bluerealm.internal.sync.Planner(inputs, schemas).plan();
            if (!sameWork(fresh, plan)) {
                throw new RefusedException(ErrorCode.PLAN_STALE, "the realm or this repo changed since the plan was"
                        + " made; plan again (nothing was written)");
            }
            dev.bluerealm.sync.SyncResult result = syncer.carryOut(plan, inputs, ctx);
            if (!result.merged().isEmpty() || result.bindingCommit() != null) {
                refresh(); // main moved: the model follows (carryOut fetched already)
            }
            return result;
        } finally {
            if (ctx.cache() != null) {
                ctx.cache().close();
            }
        }
    }

    /** The last plan made here, with what it was made from. */
    private record Planned(dev.bluerealm.sync.SyncPlan plan, dev.bluerealm.internal.sync.SyncInputs inputs,
                           dev.bluerealm.sync.SyncRequest request) {}

    /** Two plans do the same work (the branch name carries the time of planning, so it may differ). */
    private static boolean sameWork(dev.bluerealm.sync.SyncPlan a, dev.bluerealm.sync.SyncPlan b) {
        return a.changes().equals(b.changes()) && a.violations().equals(b.violations())
                && a.bindingUpdates().equals(b.bindingUpdates()) && java.util.Objects.equals(a.updates(), b.updates());
    }

    @Override
    public List<dev.bluerealm.sync.PullRequest> pullRequests(dev.bluerealm.sync.PullRequest.State state)
            throws RealmException {
        return readingSyncer().forge().list(state);
    }

    @Override
    public List<dev.bluerealm.sync.PendingChange> pendingChanges() throws RealmException {
        List<dev.bluerealm.sync.PendingChange> out = new ArrayList<>();
        for (dev.bluerealm.internal.sync.SyncInputs.Pending p : readingSyncer().openPulls().pending()) {
            DomainModel d = model.domains().get(p.domain());
            dev.bluerealm.model.Contract main = d == null ? null : d.contracts().get(p.contract().name());
            List<String> diff = main == null ? List.of() : dev.bluerealm.internal.extract.ValueDiff.diff(
                    p.contract().schema(),
                    dev.bluerealm.internal.extract.Defaults.complete(main.schema(), main.value()),
                    dev.bluerealm.internal.extract.Defaults.complete(p.contract().schema(), p.contract().value()))
                    .stream().map(Object::toString).toList();
            out.add(new dev.bluerealm.sync.PendingChange(p.pullRequest().number(), p.pullRequest().title(),
                    p.pullRequest().authorRepo(), p.domain(), p.contract().name(),
                    main == null ? null : main.version().toString(), p.contract().version().toString(),
                    p.pullRequest().breaking(), diff));
        }
        out.sort(java.util.Comparator.comparingInt(dev.bluerealm.sync.PendingChange::pullRequest));
        return out;
    }

    @Override
    public dev.bluerealm.sync.PullRequest approve(int number) throws RealmException {
        Identity who = actingIdentity();
        dev.bluerealm.internal.sync.Syncer syncer = syncer();
        dev.bluerealm.sync.PullRequest pr = syncer.forge().get(number).orElseThrow(() -> new InvalidRequestException(
                ErrorCode.NOT_FOUND, "no pull request #" + number + " in realm '" + name() + "'"));
        dev.bluerealm.model.Governance governance = model.config().governance();
        for (dev.bluerealm.internal.sync.SyncInputs.Pending p : syncer.openPulls().pending()) {
            DomainModel d = model.domains().get(p.domain());
            if (p.pullRequest().number() == number && d != null && d.governance() != null) {
                governance = d.governance();
            }
        }
        List<String> identities = new ArrayList<>(syncer.forge().actingIdentities());
        identities.add(who.email());
        if (governance.approvers().stream().noneMatch(identities::contains)) {
            throw new RefusedException(ErrorCode.NOT_APPROVER, who.email() + " is not an approver of this realm ("
                    + String.join(", ", governance.approvers()) + "); only an approver may approve #" + number);
        }
        syncer.forge().approve(number, who.email());
        syncer.mergeReady(model);
        refresh();
        return syncer.forge().get(number).orElse(pr);
    }

    @Override
    public dev.bluerealm.worktree.WorktreeResult worktrees(dev.bluerealm.worktree.WorktreeRequest request)
            throws RealmException {
        java.util.Objects.requireNonNull(request, "request");
        RepoContext repo = requireRepo("worktree");
        if (options.offline()) { // no network: a url-only repo without a clone is reported, not cloned
            return new dev.bluerealm.internal.worktree.UnifiedWorktrees(model, repo.config().repo(), repo.root(), null)
                    .run(request);
        }
        // a url-only repo is cloned with the realm's own transports (SSH keys, the credentials chain), made
        // on the first clone only
        dev.bluerealm.internal.git.Transports[] transports = {null};
        try {
            return new dev.bluerealm.internal.worktree.UnifiedWorktrees(model, repo.config().repo(), repo.root(),
                    (url, dir) -> {
                        if (transports[0] == null) {
                            transports[0] = Engine.transports(options);
                        }
                        LocalRepo.cloneInto(url, dir, transports[0]);
                    }).run(request);
        } finally {
            if (transports[0] != null) {
                transports[0].close();
            }
        }
    }

    @Override
    public dev.bluerealm.pr.PullRequestSet pullRequestSet(dev.bluerealm.pr.PullRequestSetRequest request)
            throws RealmException {
        java.util.Objects.requireNonNull(request, "request");
        RepoContext repo = requireRepo("pr");
        Identity who = actingIdentity();
        dev.bluerealm.model.ForgeConfig hosted = model.config().forge();
        try (dev.bluerealm.internal.git.Transports transports = Engine.transports(options)) {
            dev.bluerealm.internal.pr.CoordinatedPulls.Forges forges;
            if (hosted == null) { // the local forge: records on each repo's own origin
                forges = root -> dev.bluerealm.internal.pr.LocalRepoPulls.open(root, transports, who.person(now()),
                        options.clock()).<dev.bluerealm.internal.pr.CoordinatedPulls.Reach>map(
                                dev.bluerealm.internal.pr.CoordinatedPulls.Reach::of)
                        .orElseGet(() -> dev.bluerealm.internal.pr.CoordinatedPulls.Reach.none("its clone at " + root
                                + " has no 'origin' remote to push the change's branch to and keep its pull request on"));
            } else { // the realm's Forgejo, which must host the code repos too
                dev.bluerealm.internal.forge.forgejo.ForgejoClient client = ForgejoAccess.client(hosted.url(), options);
                dev.bluerealm.internal.forge.forgejo.MergeStyle style = dev.bluerealm.internal.forge.forgejo.MergeStyle
                        .valueOf(hosted.mergeStyle().name()); // the same five styles, by name
                forges = root -> dev.bluerealm.internal.pr.ForgejoRepoPulls.open(root, transports, client, style);
            }
            return new dev.bluerealm.internal.pr.CoordinatedPulls(model, repo.config().repo(), repo.root(), forges)
                    .run(request);
        }
    }

    @Override
    public dev.bluerealm.pr.MergeOrderRefresh refreshMergeOrder() throws RealmException {
        dev.bluerealm.model.ForgeConfig hosted = model.config().forge();
        if (hosted == null) { // the local forge shows no statuses
            return dev.bluerealm.pr.MergeOrderRefresh.none();
        }
        java.util.function.Function<String, Optional<Path>> clones;
        java.util.Collection<String> scope;
        if (repoContext != null) { // the current repo's domains, their clones found as `worktree` finds them
            dev.bluerealm.internal.worktree.RealmCheckouts checkouts = new dev.bluerealm.internal.worktree.RealmCheckouts(
                    model, repoContext.config().repo(), repoContext.root());
            clones = repo -> {
                try {
                    return Optional.ofNullable(checkouts.locate(repo).root());
                } catch (RealmException e) {
                    return Optional.empty();
                }
            };
            scope = checkouts.repos(null);
        } else { // opened by name (the daemon): every repo, and the clones whose absolute path the realm records
            clones = repo -> Optional.ofNullable(model.repos().get(repo)).map(RepoEntry::path).flatMap(path -> {
                try {
                    Path p = Path.of(path);
                    return p.isAbsolute() && Files.isDirectory(p) ? Optional.ofNullable(LocalRepo.root(p))
                            : Optional.empty();
                } catch (java.nio.file.InvalidPathException e) {
                    return Optional.empty();
                }
            });
            scope = model.repos().keySet();
        }
        return new dev.bluerealm.internal.pr.MergeOrderStatuses(ForgejoAccess.client(hosted.url(), options), model,
                clones).refresh(scope);
    }

    /** Writes a local file atomically (temp file + move), so a crash never leaves half a config. */
    static void writeLocal(Path file, byte[] bytes) throws RealmException {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".config", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        store.close();
    }

}
