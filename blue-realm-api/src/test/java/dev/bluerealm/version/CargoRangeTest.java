package dev.bluerealm.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cargo ranges against the behaviour of the {@code semver} crate ({@code VersionReq}): its
 * {@code tests/test_version_req.rs} cases, the equivalences documented on {@code semver::Op}, and
 * limits. Rows marked "checked with cargo" were run through cargo 1.95 (a path dependency of the
 * given version and requirement) when these tables were written.
 */
class CargoRangeTest {

    /**
     * range | versions it matches | versions it does not match. Each version is one case.
     * Mostly from tests/test_version_req.rs (test_default, test_exact, test_greater_than,
     * test_less_than, test_multiple, test_tilde, test_caret, test_wildcard, test_pre,
     * test_cargo3202); then the semver::Op documentation; then pre-release and limit cases.
     */
    private static final String MATCHES = """
            1.0.0                 | 1.0.0 1.1.0 1.0.1 | 0.9.9 0.10.0 0.1.0 1.0.0-pre 1.0.1-pre
            =1.0.0                | 1.0.0 | 1.0.1 0.9.9 0.10.0 0.1.0 1.0.0-pre
            =0.9.0                | 0.9.0 | 0.9.1 1.9.0 0.0.9 0.9.0-pre
            =0.0.2                | 0.0.2 | 0.0.1 0.0.3 0.0.2-pre
            =0.1.0-beta2.a        | 0.1.0-beta2.a | 0.9.1 0.1.0 0.1.1-beta2.a 0.1.0-beta2
            =0.1.0+meta           | 0.1.0 0.1.0+meta 0.1.0+any |
            >= 1.0.0              | 1.0.0 2.0.0 | 0.1.0 0.0.1 1.0.0-pre 2.0.0-pre
            >= 2.1.0-alpha2       | 2.1.0-alpha2 2.1.0-alpha3 2.1.0 3.0.0 | 2.0.0 2.1.0-alpha1 2.0.0-alpha2 3.0.0-alpha2
            < 1.0.0               | 0.1.0 0.0.1 | 1.0.0 1.0.0-beta 1.0.1 0.9.9-alpha
            <= 2.1.0-alpha2       | 2.1.0-alpha2 2.1.0-alpha1 2.0.0 1.0.0 | 2.1.0 2.2.0-alpha1 2.0.0-alpha2 1.0.0-alpha2
            > 0.0.9, <= 2.5.3     | 0.0.10 1.0.0 2.5.3 | 0.0.8 2.5.4
            0.3.0, 0.4.0          | | 0.0.8 0.3.0 0.4.0
            <= 0.2.0, >= 0.5.0    | | 0.0.8 0.3.0 0.5.1
            0.1.0, 0.1.4, 0.1.6   | 0.1.6 0.1.9 | 0.1.0 0.1.4 0.2.0
            >=0.5.1-alpha3, <0.6  | 0.5.1-alpha3 0.5.1-alpha4 0.5.1-beta 0.5.1 0.5.5 | 0.5.1-alpha1 0.5.2-alpha3 0.5.5-pre 0.5.0-pre 0.6.0 0.6.0-pre
            ~1                    | 1.0.0 1.0.1 1.1.1 | 0.9.1 2.9.0 0.0.9
            ~1.2                  | 1.2.0 1.2.1 | 1.1.1 1.3.0 0.0.9
            ~1.2.2                | 1.2.2 1.2.4 | 1.2.1 1.9.0 1.0.9 2.0.1 0.1.3
            ~1.2.3-beta.2         | 1.2.3 1.2.4 1.2.3-beta.2 1.2.3-beta.4 | 1.3.3 1.1.4 1.2.3-beta.1 1.2.4-beta.2
            ^1                    | 1.1.2 1.1.0 1.2.1 1.0.1 | 0.9.1 2.9.0 0.1.4 1.0.0-beta1 0.1.0-alpha 1.0.1-pre
            ^1.1                  | 1.1.2 1.1.0 1.2.1 | 0.9.1 2.9.0 1.0.1 0.1.4
            ^1.1.2                | 1.1.2 1.1.4 1.2.1 | 0.9.1 2.9.0 1.1.1 0.0.1 1.1.2-alpha1 1.1.3-alpha1 2.9.0-alpha1
            ^0.1.2                | 0.1.2 0.1.4 | 0.9.1 2.9.0 1.1.1 0.0.1 0.1.2-beta 0.1.3-alpha 0.2.0-pre
            ^0.5.1-alpha3         | 0.5.1-alpha3 0.5.1-alpha4 0.5.1-beta 0.5.1 0.5.5 | 0.5.1-alpha1 0.5.2-alpha3 0.5.5-pre 0.5.0-pre 0.6.0
            ^0.0.2                | 0.0.2 | 0.9.1 2.9.0 1.1.1 0.0.1 0.1.4
            ^0.0                  | 0.0.2 0.0.0 | 0.9.1 2.9.0 1.1.1 0.1.4
            ^0                    | 0.9.1 0.0.2 0.0.0 | 2.9.0 1.1.1
            ^1.4.2-beta.5         | 1.4.2 1.4.3 1.4.2-beta.5 1.4.2-beta.6 1.4.2-c | 0.9.9 2.0.0 1.4.2-alpha 1.4.2-beta.4 1.4.3-beta.5
            *                     | 0.9.1 2.9.0 0.0.9 1.0.1 1.1.1 | 1.0.0-pre 0.0.0-0
            1.*                   | 1.2.0 1.2.1 1.1.1 1.3.0 | 0.0.9 2.0.0 1.2.0-pre
            1.2.*                 | 1.2.0 1.2.2 1.2.4 | 1.9.0 1.0.9 2.0.1 0.1.3 1.2.1-rc.1
            =2.1.1-really.0       | 2.1.1-really.0 | 2.1.1 2.1.1-really.1
            0.*.*                 | 0.5.0 0.0.0 | 1.0.0
            0.0.*                 | 0.0.0 0.0.7 | 0.1.0
            >=1.0.0, <2.0.0       | 1.0.0 1.9.9 | 0.9.9 2.0.0 1.5.0-rc.1 2.0.0-alpha
            1.4                   | 1.4.0 1.9.9 | 1.3.9 2.0.0 1.4.0-rc.1
            ^0.2.3                | 0.2.3 0.2.99 | 0.2.2 0.3.0
            ^0.0.3                | 0.0.3 | 0.0.4 0.0.2 0.0.3-rc.1
            ~1.2.3                | 1.2.3 1.2.99 | 1.3.0 1.2.2
            =1.2                  | 1.2.0 1.2.9 | 1.3.0 1.1.9 1.2.5-pre
            =1                    | 1.0.0 1.9.9 | 2.0.0 0.9.9
            >1.2                  | 1.3.0 2.0.0 | 1.2.9
            >1                    | 2.0.0 | 1.9.9
            >=1.2                 | 1.2.0 | 1.1.9
            <1.2                  | 1.1.9 | 1.2.0
            <=1.2                 | 1.2.9 | 1.3.0
            <=1                   | 1.9.9 | 2.0.0
            >=1.2.3-rc.1, <2.0.0  | 1.2.3-rc.2 1.2.3 1.9.0 | 1.5.0-rc.1 1.2.4-rc.1 1.2.3-rc.0
            ^1.2, >=1.2.3-alpha   | 1.2.3-beta 1.2.3 | 1.2.4-beta
            ^1.2, >=1.2.0-alpha   | 1.2.0-beta | 1.2.0-0
            >=1.2, >=1.2.5-alpha  | 1.2.5 | 1.2.5-beta
            =1.2, >=1.2.5-alpha   | 1.2.6 | 1.2.5-beta
            ~1.2.3, >=1.3.0-alpha | | 1.3.0-beta 1.2.9
            ^1.4, >=2.0.0-alpha   | | 2.0.0-beta
            <=1.2, >=1.1.0-alpha  | 1.1.0-beta 1.2.9 | 1.2.0-beta
            18446744073709551615.18446744073709551615.18446744073709551615 | 18446744073709551615.18446744073709551615.18446744073709551615 | 18446744073709551615.18446744073709551615.18446744073709551614
            ^18446744073709551615 | 18446744073709551615.0.0 18446744073709551615.7.0 | 18446744073709551614.9.9
            >18446744073709551615.18446744073709551614 | 18446744073709551615.18446744073709551615.0 |
            9007199254740992.0.0  | 9007199254740992.0.0 | 9007199254740991.0.0
            """;

    /** range, the crate's error message (ours adds the text and, where npm fits, a suggestion). */
    private static final String[][] ERRORS = {
        // test_multiple, test_whitespace_delimited_comparator_sets
        {"> 0.1.0,", "unexpected end of input while parsing major version number"},
        {"> 0.3.0, ,", "unexpected character ',' while parsing major version number"},
        {"1.2.3 - 2.3.4", "expected comma after patch version number, found '-'"},
        {"> 0.0.9 <= 2.5.3", "expected comma after patch version number, found '<'"},
        // test_wildcard (x and X: the crate's tests before semver 1.0.0's "x as wildcard"; see VersionRange)
        {"", "unexpected end of input while parsing major version number"},
        {"x", "unexpected character 'x' while parsing major version number"},
        {"X", "unexpected character 'X' while parsing major version number"},
        {"1.x", "unexpected character 'x' while parsing minor version number"},
        {"1.X", "unexpected character 'X' while parsing minor version number"},
        {"1.2.x", "unexpected character 'x' while parsing patch version number"},
        {"1.2.X", "unexpected character 'X' while parsing patch version number"},
        // test_logical_or
        {"=1.2.3 || =2.3.4", "expected comma after patch version number, found '|'"},
        {"1.1 || =1.2.3", "expected comma after minor version number, found '|'"},
        {"6.* || 8.* || >= 10.*", "expected comma after minor version number, found '|'"},
        // test_parse_errors
        {"\0", "unexpected character '\\u{0}' while parsing major version number"},
        {">= >= 0.0.2", "unexpected character '>' while parsing major version number"},
        {">== 0.0.2", "unexpected character '=' while parsing major version number"},
        {"a.0.0", "unexpected character 'a' while parsing major version number"},
        {"1.0.0-", "empty identifier segment in pre-release identifier"},
        {">=", "unexpected end of input while parsing major version number"},
        // test_digit_after_wildcard
        {"*.1", "unexpected character after wildcard in version req"},
        {"1.*.1", "unexpected character after wildcard in version req"},
        {">=1.*.1", "unexpected character after wildcard in version req"},
        // the crate's other errors: lone wildcard, u64 overflow, leading zeros, segments, count
        {"*, 1.0", "wildcard req (*) must be the only comparator in the version req"},
        {"1.0, *", "wildcard req (*) must be the only comparator in the version req"},
        {"18446744073709551616", "value of major version number exceeds u64::MAX"},
        {"1.18446744073709551616", "value of minor version number exceeds u64::MAX"},
        {"1.2.99999999999999999999", "value of patch version number exceeds u64::MAX"},
        {"01.0.0", "invalid leading zero in major version number"},
        {"1.00.0", "invalid leading zero in minor version number"},
        {"1.0.00", "invalid leading zero in patch version number"},
        {"1.0.0-01", "invalid leading zero in pre-release identifier"},
        {"1.0.0-a..b", "empty identifier segment in pre-release identifier"},
        {"1.0.0+", "empty identifier segment in build metadata"},
        {"1.0.0+a+b", "expected comma after build metadata, found '+'"},
        {"1.2.3.4", "expected comma after patch version number, found '.'"},
        {">=1.0.0,", "unexpected end of input while parsing major version number"},
        {"1.0.0,,2.0.0", "unexpected character ',' while parsing major version number"},
        {",1.0.0", "unexpected character ',' while parsing major version number"},
        {"1.2-beta", "expected comma after minor version number, found '-'"},
        {"1.2.*-beta", "expected comma after patch version number, found '-'"},
        {"=*", "unexpected character '*' while parsing major version number"},
        {">=*", "unexpected character '*' while parsing major version number"},
        {"v1.0.0", "unexpected character 'v' while parsing major version number"},
        {"~>1.0", "unexpected character '>' while parsing major version number"},
        {"\t1.0.0", "unexpected character '\\t' while parsing major version number"},
        {"1.0.0 2.0.0", "expected comma after patch version number, found '2'"},
        {String.join(", ", Collections.nCopies(33, "1")), "excessive number of version comparators"},
        {String.join(", ", Collections.nCopies(32, "1")) + ",", "excessive number of version comparators"},
    };

    /** range, normalized: the equivalences documented on semver::Op, and the canonical form's rules. */
    private static final String[][] NORMALIZED = {
        {"^1.4", ">=1.4.0, <2.0.0"},
        {"1.4", ">=1.4.0, <2.0.0"},
        {"1.2.3", ">=1.2.3, <2.0.0"},
        {"^1.2.3", ">=1.2.3, <2.0.0"},
        {"^0.2.3", ">=0.2.3, <0.3.0"},
        {"^0.0.3", ">=0.0.3, <0.0.4"},
        {"^0.0", ">=0.0.0, <0.1.0"},
        {"^0", ">=0.0.0, <1.0.0"},
        {"^1.2", ">=1.2.0, <2.0.0"},
        {"~1.2.3", ">=1.2.3, <1.3.0"},
        {"~1.2", ">=1.2.0, <1.3.0"},
        {"~1", ">=1.0.0, <2.0.0"},
        {"=1.2", ">=1.2.0, <1.3.0"},
        {"=1", ">=1.0.0, <2.0.0"},
        {">1.2", ">=1.3.0"},
        {">1", ">=2.0.0"},
        {">=1.2", ">=1.2.0"},
        {">=1", ">=1.0.0"},
        {"<1.2", ">=0.0.0, <1.2.0"},
        {"<1", ">=0.0.0, <1.0.0"},
        {"<=1.2", ">=0.0.0, <1.3.0"},
        {"<=1", ">=0.0.0, <2.0.0"},
        {"1.2.*", ">=1.2.0, <1.3.0"},
        {"1.*", ">=1.0.0, <2.0.0"},
        {"1.*.*", ">=1.0.0, <2.0.0"},
        {"*", "*"},
        {"  *  ", "*"},
        {">=0.0.0", "*"},
        {">=1.0.0, <2.0.0", ">=1.0.0, <2.0.0"},
        {">= 1.0.0 ,<2.0.0", ">=1.0.0, <2.0.0"},
        {"<2.0.0, >=1.0.0", ">=1.0.0, <2.0.0"},
        {">1.2.3", ">=1.2.4"},
        {"=1.2.3", ">=1.2.3, <1.2.4"},
        {"=1.2.3+build.5", ">=1.2.3, <1.2.4"},
        {"=1.2.3-alpha", "=1.2.3-alpha"},
        {"^1.2.3-beta.2", ">=1.2.3-beta.2, <2.0.0"},
        {"~1.2.3-beta.2", ">=1.2.3-beta.2, <1.3.0"},
        {">1.2.3-beta", ">1.2.3-beta"},
        {">=1.2.3-beta.0", ">1.2.3-beta"},
        {"<=1.2.3-beta, >=1.0.0", ">=1.0.0, <=1.2.3-beta"},
        {">=1.0.0, <1.2.3-beta.0", ">=1.0.0, <=1.2.3-beta"},
        {">=1.0.0, <1.2.3-beta", ">=1.0.0, <1.2.3-beta"},
        {">=2.0.0, <1.0.0", "<0.0.0-0"},
        {"<0", "<0.0.0-0"},
        {"^1.2, >=1.2.0-alpha", ">=1.2.0-alpha, <2.0.0"},
        {">=1.2, >=1.2.5-alpha", ">=1.2.5"},
        {"0.1.0, 0.1.4, 0.1.6", ">=0.1.6, <0.2.0"},
        {"> 0.0.9, <= 2.5.3", ">=0.0.10, <2.5.4"},
        {"^18446744073709551615", ">=18446744073709551615.0.0"},
        {">18446744073709551615.18446744073709551615.18446744073709551615", "<0.0.0-0"},
        {"<=18446744073709551615.18446744073709551615.18446744073709551615", "*"},
    };

    static Stream<Arguments> matchCases() {
        List<Arguments> out = new ArrayList<>();
        for (String line : MATCHES.strip().split("\n")) {
            String[] cols = line.split("\\|", -1);
            String range = cols[0].strip();
            for (String v : words(cols[1])) {
                out.add(Arguments.of(range, v, true));
            }
            for (String v : words(cols[2])) {
                out.add(Arguments.of(range, v, false));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> errorCases() {
        return Stream.of(ERRORS).map(row -> Arguments.of(row[0], row[1]));
    }

    static Stream<Arguments> normalizedCases() {
        return Stream.of(NORMALIZED).map(row -> Arguments.of(row[0], row[1]));
    }

    private static List<String> words(String column) {
        String s = column.strip();
        return s.isEmpty() ? List.of() : List.of(s.split("\\s+"));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' matches {1}: {2}")
    @MethodSource("matchCases")
    void matches_semverCrateCase_agreesWithCargo(String range, String version, boolean expected) {
        VersionRange r = VersionRange.parse(range);
        assertEquals(VersionRange.Dialect.CARGO, r.dialect());
        assertEquals(expected, r.matches(Version.parse(version)), range + " vs " + version);
        // the canonical form means the same
        assertEquals(expected, VersionRange.parse(r.normalized()).matches(Version.parse(version)), r.normalized());
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is refused: {1}")
    @MethodSource("errorCases")
    void parse_invalidCargoRange_failsWithTheCratesMessage(String range, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(range));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().startsWith("invalid version range '" + range + "'"), e.getMessage());
        assertFalse(VersionRange.isValid(range));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is ''{1}''")
    @MethodSource("normalizedCases")
    void normalized_documentedForms_areCanonicalComparators(String range, String normalized) {
        VersionRange r = VersionRange.parse(range);
        assertEquals(normalized, r.normalized());
        assertEquals(normalized, VersionRange.parse(normalized).normalized(), "a fixed point");
        assertEquals(VersionRange.parse(normalized), r);
    }

    @Test
    void parse_thirtyTwoComparators_isTheLimit() {
        String range = String.join(", ", Collections.nCopies(32, ">=1.0.0"));
        assertTrue(VersionRange.isValid(range));
        assertEquals(">=1.0.0", VersionRange.parse(range).normalized());
    }

    @Test
    void parse_errorInSecondComparator_namesTheOffendingToken() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VersionRange.parse(">=1.0.0, <2.0.0-beta..1"));
        assertTrue(e.getMessage().contains("in '<2.0.0-beta..1'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(">=1.0.0, foo"));
        assertTrue(e.getMessage().contains("unexpected character 'f' while parsing major version number (in 'foo')"),
                e.getMessage());
    }

    @Test
    void parse_tabBetweenParts_suggestsPlainSpaces() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VersionRange.parse(">=1.0.0,\t<2.0.0"));
        assertTrue(e.getMessage().contains("unexpected character '\\t' while parsing major version number"),
                e.getMessage());
        assertTrue(e.getMessage().contains("only plain spaces may separate the parts of a Cargo range: write"
                + " '>=1.0.0, <2.0.0'"), e.getMessage());
        assertFalse(e.getMessage().contains("npm:"), e.getMessage());
    }

    @Test
    void parse_emptyRange_suggestsStar() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VersionRange.parse("  "));
        assertTrue(e.getMessage().contains("write '*'"), e.getMessage());
    }

    @Test
    void parse_null_isRefused() {
        assertThrows(NullPointerException.class, () -> VersionRange.parse(null));
        assertFalse(VersionRange.isValid(null));
    }

    @Test
    void textAndToString_anyRange_areAsWritten() {
        VersionRange r = VersionRange.parse(">= 1.0.0 ,<2");
        assertEquals(">= 1.0.0 ,<2", r.text());
        assertEquals(">= 1.0.0 ,<2", r.toString());
        assertEquals(">=1.0.0, <2.0.0", r.normalized());
    }

    @Test
    void equals_sameNormalizedForm_isEqual() {
        VersionRange a = VersionRange.parse("^1.4");
        VersionRange b = VersionRange.parse(">=1.4.0, <2.0.0");
        VersionRange c = VersionRange.parse("1.4.*");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, c);
        assertNotEquals(a, "^1.4");
        assertEquals(VersionRange.parse("~1.2"), VersionRange.parse("1.2.*"));
        assertEquals(VersionRange.parse("=1.2"), VersionRange.parse("~1.2"));
    }

    @Test
    void newest_someVersionsMatch_returnsTheGreatestMatching() {
        List<Version> versions = new ArrayList<>();
        for (String v : List.of("1.0.0", "1.4.0", "1.9.3", "2.0.0", "1.9.4-rc.1", "0.9.0")) {
            versions.add(Version.parse(v));
        }
        assertEquals(Optional.of(Version.parse("1.9.3")), VersionRange.parse("^1.4").newest(versions));
        assertEquals(Optional.of(Version.parse("1.9.4-rc.1")),
                VersionRange.parse(">=1.9.4-rc.1, <2").newest(versions));
        assertEquals(Optional.empty(), VersionRange.parse("^3").newest(versions));
        assertEquals(Optional.empty(), VersionRange.parse("*").newest(List.of()));
    }

    @Test
    void newest_equalPrecedence_doesNotDependOnOrder() {
        Version a = Version.parse("1.2.3+a");
        Version b = Version.parse("1.2.3+b");
        VersionRange r = VersionRange.parse("1");
        assertEquals(r.newest(List.of(a, b)), r.newest(List.of(b, a)));
        assertEquals(Optional.of(b), r.newest(List.of(a, b)));
    }
}
