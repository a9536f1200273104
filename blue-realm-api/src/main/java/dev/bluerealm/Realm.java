package dev.bluerealm;

import dev.bluerealm.admin.DomainRequest;
import dev.bluerealm.admin.DomainResult;
import dev.bluerealm.admin.InitRequest;
import dev.bluerealm.admin.JoinRequest;
import dev.bluerealm.admin.JoinResult;
import dev.bluerealm.admin.LeaveRequest;
import dev.bluerealm.admin.LeaveResult;
import dev.bluerealm.contract.Finding;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.status.RealmStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An open realm: its model as loaded from one commit, and the operations that change it. Every
 * change is one commit pushed with compare-and-swap, so a realm is never half-written.
 *
 * <pre>{@code
 * try (Realm realm = Realm.open(Path.of("aperture"))) {
 *     for (var domain : realm.model().domainsOf("aperture")) {
 *         System.out.println(domain.name() + ": " + domain.contracts().keySet());
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface Realm extends AutoCloseable {

    /**
     * Opens the realm the options point at: a participating repo (its {@code .blue/config.yaml} is
     * found walking up), a realm checkout, a realm name known in {@code $BLUE_HOME}, or a realm URL.
     *
     * @throws ProviderException when no engine, or several, are on the class path
     * @throws RealmNotFoundException when the options point at no realm
     * @throws RealmLoadException when realm files cannot be loaded (every error of every file)
     * @throws RemoteException when the realm remote cannot be reached
     */
    static Realm open(RealmOptions options) throws RealmException {
        return Providers.find().open(options);
    }

    /** Opens the realm of the repo (or realm checkout) at {@code location}, with the process's defaults. */
    static Realm open(Path location) throws RealmException {
        return open(RealmOptions.builder().location(location).build());
    }

    /**
     * Creates a realm (DESIGN §7 {@code admin init}) and opens its managed clone.
     *
     * @throws InvalidRequestException when the realm exists already
     * @throws RemoteException when the remote cannot be created or written
     */
    static Realm init(InitRequest request, RealmOptions options) throws RealmException {
        return Providers.find().init(request, options);
    }

    /**
     * Creates a git repository at {@code dir} with one commit on {@code main} holding {@code files}
     * (path → UTF-8 text): the demo and the examples set up sample repos with it.
     */
    static void createRepository(Path dir, Map<String, String> files, String authorEmail) throws RealmException {
        Providers.find().createRepository(dir, files, authorEmail);
    }

    /**
     * The schema compatibility checker (DESIGN §4), for comparing two schemas without a realm
     * ({@code blue schema compat OLD NEW}).
     */
    static dev.bluerealm.contract.SchemaCompatibility schemaCompatibility() throws RealmException {
        return Providers.find().schemaCompatibility();
    }

    /**
     * Reads a JSON or YAML file (by content, whatever its name) as a JSON value, with the same bounds
     * and error reporting as realm files.
     *
     * @throws RealmLoadException naming file:line:column when it cannot be read
     */
    static dev.bluerealm.json.JsonValue readDocument(Path file) throws RealmException {
        return Providers.find().readDocument(file);
    }

    /**
     * The {@code .blue/config.yaml} of the participating repo the options point at (found walking up
     * from the location or working folder), read without opening the realm: which realm, and this
     * repo's name in it. Empty outside a participating repo.
     *
     * @throws RealmLoadException when the file exists but cannot be read (file:line:column)
     */
    static Optional<dev.bluerealm.model.RepoConfig> repoConfig(RealmOptions options) throws RealmException {
        return Providers.find().repoConfig(options);
    }

    /**
     * The RFC the checkout the options point at works on: {@code NAME} when its current branch is
     * {@code feat/NAME}, as in a worktree made by {@link #worktrees}. Empty elsewhere (another branch,
     * no git repo). The CLI records it as the daemon session's {@code active_rfc}.
     */
    static Optional<String> activeRfc(RealmOptions options) throws RealmException {
        return Providers.find().activeRfc(options);
    }

    /** The realm's name. */
    String name();

    /** The realm's remote URL. */
    String url();

    /** The folder the realm was read from (the managed clone or the realm checkout). */
    Path checkout();

    /** The commit the model was loaded from. */
    String commit();

    /** The realm as loaded. */
    RealmModel model();

    /** The participating repo the realm was opened from, if any. */
    Optional<String> repo();

    /** Structural findings of the loaded model (pending members, unknown references, ...). */
    List<Finding> findings();

    /** What {@code blue realm status} shows. */
    RealmStatus status() throws RealmException;

    /** The result of {@code init}, when this realm was just created by {@link #init}. */
    Optional<dev.bluerealm.admin.InitResult> initResult();

    /**
     * Registers a repo in the realm and writes its {@code .blue/config.yaml}.
     *
     * @throws RefusedException when governance does not admit the acting identity
     * @throws InvalidRequestException for a bad name, a folder that is not a git repo, or a name taken by another repo
     */
    JoinResult join(JoinRequest request) throws RealmException;

    /**
     * Creates a domain with its bindings (and a contract skeleton when asked).
     *
     * @throws CycleException when the domain would create a dependency cycle
     * @throws InvalidRequestException when the domain or contract exists already
     */
    DomainResult createDomain(DomainRequest request) throws RealmException;

    /**
     * Removes a repo and its bindings from the realm.
     *
     * @throws RefusedException when other repos import a contract it owns and {@code force} is off
     */
    LeaveResult leave(LeaveRequest request) throws RealmException;

    /**
     * The checks of {@code blue realm check}: what they cover depends on where the realm was opened
     * (a realm checkout: the whole realm; a participating repo: its own exports and imports).
     */
    dev.bluerealm.contract.ContractChecker checker();

    /**
     * The participating repo's cache ({@code .blue/cache.db}).
     *
     * @throws InvalidRequestException when the realm was not opened from a participating repo
     */
    dev.bluerealm.cache.RepoCache cache() throws RealmException;

    /**
     * The realm as the RFC draws it: realm → domains → repos with their roles, an edge from each
     * contract's exporter to each importer, labelled with the contract and its version.
     */
    String graph(dev.bluerealm.graph.GraphFormat format);

    /** Fetches the realm remote and reloads the model. */
    void refresh() throws RealmException;

    /**
     * What {@code blue realm sync} would do from this repo (DESIGN §5), computed without changing
     * anything: {@code --dry-run} prints it.
     *
     * @throws InvalidRequestException when the realm was not opened from a participating repo
     */
    dev.bluerealm.sync.SyncPlanner syncPlanner(dev.bluerealm.sync.SyncRequest request) throws RealmException;

    /**
     * Carries out a plan of {@link #syncPlanner}: new contract versions on a sync branch with a pull
     * request, acknowledgements of open pull requests that pass this repo's importer hook, and the
     * merge of every pull request whose conditions hold. The model is reloaded afterwards.
     *
     * @throws RefusedException NOT_OWNER, before anything is written, when the plan changes a contract
     *     this repo does not own; PLAN_STALE when the realm moved since the plan was made
     */
    dev.bluerealm.sync.SyncResult sync(dev.bluerealm.sync.SyncPlan plan, dev.bluerealm.sync.SyncRequest request)
            throws RealmException;

    /**
     * {@code blue realm admin invite REPO}: an approver adds {@code repo} to {@code governance.invites}
     * in realm.yaml, so it may join an {@code invite-only} realm. Inviting twice writes nothing.
     *
     * @throws RefusedException NOT_APPROVER when the acting identity is not an approver
     */
    dev.bluerealm.admin.RealmWrite invite(String repo) throws RealmException;

    /** The realm's pull requests in {@code state} (null: all), on its forge. */
    java.util.List<dev.bluerealm.sync.PullRequest> pullRequests(dev.bluerealm.sync.PullRequest.State state)
            throws RealmException;

    /**
     * The contract changes the realm's open pull requests propose, oldest pull request first, each
     * with its +/- lines against main. Needs no acting identity (a daemon lists them for everyone).
     */
    java.util.List<dev.bluerealm.sync.PendingChange> pendingChanges() throws RealmException;

    /**
     * Approves pull request {@code number} as the acting identity, which must be one of the governance
     * approvers (DESIGN §5 item 7), then merges it if its conditions now hold.
     *
     * @throws RefusedException NOT_APPROVER when the acting identity is not an approver
     */
    dev.bluerealm.sync.PullRequest approve(int number) throws RealmException;

    /**
     * {@code blue realm worktree --rfc NAME}: in the current repo and every repo sharing a domain with
     * it (or only domain {@code request.domain()}), a real git worktree at {@code .worktrees/feat-NAME/}
     * on a new branch {@code feat/NAME} from that repo's default branch; or, with {@code remove}, those
     * worktrees removed and their branches deleted where merged. Running it again reports what exists.
     * A repo where something is in the way is reported in the result and left untouched.
     *
     * <p>Repos are found through {@code repos/{repo}.yaml}: its {@code path}, or for a repo known by its
     * {@code url} a clone named after it in the folder holding the current repo. A url-only repo with no
     * clone there is cloned there first (through the realm's transports: SSH keys and the credentials
     * chain, {@code BLUE_FORGEJO_TOKEN} included), unless the realm was opened
     * {@link RealmOptions#offline() offline}; a failed clone leaves nothing behind and is reported, and
     * anything already at that name that is not a clone of the repo is reported, never replaced.
     *
     * @throws InvalidRequestException when the realm was not opened from a participating repo, or the
     *     domain is unknown or does not include the current repo
     */
    dev.bluerealm.worktree.WorktreeResult worktrees(dev.bluerealm.worktree.WorktreeRequest request)
            throws RealmException;

    /**
     * {@code blue realm pr}: the pull requests of one change, one per repo with commits on its branch
     * {@code feat/NAME} among the current repo and every repo sharing a domain with it, each on its repo's
     * own forge (on the local forge, records on {@code refs/blue/pulls} of the repo's {@code origin}; on a
     * realm whose realm.yaml names a Forgejo, the repository there that the repo's {@code origin} names).
     * They merge in the realm's dependency order, exporters before importers; each body states its place
     * in that order and what it is blocked by, in words and in a machine-readable block that
     * {@link dev.bluerealm.pr.PullRequestSetRequest.Status} and {@link dev.bluerealm.pr.PullRequestSetRequest.Merge} read back.
     *
     * <pre>{@code
     * PullRequestSet set = realm.pullRequestSet(new PullRequestSetRequest.Open(null, "feat: training metrics v2", null));
     * System.out.println(String.join(" → ", set.mergeOrder()));   // aperture#1 → fungal-image-analysis#1
     * }</pre>
     *
     * @throws InvalidRequestException when the realm was not opened from a participating repo; INVALID_ARGUMENT
     *     when no RFC is named and the checkout is not on a {@code feat/NAME} branch; NOT_FOUND when status or
     *     merge finds no pull request of the change
     * @throws RefusedException MERGE_BLOCKED when {@link dev.bluerealm.pr.PullRequestSetRequest.Merge#repo()}'s pull request
     *     waits for others; NOT_OPEN when it is merged or closed; CYCLE when the repos depend on each other in
     *     a circle (no merge order exists)
     * @throws RemoteException when a repo's remote cannot be reached or refuses a push
     * @since 0.1
     */
    dev.bluerealm.pr.PullRequestSet pullRequestSet(dev.bluerealm.pr.PullRequestSetRequest request)
            throws RealmException;

    /**
     * Brings the merge-order statuses of the realm's open coordinated pull request sets up to date,
     * through the forge's API alone (no clone is fetched or pushed): on a realm whose realm.yaml names a
     * Forgejo, each open pull request of a set (one {@link #pullRequestSet} opened) gets the commit status
     * {@code blue/merge-order}, pending while a pull request it is blocked by is not merged, success once
     * all are; a status that says so already is left alone. What {@code blue realm sync} and the daemon's
     * periodic fetch run. On the local forge, which has no statuses, it does nothing and reaches nothing.
     *
     * <p>Which repos it looks at: opened in a participating repo, that repo and every repo sharing a
     * domain with it, plus the repos the sets found there name; opened by realm name (the daemon), every
     * repo of the realm. A repo takes part when its {@code repos/{repo}.yaml} {@code url}, or the
     * {@code origin} of its clone on this machine, is a repository on that Forgejo.
     *
     * <pre>{@code
     * MergeOrderRefresh r = realm.refreshMergeOrder();
     * r.updated().forEach(label -> System.out.println("blue/merge-order changed on " + label));
     * }</pre>
     *
     * @return the sets found, the pull requests whose status changed and the repos that could not be read
     *     (a repo's failure is reported there, and the other repos are still refreshed)
     * @throws RealmException when the realm itself cannot be read; what fails on the forge is reported in
     *     {@link dev.bluerealm.pr.MergeOrderRefresh#problems()} instead
     * @since 0.1
     */
    dev.bluerealm.pr.MergeOrderRefresh refreshMergeOrder() throws RealmException;

    @Override
    void close();
}
