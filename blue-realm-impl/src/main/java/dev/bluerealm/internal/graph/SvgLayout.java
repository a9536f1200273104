package dev.bluerealm.internal.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays a {@link RealmDiagram} out as an SVG, the RFC's picture: the realm as the outer box, each
 * domain a box stacked below the previous one, its members in a row (exporters first), and an arrow
 * per contract from exporter to importer, labelled, routed above the row when they are not
 * neighbours. Text sizes are estimated from a monospace font, so the result needs no font metrics.
 */
final class SvgLayout {
    private static final int CHAR = 8;           // width of a 13px monospace character, rounded up
    private static final int LINE = 17;
    private static final int PAD = 16;
    private static final int GAP = 70;           // between member boxes: room for a label
    private static final int ARC = 22;           // height of one level of arrows routed above the row

    private final RealmDiagram d;
    private final StringBuilder body = new StringBuilder();

    SvgLayout(RealmDiagram d) {
        this.d = d;
    }

    String svg() {
        int y = PAD + LINE + PAD;                // under the realm's title
        int width = PAD * 2 + CHAR * ("Realm: " + d.realm()).length();
        List<int[]> domainBoxes = new ArrayList<>();
        for (RealmDiagram.DomainBox box : d.domains()) {
            int[] size = domain(box, PAD * 2, y);
            domainBoxes.add(new int[] {PAD * 2, y, size[0], size[1]});
            width = Math.max(width, size[0] + PAD * 4);
            y += size[1] + PAD;
        }
        int height = y + PAD;
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"monospace\" font-size=\"13\">\n");
        out.append("  <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\""
                + " markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\"/></marker></defs>\n");
        out.append("  <rect x=\"").append(PAD / 2).append("\" y=\"").append(PAD / 2).append("\" width=\"")
                .append(width - PAD).append("\" height=\"").append(height - PAD)
                .append("\" rx=\"8\" fill=\"#f7f9fc\" stroke=\"#334\"/>\n");
        text(out, PAD, PAD + LINE, "Realm: " + d.realm(), "bold");
        out.append(body);
        return out.append("</svg>\n").toString();
    }

    /** Draws one domain at (x, y); returns its width and height. */
    private int[] domain(RealmDiagram.DomainBox box, int x, int y) {
        List<RealmDiagram.Member> members = box.members();
        Map<String, Integer> index = new HashMap<>();
        int[] widths = new int[members.size()];
        int nodeHeight = 0;
        for (int i = 0; i < members.size(); i++) {
            RealmDiagram.Member m = members.get(i);
            index.put(m.repo(), i);
            List<String> lines = lines(m);
            widths[i] = PAD + CHAR * DiagramWriters.longest(lines);
            nodeHeight = Math.max(nodeHeight, PAD + LINE * lines.size());
        }
        // arrows between non-neighbours go over the row, one level each
        List<RealmDiagram.Link> over = new ArrayList<>();
        for (RealmDiagram.Link l : box.links()) {
            if (Math.abs(index.get(l.from()) - index.get(l.to())) != 1) {
                over.add(l);
            }
        }
        int gap = GAP;
        for (RealmDiagram.Link l : box.links()) {
            gap = Math.max(gap, CHAR * l.label().length() + PAD);
        }
        int titleHeight = LINE + PAD;
        int rowY = y + titleHeight + ARC * over.size() + (over.isEmpty() ? 0 : PAD);
        int[] xs = new int[members.size()];
        int cursor = x + PAD;
        for (int i = 0; i < members.size(); i++) {
            xs[i] = cursor;
            cursor += widths[i] + gap;
        }
        int width = Math.max(cursor - gap + PAD - x, PAD * 2 + CHAR * ("Domain: " + box.name()).length());
        int height = rowY - y + nodeHeight + PAD + LINE;
        body.append("  <rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" rx=\"6\" fill=\"#ffffff\" stroke=\"#557\"/>\n");
        text(body, x + PAD, y + LINE + 2, "Domain: " + box.name(), "bold");
        for (int i = 0; i < members.size(); i++) {
            body.append("  <rect x=\"").append(xs[i]).append("\" y=\"").append(rowY).append("\" width=\"")
                    .append(widths[i]).append("\" height=\"").append(nodeHeight)
                    .append("\" rx=\"4\" fill=\"#e8f0fe\" stroke=\"#224\"/>\n");
            List<String> lines = lines(members.get(i));
            for (int k = 0; k < lines.size(); k++) {
                text(body, xs[i] + PAD / 2, rowY + PAD / 2 + LINE * (k + 1) - 4, lines.get(k), k == 0 ? "bold" : null);
            }
        }
        int level = 0;
        for (RealmDiagram.Link l : box.links()) {
            int a = index.get(l.from());
            int b = index.get(l.to());
            int midY = rowY + nodeHeight / 2;
            if (Math.abs(a - b) == 1) {
                int x1 = a < b ? xs[a] + widths[a] : xs[a];
                int x2 = a < b ? xs[b] : xs[b] + widths[b];
                body.append("  <line x1=\"").append(x1).append("\" y1=\"").append(midY).append("\" x2=\"").append(x2)
                        .append("\" y2=\"").append(midY).append("\" stroke=\"#224\" marker-end=\"url(#arrow)\"/>\n");
                text(body, Math.min(x1, x2) + PAD / 2, midY - 6, l.label(), null);
            } else {
                int top = y + titleHeight + ARC * level + PAD;
                int x1 = xs[a] + widths[a] / 2;
                int x2 = xs[b] + widths[b] / 2;
                body.append("  <polyline points=\"").append(x1).append(',').append(rowY).append(' ').append(x1)
                        .append(',').append(top).append(' ').append(x2).append(',').append(top).append(' ').append(x2)
                        .append(',').append(rowY).append("\" fill=\"none\" stroke=\"#224\" marker-end=\"url(#arrow)\"/>\n");
                text(body, Math.min(x1, x2) + PAD / 2, top - 4, l.label(), null);
                level++;
            }
        }
        return new int[] {width, height};
    }

    private static List<String> lines(RealmDiagram.Member m) {
        List<String> lines = new ArrayList<>();
        lines.add(m.repo());
        lines.add("(" + m.role() + ")");
        m.unimported().forEach(u -> lines.add("exports " + u));
        return lines;
    }

    private static void text(StringBuilder out, int x, int y, String s, String weight) {
        out.append("  <text x=\"").append(x).append("\" y=\"").append(y).append('"');
        if (weight != null) {
            out.append(" font-weight=\"").append(weight).append('"');
        }
        out.append('>').append(DiagramWriters.xml(s)).append("</text>\n");
    }
}
