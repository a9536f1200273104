package dev.bluerealm.internal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.model.Binding;
import dev.bluerealm.model.DependencyCycle;
import dev.bluerealm.model.Domain;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.Extract;
import dev.bluerealm.model.Governance;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.model.RealmConfig;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.model.RepoEntry;
import dev.bluerealm.model.Role;
import dev.bluerealm.model.Trust;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {
    private static Edge e(String from, String domain, String to) {
        return new Edge(from, domain, to);
    }

    @Test
    void emptyGraphHasNoCycleAndNoOrder() {
        DependencyGraph g = DependencyGraph.of(List.of());
        assertTrue(g.findCycle().isEmpty());
        assertEquals(List.of(), g.topologicalOrder());
        assertTrue(g.cycleAfterAdding(List.of()).isEmpty());
    }

    @Test
    void isolatedNodesAreOrderedByName() {
        DependencyGraph g = DependencyGraph.builder().node("c").node("a").node("b").build();
        assertEquals(List.of("a", "b", "c"), g.topologicalOrder());
        assertTrue(g.findCycle().isEmpty());
    }

    @Test
    void chainIsAcyclicAndOrdered() {
        DependencyGraph g = DependencyGraph.of(List.of(e("c", "d2", "d"), e("a", "d1", "b"), e("b", "d1", "c")));
        assertTrue(g.findCycle().isEmpty());
        assertEquals(List.of("a", "b", "c", "d"), g.topologicalOrder());
    }

    @Test
    void diamondIsAcyclicAndTiesBreakByName() {
        DependencyGraph g = DependencyGraph.of(List.of(
                e("top", "x", "right"), e("top", "x", "left"), e("left", "y", "bottom"), e("right", "z", "bottom")));
        assertTrue(g.findCycle().isEmpty());
        assertEquals(List.of("top", "left", "right", "bottom"), g.topologicalOrder());
    }

    @Test
    void identicalEdgesAreKeptOnce() {
        DependencyGraph g = DependencyGraph.of(List.of(e("a", "x", "b"), e("a", "x", "b"), e("a", "y", "b")));
        assertEquals(List.of(e("a", "x", "b"), e("a", "y", "b")), g.edges());
        assertEquals(Set.of("a", "b"), g.nodes());
    }

    @Test
    void twoCycleIsFound() {
        DependencyGraph g = DependencyGraph.of(List.of(e("a", "s3-access", "b"), e("b", "feedback-loop", "a")));
        DependencyCycle cycle = g.findCycle().orElseThrow();
        assertEquals("a → (s3-access) → b → (feedback-loop) → a", cycle.toString());
        IllegalStateException ex = assertThrows(IllegalStateException.class, g::topologicalOrder);
        assertTrue(ex.getMessage().contains("→ (feedback-loop) →"), ex.getMessage());
    }

    @Test
    void selfLoopIsACycle() {
        DependencyGraph g = DependencyGraph.of(List.of(e("a", "x", "b"), e("b", "loop", "b")));
        assertEquals("b → (loop) → b", g.findCycle().orElseThrow().toString());
        assertThrows(IllegalStateException.class, g::topologicalOrder);
        DependencyGraph acyclic = DependencyGraph.of(List.of(e("a", "x", "b")));
        assertEquals("a → (self) → a", acyclic.cycleAfterAdding(List.of(e("a", "self", "a"))).orElseThrow().toString());
    }

    @Test
    void rfcExampleReadsExistingPathFirstAndTheNewEdgeLast() {
        DependencyGraph g = DependencyGraph.of(List.of(e("a", "s3-access", "b")));
        DependencyCycle cycle = g.cycleAfterAdding(List.of(e("b", "feedback-loop", "a"))).orElseThrow();
        assertEquals("a → (s3-access) → b → (feedback-loop) → a", cycle.toString());
    }

    @Test
    void cycleAfterAddingPrefersANewEdgeOnACycleAndKeepsTheBaseUnchanged() {
        DependencyGraph g = DependencyGraph.of(List.of(e("a", "p", "b"), e("b", "q", "c"), e("x", "r", "y")));
        // the first new edge lies on no cycle; the second closes a → b → c → a
        DependencyCycle cycle = g.cycleAfterAdding(List.of(e("c", "harmless", "z"), e("c", "back", "a"))).orElseThrow();
        assertEquals("a → (p) → b → (q) → c → (back) → a", cycle.toString());
        assertTrue(g.cycleAfterAdding(List.of(e("c", "fine", "x"))).isEmpty());
        assertTrue(g.findCycle().isEmpty());
        assertEquals(3, g.edges().size());
    }

    @Test
    void cycleAfterAddingStillReportsACycleTheBaseAlreadyHad() {
        DependencyGraph g = DependencyGraph.of(List.of(e("a", "p", "b"), e("b", "q", "a")));
        DependencyCycle cycle = g.cycleAfterAdding(List.of(e("c", "new", "d"))).orElseThrow();
        assertEquals(2, cycle.hops().size());
    }

    @Test
    void cycleThroughTwoNewEdges() {
        DependencyGraph g = DependencyGraph.of(List.of(e("b", "mid", "c")));
        DependencyCycle cycle = g.cycleAfterAdding(List.of(e("a", "n1", "b"), e("c", "n2", "a"))).orElseThrow();
        assertEquals("b → (mid) → c → (n2) → a → (n1) → b", cycle.toString());
    }

    @Test
    void longChainDoesNotOverflowTheStack() {
        int n = 200_000;
        List<Edge> chain = new ArrayList<>(n);
        for (int i = 0; i < n - 1; i++) {
            chain.add(e(name(i), "d", name(i + 1)));
        }
        DependencyGraph g = DependencyGraph.of(chain);
        assertTrue(g.findCycle().isEmpty());
        List<String> order = g.topologicalOrder();
        assertEquals(n, order.size());
        assertEquals(name(0), order.get(0));
        assertEquals(name(n - 1), order.get(n - 1));

        DependencyCycle cycle = g.cycleAfterAdding(List.of(e(name(n - 1), "back", name(0)))).orElseThrow();
        assertEquals(n, cycle.hops().size());
        assertEquals(name(0), cycle.hops().get(0).from());
        assertEquals("back", cycle.hops().get(n - 1).domain());

        List<Edge> closed = new ArrayList<>(chain);
        closed.add(e(name(n - 1), "back", name(0)));
        assertEquals(n, DependencyGraph.of(closed).findCycle().orElseThrow().hops().size());
    }

    private static String name(int i) {
        return "r" + i;
    }

    @Test
    void realmModelGivesProviderConsumerAndExporterImporterEdges() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Map<String, RepoEntry> repos = new LinkedHashMap<>();
        for (String r : List.of("a", "b", "c", "d")) {
            repos.put(r, new RepoEntry(r, null, "/tmp/" + r, null, List.of(r + "@example.com"), t));
        }
        ExportBinding exportS3 = new ExportBinding("s3-config", List.of("s3.json"), Extract.MARKERS);
        ImportBinding importS3 = new ImportBinding("s3-config", "^1.0", null, null, null, null);
        Map<String, Binding> s3 = new LinkedHashMap<>();
        s3.put("a", new Binding("a", Role.PROVIDER, List.of(exportS3), List.of()));
        s3.put("b", new Binding("b", Role.CONSUMER, List.of(), List.of(importS3)));
        s3.put("c", new Binding("c", Role.BOTH, List.of(exportS3), List.of(importS3)));
        Map<String, Binding> loop = new LinkedHashMap<>();
        loop.put("b", new Binding("b", Role.PROVIDER, List.of(), List.of()));
        loop.put("a", new Binding("a", Role.CONSUMER, List.of(), List.of()));
        Map<String, DomainModel> domains = new LinkedHashMap<>();
        domains.put("s3-access", new DomainModel(new Domain("s3-access", null, t, List.of("a", "b", "c")), null, Map.of(), s3));
        domains.put("feedback-loop", new DomainModel(new Domain("feedback-loop", null, t, List.of("a", "b")), null, Map.of(), loop));
        RealmConfig config = new RealmConfig("r", RealmConfig.FORMAT_VERSION, t, Governance.defaults(List.of("x@example.com")), Trust.DEFAULT);

        DependencyGraph g = DependencyGraph.of(new RealmModel(config, repos, domains));
        assertEquals(Set.of("a", "b", "c", "d"), g.nodes());
        assertEquals(Set.of(
                e("a", "s3-access", "b"), e("a", "s3-access", "c"),   // roles
                e("c", "s3-access", "b"),
                e("c", "s3-access", "c"),                             // c exports and imports s3-config
                e("b", "feedback-loop", "a")), Set.copyOf(g.edges()));
        assertEquals(7 - 2, g.edges().size(), "role and contract edges a→b, a→c, c→b are kept once");
        assertTrue(g.findCycle().isPresent());

        domains.put("s3-access", new DomainModel(domains.get("s3-access").domain(), null, Map.of(),
                Map.of("a", s3.get("a"), "b", s3.get("b"))));
        domains.remove("feedback-loop");
        DependencyGraph acyclic = DependencyGraph.of(new RealmModel(config, repos, domains));
        assertFalse(acyclic.findCycle().isPresent());
        assertEquals(List.of("a", "b", "c", "d"), acyclic.topologicalOrder());
        assertEquals("a → (s3-access) → b → (feedback-loop) → a",
                acyclic.cycleAfterAdding(List.of(e("b", "feedback-loop", "a"))).orElseThrow().toString());
    }
}
