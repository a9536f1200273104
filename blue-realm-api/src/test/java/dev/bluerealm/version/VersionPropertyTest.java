package dev.bluerealm.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Version ordering and parsing against an independent oracle: the regular expression semver.org
 * publishes for validity, and precedence computed from the text with BigInteger and the spec's
 * identifier rules (§11).
 */
class VersionPropertyTest {
    private static final long SEED = 0x5E4_7E25L;
    private static final int EXAMPLES = 1000;

    /** The regular expression published on semver.org (numbered capture groups). */
    private static final Pattern SPEC = Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

    @Test
    void compareTo_sameVersion_isZero() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(Generators.versions())
                .checkAssert(v -> {
                    assertEquals(0, v.compareTo(v));
                    assertEquals(0, v.compareTo(Version.parse(v.toString())));
                });
    }

    @Test
    void compareTo_swappedArguments_negatesSign() {
        qt().withFixedSeed(SEED + 1).withExamples(EXAMPLES)
                .forAll(Generators.versions(), Generators.versions())
                .checkAssert((a, b) -> assertEquals(Integer.signum(a.compareTo(b)), -Integer.signum(b.compareTo(a)),
                        a + " vs " + b));
        qt().withFixedSeed(SEED + 2).withExamples(EXAMPLES)
                .forAll(Generators.smallVersions(), Generators.smallVersions())
                .checkAssert((a, b) -> assertEquals(Integer.signum(a.compareTo(b)), -Integer.signum(b.compareTo(a)),
                        a + " vs " + b));
    }

    @Test
    void compareTo_chainOfTwo_isTransitive() {
        qt().withFixedSeed(SEED + 3).withExamples(5000)
                .forAll(Generators.smallVersions(), Generators.smallVersions(), Generators.smallVersions())
                .checkAssert((a, b, c) -> {
                    if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
                        assertTrue(a.compareTo(c) <= 0, a + " <= " + b + " <= " + c);
                    }
                    if (a.compareTo(b) == 0 && b.compareTo(c) == 0) {
                        assertEquals(0, a.compareTo(c), a + " == " + b + " == " + c);
                    }
                });
    }

    @Test
    void sort_anyList_isOrderedByTheOracle() {
        qt().withFixedSeed(SEED + 4).withExamples(300)
                .forAll(Generators.lists(Generators.versions(), 0, 12))
                .checkAssert(list -> {
                    List<Version> sorted = new ArrayList<>(list);
                    sorted.sort(null);
                    for (int i = 0; i < sorted.size(); i++) {
                        for (int j = i + 1; j < sorted.size(); j++) {
                            assertTrue(oracle(sorted.get(i).toString(), sorted.get(j).toString()) <= 0,
                                    "sorted " + sorted);
                        }
                    }
                });
    }

    @Test
    void compareTo_anyTwoVersions_matchesTheOracle() {
        qt().withFixedSeed(SEED + 5).withExamples(EXAMPLES)
                .forAll(Generators.versions(), Generators.versions())
                .checkAssert((a, b) -> assertEquals(Integer.signum(oracle(a.toString(), b.toString())),
                        Integer.signum(a.compareTo(b)), a + " vs " + b));
        qt().withFixedSeed(SEED + 6).withExamples(EXAMPLES)
                .forAll(Generators.smallVersions(), Generators.smallVersions())
                .checkAssert((a, b) -> assertEquals(Integer.signum(oracle(a.toString(), b.toString())),
                        Integer.signum(a.compareTo(b)), a + " vs " + b));
    }

    @Test
    void compareTo_zero_exactlyWhenEqualIgnoringBuild() {
        qt().withFixedSeed(SEED + 7).withExamples(EXAMPLES)
                .forAll(Generators.smallVersions(), Generators.smallVersions())
                .checkAssert((a, b) -> {
                    boolean sameIgnoringBuild = withoutBuild(a).equals(withoutBuild(b));
                    assertEquals(sameIgnoringBuild, a.compareTo(b) == 0, a + " vs " + b);
                    if (a.equals(b)) {
                        assertEquals(0, a.compareTo(b));
                        assertEquals(a.hashCode(), b.hashCode());
                    }
                });
    }

    @Test
    void parse_toString_roundTrips() {
        qt().withFixedSeed(SEED + 8).withExamples(EXAMPLES).forAll(Generators.versionText())
                .checkAssert(text -> {
                    Version v = Version.parse(text);
                    assertEquals(text, v.toString());
                    assertEquals(v, Version.parse(v.toString()));
                    assertEquals(v, new Version(v.major(), v.minor(), v.patch(), v.preRelease(), v.build()));
                });
    }

    @Test
    void parse_nearMisses_acceptsExactlyTheSpecGrammar() {
        qt().withFixedSeed(SEED + 9).withExamples(3000).forAll(Generators.nearVersionText())
                .checkAssert(text -> {
                    boolean spec = specValid(text);
                    assertEquals(spec, Version.isValid(text), () -> "'" + text + "'");
                    if (spec) {
                        assertEquals(text, Version.parse(text).toString());
                    }
                });
    }

    @Test
    void parse_numbersAroundTwoToThe64_acceptsExactlyU64() {
        BigInteger limit = BigInteger.ONE.shiftLeft(64);
        qt().withFixedSeed(SEED + 10).withExamples(500)
                .forAll(Generators.text("0123456789", 1, 22))
                .checkAssert(digits -> {
                    String n = digits.length() > 1 ? digits.replaceFirst("^0+(?=.)", "") : digits;
                    boolean fits = new BigInteger(n).compareTo(limit) < 0;
                    assertEquals(fits, Version.isValid(n + ".0.0"), n);
                    assertEquals(fits, Version.isValid("0." + n + ".0"), n);
                    assertEquals(fits, Version.isValid("0.0." + n), n);
                });
    }

    /** The spec's grammar plus Cargo's limit: major, minor and patch fit in an unsigned 64-bit integer. */
    static boolean specValid(String text) {
        Matcher m = SPEC.matcher(text);
        if (!m.matches()) {
            return false;
        }
        BigInteger limit = BigInteger.ONE.shiftLeft(64);
        for (int g = 1; g <= 3; g++) {
            if (new BigInteger(m.group(g)).compareTo(limit) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static Version withoutBuild(Version v) {
        return new Version(v.major(), v.minor(), v.patch(), v.preRelease(), List.of());
    }

    /** SemVer precedence of two valid texts, computed independently of {@link Version}. */
    static int oracle(String a, String b) {
        Matcher x = SPEC.matcher(a);
        Matcher y = SPEC.matcher(b);
        if (!x.matches() || !y.matches()) {
            throw new IllegalArgumentException("oracle given an invalid version: " + a + " / " + b);
        }
        for (int g = 1; g <= 3; g++) {
            int c = new BigInteger(x.group(g)).compareTo(new BigInteger(y.group(g)));
            if (c != 0) {
                return c;
            }
        }
        String pa = x.group(4);
        String pb = y.group(4);
        if (pa == null || pb == null) {
            return pa == null ? (pb == null ? 0 : 1) : -1; // a release is above its pre-releases
        }
        String[] ia = pa.split("\\.");
        String[] ib = pb.split("\\.");
        for (int i = 0; i < Math.min(ia.length, ib.length); i++) {
            boolean na = ia[i].matches("[0-9]+");
            boolean nb = ib[i].matches("[0-9]+");
            int c;
            if (na && nb) {
                c = new BigInteger(ia[i]).compareTo(new BigInteger(ib[i]));
            } else if (na != nb) {
                c = na ? -1 : 1;
            } else {
                c = asciiCompare(ia[i], ib[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(ia.length, ib.length);
    }

    private static int asciiCompare(String a, String b) {
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            int c = Integer.compare(a.charAt(i) & 0x7f, b.charAt(i) & 0x7f);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    @Test
    void oracle_specExample_isOrdered() {
        List<String> spec = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0");
        for (int i = 0; i + 1 < spec.size(); i++) {
            assertTrue(oracle(spec.get(i), spec.get(i + 1)) < 0, spec.get(i));
        }
    }
}
