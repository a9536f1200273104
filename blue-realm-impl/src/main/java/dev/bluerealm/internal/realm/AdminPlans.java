package dev.bluerealm.internal.realm;

import dev.bluerealm.CycleException;
import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.RefusedException;
import dev.bluerealm.admin.DomainRequest;
import dev.bluerealm.admin.FileChange;
import dev.bluerealm.internal.graph.DependencyGraph;
import dev.bluerealm.internal.graph.Edge;
import dev.bluerealm.internal.yaml.RealmCodec;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Admission;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.Compatibility;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.DependencyCycle;
import dev.bluerealm.model.Domain;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.EvolutionEntry;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.Extract;
import dev.bluerealm.model.Governance;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.model.ImportStatus;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.model.RepoEntry;
import dev.bluerealm.model.Role;
import dev.bluerealm.version.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin operations as pure functions from a realm model to the files to write: the rules
 * (admission, cycles, ownership) are decided here, before anything is written, and are re-decided
 * on the new tip whenever a push must be retried.
 */
final class AdminPlans {
    /** The first version of a contract skeleton, and the import range that accepts its major. */
    static final Version SKELETON_VERSION = Version.of(1, 0, 0);
    static final String SKELETON_RANGE = ">=1.0.0, <2.0.0";

    private final RealmCodec codec;

    AdminPlans(RealmCodec codec) {
        this.codec = codec;
    }

    /** Files and the change list for one realm write. */
    static final class Plan {
        final Map<String, byte[]> files = new LinkedHashMap<>();
        final List<FileChange> changes = new ArrayList<>();

        void put(FileChange.Kind kind, String path, byte[] bytes, String note) {
            files.put(path, bytes);
            changes.add(new FileChange(kind, path, note));
        }
    }

    /** Admission (DESIGN §5 item 7 and the issue): who may join directly under each policy. */
    static void admit(Governance g, String repo, String identity) throws RefusedException {
        if (g.admission() == Admission.OPEN || g.isApprover(identity)) {
            return;
        }
        if (g.admission() == Admission.INVITE_ONLY && g.invites().contains(repo)) {
            return;
        }
        String approvers = g.approvers().isEmpty() ? "none are configured: add one to governance.approvers in realm.yaml"
                : String.join(", ", g.approvers());
        String need = g.admission() == Admission.APPROVAL
                ? "the realm's admission is 'approval': " + identity + " is not an approver, so an approver ("
                        + approvers + ") must approve this join"
                : "the realm's admission is 'invite-only' and '" + repo + "' has not been invited: ask an approver ("
                        + approvers + ") to run `blue realm admin invite " + repo + "`";
        throw new RefusedException(ErrorCode.ADMISSION_REFUSED, "cannot join: " + need);
    }

    Plan join(RealmModel model, RepoEntry entry) {
        Plan plan = new Plan();
        plan.put(FileChange.Kind.CREATED, RealmPaths.repo(entry.name()), codec.write(entry), null);
        return plan;
    }

    Plan createDomain(RealmModel model, DomainRequest request, Instant now) throws dev.bluerealm.RealmException {
        if (model.domains().containsKey(request.name())) {
            throw new InvalidRequestException(ErrorCode.ALREADY_EXISTS, "domain '" + request.name()
                    + "' already exists; list domains with `blue realm admin domain list`");
        }
        List<Edge> added = new ArrayList<>();
        for (String consumer : request.consumers()) {
            added.add(new Edge(request.provider(), request.name(), consumer));
        }
        Optional<DependencyCycle> cycle = DependencyGraph.of(model).cycleAfterAdding(added);
        if (cycle.isPresent()) {
            throw new CycleException("Adding this domain", cycle.get());
        }
        List<String> members = new ArrayList<>();
        members.add(request.provider());
        members.addAll(request.consumers());
        Plan plan = new Plan();
        Domain domain = new Domain(request.name(), request.description(), now, members);
        plan.put(FileChange.Kind.CREATED, RealmPaths.domain(request.name()), codec.write(domain), null);
        String contract = request.contract();
        if (contract != null) {
            Contract skeleton = new Contract(contract, SKELETON_VERSION, request.provider(), Compatibility.DEFAULT,
                    JsonValue.object(Map.of("type", JsonValue.string("object"))), JsonValue.object(Map.of()), null,
                    List.of(new EvolutionEntry(SKELETON_VERSION, List.of("Initial contract"), true)));
            plan.put(FileChange.Kind.CREATED, RealmPaths.contract(request.name(), contract), codec.write(skeleton), null);
        }
        List<ExportBinding> exports = contract == null ? List.of()
                : List.of(new ExportBinding(contract, List.of(), Extract.MARKERS));
        plan.put(FileChange.Kind.CREATED, RealmPaths.binding(request.name(), request.provider()),
                codec.write(new Binding(request.provider(), Role.PROVIDER, exports, List.of())), Role.PROVIDER.yaml());
        for (String consumer : request.consumers()) {
            List<ImportBinding> imports = contract == null ? List.of()
                    : List.of(new ImportBinding(contract, SKELETON_RANGE, null, ImportStatus.CURRENT,
                            SKELETON_VERSION.toString(), now));
            plan.put(FileChange.Kind.CREATED, RealmPaths.binding(request.name(), consumer),
                    codec.write(new Binding(consumer, Role.CONSUMER, List.of(), imports)), Role.CONSUMER.yaml());
        }
        return plan;
    }

    /** Contracts {@code repo} owns that another repo imports, as "domain/contract (imported by a, b)". */
    static List<String> importedOwnedContracts(RealmModel model, String repo) {
        List<String> out = new ArrayList<>();
        for (DomainModel d : model.domains().values()) {
            for (Contract c : d.contracts().values()) {
                if (!c.owner().equals(repo)) {
                    continue;
                }
                List<String> importers = d.bindings().values().stream()
                        .filter(b -> !b.repo().equals(repo))
                        .filter(b -> b.imports().stream().anyMatch(i -> i.contract().equals(c.name())))
                        .map(Binding::repo).toList();
                if (!importers.isEmpty()) {
                    out.add(d.name() + "/" + c.name() + " (imported by " + String.join(", ", importers) + ")");
                }
            }
        }
        return out;
    }

    Plan leave(RealmModel model, String repo) {
        Plan plan = new Plan();
        if (model.repos().containsKey(repo)) {
            plan.put(FileChange.Kind.DELETED, RealmPaths.repo(repo), null, null);
        }
        for (DomainModel d : model.domains().values()) {
            if (d.bindings().containsKey(repo)) {
                plan.put(FileChange.Kind.DELETED, RealmPaths.binding(d.name(), repo), null, null);
            }
            if (d.domain().members().contains(repo)) {
                List<String> members = new ArrayList<>(d.domain().members());
                members.remove(repo);
                Domain updated = new Domain(d.name(), d.domain().description(), d.domain().createdAt(), members);
                plan.put(FileChange.Kind.UPDATED, RealmPaths.domain(d.name()), codec.write(updated), null);
            }
        }
        return plan;
    }
}
