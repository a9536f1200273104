package dev.bluerealm.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.semver4j.Semver;
import org.semver4j.range.RangeList;
import org.semver4j.range.RangeListFactory;

/**
 * Properties of both dialects over generated ranges and versions (generators in
 * {@link RangeGenerators}): the canonical form means what the range means, {@code ^} and {@code ~}
 * expand to the pairs their documentation gives, and, for npm, semver4j agrees where it reads the
 * whole range and is not known to be wrong.
 */
class VersionRangePropertyTest {
    private static final long SEED = 0x2A_4E_6E_C0L;

    @Test
    void normalized_anyCargoRange_matchesWhatTheRangeMatches() {
        qt().withFixedSeed(SEED).withExamples(4000)
                .forAll(RangeGenerators.cargoRange(), RangeGenerators.probes(RangeGenerators.cargoProbe(), 25))
                .checkAssert((text, probes) -> {
                    VersionRange r = VersionRange.parse(text);
                    VersionRange n = VersionRange.parse(r.normalized());
                    assertEquals(r.normalized(), n.normalized(), "not a fixed point: " + text);
                    assertEquals(r, n);
                    for (Version v : probes) {
                        assertEquals(r.matches(v), n.matches(v), text + " = " + r.normalized() + " on " + v);
                    }
                });
    }

    @Test
    void normalized_anyNpmRange_matchesWhatTheRangeMatches() {
        qt().withFixedSeed(SEED + 1).withExamples(2500)
                .forAll(RangeGenerators.npmRange(), RangeGenerators.probes(RangeGenerators.npmProbe(), 25))
                .checkAssert((text, probes) -> {
                    if (!VersionRange.isValid("npm:" + text)) {
                        return; // e.g. a bound computed past 2^53 - 1
                    }
                    VersionRange r = VersionRange.parse("npm:" + text);
                    VersionRange n = VersionRange.parse("npm:" + r.normalized());
                    assertEquals(r.normalized(), n.normalized(), "not a fixed point: " + text);
                    for (Version v : probes) {
                        assertEquals(r.matches(v), n.matches(v), text + " = " + r.normalized() + " on " + v);
                    }
                });
    }

    @Test
    void parse_generatedNpmRanges_areMostlyValid() {
        int[] valid = {0, 0};
        qt().withFixedSeed(SEED + 2).withExamples(2000).forAll(RangeGenerators.npmRange()).checkAssert(text -> {
            valid[1]++;
            valid[0] += VersionRange.isValid("npm:" + text) ? 1 : 0;
        });
        assertTrue(valid[0] > valid[1] * 9 / 10, valid[0] + " of " + valid[1]);
    }

    /**
     * semver::Op: {@code ^I.J.K} (I>0) is {@code >=I.J.K, <(I+1).0.0}, {@code ^0.J.K} (J>0) is
     * {@code >=0.J.K, <0.(J+1).0}, {@code ^0.0.K} is {@code =0.0.K} (written {@code >=0.0.K, <0.0.(K+1)}),
     * {@code ^I.J} is {@code ^I.J.0} (but {@code ^0.0} is {@code =0.0}), {@code ^I} is {@code =I};
     * {@code ~I.J.K} is {@code >=I.J.K, <I.(J+1).0}, {@code ~I.J} is {@code =I.J}, {@code ~I} is {@code =I};
     * a bare version is a caret.
     */
    @Test
    void normalized_cargoCaretAndTilde_areTheDocumentedPairs() {
        qt().withFixedSeed(SEED + 3).withExamples(1500)
                .forAll(RangeGenerators.shorthand(), RangeGenerators.probes(RangeGenerators.cargoProbe(), 20))
                .checkAssert((s, probes) -> {
                    String pair = cargoPair(s);
                    VersionRange r = VersionRange.parse(s.text("^", "~", ""));
                    assertEquals(pair, r.normalized(), s.text("^", "~", ""));
                    VersionRange explicit = VersionRange.parse(pair);
                    for (Version v : probes) {
                        assertEquals(explicit.matches(v), r.matches(v), r.text() + " vs " + pair + " on " + v);
                    }
                });
    }

    /**
     * node-semver's README: {@code ^1.2.3} is {@code >=1.2.3 <2.0.0-0}, {@code ^0.2.3} is
     * {@code >=0.2.3 <0.3.0-0}, {@code ^0.0.3} is {@code >=0.0.3 <0.0.4-0}, {@code ^1.2} is
     * {@code >=1.2.0 <2.0.0-0}, {@code ^0.0} is {@code >=0.0.0 <0.1.0-0}, {@code ^1} is
     * {@code >=1.0.0 <2.0.0-0}; {@code ~1.2.3} is {@code >=1.2.3 <1.3.0-0}, {@code ~1.2} is
     * {@code >=1.2.0 <1.3.0-0}, {@code ~1} is {@code >=1.0.0 <2.0.0-0}. node-semver drops a lower
     * bound of exactly {@code >=0.0.0} (range-parse.js: {@code ^0} is {@code <1.0.0-0}).
     */
    @Test
    void normalized_npmCaretAndTilde_areTheReadmePairs() {
        qt().withFixedSeed(SEED + 4).withExamples(3000)
                .forAll(RangeGenerators.shorthand(), RangeGenerators.probes(RangeGenerators.npmProbe(), 20))
                .checkAssert((s, probes) -> {
                    if (s.op() == 2) {
                        return; // a bare version is =, not a caret, in npm
                    }
                    String pair = npmPair(s);
                    VersionRange r = VersionRange.parse("npm:" + s.text("^", "~", ""));
                    assertEquals(pair, r.normalized(), r.text());
                    VersionRange explicit = VersionRange.parse("npm:" + pair);
                    for (Version v : probes) {
                        assertEquals(explicit.matches(v), r.matches(v), r.text() + " vs " + pair + " on " + v);
                    }
                });
    }

    /**
     * semver4j as an oracle for npm matching, only where it reads the whole range: every token must
     * parse on its own, and the whole range must keep every token's comparators (semver4j silently
     * drops what it cannot read, and drops comparators when several carets, tildes or x-ranges share
     * an alternative: {@code >=3.x ^2} comes out as {@code >=3.0.0}). Skipped, because semver4j 6.0.0
     * is known to get them wrong against node-semver:
     * <ul>
     *   <li>{@code ^0}, {@code ^0.x}, {@code ^0.0}, {@code ^0.0.x}: semver4j reads {@code >=0.0.0} and
     *       {@code >=0.0.0 <0.0.0}; node-semver {@code <1.0.0-0} and {@code <0.1.0-0};</li>
     *   <li>upper bounds: semver4j writes {@code <X.Y.Z} where node-semver writes {@code <X.Y.Z-0}
     *       (carets, tildes, x-ranges, partial hyphen ends), so a pre-release of X.Y.Z differs when
     *       the alternative also names a pre-release of X.Y.Z (e.g. {@code 0.x <=1.0.0-rc.0} and
     *       {@code 1.0.0-1});</li>
     *   <li>an alternative that means "any" ({@code *}, {@code >=0.x}): node-semver (7.5 and later)
     *       then reduces the whole range to {@code *}, so pre-releases named in other alternatives
     *       no longer match; semver4j keeps the alternatives;</li>
     *   <li>numbers past 2^31 - 1 (semver4j holds ints): the generator keeps numbers small.</li>
     * </ul>
     */
    @Test
    void matches_npmRangesSemver4jReadsWhole_agreeWithSemver4j() {
        int[] compared = {0};
        qt().withFixedSeed(SEED + 5).withExamples(2000)
                .forAll(RangeGenerators.semver4jRange(), RangeGenerators.probes(RangeGenerators.smallProbe(), 20))
                .checkAssert((text, probes) -> {
                    VersionRange r = VersionRange.parse("npm:" + text); // ours must accept all of these
                    RangeList theirs;
                    try {
                        theirs = RangeListFactory.create(text);
                    } catch (RuntimeException e) {
                        return; // semver4j cannot read it at all
                    }
                    if (!semver4jReadsWhole(text, theirs) || ZERO_CARET.matcher(text).find()
                            || r.normalized().equals("*") && text.contains("||")) {
                        return;
                    }
                    compared[0]++;
                    for (Version v : probes) {
                        if (v.isPreRelease() && r.normalized().contains("<" + v.release() + "-0")) {
                            continue;
                        }
                        assertEquals(theirs.isSatisfiedBy(new Semver(v.toString())), r.matches(v),
                                text + " = " + r.normalized() + " (semver4j: " + theirs + ") on " + v);
                    }
                });
        assertTrue(compared[0] > 1200, "compared only " + compared[0]);
    }

    @Test
    void newest_anyRange_isTheGreatestMatchingVersion() {
        qt().withFixedSeed(SEED + 6).withExamples(1000)
                .forAll(RangeGenerators.cargoRange(), RangeGenerators.probes(RangeGenerators.cargoProbe(), 12))
                .checkAssert((text, versions) -> {
                    VersionRange r = VersionRange.parse(text);
                    Optional<Version> newest = r.newest(versions);
                    List<Version> matching = new ArrayList<>();
                    for (Version v : versions) {
                        if (r.matches(v)) {
                            matching.add(v);
                        }
                    }
                    assertEquals(matching.isEmpty(), newest.isEmpty());
                    newest.ifPresent(n -> {
                        assertTrue(r.matches(n));
                        for (Version v : matching) {
                            assertTrue(v.compareTo(n) <= 0, v + " > " + n);
                        }
                    });
                });
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private static final Pattern ZERO_CARET = Pattern.compile("\\^0(\\.0)?(\\.[xX*])?(?=\\s|$)|\\^0\\.[xX*]");

    /** True when semver4j kept every comparator of every token and every alternative. */
    private static boolean semver4jReadsWhole(String text, RangeList whole) {
        String[] alternatives = text.split("\\|\\|");
        if (whole.get().size() != alternatives.length) {
            return false;
        }
        for (int k = 0; k < alternatives.length; k++) {
            String alternative = alternatives[k].strip();
            List<String> tokens = alternative.contains(" - ") ? List.of(alternative) : List.of(alternative.split("\\s+"));
            int comparators = 0;
            for (String token : tokens) {
                RangeList one = RangeListFactory.create(token);
                if (one.get().size() != 1 || one.get().get(0).isEmpty()) {
                    return false;
                }
                comparators += one.get().get(0).size();
            }
            if (whole.get().get(k).size() != comparators) {
                return false;
            }
        }
        return true;
    }

    private static String cargoPair(RangeGenerators.Shorthand s) {
        String upper;
        boolean caret = s.op() != 1;
        if (caret) {
            if (s.parts() == 1 || s.major() > 0) {
                upper = (s.major() + 1) + ".0.0";
            } else if (s.parts() == 2 || s.minor() > 0) {
                upper = "0." + (s.minor() + 1) + ".0";
            } else {
                upper = "0.0." + (s.patch() + 1);
            }
        } else {
            upper = s.parts() == 1 ? (s.major() + 1) + ".0.0" : s.major() + "." + (s.minor() + 1) + ".0";
        }
        return ">=" + s.lower() + ", <" + upper;
    }

    private static String npmPair(RangeGenerators.Shorthand s) {
        String upper;
        if (s.op() == 0) {
            if (s.parts() == 1 || s.major() > 0) {
                upper = (s.major() + 1) + ".0.0-0";
            } else if (s.parts() == 2 || s.minor() > 0) {
                upper = "0." + (s.minor() + 1) + ".0-0";
            } else {
                upper = "0.0." + (s.patch() + 1) + "-0";
            }
        } else {
            upper = s.parts() == 1 ? (s.major() + 1) + ".0.0-0" : s.major() + "." + (s.minor() + 1) + ".0-0";
        }
        String lower = s.lower();
        return lower.equals("0.0.0") ? "<" + upper : ">=" + lower + " <" + upper;
    }
}
