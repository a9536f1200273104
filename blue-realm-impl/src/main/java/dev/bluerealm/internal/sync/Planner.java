package dev.bluerealm.internal.sync;

import dev.bluerealm.contract.Bump;
import dev.bluerealm.contract.CompatibilityReport;
import dev.bluerealm.internal.check.SyncSupport.LocalExport;
import dev.bluerealm.internal.extract.Change;
import dev.bluerealm.internal.extract.Defaults;
import dev.bluerealm.internal.extract.ValueDiff;
import dev.bluerealm.internal.schema.SchemaComparator;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.model.RepoEntry;
import dev.bluerealm.sync.PullRequest;
import dev.bluerealm.sync.SyncPlan;
import dev.bluerealm.sync.SyncPlanner;
import dev.bluerealm.version.Version;
import dev.bluerealm.version.VersionRange;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Computes the sync plan from {@link SyncInputs} alone (DESIGN §5): no I/O, so the same inputs give
 * the same plan, and inputs read right after the plan was carried out give an empty one.
 *
 * <p>Exporter side: a contract changes when the code's value (or the proposed schema) differs from
 * what the realm will have once this repo's open pull request merges; its new version is the
 * smallest bump over main that the change requires. Importer side: every open pull request of
 * another repo that changes a contract this repo imports, in range and not yet acknowledged by this
 * repo, is a binding update to acknowledge; {@code --ack} with none open moves the binding to main.
 */
public final class Planner implements SyncPlanner {
    private static final DateTimeFormatter BRANCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final SyncInputs in;
    private final SchemaComparator schemas;

    public Planner(SyncInputs inputs, SchemaComparator schemas) {
        this.in = inputs;
        this.schemas = schemas;
    }

    @Override
    public SyncPlan plan() {
        List<SyncPlan.ContractChange> changes = new ArrayList<>();
        List<SyncPlan.OwnershipViolation> violations = new ArrayList<>();
        List<SyncPlan.AffectedImporter> affected = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        PullRequest updates = null;
        for (LocalExport e : in.exports()) {
            if (e.problem() != null) {
                problems.add(e.domain() + "/" + e.realm().name() + ": " + e.problem());
                continue;
            }
            Contract main = e.realm();
            Optional<SyncInputs.Pending> own = pendingOf(e.domain(), main.name(), true);
            Contract reference = own.map(SyncInputs.Pending::contract).orElse(main);
            JsonValue newSchema = e.proposedSchema() != null ? e.proposedSchema() : main.schema();
            boolean changedSinceReference = !newSchema.equals(reference.schema())
                    || !diff(reference, newSchema, e.value()).isEmpty();
            if (!changedSinceReference) {
                continue;
            }
            List<Change> sinceMain = diff(main, newSchema, e.value());
            boolean schemaChanged = !newSchema.equals(main.schema());
            if (sinceMain.isEmpty() && !schemaChanged) {
                problems.add(e.domain() + "/" + main.name() + ": the code is back to main's " + main.version()
                        + " while pull request #" + own.map(p -> p.pullRequest().number()).orElse(0)
                        + " proposes " + reference.version() + "; close that pull request");
                continue;
            }
            if (!main.owner().equals(in.repo())) {
                violations.add(new SyncPlan.OwnershipViolation(e.domain(), main.name(), main.owner()));
                continue;
            }
            if (own.isPresent() && updates == null) {
                updates = own.get().pullRequest();
            }
            CompatibilityReport compat = schemas.compare(main.schema(), newSchema);
            boolean breaking = schemaChanged && (main.compatibility().backwards() && !compat.backwards().holds()
                    || main.compatibility().forwards() && !compat.forwards().holds());
            Bump.Change kind = breaking ? Bump.Change.BREAKING : Bump.Change.COMPATIBLE;
            Version to = Bump.required(main.version(), kind).apply(main.version());
            changes.add(new SyncPlan.ContractChange(e.domain(), main.name(), main.version().toString(), to.toString(),
                    main.value(), e.value(), newSchema, lines(sinceMain, "+", "~"), lines(sinceMain, "-"), compat,
                    breaking));
            affected.addAll(importers(e.domain(), main.name(), to));
        }
        List<SyncPlan.BindingUpdate> updatesToBindings = bindingUpdates(problems);
        String branch = updates != null ? updates.head()
                : "sync/" + in.repo() + "/" + BRANCH_TIME.format(in.now());
        return new SyncPlan(in.model().name(), in.repo(), branch, updates == null ? null : updates.number(), changes,
                violations, affected, updatesToBindings, problems);
    }

    /** The value changes from {@code base} to the code's value, with defaults completed on both sides. */
    private static List<Change> diff(Contract base, JsonValue schema, JsonValue value) {
        return ValueDiff.diff(schema, Defaults.complete(base.schema(), base.value()), value);
    }

    private static List<String> lines(List<Change> changes, String... signs) {
        List<String> out = new ArrayList<>();
        for (Change c : changes) {
            String s = c.toString();
            for (String sign : signs) {
                if (s.startsWith(sign + " ")) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** The open pull request that changes a contract: this repo's own ({@code own}), or another repo's. */
    private Optional<SyncInputs.Pending> pendingOf(String domain, String contract, boolean own) {
        return in.pending().stream()
                .filter(p -> p.domain().equals(domain) && p.contract().name().equals(contract))
                .filter(p -> own == p.pullRequest().authorRepo().equals(in.repo()))
                .max(Comparator.comparingInt(p -> p.pullRequest().number()));
    }

    private List<SyncPlan.AffectedImporter> importers(String domain, String contract, Version to) {
        List<SyncPlan.AffectedImporter> out = new ArrayList<>();
        DomainModel d = in.model().domains().get(domain);
        for (Binding b : d.bindings().values()) {
            for (ImportBinding i : b.imports()) {
                if (i.contract().equals(contract) && !b.repo().equals(in.repo())) {
                    boolean satisfied = VersionRange.isValid(i.range()) && VersionRange.parse(i.range()).matches(to);
                    List<String> maintainers = in.model().repo(b.repo()).map(RepoEntry::maintainers).orElse(List.of());
                    out.add(new SyncPlan.AffectedImporter(b.repo(), domain, contract, i.range(), satisfied, maintainers));
                }
            }
        }
        return out;
    }

    private List<SyncPlan.BindingUpdate> bindingUpdates(List<String> problems) {
        List<SyncPlan.BindingUpdate> out = new ArrayList<>();
        List<String> acked = new ArrayList<>();
        for (DomainModel d : in.model().domains().values()) {
            Binding mine = d.bindings().get(in.repo());
            if (mine == null) {
                continue;
            }
            for (ImportBinding imp : mine.imports()) {
                Contract main = d.contracts().get(imp.contract());
                if (main == null || !VersionRange.isValid(imp.range())) {
                    continue; // a structural finding of realm check, not something sync can act on
                }
                VersionRange range = VersionRange.parse(imp.range());
                boolean ack = in.ack().contains(imp.contract());
                if (ack) {
                    acked.add(imp.contract());
                }
                Optional<SyncInputs.Pending> pending = pendingOf(d.name(), imp.contract(), false);
                if (pending.isPresent()) {
                    PullRequest pr = pending.get().pullRequest();
                    Version v = pending.get().contract().version();
                    boolean already = pr.acknowledgements().stream()
                            .anyMatch(a -> a.repo().equals(in.repo()) && v.toString().equals(a.version()));
                    if (already) {
                        continue;
                    }
                    if (!range.matches(v)) {
                        problems.add(d.name() + "/" + imp.contract() + ": pull request #" + pr.number() + " proposes "
                                + v + ", outside your range " + imp.range() + "; widen the range to take it");
                        continue;
                    }
                    out.add(new SyncPlan.BindingUpdate(d.name(), imp.contract(), imp.resolvedVersion(), v.toString(),
                            pr.number(), !ack));
                } else if (ack) {
                    if (!range.matches(main.version())) {
                        problems.add(d.name() + "/" + imp.contract() + ": main has " + main.version() + ", outside your"
                                + " range " + imp.range() + "; widen the range to take it");
                    } else if (!main.version().toString().equals(imp.resolvedVersion())) {
                        out.add(new SyncPlan.BindingUpdate(d.name(), imp.contract(), imp.resolvedVersion(),
                                main.version().toString(), null, false));
                    }
                }
            }
        }
        for (String a : in.ack()) {
            if (!acked.contains(a)) {
                problems.add(a + ": this repo imports no contract of that name; nothing to acknowledge");
            }
        }
        return out;
    }
}
