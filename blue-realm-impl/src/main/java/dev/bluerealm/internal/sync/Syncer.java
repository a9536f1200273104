package dev.bluerealm.internal.sync;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.RealmException;
import dev.bluerealm.RealmInternalException;
import dev.bluerealm.RefusedException;
import dev.bluerealm.RemoteException;
import dev.bluerealm.contract.CompatibilityReport;
import dev.bluerealm.internal.check.CheckContext;
import dev.bluerealm.internal.check.SyncSupport;
import dev.bluerealm.internal.forge.CheckReport;
import dev.bluerealm.internal.forge.ForgePull;
import dev.bluerealm.internal.forge.RealmForge;
import dev.bluerealm.internal.git.RealmStore;
import dev.bluerealm.internal.git.TreeSource;
import dev.bluerealm.internal.realm.RealmPaths;
import dev.bluerealm.internal.yaml.RealmCodec;
import dev.bluerealm.internal.yaml.YamlLimits;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.EvolutionEntry;
import dev.bluerealm.model.Governance;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.model.ImportStatus;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.model.RepoEntry;
import dev.bluerealm.sync.Forge;
import dev.bluerealm.sync.PullRequest;
import dev.bluerealm.sync.SyncPlan;
import dev.bluerealm.sync.SyncRequest;
import dev.bluerealm.sync.SyncResult;
import dev.bluerealm.version.Version;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Carries out sync plans (DESIGN §5) on the realm remote and its forge: new contract versions on a
 * sync branch with a pull request, binding updates committed onto the pull request's branch (or on
 * main with {@code --ack} and none open) with the acknowledgement recorded, and the merge of every
 * open pull request whose conditions hold.
 */
public final class Syncer {
    private final RealmStore store;
    private final RealmForge forge;
    private final RealmCodec codec;
    private final Clock clock;
    private final String actor;
    private final Function<Instant, PersonIdent> person;

    /**
     * @param actor the acting identity's email (who acknowledges and approves)
     * @param person the acting identity as a commit author at a given time
     */
    public Syncer(RealmStore store, RealmForge forge, RealmCodec codec, Clock clock, String actor,
                  Function<Instant, PersonIdent> person) {
        this.store = store;
        this.forge = forge;
        this.codec = codec;
        this.clock = clock;
        this.actor = actor;
        this.person = person;
    }

    public RealmForge forge() {
        return forge;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Reads what a plan is computed from (the open pull requests' changes, this repo's exports). */
    public SyncInputs inputs(RealmModel model, String repo, CheckContext ctx, SyncRequest request)
            throws RealmException {
        List<ForgePull> records = forge.pulls(null);
        if (finishInterrupted(repo, records)) {
            records = forge.pulls(null);
        }
        List<SyncSupport.LocalExport> exports = SyncSupport.exports(ctx);
        return new SyncInputs(model, repo, exports, pending(open(records)), request.ack(), now());
    }

    private static List<PullRequest> open(List<ForgePull> records) {
        return records.stream().filter(r -> r.state() == PullRequest.State.OPEN).map(ForgePull::pullRequest).toList();
    }

    /**
     * A sync killed after it pushed its branch but before it opened the pull request left a branch
     * no pull request names: open it now, from the draft its commit carries. Opening is idempotent,
     * so a sync of the same repo running at this moment opens nothing twice.
     */
    private boolean finishInterrupted(String repo, List<ForgePull> all) throws RealmException {
        boolean opened = false;
        Set<String> heads = new LinkedHashSet<>();
        all.forEach(p -> heads.add(p.head()));
        try {
            for (org.eclipse.jgit.lib.Ref ref : store.repository().getRefDatabase()
                    .getRefsByPrefix("refs/remotes/origin/sync/" + repo + "/")) {
                String branch = ref.getName().substring("refs/remotes/origin/".length());
                if (heads.contains(branch)) {
                    continue;
                }
                org.eclipse.jgit.revwalk.RevCommit tip = store.repository().parseCommit(ref.getObjectId());
                Optional<SyncCommits.Interrupted> draft = SyncCommits.parse(tip.getFullMessage(), branch);
                if (draft.isPresent() && repo.equals(draft.get().draft().authorRepo())) {
                    forge.open(draft.get().draft(), Duration.ofDays(draft.get().graceDays()));
                    opened = true;
                }
            }
        } catch (IOException e) {
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot read the sync branches in " + store.directory() + ": "
                    + e.getMessage(), e);
        }
        return opened;
    }

    private List<SyncInputs.Pending> pending(List<PullRequest> open) throws RealmException {
        try {
            return PendingChanges.read(store.repository(), store.tip(), open,
                    branch -> {
                        try {
                            return store.repository().resolve("refs/remotes/origin/" + branch);
                        } catch (IOException e) {
                            return null;
                        }
                    }, codec);
        } catch (IOException e) {
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot read the open pull requests' branches in "
                    + store.directory() + ": " + e.getMessage(), e);
        }
    }

    /** Carries out {@code plan} (made from {@code in}); refuses before writing anything if it has ownership violations. */
    public SyncResult carryOut(SyncPlan plan, SyncInputs in, CheckContext ctx) throws RealmException {
        if (!plan.violations().isEmpty()) {
            StringBuilder m = new StringBuilder("refused: only a contract's owner may change it; nothing was written");
            for (SyncPlan.OwnershipViolation v : plan.violations()) {
                m.append("\n  ").append(v.domain()).append('/').append(v.contract()).append(" is owned by ")
                        .append(v.owner()).append(", not ").append(plan.repo());
            }
            throw new RefusedException(ErrorCode.NOT_OWNER, m.toString());
        }
        int racesBefore = store.remote().lostRaces();
        PullRequest opened = null;
        boolean updated = false;
        if (!plan.changes().isEmpty()) {
            opened = exporterSide(plan, in.model());
            updated = plan.updates() != null;
        }
        List<SyncResult.Acknowledged> acknowledged = new ArrayList<>();
        List<SyncResult.Refusal> refused = new ArrayList<>();
        String bindingCommit = importerSide(plan, in, ctx, acknowledged, refused);
        try {
            store.fetch(); // what this run pushed, and anything others pushed meanwhile
        } catch (RealmException e) {
            // the merge pass below works from what was fetched before
        }
        List<String> notMerged = new ArrayList<>();
        List<PullRequest> merged = mergeReady(in.model(), notMerged);
        return new SyncResult(plan.realm(), plan.repo(), opened, updated, acknowledged, refused, bindingCommit, merged,
                "no daemon is listening; other sessions see this at their next `blue realm status`",
                store.remote().lostRaces() - racesBefore, notMerged);
    }

    // ------------------------------------------------------------------ exporter side

    private PullRequest exporterSide(SyncPlan plan, RealmModel model) throws RealmException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (SyncPlan.ContractChange c : plan.changes()) {
            Contract main = model.domains().get(c.domain()).contracts().get(c.contract());
            Version to = Version.parse(c.toVersion());
            List<EvolutionEntry> evolution = new ArrayList<>();
            for (EvolutionEntry e : main.evolution()) {
                if (e.version().compareTo(to) < 0) {
                    evolution.add(e);
                }
            }
            evolution.add(new EvolutionEntry(to, describe(c), !c.breaking()));
            Contract next = new Contract(main.name(), to, main.owner(), main.compatibility(), c.newSchema(),
                    c.newValue(), main.validation(), evolution);
            files.put(RealmPaths.contract(c.domain(), c.contract()), codec.write(next));
        }
        String title = plan.repo() + ": " + String.join(", ", plan.changes().stream()
                .map(c -> c.contract() + " " + c.toVersion()).toList());
        ObjectId start;
        try {
            start = store.tip();
        } catch (IOException e) {
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot read the realm clone: " + e.getMessage(), e);
        }
        Set<String> reviewers = new LinkedHashSet<>();
        plan.affected().forEach(a -> reviewers.add(a.repo()));
        boolean breaking = plan.changes().stream().anyMatch(SyncPlan.ContractChange::breaking);
        int graceDays = plan.changes().stream()
                .mapToInt(c -> governance(model, c.domain()).breakingChanges().gracePeriodDays()).min().orElse(14);
        Forge.Draft draft = new Forge.Draft(title, body(plan).strip() + "\n", plan.branch(), RealmStore.BRANCH, plan.repo(),
                List.copyOf(reviewers), breaking);
        // the commit carries the whole draft, so a sync killed before it opened the pull request is finished by the next
        String message = plan.updates() != null ? title : SyncCommits.message(draft, graceDays);
        store.writeBranch(plan.branch(), start, base -> new RealmStore.Change(message, files), person.apply(now()));
        if (plan.updates() != null) {
            return forge.get(plan.updates()).orElseThrow(() -> new RealmInternalException(
                    "pull request #" + plan.updates() + " vanished while it was updated", null));
        }
        return forge.open(draft, Duration.ofDays(graceDays));
    }

    /** The evolution entry's lines: the value's +/- lines, else the schema's changes. */
    private static List<String> describe(SyncPlan.ContractChange c) {
        List<String> lines = new ArrayList<>(c.added());
        lines.addAll(c.removed());
        for (CompatibilityReport.SchemaChange s : c.compatibility().changes()) {
            lines.add("schema " + (s.path().isEmpty() ? "(root)" : s.path()) + ": " + s.kind()
                    + (s.detail() == null || s.detail().isEmpty() ? "" : " (" + s.detail() + ")"));
        }
        if (lines.isEmpty()) {
            lines.add("Updated by " + c.contract() + "'s owner");
        }
        return lines;
    }

    private static String body(SyncPlan plan) {
        StringBuilder b = new StringBuilder();
        for (SyncPlan.ContractChange c : plan.changes()) {
            b.append("## ").append(c.domain()).append('/').append(c.contract()).append(": ").append(c.fromVersion())
                    .append(" → ").append(c.toVersion()).append(c.breaking() ? " (breaking)" : " (compatible)")
                    .append("\n\n");
            describe(c).forEach(l -> b.append("    ").append(l).append('\n'));
            b.append('\n');
        }
        if (!plan.affected().isEmpty()) {
            b.append("## Affected repos\n\n");
            for (SyncPlan.AffectedImporter a : plan.affected()) {
                b.append("- ").append(a.repo()).append(" imports ").append(a.contract()).append(' ').append(a.range())
                        .append(a.satisfied() ? ": still satisfied" : ": NOT satisfied, must widen its range")
                        .append(a.maintainers().isEmpty() ? "" : " (" + String.join(", ", a.maintainers()) + ")")
                        .append('\n');
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ importer side

    private String importerSide(SyncPlan plan, SyncInputs in, CheckContext ctx, List<SyncResult.Acknowledged> acked,
                                List<SyncResult.Refusal> refused) throws RealmException {
        List<SyncPlan.BindingUpdate> onMain = new ArrayList<>();
        for (SyncPlan.BindingUpdate u : plan.bindingUpdates()) {
            if (u.pullRequest() == null) {
                onMain.add(u);
                continue;
            }
            Optional<SyncInputs.Pending> p = in.pending().stream().filter(x -> x.pullRequest().number() == u.pullRequest()
                    && x.domain().equals(u.domain()) && x.contract().name().equals(u.contract())).findFirst();
            ImportBinding imp = importOf(in.model(), u.domain(), plan.repo(), u.contract());
            if (p.isEmpty() || imp == null) {
                continue;
            }
            if (u.hook()) {
                Optional<String> refusal = SyncSupport.importerRefusal(ctx, u.domain(), p.get().contract(), imp);
                if (refusal.isPresent()) {
                    refused.add(new SyncResult.Refusal(u.pullRequest(), u.domain(), u.contract(), u.toVersion(),
                            refusal.get()));
                    continue;
                }
            }
            PullRequest pr = p.get().pullRequest();
            Instant now = now();
            store.writeBranch(pr.head(), null, base -> bindingChange(base, plan.repo(), List.of(u), now),
                    person.apply(now));
            forge.acknowledge(pr.number(), new PullRequest.Acknowledgement(plan.repo(), actor, now, u.toVersion()));
            acked.add(new SyncResult.Acknowledged(pr.number(), u.domain(), u.contract(), u.fromVersion(), u.toVersion()));
        }
        if (onMain.isEmpty()) {
            return null;
        }
        Instant now = now();
        ObjectId commit = store.write(base -> bindingChange(base, plan.repo(), onMain, now), person.apply(now));
        for (SyncPlan.BindingUpdate u : onMain) {
            acked.add(new SyncResult.Acknowledged(null, u.domain(), u.contract(), u.fromVersion(), u.toVersion()));
        }
        return commit == null ? null : commit.name();
    }

    private static ImportBinding importOf(RealmModel model, String domain, String repo, String contract) {
        DomainModel d = model.domains().get(domain);
        Binding b = d == null ? null : d.bindings().get(repo);
        return b == null ? null : b.imports().stream().filter(i -> i.contract().equals(contract)).findFirst().orElse(null);
    }

    /** This repo's binding files as of {@code base}, with the updates' imports moved and marked current. */
    private RealmStore.Change bindingChange(ObjectId base, String repo, List<SyncPlan.BindingUpdate> updates,
                                            Instant now) throws RealmException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TreeSource source = new TreeSource(store.repository(), base)) {
            for (SyncPlan.BindingUpdate u : updates) {
                String path = RealmPaths.binding(u.domain(), repo);
                byte[] bytes = files.containsKey(path) ? files.get(path)
                        : source.read(path, YamlLimits.DEFAULT.maxBytes());
                RealmCodec.Decoded<Binding> decoded = codec.binding(path, bytes);
                if (decoded.value() == null) {
                    throw new RefusedException(ErrorCode.LOAD_ERROR, path + " cannot be read at " + base.name()
                            + ": " + decoded.errors());
                }
                Binding b = decoded.value();
                List<ImportBinding> imports = new ArrayList<>();
                for (ImportBinding i : b.imports()) {
                    imports.add(i.contract().equals(u.contract()) ? new ImportBinding(i.contract(), i.range(),
                            i.binding(), ImportStatus.CURRENT, u.toVersion(), now) : i);
                }
                files.put(path, codec.write(new Binding(b.repo(), b.role(), b.exports(), imports)));
            }
        } catch (IOException e) {
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot read the realm at " + base.name() + ": "
                    + e.getMessage(), e);
        }
        String what = String.join(", ", updates.stream().map(u -> u.contract() + " " + u.toVersion()).toList());
        return new RealmStore.Change(repo + ": acknowledge " + what, files);
    }

    // ------------------------------------------------------------------ merging

    /** Merges every open pull request whose conditions hold (DESIGN §5 item 3); returns them, merged. */
    public List<PullRequest> mergeReady(RealmModel model) throws RealmException {
        List<String> notMerged = new ArrayList<>();
        List<PullRequest> merged = mergeReady(model, notMerged);
        if (!notMerged.isEmpty()) {
            throw new RefusedException(ErrorCode.MERGE_CONFLICT, String.join("\n", notMerged));
        }
        return merged;
    }

    /** As {@link #mergeReady(RealmModel)}, collecting refused merges in {@code notMerged} instead of failing. */
    public List<PullRequest> mergeReady(RealmModel model, List<String> notMerged) throws RealmException {
        List<PullRequest> merged = new ArrayList<>();
        List<ForgePull> open = forge.pulls(PullRequest.State.OPEN);
        List<SyncInputs.Pending> pending = pending(open(open));
        for (ForgePull record : open) {
            PullRequest pr = record.pullRequest();
            MergePolicy.Decision d = decision(model, pr, pending, record.approvedBy());
            if (!d.merge()) {
                forge.report(pr, new CheckReport(CheckReport.Verdict.PENDING, "waits for: "
                        + String.join("; ", d.waitingFor())));
            } else {
                try {
                    forge.report(pr, new CheckReport(CheckReport.Verdict.SUCCESS, "acknowledged and approved as the"
                            + " realm's governance asks; merging"));
                    merged.add(forge.merge(pr.number()));
                } catch (RefusedException e) {
                    if (e.code() == ErrorCode.MERGE_CONFLICT) {
                        forge.report(pr, new CheckReport(CheckReport.Verdict.FAILURE, e.getMessage()));
                        notMerged.add("PR #" + pr.number() + " (\"" + pr.title() + "\"): " + e.getMessage());
                    } else if (e.code() != ErrorCode.NOT_OPEN) {
                        throw e;
                    } // NOT_OPEN: another sync merged it a moment ago, nothing left to do
                }
            }
        }
        return merged;
    }

    /** Why an open pull request may or may not merge now. */
    public MergePolicy.Decision decision(RealmModel model, PullRequest pr, List<SyncInputs.Pending> pending,
                                         java.util.Collection<String> approvedBy) {
        List<MergePolicy.Required> required = new ArrayList<>();
        Governance governance = model.config().governance();
        for (SyncInputs.Pending p : pending) {
            if (p.pullRequest().number() != pr.number()) {
                continue;
            }
            DomainModel d = model.domains().get(p.domain());
            if (d == null) {
                continue;
            }
            if (d.governance() != null) {
                governance = d.governance();
            }
            for (Binding b : d.bindings().values()) {
                for (ImportBinding i : b.imports()) {
                    if (i.contract().equals(p.contract().name()) && !b.repo().equals(pr.authorRepo())) {
                        required.add(new MergePolicy.Required(b.repo(), p.contract().version().toString()));
                    }
                }
            }
        }
        Map<String, List<String>> maintainers = new LinkedHashMap<>();
        for (RepoEntry r : model.repos().values()) {
            maintainers.put(r.name(), r.maintainers());
        }
        Set<String> approvals = new LinkedHashSet<>(approvedBy);
        return MergePolicy.decide(pr, required, maintainers, approvals, governance, now(), pr.head().startsWith("join/"));
    }

    /** The open pull requests' records and the contracts they change, from one read (for status and approvals). */
    public record OpenPulls(List<ForgePull> records, List<SyncInputs.Pending> pending) {}

    public OpenPulls openPulls() throws RealmException {
        List<ForgePull> records = forge.pulls(PullRequest.State.OPEN);
        return new OpenPulls(records, pending(open(records)));
    }

    private static Governance governance(RealmModel model, String domain) {
        DomainModel d = model.domains().get(domain);
        return d != null && d.governance() != null ? d.governance() : model.config().governance();
    }
}
