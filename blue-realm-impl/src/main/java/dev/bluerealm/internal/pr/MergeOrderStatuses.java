package dev.bluerealm.internal.pr;

import dev.bluerealm.RealmException;
import dev.bluerealm.internal.forge.forgejo.ForgejoClient;
import dev.bluerealm.internal.forge.forgejo.ForgejoPull;
import dev.bluerealm.internal.forge.forgejo.PullStateFilter;
import dev.bluerealm.internal.git.LocalRepo;
import dev.bluerealm.model.Names;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.model.RepoEntry;
import dev.bluerealm.pr.MergeOrderRefresh;
import dev.bluerealm.pr.PullRequestSet;
import dev.bluerealm.pr.PullRequestSet.Member;
import dev.bluerealm.pr.PullRequestSet.Outcome;
import dev.bluerealm.sync.PullRequest;
import dev.bluerealm.worktree.WorktreeRequest;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The {@value ForgejoRepoPulls#CONTEXT} statuses of every open coordinated set brought up to date
 * through the Forgejo API alone, with no clone, no push and no repo context: what {@code blue realm
 * sync} and the daemon's periodic fetch run, so that merging a blocker on Forgejo's own page unblocks
 * its importers without anyone running {@code blue realm pr --refresh}.
 *
 * <p>A set is found by its members: the open pull requests of a repo whose head is {@code feat/NAME}
 * and whose body ends with the {@link SetBlock} of change NAME naming that very pull request. Each is
 * blocked by the labels its block lists; a blocker counts as merged only when Forgejo says it is (one
 * that cannot be read counts as open, and is reported).
 */
public final class MergeOrderStatuses {
    private final ForgejoClient forgejo;
    private final RealmModel model;
    private final Function<String, Optional<Path>> clones;
    private final Map<String, Optional<ForgejoRepoName>> hosted = new HashMap<>();

    /**
     * @param clones where a repo is checked out on this machine, for a repo whose {@code repos/{repo}.yaml}
     *     {@code url} is not on the Forgejo (or that has a {@code path}): its clone's {@code origin} is read
     */
    public MergeOrderStatuses(ForgejoClient forgejo, RealmModel model, Function<String, Optional<Path>> clones) {
        this.forgejo = forgejo;
        this.model = model;
        this.clones = clones;
    }

    /** An open pull request of a set: its repo, what Forgejo says of it, and its body's block. */
    private record Open(String repo, ForgejoRepoName on, ForgejoPull pull, SetBlock block) {
        String label() {
            return repo + "#" + pull.number();
        }
    }

    /**
     * Lists the open pull requests of {@code scope}'s repos (and of the repos the sets found there name),
     * then sets each set member's status.
     */
    public MergeOrderRefresh refresh(Collection<String> scope) {
        Problems problems = new Problems();
        List<Open> open = new ArrayList<>();
        Deque<String> toList = new ArrayDeque<>(new TreeSet<>(scope));
        Set<String> listed = new HashSet<>();
        while (!toList.isEmpty()) {
            String repo = toList.poll();
            if (!listed.add(repo)) {
                continue;
            }
            Optional<ForgejoRepoName> on = hosted(repo);
            if (on.isEmpty()) {
                continue; // not on this Forgejo: it has no pull requests here
            }
            List<ForgejoPull> pulls;
            try {
                pulls = forgejo.pulls(on.get().owner(), on.get().name(), PullStateFilter.OPEN);
            } catch (RealmException e) {
                problems.add(repo, "cannot list its pull requests on " + forgejo.forge() + ": " + e.getMessage());
                continue;
            }
            for (ForgejoPull p : pulls) {
                Optional<SetBlock> block = member(repo, p);
                if (block.isEmpty()) {
                    continue;
                }
                open.add(new Open(repo, on.get(), p, block.get()));
                // a set spans repos beyond the scope: its other open pull requests are refreshed too
                block.get().order().stream().map(MergeOrderStatuses::repoOf).flatMap(Optional::stream)
                        .filter(r -> !listed.contains(r)).forEach(toList::add);
            }
        }
        if (open.isEmpty()) {
            return new MergeOrderRefresh(List.of(), List.of(), problems.lines());
        }
        open.sort(Comparator.comparing((Open o) -> o.block().rfc())
                .thenComparingInt(o -> o.block().order().indexOf(o.label())));
        Map<String, ForgejoPull> known = new HashMap<>(); // by label: the open ones, then the blockers read
        open.forEach(o -> known.put(o.label(), o.pull()));
        Map<String, List<String>> waiting = new LinkedHashMap<>();
        List<String> updated = new ArrayList<>();
        for (Open o : open) {
            List<String> notMerged = new ArrayList<>();
            for (String blocker : o.block().blockedBy()) {
                ForgejoPull b = known.containsKey(blocker) ? known.get(blocker) : read(blocker, problems);
                known.put(blocker, b);
                if (b == null || !b.merged()) {
                    notMerged.add(blocker);
                }
            }
            waiting.put(o.label(), notMerged);
            try {
                if (ForgejoRepoPulls.showMergeOrder(forgejo, o.on(), o.pull().headSha(),
                        notMerged.stream().map(this::reference).toList())) {
                    updated.add(o.label());
                }
            } catch (RealmException e) {
                problems.add(o.repo(), "cannot set " + ForgejoRepoPulls.CONTEXT + " on " + o.label() + ": "
                        + e.getMessage());
            }
        }
        return new MergeOrderRefresh(sets(open, known, waiting), updated, problems.lines());
    }

    /** The block of {@code p} when it is a member of a coordinated set: on {@code feat/NAME}, naming itself. */
    private static Optional<SetBlock> member(String repo, ForgejoPull p) {
        if (!p.headRef().startsWith(WorktreeRequest.BRANCH_PREFIX)) {
            return Optional.empty();
        }
        String rfc = p.headRef().substring(WorktreeRequest.BRANCH_PREFIX.length());
        return SetBlock.read(p.body()).filter(b -> b.rfc().equals(rfc) && b.order().contains(repo + "#" + p.number()));
    }

    /** The pull request a label names, or null (reported) when it cannot be read. */
    private ForgejoPull read(String label, Problems problems) {
        Optional<String> repo = repoOf(label);
        int number = numberOf(label);
        if (repo.isEmpty() || number <= 0) {
            problems.add(label, "not a pull request label (repo#number): counted as not merged");
            return null;
        }
        Optional<ForgejoRepoName> on = hosted(repo.get());
        if (on.isEmpty()) {
            problems.add(repo.get(), "it is not a repository on " + forgejo.forge() + ", so whether " + label
                    + " merged is unknown: counted as not merged");
            return null;
        }
        try {
            return forgejo.pull(on.get().owner(), on.get().name(), number);
        } catch (RealmException e) {
            problems.add(repo.get(), "cannot read " + label + ": " + e.getMessage() + " (counted as not merged)");
            return null;
        }
    }

    /** How Forgejo's pages link a label's pull request ({@code owner/name#N}); the label itself when it cannot. */
    private String reference(String label) {
        Optional<String> repo = repoOf(label);
        return repo.flatMap(this::hosted).map(on -> on + "#" + numberOf(label)).orElse(label);
    }

    /** The Forgejo repository of a realm repo: its {@code url}, else its clone's {@code origin}, when on the forge. */
    private Optional<ForgejoRepoName> hosted(String repo) {
        return hosted.computeIfAbsent(repo, r -> {
            RepoEntry entry = model.repos().get(r);
            if (entry == null) {
                return Optional.empty();
            }
            if (entry.url() != null) {
                Optional<ForgejoRepoName> byUrl = ForgejoRepoName.of(entry.url(), forgejo.forge());
                if (byUrl.isPresent()) {
                    return byUrl;
                }
            }
            return clones.apply(r).map(LocalRepo::originUrl).flatMap(u -> ForgejoRepoName.of(u, forgejo.forge()));
        });
    }

    /** The sets, by change name, each with its open pull requests and the blockers read, in merge order. */
    private static List<PullRequestSet> sets(List<Open> open, Map<String, ForgejoPull> known,
                                             Map<String, List<String>> waiting) {
        Map<String, Map<String, Member>> byRfc = new TreeMap<>();
        for (Open o : open) {
            Map<String, Member> members = byRfc.computeIfAbsent(o.block().rfc(), k -> new LinkedHashMap<>());
            List<String> w = waiting.get(o.label());
            members.put(o.label(), new Member(o.repo(), position(o.block(), o.label()), (int) o.pull().number(),
                    PullRequest.State.OPEN, o.pull().baseRef(), o.block().blockedBy(), w, Outcome.OPEN,
                    w.isEmpty() ? "" : "blocked by " + String.join(", ", w)));
        }
        for (Open o : open) {
            Map<String, Member> members = byRfc.get(o.block().rfc());
            for (String blocker : o.block().blockedBy()) {
                ForgejoPull b = known.get(blocker);
                if (b == null || members.containsKey(blocker)) {
                    continue;
                }
                PullRequest.State state = b.merged() ? PullRequest.State.MERGED
                        : b.isOpen() ? PullRequest.State.OPEN : PullRequest.State.CLOSED;
                Outcome outcome = switch (state) {
                    case MERGED -> Outcome.ALREADY_MERGED;
                    case OPEN -> Outcome.OPEN;
                    case CLOSED -> Outcome.CLOSED;
                };
                members.put(blocker, new Member(repoOf(blocker).orElseThrow(), position(o.block(), blocker),
                        (int) b.number(), state, b.baseRef(), SetBlock.read(b.body()).map(SetBlock::blockedBy)
                        .orElse(List.of()), List.of(), outcome, state == PullRequest.State.MERGED ? "merged" : ""));
            }
        }
        List<PullRequestSet> out = new ArrayList<>();
        byRfc.forEach((rfc, members) -> out.add(new PullRequestSet(rfc, WorktreeRequest.BRANCH_PREFIX + rfc,
                PullRequestSet.Action.REFRESH, members.values().stream()
                .sorted(Comparator.comparingInt(Member::position).thenComparing(Member::repo)).toList())));
        return out;
    }

    private static int position(SetBlock block, String label) {
        return block.order().indexOf(label) + 1;
    }

    /** The repo of {@code repo#N}, when it is a valid repo name. */
    private static Optional<String> repoOf(String label) {
        int hash = label.lastIndexOf('#');
        return hash > 0 && Names.isValid(label.substring(0, hash)) ? Optional.of(label.substring(0, hash))
                : Optional.empty();
    }

    private static int numberOf(String label) {
        try {
            return Integer.parseInt(label.substring(label.lastIndexOf('#') + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** What could not be done, one line per message, naming every repo it happened in (a missing token once). */
    private static final class Problems {
        private final Map<String, Set<String>> byMessage = new LinkedHashMap<>();

        void add(String repo, String message) {
            byMessage.computeIfAbsent(message, m -> new TreeSet<>()).add(repo);
        }

        List<String> lines() {
            List<String> out = new ArrayList<>();
            byMessage.forEach((message, repos) -> out.add(String.join(", ", repos) + ": " + message));
            return out;
        }
    }
}
