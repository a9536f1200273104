package dev.bluerealm.internal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.bluerealm.model.DependencyCycle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** DependencyGraph against a brute-force oracle (transitive closure) on small random graphs. */
class DependencyGraphPropertyTest {
    private static final int NODES = 8;
    private static final long SEED = 0x5EED_B1E5L;

    /** A random labelled edge between n0..n7 (self-loops included), over three domain labels. */
    private static final Gen<Edge> EDGE = integers().between(0, NODES - 1)
            .zip(integers().between(0, NODES - 1), integers().between(0, 2),
                    (a, b, l) -> new Edge("n" + a, "d" + l, "n" + b));

    @Test
    void findCycleIsPresentExactlyWhenTheOracleSeesOne() {
        qt().withFixedSeed(SEED).withExamples(1000)
                .forAll(lists().of(EDGE).ofSizeBetween(0, 14))
                .checkAssert(edges -> {
                    Optional<DependencyCycle> cycle = DependencyGraph.of(edges).findCycle();
                    assertEquals(oracleHasCycle(edges), cycle.isPresent(), () -> "edges " + edges);
                    cycle.ifPresent(c -> assertRealCycle(c, edges));
                });
    }

    @Test
    void cycleAfterAddingIsPresentExactlyWhenBasePlusNewIsCyclic() {
        qt().withFixedSeed(SEED + 1).withExamples(1000)
                .forAll(lists().of(EDGE).ofSizeBetween(0, 16), lists().of(EDGE).ofSizeBetween(0, 4))
                .checkAssert((candidates, added) -> {
                    List<Edge> base = acyclicSubset(candidates);
                    List<Edge> all = new ArrayList<>(base);
                    all.addAll(added);
                    Optional<DependencyCycle> cycle = DependencyGraph.of(base).cycleAfterAdding(added);
                    assertEquals(oracleHasCycle(all), cycle.isPresent(), () -> "base " + base + " + " + added);
                    if (cycle.isEmpty()) {
                        return;
                    }
                    DependencyCycle c = cycle.get();
                    assertRealCycle(c, all);
                    // the base is acyclic, so some new edge closes it: the first one (in order) on any cycle, printed last
                    Edge expected = added.stream().filter(e -> reachable(all, e.to(), e.from())).findFirst().orElseThrow();
                    DependencyCycle.Hop last = c.hops().get(c.hops().size() - 1);
                    assertEquals(expected, new Edge(last.from(), last.domain(), last.to()), c::toString);
                    assertEquals(expected.to(), c.hops().get(0).from(), c::toString);
                });
    }

    /** Keeps each candidate edge that leaves the graph acyclic: an acyclic base of any shape. */
    private static List<Edge> acyclicSubset(List<Edge> candidates) {
        List<Edge> base = new ArrayList<>();
        for (Edge e : candidates) {
            base.add(e);
            if (oracleHasCycle(base)) {
                base.remove(base.size() - 1);
            }
        }
        return base;
    }

    /** The hops are edges of the graph and form a closed simple cycle. */
    private static void assertRealCycle(DependencyCycle cycle, List<Edge> edges) {
        Set<Edge> edgeSet = new HashSet<>(edges);
        Set<String> visited = new HashSet<>();
        List<DependencyCycle.Hop> hops = cycle.hops();
        for (int i = 0; i < hops.size(); i++) {
            DependencyCycle.Hop hop = hops.get(i);
            assertTrue(edgeSet.contains(new Edge(hop.from(), hop.domain(), hop.to())), () -> cycle + " uses a non-edge");
            assertEquals(hop.to(), hops.get((i + 1) % hops.size()).from(), () -> cycle + " does not close");
            assertTrue(visited.add(hop.from()), () -> cycle + " is not simple");
        }
    }

    private static boolean oracleHasCycle(List<Edge> edges) {
        boolean[][] reach = closure(edges);
        for (int i = 0; i < NODES; i++) {
            if (reach[i][i]) {
                return true;
            }
        }
        return false;
    }

    private static boolean reachable(List<Edge> edges, String from, String to) {
        return from.equals(to) || closure(edges)[index(from)][index(to)];
    }

    /** reach[i][j]: a path of one or more edges leads from n{i} to n{j} (Floyd–Warshall). */
    private static boolean[][] closure(List<Edge> edges) {
        boolean[][] reach = new boolean[NODES][NODES];
        for (Edge e : new LinkedHashSet<>(edges)) {
            reach[index(e.from())][index(e.to())] = true;
        }
        for (int k = 0; k < NODES; k++) {
            for (int i = 0; i < NODES; i++) {
                for (int j = 0; j < NODES; j++) {
                    reach[i][j] |= reach[i][k] && reach[k][j];
                }
            }
        }
        return reach;
    }

    private static int index(String node) {
        return Integer.parseInt(node.substring(1));
    }
}
