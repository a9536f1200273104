package dev.bluerealm.internal.graph;

import dev.bluerealm.graph.GraphFormat;
import java.util.List;

/** Writes a {@link RealmDiagram} as Mermaid, DOT or SVG; every writer is deterministic. */
public final class DiagramWriters {
    private DiagramWriters() {}

    public static String write(RealmDiagram d, GraphFormat format) {
        switch (format) {
            case MERMAID:
                return mermaid(d);
            case DOT:
                return dot(d);
            default:
                return new SvgLayout(d).svg();
        }
    }

    /** A node's id: domain and repo, reduced to what every format accepts unquoted. */
    static String id(String domain, String repo) {
        return (domain + "__" + repo).replaceAll("[^A-Za-z0-9_]", "_");
    }

    static String mermaid(RealmDiagram d) {
        StringBuilder b = new StringBuilder("flowchart TB\n");
        b.append("  subgraph realm_").append(id("", d.realm())).append("[\"Realm: ").append(mermaidText(d.realm()))
                .append("\"]\n");
        for (RealmDiagram.DomainBox box : d.domains()) {
            b.append("    subgraph domain_").append(id(box.name(), "")).append("[\"Domain: ")
                    .append(mermaidText(box.name())).append("\"]\n");
            for (RealmDiagram.Member m : box.members()) {
                b.append("      ").append(id(box.name(), m.repo())).append("[\"").append(mermaidText(m.repo()))
                        .append("<br/>(").append(m.role()).append(")");
                for (String u : m.unimported()) {
                    b.append("<br/>exports ").append(mermaidText(u));
                }
                b.append("\"]\n");
            }
            for (RealmDiagram.Link l : box.links()) {
                b.append("      ").append(id(box.name(), l.from())).append(" -- \"").append(mermaidText(l.label()))
                        .append("\" --> ").append(id(box.name(), l.to())).append('\n');
            }
            b.append("    end\n");
        }
        return b.append("  end\n").toString();
    }

    /** Mermaid labels are double-quoted: quotes and angle brackets become entities. */
    private static String mermaidText(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String dot(RealmDiagram d) {
        StringBuilder b = new StringBuilder("digraph realm {\n");
        b.append("  label=").append(dotString("Realm: " + d.realm())).append(";\n");
        b.append("  labelloc=t;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
        b.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        int n = 0;
        for (RealmDiagram.DomainBox box : d.domains()) {
            b.append("  subgraph cluster_").append(n++).append(" {\n");
            b.append("    label=").append(dotString("Domain: " + box.name())).append(";\n");
            for (RealmDiagram.Member m : box.members()) {
                StringBuilder label = new StringBuilder(m.repo()).append("\n(").append(m.role()).append(")");
                m.unimported().forEach(u -> label.append("\nexports ").append(u));
                b.append("    ").append(id(box.name(), m.repo())).append(" [label=").append(dotString(label.toString()))
                        .append("];\n");
            }
            for (RealmDiagram.Link l : box.links()) {
                b.append("    ").append(id(box.name(), l.from())).append(" -> ").append(id(box.name(), l.to()))
                        .append(" [label=").append(dotString(l.label())).append("];\n");
            }
            b.append("  }\n");
        }
        return b.append("}\n").toString();
    }

    private static String dotString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static int longest(List<String> lines) {
        return lines.stream().mapToInt(String::length).max().orElse(0);
    }
}
