package dev.bluerealm.version;

import static org.quicktheories.QuickTheory.qt;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DumpTest {
    static String esc(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    @Test
    void dump() throws Exception {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of("/tmp/npm-cases.jsonl")))) {
            qt().withFixedSeed(7L).withExamples(20000)
                    .forAll(RangeGenerators.npmRange(), RangeGenerators.probes(RangeGenerators.npmProbe(), 12))
                    .checkAssert((text, probes) -> write(out, text, probes));
            for (String extra : Files.readAllLines(Path.of("/tmp/npm-extra.txt"))) {
                write(out, extra, List.of(Version.parse("1.2.3"), Version.parse("1.2.3-beta"), Version.parse("0.0.0-alpha"), Version.parse("2.0.0-0"), Version.parse("0.0.0")));
            }
        }
    }

    static void write(PrintWriter out, String text, List<Version> probes) {
        StringBuilder b = new StringBuilder("{\"range\":").append(esc(text));
        String norm = null;
        try {
            norm = VersionRange.parse("npm:" + text).normalized();
        } catch (IllegalArgumentException e) {
        }
        b.append(",\"norm\":").append(norm == null ? "null" : esc(norm)).append(",\"probes\":[");
        for (int i = 0; i < probes.size(); i++) {
            Version v = probes.get(i);
            boolean m = norm != null && VersionRange.parse("npm:" + text).matches(v);
            b.append(i == 0 ? "" : ",").append("[").append(esc(v.toString())).append(",").append(m).append("]");
        }
        out.println(b.append("]}"));
    }
}
