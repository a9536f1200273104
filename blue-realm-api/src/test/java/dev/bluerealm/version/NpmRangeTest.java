package dev.bluerealm.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * npm ranges ({@code npm:} prefix) against node-semver's own fixtures, in its default mode (rows
 * with {@code loose} or {@code includePrerelease} options are left out): test/fixtures/
 * range-include.js, range-exclude.js and range-parse.js, plus the README's examples and npm's
 * 2^53 - 1 limit. Every row here was also checked against node-semver 7.8.5 when written.
 */
class NpmRangeTest {

    /** [range, version] from range-include.js: the range includes the version. */
    private static final String[][] INCLUDE = {
        {"1.0.0 - 2.0.0", "1.2.3"},
        {"^1.2.3+build", "1.2.3"},
        {"^1.2.3+build", "1.3.0"},
        {"1.2.3-pre+asdf - 2.4.3-pre+asdf", "1.2.3"},
        {"1.2.3-pre+asdf - 2.4.3-pre+asdf", "1.2.3-pre.2"},
        {"1.2.3-pre+asdf - 2.4.3-pre+asdf", "2.4.3-alpha"},
        {"1.2.3+asdf - 2.4.3+asdf", "1.2.3"},
        {"1.0.0", "1.0.0"},
        {">=*", "0.2.4"},
        {"", "1.0.0"},
        {"*", "1.2.3"},
        {">=1.0.0", "1.0.0"},
        {">=1.0.0", "1.0.1"},
        {">=1.0.0", "1.1.0"},
        {">1.0.0", "1.0.1"},
        {">1.0.0", "1.1.0"},
        {"<=2.0.0", "2.0.0"},
        {"<=2.0.0", "1.9999.9999"},
        {"<=2.0.0", "0.2.9"},
        {"<2.0.0", "1.9999.9999"},
        {"<2.0.0", "0.2.9"},
        {">= 1.0.0", "1.0.0"},
        {">=  1.0.0", "1.0.1"},
        {">=   1.0.0", "1.1.0"},
        {"> 1.0.0", "1.0.1"},
        {">  1.0.0", "1.1.0"},
        {"<=   2.0.0", "2.0.0"},
        {"<= 2.0.0", "1.9999.9999"},
        {"<=  2.0.0", "0.2.9"},
        {"<    2.0.0", "1.9999.9999"},
        {"<\t2.0.0", "0.2.9"},
        {">=0.1.97", "0.1.97"},
        {"0.1.20 || 1.2.4", "1.2.4"},
        {">=0.2.3 || <0.0.1", "0.0.0"},
        {">=0.2.3 || <0.0.1", "0.2.3"},
        {">=0.2.3 || <0.0.1", "0.2.4"},
        {"||", "1.3.4"},
        {"2.x.x", "2.1.3"},
        {"1.2.x", "1.2.3"},
        {"1.2.x || 2.x", "2.1.3"},
        {"1.2.x || 2.x", "1.2.3"},
        {"x", "1.2.3"},
        {"2.*.*", "2.1.3"},
        {"1.2.*", "1.2.3"},
        {"1.2.* || 2.*", "2.1.3"},
        {"1.2.* || 2.*", "1.2.3"},
        {"2", "2.1.2"},
        {"2.3", "2.3.1"},
        {"~0.0.1", "0.0.1"},
        {"~0.0.1", "0.0.2"},
        {"~x", "0.0.9"},
        {"~2", "2.0.9"},
        {"~2.4", "2.4.0"},
        {"~2.4", "2.4.5"},
        {"~>3.2.1", "3.2.2"},
        {"~1", "1.2.3"},
        {"~>1", "1.2.3"},
        {"~> 1", "1.2.3"},
        {"~1.0", "1.0.2"},
        {"~ 1.0", "1.0.2"},
        {"~ 1.0.3", "1.0.12"},
        {">=1", "1.0.0"},
        {">= 1", "1.0.0"},
        {"<1.2", "1.1.1"},
        {"< 1.2", "1.1.1"},
        {"~v0.5.4-pre", "0.5.5"},
        {"~v0.5.4-pre", "0.5.4"},
        {"=0.7.x", "0.7.2"},
        {"<=0.7.x", "0.7.2"},
        {">=0.7.x", "0.7.2"},
        {"<=0.7.x", "0.6.2"},
        {"~1.2.1 >=1.2.3", "1.2.3"},
        {"~1.2.1 =1.2.3", "1.2.3"},
        {"~1.2.1 1.2.3", "1.2.3"},
        {"~1.2.1 >=1.2.3 1.2.3", "1.2.3"},
        {"~1.2.1 1.2.3 >=1.2.3", "1.2.3"},
        {">=1.2.1 1.2.3", "1.2.3"},
        {"1.2.3 >=1.2.1", "1.2.3"},
        {">=1.2.3 >=1.2.1", "1.2.3"},
        {">=1.2.1 >=1.2.3", "1.2.3"},
        {">=1.2", "1.2.8"},
        {"^1.2.3", "1.8.1"},
        {"^0.1.2", "0.1.2"},
        {"^0.1", "0.1.2"},
        {"^0.0.1", "0.0.1"},
        {"^1.2", "1.4.2"},
        {"^1.2 ^1", "1.4.2"},
        {"^1.2.3-alpha", "1.2.3-pre"},
        {"^1.2.0-alpha", "1.2.0-pre"},
        {"^0.0.1-alpha", "0.0.1-beta"},
        {"^0.0.1-alpha", "0.0.1"},
        {"^0.1.1-alpha", "0.1.1-beta"},
        {"^x", "1.2.3"},
        {"x - 1.0.0", "0.9.7"},
        {"x - 1.x", "0.9.7"},
        {"1.0.0 - x", "1.9.7"},
        {"1.x - x", "1.9.7"},
        {"<=7.x", "7.9.9"},
        // README, "Prerelease Tags"
        {">1.2.3-alpha.3", "1.2.3-alpha.7"},
        {">1.2.3-alpha.3", "3.4.5"},
        // the 2^53 - 1 limit
        {"9007199254740991.0.0", "9007199254740991.0.0"},
        {"<9007199254740991", "9007199254740990.9.9"},
    };

    /** [range, version] from range-exclude.js: the range excludes the version. */
    private static final String[][] EXCLUDE = {
        {"1.0.0 - 2.0.0", "2.2.3"},
        {"1.2.3+asdf - 2.4.3+asdf", "1.2.3-pre.2"},
        {"1.2.3+asdf - 2.4.3+asdf", "2.4.3-alpha"},
        {"^1.2.3+build", "2.0.0"},
        {"^1.2.3+build", "1.2.0"},
        {"^1.2.3", "1.2.3-pre"},
        {"^1.2", "1.2.0-pre"},
        {">1.2", "1.3.0-beta"},
        {"<=1.2.3", "1.2.3-beta"},
        {"^1.2.3", "1.2.3-beta"},
        {"=0.7.x", "0.7.0-asdf"},
        {">=0.7.x", "0.7.0-asdf"},
        {"<=0.7.x", "0.7.0-asdf"},
        {"1.0.0", "1.0.1"},
        {">=1.0.0", "0.0.0"},
        {">=1.0.0", "0.0.1"},
        {">=1.0.0", "0.1.0"},
        {">1.0.0", "0.0.1"},
        {">1.0.0", "0.1.0"},
        {"<=2.0.0", "3.0.0"},
        {"<=2.0.0", "2.9999.9999"},
        {"<=2.0.0", "2.2.9"},
        {"<2.0.0", "2.9999.9999"},
        {"<2.0.0", "2.2.9"},
        {">=0.1.97", "0.1.93"},
        {"0.1.20 || 1.2.4", "1.2.3"},
        {">=0.2.3 || <0.0.1", "0.0.3"},
        {">=0.2.3 || <0.0.1", "0.2.2"},
        {"2.x.x", "1.1.3"},
        {"2.x.x", "3.1.3"},
        {"1.2.x", "1.3.3"},
        {"1.2.x || 2.x", "3.1.3"},
        {"1.2.x || 2.x", "1.1.3"},
        {"2.*.*", "1.1.3"},
        {"2.*.*", "3.1.3"},
        {"1.2.*", "1.3.3"},
        {"1.2.* || 2.*", "3.1.3"},
        {"1.2.* || 2.*", "1.1.3"},
        {"2", "1.1.2"},
        {"2.3", "2.4.1"},
        {"~0.0.1", "0.1.0-alpha"},
        {"~0.0.1", "0.1.0"},
        {"~2.4", "2.5.0"},
        {"~2.4", "2.3.9"},
        {"~>3.2.1", "3.3.2"},
        {"~>3.2.1", "3.2.0"},
        {"~1", "0.2.3"},
        {"~>1", "2.2.3"},
        {"~1.0", "1.1.0"},
        {"<1", "1.0.0"},
        {">=1.2", "1.1.1"},
        {"~v0.5.4-beta", "0.5.4-alpha"},
        {"=0.7.x", "0.8.2"},
        {">=0.7.x", "0.6.2"},
        {"<0.7.x", "0.7.2"},
        {"<1.2.3", "1.2.3-beta"},
        {"=1.2.3", "1.2.3-beta"},
        {">1.2", "1.2.8"},
        {"^0.0.1", "0.0.2-alpha"},
        {"^0.0.1", "0.0.2"},
        {"^1.2.3", "2.0.0-alpha"},
        {"^1.2.3", "1.2.2"},
        {"^1.2", "1.1.9"},
        {"^1.0.0", "2.0.0-rc1"},
        {"1 - 2", "2.0.0-pre"},
        {"1 - 2", "1.0.0-pre"},
        {"1.0 - 2", "1.0.0-pre"},
        {"1.1.x", "1.0.0-a"},
        {"1.1.x", "1.1.0-a"},
        {"1.1.x", "1.2.0-a"},
        {"1.x", "1.0.0-a"},
        {"1.x", "1.1.0-a"},
        {"1.x", "1.2.0-a"},
        {">=1.0.0 <1.1.0", "1.1.0"},
        {">=1.0.0 <1.1.0", "1.1.0-pre"},
        {">=1.0.0 <1.1.0-pre", "1.1.0-pre"},
        // README, "Prerelease Tags"
        {">1.2.3-alpha.3", "3.4.5-alpha.9"},
        // the pre-release rule works per || alternative
        {">=1.2.3-alpha <1.3.0 || >=1.5.0", "1.5.0-beta"},
        // node-semver >= 7.5: an alternative that is * absorbs the others
        {"* || 1.2.3-beta", "1.2.3-beta"},
        // versions node-semver cannot hold never match
        {"*", "9007199254740992.0.0"},
        {">=1.0.0", "1.9007199254740992.0"},
    };

    /** [range, node-semver's Range.range ("||" between alternatives), or null: invalid] from range-parse.js. */
    private static final String[][] PARSE = {
        {"1.0.0 - 2.0.0", ">=1.0.0 <=2.0.0"},
        {"1 - 2", ">=1.0.0 <3.0.0-0"},
        {"1.0 - 2.0", ">=1.0.0 <2.1.0-0"},
        {"1.0.0", "1.0.0"},
        {">=*", "*"},
        {"", "*"},
        {"*", "*"},
        {">=1.0.0", ">=1.0.0"},
        {">1.0.0", ">1.0.0"},
        {"<=2.0.0", "<=2.0.0"},
        {"1", ">=1.0.0 <2.0.0-0"},
        {"<2.0.0", "<2.0.0"},
        {">= 1.0.0", ">=1.0.0"},
        {">=  1.0.0", ">=1.0.0"},
        {">=   1.0.0", ">=1.0.0"},
        {"> 1.0.0", ">1.0.0"},
        {">  1.0.0", ">1.0.0"},
        {"<=   2.0.0", "<=2.0.0"},
        {"<= 2.0.0", "<=2.0.0"},
        {"<=  2.0.0", "<=2.0.0"},
        {"<    2.0.0", "<2.0.0"},
        {"<\t2.0.0", "<2.0.0"},
        {">=0.1.97", ">=0.1.97"},
        {"0.1.20 || 1.2.4", "0.1.20||1.2.4"},
        {">=0.2.3 || <0.0.1", ">=0.2.3||<0.0.1"},
        {"||", "*"},
        {"2.x.x", ">=2.0.0 <3.0.0-0"},
        {"1.2.x", ">=1.2.0 <1.3.0-0"},
        {"1.2.x || 2.x", ">=1.2.0 <1.3.0-0||>=2.0.0 <3.0.0-0"},
        {"x", "*"},
        {"2.*.*", ">=2.0.0 <3.0.0-0"},
        {"1.2.*", ">=1.2.0 <1.3.0-0"},
        {"1.2.* || 2.*", ">=1.2.0 <1.3.0-0||>=2.0.0 <3.0.0-0"},
        {"2", ">=2.0.0 <3.0.0-0"},
        {"2.3", ">=2.3.0 <2.4.0-0"},
        {"~2.4", ">=2.4.0 <2.5.0-0"},
        {"~>3.2.1", ">=3.2.1 <3.3.0-0"},
        {"~1", ">=1.0.0 <2.0.0-0"},
        {"~>1", ">=1.0.0 <2.0.0-0"},
        {"~> 1", ">=1.0.0 <2.0.0-0"},
        {"~1.0", ">=1.0.0 <1.1.0-0"},
        {"~ 1.0", ">=1.0.0 <1.1.0-0"},
        {"^0", "<1.0.0-0"},
        {"^ 1", ">=1.0.0 <2.0.0-0"},
        {"^0.1", ">=0.1.0 <0.2.0-0"},
        {"^1.0", ">=1.0.0 <2.0.0-0"},
        {"^1.2", ">=1.2.0 <2.0.0-0"},
        {"^0.0.1", ">=0.0.1 <0.0.2-0"},
        {"^0.0.1-beta", ">=0.0.1-beta <0.0.2-0"},
        {"^0.1.2", ">=0.1.2 <0.2.0-0"},
        {"^1.2.3", ">=1.2.3 <2.0.0-0"},
        {"^1.2.3-beta.4", ">=1.2.3-beta.4 <2.0.0-0"},
        {"<1", "<1.0.0-0"},
        {"< 1", "<1.0.0-0"},
        {">=1", ">=1.0.0"},
        {">= 1", ">=1.0.0"},
        {"<1.2", "<1.2.0-0"},
        {"< 1.2", "<1.2.0-0"},
        {">01.02.03", null},
        {"~1.2.3beta", null},
        {"^ 1.2 ^ 1", ">=1.2.0 <2.0.0-0 >=1.0.0"},
        {"1.2 - 3.4.5", ">=1.2.0 <=3.4.5"},
        {"1.2.3 - 3.4", ">=1.2.3 <3.5.0-0"},
        {"1.2 - 3.4", ">=1.2.0 <3.5.0-0"},
        {">1", ">=2.0.0"},
        {">1.2", ">=1.3.0"},
        {">X", "<0.0.0-0"},
        {"<X", "<0.0.0-0"},
        {"<x <* || >* 2.x", "<0.0.0-0"},
        {">x 2.x || * || <x", "*"},
        // README: hyphen ranges, x-ranges, tilde and caret ranges
        {"1.2.3 - 2.3.4", ">=1.2.3 <=2.3.4"},
        {"1.2 - 2.3.4", ">=1.2.0 <=2.3.4"},
        {"1.2.3 - 2.3", ">=1.2.3 <2.4.0-0"},
        {"1.2.3 - 2", ">=1.2.3 <3.0.0-0"},
        {"1.x", ">=1.0.0 <2.0.0-0"},
        {"~1.2.3", ">=1.2.3 <1.3.0-0"},
        {"~0.2.3", ">=0.2.3 <0.3.0-0"},
        {"~0", "<1.0.0-0"},
        {"~1.2.3-beta.2", ">=1.2.3-beta.2 <1.3.0-0"},
        {"^0.2.3", ">=0.2.3 <0.3.0-0"},
        {"^0.0.3", ">=0.0.3 <0.0.4-0"},
        {"^0.0.3-beta", ">=0.0.3-beta <0.0.4-0"},
        {"^1.2.x", ">=1.2.0 <2.0.0-0"},
        {"^0.0.x", "<0.1.0-0"},
        {"^0.0", "<0.1.0-0"},
        {"^1.x", ">=1.0.0 <2.0.0-0"},
        {"^0.x", "<1.0.0-0"},
        // v and = prefixes, build metadata, whitespace
        {"v1.2.3", "1.2.3"},
        {"=v1.2.3", "1.2.3"},
        {"= 1.2.3", "1.2.3"},
        {"1.2.3+build.7", "1.2.3"},
        {"\u00a01.2.3\t||\n2.0.0 ", "1.2.3||2.0.0"},
        {"1.2.x-beta", ">=1.2.0 <1.3.0-0"},
        {"1.2.3 1.2.3 >=1.0.0", "1.2.3 >=1.0.0"},
        {">=1.0.0 * <2.0.0", ">=1.0.0 <2.0.0"},
        {"<0.0.0-0 || 1.2.3", "1.2.3"},
        // the 2^53 - 1 limit, including bounds computed from the range
        {"9007199254740991.9007199254740991.9007199254740991", "9007199254740991.9007199254740991.9007199254740991"},
        {"9007199254740992.0.0", null},
        {"1.9007199254740992.0", null},
        {"1.0.9007199254740992", null},
        {"^9007199254740991", null},
        {"~1.9007199254740991", null},
        {">1.9007199254740991", null},
        {"<=9007199254740991", null},
        {"9007199254740991.x", null},
        {"99999999999999999999.0.0", null},
        // not npm either
        {"foo", null},
        {">=", null},
        {"1.2-beta", null},
        {"*.1", null},
        {"1.x.2", null},
        {"1.2.3.4", null},
        {"1.0.0-01", null},
        {"01.2.3", null},
        {"1.2.3 -", null},
        {"- 1.2.3", null},
        {"==1.2.3", null},
        {"1.2.3 - 2 >=1", null},
        {"<x foo", null},
        {"1.2.3 || foo", null},
        {"1.0.0-" + "a".repeat(251), null},
    };

    static Stream<Arguments> includeCases() {
        return Stream.of(INCLUDE).map(row -> Arguments.of(row[0], row[1]));
    }

    static Stream<Arguments> excludeCases() {
        return Stream.of(EXCLUDE).map(row -> Arguments.of(row[0], row[1]));
    }

    static Stream<Arguments> validCases() {
        return Stream.of(PARSE).filter(row -> row[1] != null).map(row -> Arguments.of(row[0], row[1]));
    }

    static Stream<Arguments> invalidCases() {
        return Stream.of(PARSE).filter(row -> row[1] == null).map(row -> Arguments.of(row[0]));
    }

    private static VersionRange npm(String range) {
        return VersionRange.parse("npm:" + range);
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' includes {1}")
    @MethodSource("includeCases")
    void matches_rangeIncludeFixture_isTrue(String range, String version) {
        VersionRange r = npm(range);
        assertEquals(VersionRange.Dialect.NPM, r.dialect());
        assertTrue(r.matches(Version.parse(version)), r.normalized());
        assertTrue(npm(r.normalized()).matches(Version.parse(version)), "normalized " + r.normalized());
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' excludes {1}")
    @MethodSource("excludeCases")
    void matches_rangeExcludeFixture_isFalse(String range, String version) {
        VersionRange r = npm(range);
        assertFalse(r.matches(Version.parse(version)), r.normalized());
        assertFalse(npm(r.normalized()).matches(Version.parse(version)), "normalized " + r.normalized());
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is ''{1}''")
    @MethodSource("validCases")
    void normalized_rangeParseFixture_isNodeSemversForm(String range, String nodeSemver) {
        VersionRange r = npm(range);
        assertEquals(nodeSemver.replace("||", " || "), r.normalized());
        assertEquals(r.normalized(), npm(r.normalized()).normalized(), "a fixed point");
        assertTrue(VersionRange.isValid("npm:" + range));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is refused")
    @MethodSource("invalidCases")
    void parse_invalidNpmRange_failsNamingIt(String range) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> npm(range));
        assertTrue(e.getMessage().startsWith("invalid npm version range 'npm:" + range + "': '"), e.getMessage());
        assertFalse(VersionRange.isValid("npm:" + range));
    }

    @Test
    void parse_numberPast2To53_saysWhichLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> npm(">=1.0.0 <9007199254740992"));
        assertTrue(e.getMessage().contains("'<9007199254740992' (read as '<9007199254740992.0.0-0') has a major version"
                + " 9007199254740992 larger than npm's largest, 2^53 - 1 = 9007199254740991"), e.getMessage());
    }

    @Test
    void parse_badTokenAmongGoodOnes_namesTheToken() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> npm(">=1.0.0 1.2.3.4 || 2"));
        assertTrue(e.getMessage().contains("'1.2.3.4' is not a version, comparator"), e.getMessage());
    }

    @Test
    void matches_preReleaseNamedInAnotherAlternative_doesNotCount() {
        VersionRange r = npm(">=1.2.3-alpha <1.3.0 || >=1.5.0");
        assertTrue(r.matches(Version.parse("1.2.3-beta")));
        assertFalse(r.matches(Version.parse("1.5.0-beta")));
        assertTrue(r.matches(Version.parse("1.5.0")));
    }

    @Test
    void textAndPrefix_npmRange_keepsThePrefixInTextOnly() {
        VersionRange r = npm("^1.4 || 3.x");
        assertEquals("npm:^1.4 || 3.x", r.text());
        assertEquals("npm:^1.4 || 3.x", r.toString());
        assertEquals(">=1.4.0 <2.0.0-0 || >=3.0.0 <4.0.0-0", r.normalized());
    }

    @Test
    void equals_sameDesugaredForm_isEqual() {
        assertEquals(npm("^1.2.3"), npm(">=1.2.3 <2.0.0-0"));
        assertEquals(npm("^1.2.3").hashCode(), npm(">=1.2.3 <2.0.0-0").hashCode());
        assertEquals(npm("1.2.x"), npm("~1.2"));
        assertEquals(npm(""), npm("*"));
        assertNotEquals(npm("^1.2.3"), npm("^1.2.4"));
    }

    @Test
    void newest_npmRange_returnsTheGreatestMatching() {
        List<Version> versions = List.of(Version.parse("1.2.3"), Version.parse("1.9.0"), Version.parse("2.0.0-rc.1"),
                Version.parse("2.0.0"), Version.parse("3.1.0"));
        assertEquals(Optional.of(Version.parse("1.9.0")), npm("^1.2 || ~2.1").newest(versions));
        assertEquals(Optional.of(Version.parse("2.0.0-rc.1")), npm("1.x || >=2.0.0-rc.0 <2.0.0").newest(versions));
        assertEquals(Optional.of(Version.parse("3.1.0")), npm("").newest(versions));
    }
}
