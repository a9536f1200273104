package dev.bluerealm.internal.pr;

import dev.bluerealm.internal.graph.DependencyGraph;
import dev.bluerealm.internal.graph.Edge;
import dev.bluerealm.model.DependencyCycle;
import dev.bluerealm.model.RealmModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The order in which the pull requests of one change merge: exporters before importers (providers
 * before consumers), a topological order of the realm's dependency graph restricted to the repos of
 * the change, ties broken by name. A dependency through a repo outside the change still orders it
 * (a → b → c with b untouched puts a before c). Pure: a function of the graph and the set of repos.
 */
public final class MergeOrder {
    private MergeOrder() {}

    /** One repo of the order and the repos of the change it waits for (in merge order). */
    public record Step(String repo, List<String> blockedBy) {
        public Step {
            Objects.requireNonNull(repo, "repo");
            blockedBy = List.copyOf(blockedBy);
        }
    }

    /** What ordering a set of repos gives. */
    public sealed interface Outcome permits Ordered, Cyclic {}

    /** The steps, first to merge first. */
    public record Ordered(List<Step> steps) implements Outcome {
        public Ordered {
            steps = List.copyOf(steps);
        }

        public List<String> repos() {
            return steps.stream().map(Step::repo).toList();
        }
    }

    /**
     * The repos depend on each other in a circle, so no order exists. The realm refuses every change
     * that would make one, so this means the realm was edited by hand; it is reported, not guessed around.
     */
    public record Cyclic(DependencyCycle cycle) implements Outcome {
        public Cyclic {
            Objects.requireNonNull(cycle, "cycle");
        }
    }

    /** The merge order of {@code repos} in {@code model}'s dependency graph. */
    public static Outcome of(RealmModel model, Collection<String> repos) {
        return of(DependencyGraph.of(model), repos);
    }

    /** The merge order of {@code repos} in {@code graph}; repos the graph lacks depend on nothing. */
    public static Outcome of(DependencyGraph graph, Collection<String> repos) {
        Set<String> members = new TreeSet<>(repos);
        DependencyGraph among = between(graph, members);
        Optional<DependencyCycle> cycle = among.findCycle();
        if (cycle.isPresent()) {
            return new Cyclic(cycle.get());
        }
        List<String> order = among.topologicalOrder();
        Map<String, Integer> position = new HashMap<>();
        order.forEach(r -> position.put(r, position.size()));
        Map<String, Set<String>> blockers = new HashMap<>();
        for (Edge e : among.edges()) {
            blockers.computeIfAbsent(e.to(), k -> new HashSet<>()).add(e.from());
        }
        List<Step> steps = new ArrayList<>();
        for (String repo : order) {
            steps.add(new Step(repo, blockers.getOrDefault(repo, Set.of()).stream()
                    .sorted(Comparator.comparing(position::get)).toList()));
        }
        return new Ordered(steps);
    }

    /**
     * The graph on {@code members} alone: an edge m → n for each member n that m reaches through
     * repos outside the set only (a breadth-first search from each member that stops at members).
     * O(|members| · (V + E)).
     */
    private static DependencyGraph between(DependencyGraph graph, Set<String> members) {
        Map<String, List<Edge>> out = new HashMap<>();
        for (Edge e : graph.edges()) {
            out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
        }
        DependencyGraph.Builder b = DependencyGraph.builder().nodes(members);
        for (String from : members) {
            Set<String> seen = new HashSet<>();
            ArrayDeque<String> queue = new ArrayDeque<>(List.of(from));
            while (!queue.isEmpty()) {
                for (Edge e : out.getOrDefault(queue.poll(), List.of())) {
                    if (members.contains(e.to())) {
                        b.edge(from, e.domain(), e.to()); // the domain of the last hop names the dependency
                    } else if (seen.add(e.to())) {
                        queue.add(e.to());
                    }
                }
            }
        }
        return b.build();
    }
}
