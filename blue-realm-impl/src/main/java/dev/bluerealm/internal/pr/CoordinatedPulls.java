package dev.bluerealm.internal.pr;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.RealmException;
import dev.bluerealm.RefusedException;
import dev.bluerealm.internal.worktree.ActiveRfc;
import dev.bluerealm.internal.worktree.RealmCheckouts;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.pr.PullRequestSet;
import dev.bluerealm.pr.PullRequestSet.Member;
import dev.bluerealm.pr.PullRequestSet.Outcome;
import dev.bluerealm.pr.PullRequestSetRequest;
import dev.bluerealm.sync.PullRequest;
import dev.bluerealm.worktree.WorktreeRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code blue realm pr}: the pull requests of one change across the current repo and the repos it
 * shares domains with, opened, shown or merged in {@link MergeOrder}. Each repo's pull requests live
 * on its own forge ({@link RepoPulls}: the local forge's records, or the realm's Forgejo); the set is
 * held together by the block each body ends with ({@link SetBlock}), so nothing else has to be stored.
 */
public final class CoordinatedPulls {
    /** Opens a repo's pull requests, or says why its clone has nowhere to keep them. */
    @FunctionalInterface
    public interface Forges {
        Reach open(Path root) throws RealmException;
    }

    /** A repo's pull requests, or (null) why the repo cannot take part. */
    public record Reach(RepoPulls pulls, String why) {
        public static Reach of(RepoPulls pulls) {
            return new Reach(java.util.Objects.requireNonNull(pulls, "pulls"), "");
        }

        public static Reach none(String why) {
            return new Reach(null, java.util.Objects.requireNonNull(why, "why"));
        }
    }

    private final RealmModel model;
    private final String me;
    private final Path here;
    private final Forges forges;

    /**
     * @param me the current repo's name in the realm
     * @param here the folder the command runs in (the current repo, or one of its worktrees)
     */
    public CoordinatedPulls(RealmModel model, String me, Path here, Forges forges) {
        this.model = model;
        this.me = me;
        this.here = here;
        this.forges = forges;
    }

    /** A repo of the change as it is being worked on: where its pull requests are, and what happened. */
    private static final class Slot {
        final String repo;
        final RepoPulls forge;
        RepoPulls.Pull pull;
        Outcome outcome;
        String message;
        int position;
        List<String> blockedBy = List.of();

        Slot(String repo, RepoPulls forge, Outcome outcome, String message) {
            this.repo = repo;
            this.forge = forge;
            this.outcome = outcome;
            this.message = message;
        }

        String label() {
            return repo + "#" + pull.number();
        }
    }

    public PullRequestSet run(PullRequestSetRequest request) throws RealmException {
        String rfc = request.rfc() != null ? request.rfc() : ActiveRfc.of(here).orElseThrow(() ->
                new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "which change? " + here + " is not on a"
                        + " feat/NAME branch; name it with --rfc NAME (or run this in its worktree)"));
        String branch = WorktreeRequest.BRANCH_PREFIX + rfc;
        List<Slot> slots = new ArrayList<>();
        try {
            RealmCheckouts checkouts = new RealmCheckouts(model, me, here);
            for (RealmCheckouts.Located located : checkouts.locateAll(null)) {
                slots.add(slot(located));
            }
            // a set opened from a repo with more domains reaches further: its bodies name every repo
            for (String repo : namedByTheSet(slots, branch, rfc)) {
                slots.add(slot(checkouts.locate(repo)));
            }
            if (request instanceof PullRequestSetRequest.Open open) {
                open(slots, rfc, branch, open);
                return result(rfc, branch, PullRequestSet.Action.OPEN, slots);
            }
            read(slots, rfc, branch);
            if (request instanceof PullRequestSetRequest.Refresh) {
                showMergeOrder(slots);
                return result(rfc, branch, PullRequestSet.Action.REFRESH, slots);
            }
            if (request instanceof PullRequestSetRequest.Merge merge) {
                merge(slots, merge.repo());
                showMergeOrder(slots); // what merged unblocks the pull requests after it
                return result(rfc, branch, PullRequestSet.Action.MERGE, slots);
            }
            return result(rfc, branch, PullRequestSet.Action.STATUS, slots);
        } finally {
            slots.stream().filter(s -> s.forge != null).forEach(s -> s.forge.close());
        }
    }

    private Slot slot(RealmCheckouts.Located located) throws RealmException {
        if (!located.found()) {
            return new Slot(located.repo(), null, Outcome.SKIPPED_NO_LOCAL_CLONE, located.why());
        }
        Reach reach = forges.open(located.root());
        return reach.pulls() != null ? new Slot(located.repo(), reach.pulls(), Outcome.OPEN, "")
                : new Slot(located.repo(), null, Outcome.SKIPPED_NO_REMOTE, reach.why());
    }

    /** The repos the blocks of the slots' pull requests name that are not among the slots yet, by name. */
    private static java.util.SortedSet<String> namedByTheSet(List<Slot> slots, String branch, String rfc)
            throws RealmException {
        java.util.SortedSet<String> named = new java.util.TreeSet<>();
        for (Slot s : slots) {
            if (s.forge != null) {
                current(s.forge.pulls(branch), rfc).flatMap(p -> SetBlock.read(p.body())).ifPresent(b ->
                        b.order().stream().filter(label -> label.indexOf('#') > 0)
                                .forEach(label -> named.add(label.substring(0, label.lastIndexOf('#')))));
            }
        }
        slots.forEach(s -> named.remove(s.repo));
        named.removeIf(r -> !dev.bluerealm.model.Names.isValid(r));
        return named;
    }

    private void open(List<Slot> slots, String rfc, String branch, PullRequestSetRequest.Open request)
            throws RealmException {
        List<Slot> toOpen = new ArrayList<>();
        for (Slot s : slots) {
            if (s.forge == null) {
                continue;
            }
            Optional<RepoPulls.Pull> existing = current(s.forge.pulls(branch), rfc);
            RepoPulls.Push push = s.forge.push(branch);
            boolean open = existing.isPresent() && existing.get().state() == PullRequest.State.OPEN;
            if (push == RepoPulls.Push.DIVERGED) {
                s.pull = open ? existing.get() : null;
                s.outcome = Outcome.SKIPPED_DIVERGED;
                s.message = "the remote's " + branch + " has commits this clone lacks: pull them, then run this again";
            } else if (open) {
                s.pull = existing.get();
                s.outcome = Outcome.UPDATED;
                s.message = push == RepoPulls.Push.PUSHED ? "pushed new commits" : "up to date";
            } else if (push == RepoPulls.Push.NO_BRANCH || push == RepoPulls.Push.NO_COMMITS) {
                if (existing.isPresent() && existing.get().state() == PullRequest.State.MERGED) {
                    s.pull = existing.get();
                    s.outcome = Outcome.ALREADY_MERGED;
                    s.message = "merged";
                } else {
                    s.outcome = Outcome.SKIPPED_NO_COMMITS;
                    s.message = push == RepoPulls.Push.NO_BRANCH ? "no branch " + branch
                            : branch + " has no commits beyond " + s.forge.base();
                }
            } else {
                s.outcome = Outcome.OPENED;
                toOpen.add(s);
            }
        }
        List<Slot> members = slots.stream().filter(s -> s.pull != null || s.outcome == Outcome.OPENED).toList();
        if (members.isEmpty()) {
            return;
        }
        MergeOrder.Ordered order = order(members);
        Map<String, Slot> byRepo = new HashMap<>();
        members.forEach(s -> byRepo.put(s.repo, s));
        for (MergeOrder.Step step : order.steps()) {
            Slot s = byRepo.get(step.repo());
            s.position = order.steps().indexOf(step) + 1;
            s.blockedBy = step.blockedBy().stream().map(r -> byRepo.get(r).label()).toList();
            if (toOpen.contains(s)) { // its blockers come first, so their numbers are known
                s.pull = s.forge.open(request.title(), new SetBlock(rfc, List.of(), s.blockedBy)
                        .body(request.body(), null, references(members)), branch, s.repo);
                s.message = "opened";
            }
        }
        List<String> labels = order.steps().stream().map(step -> byRepo.get(step.repo()).label()).toList();
        for (Slot s : members) {
            if (s.pull.state() == PullRequest.State.OPEN) {
                String text = request.body() != null || s.outcome == Outcome.OPENED ? request.body()
                        : SetBlock.text(s.pull.body()); // a re-run keeps the text unless given a new one
                s.forge.editBody(s.pull.number(), new SetBlock(rfc, labels, s.blockedBy).body(text, s.label(),
                        references(members)));
            }
        }
        showMergeOrder(members);
    }

    /** How each forge links a pull request of the set, by its label; the label itself where it has no links. */
    private static Function<String, String> references(List<Slot> members) {
        return label -> members.stream().filter(m -> m.pull != null && m.label().equals(label)).findFirst()
                .flatMap(m -> m.forge.reference(m.pull.number())).orElse(label);
    }

    /** Shows on each forge whether each open pull request of the set may merge yet ({@link RepoPulls#showMergeOrder}). */
    private static void showMergeOrder(List<Slot> slots) throws RealmException {
        List<Slot> members = slots.stream().filter(s -> s.pull != null).toList();
        Function<String, String> references = references(members);
        for (Slot s : members) {
            if (s.pull.state() == PullRequest.State.OPEN) {
                s.forge.showMergeOrder(s.pull.number(), waitingFor(s, members).stream().map(references).toList());
            }
        }
    }

    /** Each repo's pull request of the change, with its place and blockers as its body's block says. */
    private void read(List<Slot> slots, String rfc, String branch) throws RealmException {
        for (Slot s : slots) {
            if (s.forge == null) {
                continue;
            }
            Optional<RepoPulls.Pull> pull = current(s.forge.pulls(branch), rfc);
            if (pull.isEmpty()) {
                s.outcome = Outcome.SKIPPED_NO_COMMITS;
                s.message = "no pull request for " + branch;
                continue;
            }
            s.pull = pull.get();
            s.outcome = switch (s.pull.state()) {
                case OPEN -> Outcome.OPEN;
                case MERGED -> Outcome.ALREADY_MERGED;
                case CLOSED -> Outcome.CLOSED;
            };
        }
        List<Slot> members = slots.stream().filter(s -> s.pull != null).toList();
        if (members.isEmpty()) {
            throw new InvalidRequestException(ErrorCode.NOT_FOUND, "no pull requests for " + branch + " in "
                    + slots.stream().map(s -> s.repo).toList() + "; open them with `blue realm pr --title TITLE --rfc "
                    + rfc + "`");
        }
        MergeOrder.Ordered fallback = null;
        for (Slot s : members) {
            Optional<SetBlock> block = SetBlock.read(s.pull.body());
            if (block.isPresent() && block.get().order().contains(s.label())) {
                s.position = block.get().order().indexOf(s.label()) + 1;
                s.blockedBy = block.get().blockedBy();
            } else { // a body edited by hand: its place from the realm as it is now
                fallback = fallback != null ? fallback : order(members);
                MergeOrder.Step step = fallback.steps().stream().filter(x -> x.repo().equals(s.repo)).findFirst()
                        .orElseThrow();
                s.position = fallback.steps().indexOf(step) + 1;
                s.blockedBy = step.blockedBy().stream().map(r -> members.stream().filter(m -> m.repo.equals(r))
                        .findFirst().orElseThrow().label()).toList();
            }
        }
    }

    private void merge(List<Slot> slots, String only) throws RealmException {
        List<Slot> members = slots.stream().filter(s -> s.pull != null)
                .sorted(Comparator.comparingInt((Slot s) -> s.position)).toList();
        if (only != null) {
            Slot s = members.stream().filter(m -> m.repo.equals(only)).findFirst().orElseThrow(() ->
                    new InvalidRequestException(ErrorCode.NOT_FOUND, only + " has no pull request in this change ("
                            + members.stream().map(Slot::label).toList() + ")"));
            if (s.pull.state() != PullRequest.State.OPEN) {
                throw new RefusedException(ErrorCode.NOT_OPEN, s.label() + " is " + state(s.pull.state())
                        + ": it can no longer be merged");
            }
            List<String> waiting = waitingFor(s, members);
            if (!waiting.isEmpty()) {
                throw new RefusedException(ErrorCode.MERGE_BLOCKED, s.label() + " is blocked by "
                        + String.join(", ", waiting) + " (not merged yet): merge " + (waiting.size() == 1 ? "it" : "them")
                        + " first, or run `blue realm pr --merge` to merge the set in order");
            }
            mergeOne(s);
            return;
        }
        for (Slot s : members) {
            if (s.pull.state() != PullRequest.State.OPEN) {
                continue;
            }
            List<String> waiting = waitingFor(s, members);
            if (!waiting.isEmpty()) {
                s.outcome = Outcome.BLOCKED;
                s.message = "blocked by " + String.join(", ", waiting);
                continue;
            }
            mergeOne(s);
        }
    }

    private static void mergeOne(Slot s) throws RealmException {
        try {
            s.forge.merge(s.pull.number());
            s.pull = new RepoPulls.Pull(s.pull.number(), PullRequest.State.MERGED, s.pull.base(), s.pull.body());
            s.outcome = Outcome.MERGED;
            s.message = "merged into " + s.pull.base();
        } catch (RefusedException e) {
            if (e.code() != ErrorCode.MERGE_CONFLICT) {
                throw e;
            }
            s.outcome = Outcome.CONFLICT;
            s.message = e.getMessage();
        }
    }

    /** The blockers of {@code s} not merged (a blocker whose pull request cannot be found counts as not merged). */
    private static List<String> waitingFor(Slot s, List<Slot> members) {
        Map<String, PullRequest.State> states = new HashMap<>();
        members.forEach(m -> states.put(m.label(), m.pull.state()));
        return s.blockedBy.stream().filter(b -> states.get(b) != PullRequest.State.MERGED).toList();
    }

    /** The pull request of this change: the open one, else the newest whose block names the change. */
    private static Optional<RepoPulls.Pull> current(List<RepoPulls.Pull> pulls, String rfc) {
        Optional<RepoPulls.Pull> open = pulls.stream().filter(p -> p.state() == PullRequest.State.OPEN)
                .max(Comparator.comparingInt(RepoPulls.Pull::number));
        if (open.isPresent()) {
            return open;
        }
        return pulls.stream().filter(p -> SetBlock.read(p.body()).map(b -> b.rfc().equals(rfc)).orElse(false))
                .max(Comparator.comparingInt(RepoPulls.Pull::number));
    }

    private MergeOrder.Ordered order(List<Slot> members) throws RefusedException {
        MergeOrder.Outcome order = MergeOrder.of(model, members.stream().map(s -> s.repo).toList());
        if (order instanceof MergeOrder.Cyclic cyclic) {
            throw new RefusedException(ErrorCode.CYCLE, "these repos have no merge order: they depend on each other"
                    + " in a circle:\n  " + cyclic.cycle() + "\nThe realm refuses changes that make one, so its files"
                    + " were edited by hand; fix the domains' bindings, then run this again");
        }
        return (MergeOrder.Ordered) order;
    }

    private static PullRequestSet result(String rfc, String branch, PullRequestSet.Action action, List<Slot> slots) {
        List<Member> members = new ArrayList<>();
        List<Slot> inSet = slots.stream().filter(s -> s.pull != null)
                .sorted(Comparator.comparingInt((Slot s) -> s.position).thenComparing(s -> s.repo)).toList();
        for (Slot s : inSet) {
            List<String> waiting = waitingFor(s, inSet);
            String message = s.message == null || s.message.isEmpty()
                    ? (waiting.isEmpty() ? "" : "blocked by " + String.join(", ", waiting)) : s.message;
            members.add(new Member(s.repo, s.position, s.pull.number(), s.pull.state(), s.pull.base(), s.blockedBy,
                    s.pull.state() == PullRequest.State.OPEN ? waiting : List.of(), s.outcome, message));
        }
        slots.stream().filter(s -> s.pull == null).sorted(Comparator.comparing(s -> s.repo)).forEach(s ->
                members.add(new Member(s.repo, 0, 0, null, null, List.of(), List.of(), s.outcome, s.message)));
        return new PullRequestSet(rfc, branch, action, members);
    }

    private static String state(PullRequest.State state) {
        return state.name().toLowerCase(java.util.Locale.ROOT);
    }
}
