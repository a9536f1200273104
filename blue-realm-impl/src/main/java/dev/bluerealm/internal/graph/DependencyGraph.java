package dev.bluerealm.internal.graph;

import dev.bluerealm.model.Binding;
import dev.bluerealm.model.DependencyCycle;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.model.RealmModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The repo dependency graph (DESIGN §4 "Cycles"): repos as nodes, one labelled edge per
 * provider → consumer or exporter → importer relation, identical edges kept once. Immutable.
 *
 * <p>Every search is iterative (no recursion), so a 100k-repo chain cannot overflow the stack,
 * and runs in O(V+E). Nodes and edges keep their insertion order, which makes every answer
 * deterministic for a given input order.
 */
public final class DependencyGraph {
    private final List<String> names;          // node id -> repo name
    private final Map<String, Integer> ids;    // repo name -> node id
    private final List<Edge> edges;            // edge id -> edge
    private final int[] from;                  // edge id -> source node id
    private final int[] to;                    // edge id -> target node id
    private final int[] outStart;              // CSR: out-edges of node v are outEdges[outStart[v] .. outStart[v+1])
    private final int[] outEdges;

    private DependencyGraph(Collection<String> nodes, Collection<Edge> edgeSet) {
        names = List.copyOf(nodes);
        ids = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            ids.put(names.get(i), i);
        }
        edges = List.copyOf(edgeSet);
        int n = names.size();
        int m = edges.size();
        from = new int[m];
        to = new int[m];
        outStart = new int[n + 1];
        for (int e = 0; e < m; e++) {
            from[e] = ids.get(edges.get(e).from());
            to[e] = ids.get(edges.get(e).to());
            outStart[from[e] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            outStart[v + 1] += outStart[v];
        }
        outEdges = new int[m];
        int[] fill = Arrays.copyOf(outStart, n);
        for (int e = 0; e < m; e++) {
            outEdges[fill[from[e]]++] = e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The graph of these edges; its nodes are their endpoints. */
    public static DependencyGraph of(Collection<Edge> edges) {
        return builder().edges(edges).build();
    }

    /**
     * The graph of a realm: every repo is a node; per domain, an edge provider → consumer for each
     * pair of different repos whose binding roles provide and consume, and, per contract, an edge
     * exporter → importer for each repo exporting it and each importing it (the same repo doing both
     * is a self-loop, hence a cycle). The label is the domain name. Contracts are matched by the names
     * the bindings use, so one missing from the domain still counts: the dependency is declared.
     */
    public static DependencyGraph of(RealmModel model) {
        Builder b = builder();
        model.repos().keySet().forEach(b::node);
        for (DomainModel domain : model.domains().values()) {
            Collection<Binding> bindings = domain.bindings().values();
            bindings.forEach(binding -> b.node(binding.repo()));
            for (Binding p : bindings) {
                for (Binding c : bindings) {
                    if (p.role().provides() && c.role().consumes() && !p.repo().equals(c.repo())) {
                        b.edge(p.repo(), domain.name(), c.repo());
                    }
                }
            }
            Map<String, List<String>> importers = new HashMap<>();
            for (Binding binding : bindings) {
                for (ImportBinding i : binding.imports()) {
                    importers.computeIfAbsent(i.contract(), k -> new ArrayList<>()).add(binding.repo());
                }
            }
            for (Binding exporter : bindings) {
                for (ExportBinding x : exporter.exports()) {
                    for (String importer : importers.getOrDefault(x.contract(), List.of())) {
                        b.edge(exporter.repo(), domain.name(), importer);
                    }
                }
            }
        }
        return b.build();
    }

    /** The repo names, in insertion order. */
    public Set<String> nodes() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }

    /** The distinct edges, in insertion order. */
    public List<Edge> edges() {
        return edges;
    }

    /** This graph with more edges (and their endpoints) added. */
    public DependencyGraph plus(Collection<Edge> more) {
        return builder().nodes(names).edges(edges).edges(more).build();
    }

    /** Some cycle of the graph, if it has one: colour DFS, O(V+E). */
    public Optional<DependencyCycle> findCycle() {
        int n = names.size();
        byte[] colour = new byte[n];               // 0 white, 1 on the DFS path, 2 done
        int[] parentEdge = new int[n];
        int[] next = new int[n];                   // per node: next position in outEdges to try
        int[] path = new int[n];                   // the DFS path as an explicit stack
        for (int root = 0; root < n; root++) {
            if (colour[root] != 0) {
                continue;
            }
            int depth = 0;
            path[depth++] = root;
            colour[root] = 1;
            next[root] = outStart[root];
            parentEdge[root] = -1;
            while (depth > 0) {
                int v = path[depth - 1];
                if (next[v] == outStart[v + 1]) {
                    colour[v] = 2;
                    depth--;
                    continue;
                }
                int e = outEdges[next[v]++];
                int w = to[e];
                if (colour[w] == 1) {              // back edge: w ⇝ v on the path, then v → w
                    List<Edge> hops = new ArrayList<>();
                    hops.add(edges.get(e));
                    for (int u = v; u != w; u = from[parentEdge[u]]) {
                        hops.add(edges.get(parentEdge[u]));
                    }
                    Collections.reverse(hops);
                    return Optional.of(cycle(hops));
                }
                if (colour[w] == 0) {
                    colour[w] = 1;
                    parentEdge[w] = e;
                    next[w] = outStart[w];
                    path[depth++] = w;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The cycle that adding {@code newEdges} would create, preferring one through a new edge: the
     * first new edge (in the given order) that lies on a cycle. O(V+E) via Tarjan's SCCs plus one BFS.
     * If no new edge lies on a cycle but the graph already had one, that one is returned.
     */
    public Optional<DependencyCycle> cycleAfterAdding(Collection<Edge> newEdges) {
        DependencyGraph g = plus(newEdges);
        int[] component = g.components();
        for (Edge added : newEdges) {
            int s = g.ids.get(added.from());
            int t = g.ids.get(added.to());
            if (component[s] != component[t]) {
                continue;
            }
            // Rule: the cycle starts at the new edge's target, so the existing path reads first and the new edge last.
            List<Edge> hops = g.shortestPath(t, s);
            hops.add(added);
            return Optional.of(cycle(hops));
        }
        return g.findCycle();
    }

    /** The nodes in dependency order (Kahn; among ready nodes, the smallest name first). */
    public List<String> topologicalOrder() {
        int n = names.size();
        int[] inDegree = new int[n];
        for (int w : to) {
            inDegree[w]++;
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>((a, b) -> names.get(a).compareTo(names.get(b)));
        for (int v = 0; v < n; v++) {
            if (inDegree[v] == 0) {
                ready.add(v);
            }
        }
        List<String> order = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int v = ready.poll();
            order.add(names.get(v));
            for (int i = outStart[v]; i < outStart[v + 1]; i++) {
                if (--inDegree[to[outEdges[i]]] == 0) {
                    ready.add(to[outEdges[i]]);
                }
            }
        }
        if (order.size() != n) {
            throw new IllegalStateException("dependency cycle: " + findCycle().map(Object::toString).orElse("?"));
        }
        return order;
    }

    /** Strongly connected component id per node: Tarjan's algorithm with explicit stacks. */
    private int[] components() {
        int n = names.size();
        int[] index = new int[n];
        Arrays.fill(index, -1);
        int[] low = new int[n];
        int[] component = new int[n];
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];                  // Tarjan's stack of open nodes
        int[] calls = new int[n];                  // the DFS "call stack"
        int[] next = new int[n];
        int counter = 0;
        int top = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] != -1) {
                continue;
            }
            int depth = 0;
            calls[depth++] = root;
            index[root] = low[root] = counter++;
            stack[top++] = root;
            onStack[root] = true;
            next[root] = outStart[root];
            while (depth > 0) {
                int v = calls[depth - 1];
                if (next[v] < outStart[v + 1]) {
                    int w = to[outEdges[next[v]++]];
                    if (index[w] == -1) {
                        index[w] = low[w] = counter++;
                        stack[top++] = w;
                        onStack[w] = true;
                        next[w] = outStart[w];
                        calls[depth++] = w;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                depth--;
                if (low[v] == index[v]) {
                    int w;
                    do {
                        w = stack[--top];
                        onStack[w] = false;
                        component[w] = components;
                    } while (w != v);
                    components++;
                }
                if (depth > 0) {
                    int u = calls[depth - 1];
                    low[u] = Math.min(low[u], low[v]);
                }
            }
        }
        return component;
    }

    /** The edges of a shortest path source ⇝ target (BFS; empty when source == target). Caller ensures reachability. */
    private List<Edge> shortestPath(int source, int target) {
        int[] parentEdge = new int[names.size()];
        Arrays.fill(parentEdge, -2);
        parentEdge[source] = -1;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(source);
        while (!queue.isEmpty() && parentEdge[target] == -2) {
            int v = queue.poll();
            for (int i = outStart[v]; i < outStart[v + 1]; i++) {
                int w = to[outEdges[i]];
                if (parentEdge[w] == -2) {
                    parentEdge[w] = outEdges[i];
                    queue.add(w);
                }
            }
        }
        if (parentEdge[target] == -2) {
            throw new IllegalStateException("no path " + names.get(source) + " ⇝ " + names.get(target));
        }
        List<Edge> path = new ArrayList<>();
        for (int v = target; v != source; v = from[parentEdge[v]]) {
            path.add(edges.get(parentEdge[v]));
        }
        Collections.reverse(path);
        return path;
    }

    private static DependencyCycle cycle(List<Edge> hops) {
        return new DependencyCycle(hops.stream().map(Edge::toHop).toList());
    }

    @Override
    public String toString() {
        return "DependencyGraph" + names + edges;
    }

    /** Collects nodes and edges; duplicates are dropped, first-seen order kept. */
    public static final class Builder {
        private final Set<String> nodes = new LinkedHashSet<>();
        private final Set<Edge> edges = new LinkedHashSet<>();

        private Builder() {}

        /** Adds a node, possibly without edges. */
        public Builder node(String name) {
            nodes.add(Objects.requireNonNull(name, "node"));
            return this;
        }

        public Builder nodes(Collection<String> names) {
            names.forEach(this::node);
            return this;
        }

        public Builder edge(String from, String domain, String to) {
            return edge(new Edge(from, domain, to));
        }

        public Builder edge(Edge edge) {
            nodes.add(edge.from());
            nodes.add(edge.to());
            edges.add(edge);
            return this;
        }

        public Builder edges(Collection<Edge> more) {
            more.forEach(this::edge);
            return this;
        }

        public DependencyGraph build() {
            return new DependencyGraph(nodes, edges);
        }
    }
}
