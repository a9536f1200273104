package dev.bluerealm.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.bluerealm.version.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DESIGN §4's bump rules: from 1.0.0 breaking → major, compatible → minor, else patch; below, one place lower. */
class BumpTest {

    @ParameterizedTest
    @CsvSource({
        "1.4.0, BREAKING, MAJOR", "1.4.0, COMPATIBLE, MINOR", "1.4.0, OTHER, PATCH",
        "2.0.0-rc.1, BREAKING, MAJOR",
        "0.4.2, BREAKING, MINOR", "0.4.2, COMPATIBLE, PATCH", "0.4.2, OTHER, PATCH",
        "0.0.3, BREAKING, MINOR", "0.0.3, COMPATIBLE, PATCH",
    })
    void required_followsTheTable(String current, Bump.Change change, Bump expected) {
        assertEquals(expected, Bump.required(Version.parse(current), change));
    }

    @ParameterizedTest
    @CsvSource({
        "1.4.0, 2.0.0, MAJOR", "1.4.0, 1.5.0, MINOR", "1.4.0, 1.4.1, PATCH", "1.4.0, 1.6.3, MINOR",
        "0.4.0, 0.5.0, MINOR", "1.0.0-rc.1, 1.0.0, PATCH",
    })
    void between_namesTheLargestPartThatMoved(String from, String to, Bump expected) {
        assertEquals(expected, Bump.between(Version.parse(from), Version.parse(to)));
    }

    @Test
    void between_notUpward_isNull() {
        assertNull(Bump.between(Version.parse("1.4.0"), Version.parse("1.4.0")));
        assertNull(Bump.between(Version.parse("1.4.0"), Version.parse("1.3.9")));
    }

    @Test
    void satisfiedBy_largerBumpsSatisfySmallerRequirements() {
        assertTrue(Bump.MINOR.satisfiedBy(Version.parse("1.4.0"), Version.parse("2.0.0")));
        assertFalse(Bump.MINOR.satisfiedBy(Version.parse("1.4.0"), Version.parse("1.4.1")));
        assertFalse(Bump.MAJOR.satisfiedBy(Version.parse("1.4.0"), Version.parse("1.9.0")));
        assertTrue(Bump.MINOR.satisfiedBy(Version.parse("0.4.0"), Version.parse("0.5.0")), "breaking below 1.0.0");
    }

    @Test
    void apply_thenRequired_isAlwaysSatisfied() {
        qt().withFixedSeed(7).withExamples(500)
                .forAll(integers().between(0, 50), integers().between(0, 50), integers().between(0, 50),
                        integers().between(0, 2))
                .check((major, minor, patch, kind) -> {
                    Version v = Version.of(major, minor, patch);
                    Bump b = Bump.required(v, Bump.Change.values()[kind]);
                    Version next = b.apply(v);
                    return next.compareTo(v) > 0 && b.satisfiedBy(v, next);
                });
    }
}
