package dev.bluerealm.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SemVer 2.0.0 parsing and precedence, from the tables and examples of semver.org. */
class VersionTest {

    /** Valid per semver.org (its own list of valid strings, plus edge cases of this implementation). */
    @ParameterizedTest
    @ValueSource(strings = {
        "0.0.4",
        "1.2.3",
        "10.20.30",
        "1.1.2-prerelease+meta",
        "1.1.2+meta",
        "1.1.2+meta-valid",
        "1.0.0-alpha",
        "1.0.0-beta",
        "1.0.0-alpha.beta",
        "1.0.0-alpha.beta.1",
        "1.0.0-alpha.1",
        "1.0.0-alpha0.valid",
        "1.0.0-alpha.0valid",
        "1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay",
        "1.0.0-rc.1+build.1",
        "2.0.0-rc.1+build.123",
        "1.2.3-beta",
        "10.2.3-DEV-SNAPSHOT",
        "1.2.3-SNAPSHOT-123",
        "1.0.0",
        "2.0.0",
        "1.1.7",
        "2.0.0+build.1848",
        "2.0.1-alpha.1227",
        "1.0.0-alpha+beta",
        "1.2.3----RC-SNAPSHOT.12.9.1--.12+788",
        "1.2.3----R-S.12.9.1--.12+meta",
        "1.2.3----RC-SNAPSHOT.12.9.1--.12",
        "1.0.0+0.build.1-rc.10000aaa-kk-0.1",
        "1.0.0-0A.is.legal",
        "0.0.0",
        "0.0.0-0",
        "1.0.0-0",
        "1.0.0--",
        "1.0.0-x-y-z.--",
        "1.0.0+001",          // build identifiers may have leading zeros
        "1.0.0-a+001.0002",
        "1.0.0-0a",           // alphanumeric: leading zero allowed
        "1.0.0-00a",
        "18446744073709551615.0.0",
        "0.18446744073709551615.0",
        "0.0.18446744073709551615",
        "18446744073709551615.18446744073709551615.18446744073709551615",
        "9223372036854775808.0.0",   // larger than Long.MAX_VALUE, still a u64
        "1.0.0-99999999999999999999999999999", // pre-release numbers are not bounded
    })
    void parse_validSemVer_roundTrips(String text) {
        Version v = Version.parse(text);
        assertEquals(text, v.toString());
        assertTrue(Version.isValid(text));
        assertEquals(v, Version.parse(v.toString()));
    }

    /** Invalid per semver.org (its own list of invalid strings, plus leading v, overflow, blanks). */
    @ParameterizedTest
    @ValueSource(strings = {
        "1",
        "1.2",
        "1.2.3-0123",
        "1.2.3-0123.0123",
        "1.1.2+.123",
        "+invalid",
        "-invalid",
        "-invalid+invalid",
        "-invalid.01",
        "alpha",
        "alpha.beta",
        "alpha.beta.1",
        "alpha.1",
        "alpha+beta",
        "alpha_beta",
        "alpha.",
        "alpha..",
        "beta",
        "1.0.0-alpha_beta",
        "-alpha.",
        "1.0.0-alpha..",
        "1.0.0-alpha..1",
        "1.0.0-alpha...1",
        "1.0.0-alpha....1",
        "1.0.0-alpha.....1",
        "1.0.0-alpha......1",
        "1.0.0-alpha.......1",
        "01.1.1",
        "1.01.1",
        "1.1.01",
        "1.2.3.DEV",
        "1.2-SNAPSHOT",
        "1.2.31.2.3----RC-SNAPSHOT.12.09.1--..12+788",
        "1.2-RC-SNAPSHOT",
        "-1.0.3-gamma+b7718",
        "+justmeta",
        "9.8.7+meta+meta",
        "9.8.7-whatever+meta+meta",
        "99999999999999999999999.999999999.99999999",
        "v1.0.0",
        "V1.0.0",
        "=1.0.0",
        "",
        " ",
        " 1.0.0",
        "1.0.0 ",
        "1.0.0\n",
        "1.0.0-",            // empty pre-release
        "1.0.0+",            // empty build metadata
        "1.0.0-+b",
        "1.0.0-.a",          // empty pre-release identifier
        "1.0.0-a.",
        "1.0.0+a..b",        // empty build identifier
        "1.0.0+.a",
        "1.0.0+a.",
        "1..0",
        "1.0.",
        ".1.0",
        "1.0.0.0",
        "1.0.x",
        "1.0.*",
        "+1.0.0",
        "1.+0.0",
        "1.0.-0",
        "00.0.0",
        "1.0.0-00",          // numeric pre-release with leading zero
        "1.0.0-01",
        "1.0.0-é",
        "1.0.0-a b",
        "１.0.0",            // full-width digit
        "18446744073709551616.0.0",
        "0.18446744073709551616.0",
        "0.0.18446744073709551616",
        "99999999999999999999.0.0",
    })
    void parse_invalidSemVer_isRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Version.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), "message names the input: " + e.getMessage());
        assertFalse(Version.isValid(text));
    }

    @Test
    void parse_null_throwsNullPointerException() {
        assertThrows(NullPointerException.class, () -> Version.parse(null));
    }

    @Test
    void parse_u64Overflow_messageNamesTheLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Version.parse("18446744073709551616.0.0"));
        assertTrue(e.getMessage().contains("18446744073709551615"), e.getMessage());
    }

    @Test
    void parse_leadingZero_messageSaysSo() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Version.parse("01.0.0"))
                .getMessage().contains("leading zero"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Version.parse("1.0.0-01"))
                .getMessage().contains("leading zero"));
    }

    @Test
    void parse_components_areSplitAsTheSpecSays() {
        Version v = Version.parse("1.2.3-alpha.1-x.0+build.007.a-b");
        assertEquals(1, v.major());
        assertEquals(2, v.minor());
        assertEquals(3, v.patch());
        assertEquals(List.of("alpha", "1-x", "0"), v.preRelease());
        assertEquals(List.of("build", "007", "a-b"), v.build());
        assertTrue(v.isPreRelease());
        assertEquals(Version.of(1, 2, 3), v.release());
    }

    @Test
    void parse_maxU64_isHeldAsUnsignedLong() {
        Version v = Version.parse("18446744073709551615.0.0");
        assertEquals(-1L, v.major());
        assertEquals("18446744073709551615.0.0", v.toString());
    }

    @Test
    void constructor_invalidIdentifiers_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Version(1, 0, 0, List.of(""), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Version(1, 0, 0, List.of("01"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Version(1, 0, 0, List.of("a.b"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Version(1, 0, 0, List.of(), List.of("")));
        assertThrows(IllegalArgumentException.class, () -> new Version(1, 0, 0, List.of(), List.of("a+b")));
        assertEquals("1.0.0+01", new Version(1, 0, 0, List.of(), List.of("01")).toString());
    }

    @Test
    void constructor_mutableLists_areCopied() {
        List<String> pre = new ArrayList<>(List.of("alpha"));
        Version v = new Version(1, 0, 0, pre, new ArrayList<>());
        pre.add("1");
        assertEquals(List.of("alpha"), v.preRelease());
        assertThrows(UnsupportedOperationException.class, () -> v.preRelease().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> v.build().add("x"));
    }

    /** The precedence example of semver.org §11, in order. */
    private static final List<String> SPEC_ORDER = List.of(
            "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
            "1.0.0-rc.1", "1.0.0");

    @Test
    void compareTo_specPrecedenceExample_isStrictlyIncreasing() {
        for (int i = 0; i < SPEC_ORDER.size(); i++) {
            for (int j = 0; j < SPEC_ORDER.size(); j++) {
                Version a = Version.parse(SPEC_ORDER.get(i));
                Version b = Version.parse(SPEC_ORDER.get(j));
                assertEquals(Integer.signum(Integer.compare(i, j)), Integer.signum(a.compareTo(b)), a + " vs " + b);
            }
        }
    }

    @Test
    void sort_shuffledSpecExample_givesSpecOrder() {
        List<Version> versions = new ArrayList<>();
        SPEC_ORDER.forEach(s -> versions.add(Version.parse(s)));
        Collections.shuffle(versions, new Random(42));
        Collections.sort(versions);
        assertEquals(SPEC_ORDER, versions.stream().map(Version::toString).toList());
    }

    @Test
    void compareTo_numericParts_compareNumericallyLeftToRight() {
        assertOrdered("1.0.0", "2.0.0", "2.1.0", "2.1.1");
        assertOrdered("1.9.0", "1.10.0", "1.11.0");
        assertOrdered("0.0.9", "0.0.10");
        assertOrdered("9223372036854775807.0.0", "9223372036854775808.0.0", "18446744073709551615.0.0");
        assertOrdered("1.0.0-rc.1", "1.0.0", "1.0.1-alpha");
    }

    @Test
    void compareTo_preReleaseIdentifiers_followSpecRules() {
        // numeric identifiers compare numerically
        assertOrdered("1.0.0-2", "1.0.0-10", "1.0.0-100");
        assertOrdered("1.0.0-99999999999999999999", "1.0.0-100000000000000000000");
        // numeric identifiers have lower precedence than alphanumeric ones
        assertOrdered("1.0.0-999", "1.0.0-0a", "1.0.0-a");
        // alphanumeric identifiers compare in ASCII order (upper case before lower case, '-' before digits)
        assertOrdered("1.0.0--", "1.0.0-0-", "1.0.0-A", "1.0.0-Z", "1.0.0-a", "1.0.0-z");
        assertOrdered("1.0.0-alpha", "1.0.0-alpha0", "1.0.0-alphaa", "1.0.0-alphab");
        // a larger set of fields has higher precedence when all preceding ones are equal
        assertOrdered("1.0.0-a", "1.0.0-a.0", "1.0.0-a.0.0");
        // any pre-release is lower than the release
        assertOrdered("1.0.0-zzzzzz.999", "1.0.0");
    }

    @Test
    void compareTo_buildMetadata_isIgnored() {
        Version a = Version.parse("1.0.0+build.1");
        Version b = Version.parse("1.0.0+build.2");
        Version c = Version.parse("1.0.0");
        assertEquals(0, a.compareTo(b));
        assertEquals(0, a.compareTo(c));
        assertEquals(0, Version.parse("1.0.0-rc.1+x").compareTo(Version.parse("1.0.0-rc.1+y.z")));
        assertTrue(Version.parse("1.0.0-rc.1+zzz").compareTo(Version.parse("1.0.0+aaa")) < 0);
    }

    @Test
    void equals_buildMetadata_isPartOfIdentity() {
        assertNotEquals(Version.parse("1.0.0+a"), Version.parse("1.0.0+b"));
        assertNotEquals(Version.parse("1.0.0+a"), Version.parse("1.0.0"));
        assertEquals(Version.parse("1.0.0+a"), Version.parse("1.0.0+a"));
        assertEquals(Version.parse("1.0.0+a").hashCode(), Version.parse("1.0.0+a").hashCode());
    }

    @Test
    void of_release_hasNoPreReleaseNorBuild() {
        Version v = Version.of(1, 4, 0);
        assertEquals("1.4.0", v.toString());
        assertFalse(v.isPreRelease());
        assertEquals(Version.parse("1.4.0"), v);
    }

    private static void assertOrdered(String... texts) {
        for (int i = 0; i + 1 < texts.length; i++) {
            Version lo = Version.parse(texts[i]);
            Version hi = Version.parse(texts[i + 1]);
            assertTrue(lo.compareTo(hi) < 0, lo + " < " + hi);
            assertTrue(hi.compareTo(lo) > 0, hi + " > " + lo);
        }
    }
}
