package dev.bluerealm.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The dialect is chosen by the {@code npm:} prefix only, and never guessed from the text. */
class DialectTest {

    /** npm-only forms: refused as Cargo, with a message that suggests the npm: spelling. */
    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {
        "1.2.3 - 2.0.0",
        "1 - 2",
        ">=1 <2",
        ">=1.0.0 <2.0.0",
        "^1 || ^2",
        "1.2.3 || 2.0.0",
        "1.x",
        "1.2.x",
        "1.X.x",
        "x",
        "~>1.2",
        "v1.2.3",
        "=v1.2.3",
        "^1.2 ^1",
        "<1.0.0 >=0.5.0",
        "> 1.0.0 < 2.0.0",
        "~1.2.1 1.2.3",
    })
    void parse_npmOnlyFormWithoutPrefix_failsSuggestingNpm(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(text));
        assertTrue(e.getMessage().contains("this is npm syntax: write it as 'npm:" + text + "'"), e.getMessage());
        assertFalse(VersionRange.isValid(text));
        VersionRange npm = VersionRange.parse("npm:" + text);
        assertEquals(VersionRange.Dialect.NPM, npm.dialect());
    }

    /** Where the npm form has an obvious Cargo spelling, the message offers that too. */
    @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
    @CsvSource(delimiter = ';', value = {
        "1.x; 1.*",
        "1.2.x; 1.2.*",
        "x; *",
        ">=1 <2; >=1, <2",
        ">=1.0.0 <2.0.0; >=1.0.0, <2.0.0",
        "> 1.0.0 < 2.0.0; >1.0.0, <2.0.0",
        "^1.2 ^1; ^1.2, ^1",
    })
    void parse_npmFormWithCargoEquivalent_suggestsBoth(String text, String cargo) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(text));
        assertTrue(e.getMessage().contains("or in Cargo syntax '" + cargo + "'"), e.getMessage());
        VersionRange asCargo = VersionRange.parse(cargo);
        VersionRange asNpm = VersionRange.parse("npm:" + text);
        for (String v : new String[] {"0.9.9", "1.0.0", "1.2.0", "1.9.9", "2.0.0", "2.1.0"}) {
            assertEquals(asNpm.matches(Version.parse(v)), asCargo.matches(Version.parse(v)), text + " vs " + v);
        }
    }

    /** Forms that mean different things in the two dialects get no Cargo rewrite. */
    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"1.2.3 1.2.4", "1.2.3 - 2.0.0", "^1 || ^2", "~>1.2"})
    void parse_npmFormWithoutCargoEquivalent_suggestsOnlyNpm(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(text));
        assertTrue(e.getMessage().contains("'npm:" + text + "'"), e.getMessage());
        assertFalse(e.getMessage().contains("Cargo syntax"), e.getMessage());
    }

    /** Text that is neither Cargo nor npm gets no npm: suggestion. */
    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"1.2.3.4", "foo", ">=1.0.0,", "01.0.0", "1.0.0-01", "latest", "^1.2, ^2 ||"})
    void parse_neitherDialect_failsWithoutNpmSuggestion(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(text));
        assertFalse(e.getMessage().contains("npm:"), e.getMessage());
    }

    @Test
    void matches_bareVersion_isCaretInCargoAndExactInNpm() {
        VersionRange cargo = VersionRange.parse("1.2.3");
        VersionRange npm = VersionRange.parse("npm:1.2.3");
        assertEquals(VersionRange.Dialect.CARGO, cargo.dialect());
        assertEquals(VersionRange.Dialect.NPM, npm.dialect());
        assertEquals(">=1.2.3, <2.0.0", cargo.normalized());
        assertEquals(VersionRange.parse("^1.2.3"), cargo);
        assertEquals("1.2.3", npm.normalized());
        assertEquals(VersionRange.parse("npm:=1.2.3"), npm);
        assertTrue(cargo.matches(Version.parse("1.5.0")));
        assertFalse(npm.matches(Version.parse("1.5.0")));
        assertTrue(cargo.matches(Version.parse("1.2.3")));
        assertTrue(npm.matches(Version.parse("1.2.3")));
        assertNotEquals(cargo, npm);
    }

    @Test
    void matches_barePartialVersion_isCaretInCargoAndXRangeInNpm() {
        // Cargo 1.2 = ^1.2 (up to 2.0.0); npm 1.2 = 1.2.x (up to 1.3.0)
        assertTrue(VersionRange.parse("1.2").matches(Version.parse("1.5.0")));
        assertFalse(VersionRange.parse("npm:1.2").matches(Version.parse("1.5.0")));
    }

    @Test
    void equals_sameNormalizedTextInBothDialects_isNotEqual() {
        VersionRange cargo = VersionRange.parse("*");
        VersionRange npm = VersionRange.parse("npm:*");
        assertEquals(cargo.normalized(), npm.normalized());
        assertNotEquals(cargo, npm);
    }

    @Test
    void matches_partialGreaterEq_refusesPreReleasesInCargoButNotInNpm() {
        // Cargo's >=1.2 refuses every 1.2.x pre-release; npm's >=1.2 is >=1.2.0
        Version v = Version.parse("1.2.5-beta");
        assertFalse(VersionRange.parse(">=1.2, >=1.2.5-alpha").matches(v));
        assertTrue(VersionRange.parse("npm:>=1.2 >=1.2.5-alpha").matches(v));
    }

    @Test
    void matches_preReleaseRule_holdsInBothDialects() {
        Version sameTriple = Version.parse("1.2.3-rc.2");
        Version otherTriple = Version.parse("1.5.0-rc.1");
        for (String text : new String[] {">=1.2.3-rc.1, <2.0.0", "npm:>=1.2.3-rc.1 <2.0.0"}) {
            VersionRange r = VersionRange.parse(text);
            assertTrue(r.matches(sameTriple), text);
            assertFalse(r.matches(otherTriple), text);
            assertTrue(r.matches(Version.parse("1.5.0")), text);
        }
    }

    @Test
    void parse_largeNumbers_followEachDialectsLimit() {
        assertTrue(VersionRange.isValid("9007199254740992.0.0"));
        assertTrue(VersionRange.isValid("18446744073709551615.0.0"));
        assertFalse(VersionRange.isValid("18446744073709551616.0.0"));
        assertTrue(VersionRange.isValid("npm:9007199254740991.0.0"));
        assertFalse(VersionRange.isValid("npm:9007199254740992.0.0"));
    }

    @Test
    void parse_emptyText_isAnErrorInCargoAndStarInNpm() {
        assertFalse(VersionRange.isValid(""));
        assertEquals("*", VersionRange.parse("npm:").normalized());
        assertTrue(VersionRange.parse("npm:").matches(Version.parse("3.1.4")));
    }

    @Test
    void parse_prefixNotAtTheStart_isNotNpm() {
        assertFalse(VersionRange.isValid(" npm:^1.2.3"));
        assertFalse(VersionRange.isValid("NPM:^1.2.3"));
        assertEquals(VersionRange.Dialect.CARGO, VersionRange.parse("^1.2.3").dialect());
    }
}
