package dev.bluerealm.version;

import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.semver4j.Semver;
import org.semver4j.range.RangeList;
import org.semver4j.range.RangeListFactory;

class ProbeTest {
    static final java.util.regex.Pattern ZERO_CARET = java.util.regex.Pattern.compile("\\^0(\\.0)?(\\.[xX*])?(?=\\s|$)|\\^0\\.[xX*]");
    @Test
    void cargo_normalizedRoundTrip() {
        Map<String, String> bad = new LinkedHashMap<>();
        int[] valid = {0, 0};
        qt().withFixedSeed(1L).withExamples(20000)
                .forAll(RangeGenerators.cargoRange(), RangeGenerators.probes(RangeGenerators.cargoProbe(), 30))
                .checkAssert((text, probes) -> {
                    valid[1]++;
                    if (!VersionRange.isValid(text)) {
                        return;
                    }
                    valid[0]++;
                    VersionRange r = VersionRange.parse(text);
                    VersionRange n = VersionRange.parse(r.normalized());
                    if (!n.normalized().equals(r.normalized())) {
                        bad.put(text, "not a fixed point: " + r.normalized() + " -> " + n.normalized());
                    }
                    for (Version v : probes) {
                        if (r.matches(v) != n.matches(v)) {
                            bad.put(text, r.normalized() + " differs on " + v + " (range says " + r.matches(v) + ")");
                        }
                    }
                });
        System.out.println("cargo valid " + valid[0] + "/" + valid[1]);
        bad.entrySet().stream().limit(40).forEach(e -> System.out.println("CARGO " + e.getKey() + " :: " + e.getValue()));
    }

    @Test
    void npm_normalizedRoundTrip() {
        Map<String, String> bad = new LinkedHashMap<>();
        int[] valid = {0, 0};
        qt().withFixedSeed(2L).withExamples(20000)
                .forAll(RangeGenerators.npmRange(), RangeGenerators.probes(RangeGenerators.npmProbe(), 30))
                .checkAssert((text, probes) -> {
                    valid[1]++;
                    if (!VersionRange.isValid("npm:" + text)) {
                        return;
                    }
                    valid[0]++;
                    VersionRange r = VersionRange.parse("npm:" + text);
                    VersionRange n = VersionRange.parse("npm:" + r.normalized());
                    if (!n.normalized().equals(r.normalized())) {
                        bad.put(text, "not a fixed point: " + r.normalized() + " -> " + n.normalized());
                    }
                    for (Version v : probes) {
                        if (r.matches(v) != n.matches(v)) {
                            bad.put(text, r.normalized() + " differs on " + v);
                        }
                    }
                });
        System.out.println("npm valid " + valid[0] + "/" + valid[1]);
        bad.entrySet().stream().limit(40).forEach(e -> System.out.println("NPM " + e.getKey() + " :: " + e.getValue()));
    }

    @Test
    void npm_semver4j() {
        Map<String, String> bad = new LinkedHashMap<>();
        int[] n = {0, 0, 0};
        qt().withFixedSeed(3L).withExamples(20000)
                .forAll(RangeGenerators.semver4jRange(), RangeGenerators.probes(RangeGenerators.smallProbe(), 20))
                .checkAssert((text, probes) -> {
                    n[0]++;
                    if (!VersionRange.isValid("npm:" + text)) {
                        bad.put(text, "we reject: " + msg(text));
                        return;
                    }
                    RangeList rl;
                    try {
                        rl = RangeListFactory.create(text);
                    } catch (RuntimeException e) {
                        return;
                    }
                    if (!fullyParsed(text, rl)) {
                        return;
                    }
                    n[1]++;
                    VersionRange r = VersionRange.parse("npm:" + text);
                    if (ZERO_CARET.matcher(text).find()) return;
                    if (r.normalized().equals("*") && text.contains("||")) return;
                    for (Version v : probes) {
                        if (v.isPreRelease() && r.normalized().contains("<" + v.release() + "-0")) continue;
                        boolean ours = r.matches(v);
                        boolean theirs = rl.isSatisfiedBy(new Semver(v.toString()));
                        if (ours != theirs) {
                            n[2]++;
                            bad.put(text, r.normalized() + " vs semver4j " + rl + " on " + v + " ours=" + ours);
                        }
                    }
                });
        System.out.println("semver4j compared " + n[1] + "/" + n[0] + " disagreements " + n[2]);
        bad.entrySet().stream().limit(80).forEach(e -> System.out.println("S4J " + e.getKey() + " :: " + e.getValue()));
    }

    static String msg(String text) {
        try {
            VersionRange.parse("npm:" + text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    static boolean fullyParsed(String text, RangeList rl) {
        String[] alternatives = text.split("\\|\\|");
        if (rl.get().size() != alternatives.length) {
            return false;
        }
        for (int k = 0; k < alternatives.length; k++) {
            String alt = alternatives[k];
            int count = 0;
            List<String> atoms = new ArrayList<>();
            String a = alt.trim();
            if (a.contains(" - ")) {
                atoms.add(a);
            } else {
                atoms.addAll(List.of(a.split("\\s+")));
            }
            for (String atom : atoms) {
                RangeList one = RangeListFactory.create(atom);
                if (one.get().size() != 1 || one.get().get(0).isEmpty()) {
                    return false;
                }
                count += one.get().get(0).size();
            }
            if (rl.get().get(k).size() != count) {
                return false;
            }
        }
        return true;
    }
}
