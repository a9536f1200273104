package dev.bluerealm.internal.graph;

import dev.bluerealm.model.Binding;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.model.RealmModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code realm graph} draws, independent of the format: the realm, its domains in name order,
 * each with its members (exporters first) and their roles, and an edge per contract from its
 * exporter to each importer. A repo appears once per domain it takes part in, as the RFC's picture
 * shows fungal in two domains with two roles.
 */
public record RealmDiagram(String realm, List<DomainBox> domains) {

    /** A domain and what is drawn inside it. */
    public record DomainBox(String name, List<Member> members, List<Link> links) {}

    /**
     * A repo inside a domain.
     *
     * @param role {@code export}, {@code import}, {@code export/import}, or {@code member} without a binding
     * @param unimported contracts it exports that nobody imports (shown on the node, having no edge)
     */
    public record Member(String repo, String role, List<String> unimported) {}

    /** A contract going from its exporter to one importer. */
    public record Link(String from, String to, String label) {}

    public static RealmDiagram of(RealmModel model) {
        List<DomainBox> boxes = new ArrayList<>();
        for (DomainModel d : model.domains().values()) {
            Set<String> order = new LinkedHashSet<>();
            d.bindings().values().stream().filter(b -> !b.exports().isEmpty()).forEach(b -> order.add(b.repo()));
            order.addAll(d.domain().members());
            d.bindings().keySet().forEach(order::add);
            List<Link> links = new ArrayList<>();
            List<Member> members = new ArrayList<>();
            for (String repo : order) {
                Optional<Binding> b = d.binding(repo);
                List<String> unimported = new ArrayList<>();
                for (ExportBinding e : b.map(Binding::exports).orElse(List.of())) {
                    Contract c = d.contracts().get(e.contract());
                    String label = e.contract() + (c == null ? "" : " v" + c.version());
                    List<String> importers = importers(d, e.contract());
                    if (importers.isEmpty()) {
                        unimported.add(label);
                    }
                    importers.forEach(i -> links.add(new Link(repo, i, label)));
                }
                members.add(new Member(repo, role(b), unimported));
            }
            boxes.add(new DomainBox(d.name(), members, links));
        }
        return new RealmDiagram(model.name(), boxes);
    }

    private static List<String> importers(DomainModel d, String contract) {
        List<String> out = new ArrayList<>();
        for (Binding b : d.bindings().values()) {
            for (ImportBinding i : b.imports()) {
                if (i.contract().equals(contract)) {
                    out.add(b.repo());
                }
            }
        }
        return out;
    }

    private static String role(Optional<Binding> b) {
        if (b.isEmpty()) {
            return "member";
        }
        boolean exports = !b.get().exports().isEmpty();
        boolean imports = !b.get().imports().isEmpty();
        return exports && imports ? "export/import" : exports ? "export" : imports ? "import" : "member";
    }
}
