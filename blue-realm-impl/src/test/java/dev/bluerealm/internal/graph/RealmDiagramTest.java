package dev.bluerealm.internal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.graph.GraphFormat;
import dev.bluerealm.internal.realm.DirectorySource;
import dev.bluerealm.internal.realm.RealmLoader;
import dev.bluerealm.model.RealmModel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The RFC's realm picture: letemcook with s3-access (aperture → fungal) and training-pipeline (fungal → ml-infra). */
class RealmDiagramTest {
    @TempDir Path tmp;

    private RealmModel rfcPicture() throws Exception {
        Map<String, String> files = Map.of(
                "realm.yaml", "name: letemcook\nversion: \"1.0.0\"\ncreated_at: 2026-01-24T10:00:00Z\n"
                        + "governance: {admission: open, approvers: [eric@example.com]}\n",
                "domains/s3-access/domain.yaml", "name: s3-access\ncreated_at: 2026-01-24T10:00:00Z\n"
                        + "members: [aperture, fungal-image-analysis]\n",
                "domains/s3-access/contracts/s3-permissions.yaml", "name: s3-permissions\nversion: \"1.4.0\"\n"
                        + "owner: aperture\nschema: {type: object}\nvalue: {}\n",
                "domains/s3-access/bindings/aperture.yaml", "repo: aperture\nrole: provider\n"
                        + "exports: [{contract: s3-permissions, source_files: [a.py]}]\n",
                "domains/s3-access/bindings/fungal-image-analysis.yaml", "repo: fungal-image-analysis\nrole: consumer\n"
                        + "imports: [{contract: s3-permissions, version: \">=1.0.0, <2.0.0\"}]\n",
                "domains/training-pipeline/domain.yaml", "name: training-pipeline\ncreated_at: 2026-01-24T10:00:00Z\n"
                        + "members: [fungal-image-analysis, ml-infra]\n",
                "domains/training-pipeline/contracts/training-metrics.yaml", "name: training-metrics\n"
                        + "version: \"2.1.0\"\nowner: fungal-image-analysis\nschema: {type: object}\nvalue: {}\n",
                "domains/training-pipeline/bindings/fungal-image-analysis.yaml", "repo: fungal-image-analysis\n"
                        + "role: provider\nexports: [{contract: training-metrics, source_files: [m.py]}]\n",
                "domains/training-pipeline/bindings/ml-infra.yaml", "repo: ml-infra\nrole: consumer\n"
                        + "imports: [{contract: training-metrics, version: \"^2\"}]\n");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = tmp.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return new RealmLoader().load(new DirectorySource(tmp));
    }

    @Test
    void mermaid_rfcPicture_isTheExpectedFlowchart() throws Exception {
        assertEquals("""
                flowchart TB
                  subgraph realm___letemcook["Realm: letemcook"]
                    subgraph domain_s3_access__["Domain: s3-access"]
                      s3_access__aperture["aperture<br/>(export)"]
                      s3_access__fungal_image_analysis["fungal-image-analysis<br/>(import)"]
                      s3_access__aperture -- "s3-permissions v1.4.0" --> s3_access__fungal_image_analysis
                    end
                    subgraph domain_training_pipeline__["Domain: training-pipeline"]
                      training_pipeline__fungal_image_analysis["fungal-image-analysis<br/>(export)"]
                      training_pipeline__ml_infra["ml-infra<br/>(import)"]
                      training_pipeline__fungal_image_analysis -- "training-metrics v2.1.0" --> training_pipeline__ml_infra
                    end
                  end
                """, DiagramWriters.write(RealmDiagram.of(rfcPicture()), GraphFormat.MERMAID));
    }

    @Test
    void dot_rfcPicture_isOneClusterPerDomain() throws Exception {
        String dot = DiagramWriters.write(RealmDiagram.of(rfcPicture()), GraphFormat.DOT);
        assertTrue(dot.startsWith("digraph realm {\n  label=\"Realm: letemcook\";\n"), dot);
        assertTrue(dot.contains("  subgraph cluster_0 {\n    label=\"Domain: s3-access\";\n"
                + "    s3_access__aperture [label=\"aperture\\n(export)\"];\n"), dot);
        assertTrue(dot.contains("    s3_access__aperture -> s3_access__fungal_image_analysis"
                + " [label=\"s3-permissions v1.4.0\"];\n"), dot);
        assertTrue(dot.contains("  subgraph cluster_1 {\n    label=\"Domain: training-pipeline\";\n"), dot);
        assertTrue(dot.endsWith("  }\n}\n"), dot);
    }

    @Test
    void svg_rfcPicture_isWellFormedWithEveryBoxInsideItsDomain() throws Exception {
        String svg = DiagramWriters.write(RealmDiagram.of(rfcPicture()), GraphFormat.SVG);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        List<String> texts = new ArrayList<>();
        NodeList t = doc.getElementsByTagName("text");
        for (int i = 0; i < t.getLength(); i++) {
            texts.add(t.item(i).getTextContent());
        }
        assertTrue(texts.containsAll(List.of("Realm: letemcook", "Domain: s3-access", "Domain: training-pipeline",
                "aperture", "(export)", "fungal-image-analysis", "(import)", "ml-infra", "s3-permissions v1.4.0",
                "training-metrics v2.1.0")), texts.toString());
        NodeList rects = doc.getElementsByTagName("rect");
        assertEquals(1 + 2 + 4, rects.getLength(), "realm, two domains, four member boxes");
        int[] realm = box((Element) rects.item(0));
        int[][] domains = {box((Element) rects.item(1)), box((Element) rects.item(4))};
        for (int[] domain : domains) {
            assertTrue(inside(domain, realm), "a domain outside the realm");
        }
        assertTrue(inside(box((Element) rects.item(2)), domains[0]) && inside(box((Element) rects.item(3)), domains[0]));
        assertTrue(inside(box((Element) rects.item(5)), domains[1]) && inside(box((Element) rects.item(6)), domains[1]));
        assertTrue(domains[0][1] + domains[0][3] <= domains[1][1], "the domains overlap");
        assertEquals(2, doc.getElementsByTagName("line").getLength(), "one arrow per contract edge");
    }

    @Test
    void svg_hostileNames_areEscaped() throws Exception {
        RealmModel m = rfcPicture();
        RealmDiagram d = new RealmDiagram("a<b>&\"c", RealmDiagram.of(m).domains());
        String svg = DiagramWriters.write(d, GraphFormat.SVG);
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertTrue(svg.contains("Realm: a&lt;b&gt;&amp;&quot;c"), svg);
        assertTrue(DiagramWriters.write(d, GraphFormat.MERMAID).contains("Realm: a&lt;b&gt;&amp;&quot;c"));
        assertTrue(DiagramWriters.write(d, GraphFormat.DOT).contains("label=\"Realm: a<b>&\\\"c\""));
    }

    private static int[] box(Element e) {
        return new int[] {Integer.parseInt(e.getAttribute("x")), Integer.parseInt(e.getAttribute("y")),
                Integer.parseInt(e.getAttribute("width")), Integer.parseInt(e.getAttribute("height"))};
    }

    private static boolean inside(int[] in, int[] out) {
        return in[0] >= out[0] && in[1] >= out[1] && in[0] + in[2] <= out[0] + out[2] && in[1] + in[3] <= out[1] + out[3];
    }
}
