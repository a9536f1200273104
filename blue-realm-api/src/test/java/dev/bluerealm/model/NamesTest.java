package dev.bluerealm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The name rule {@code [a-z0-9][a-z0-9._-]{0,63}}: names are used as paths, so nothing else gets through. */
class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "a", "0", "aperture", "fungal-image-analysis", "s3-access", "s3-permissions", "letemcook", "ml-infra",
        "a.b", "a_b", "a-b", "a..b", "a.", "a-", "a_", "0.1.2", "v1", "x--y__z..w", "9lives", "a...",
    })
    void isValid_goodName_isTrue(String name) {
        assertTrue(Names.isValid(name), name);
        assertEquals(name, Names.require("repo", name));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "../x", "..", ".", "./a", "a/b", "a\\b", "/abs", "x/../y", "Aperture", "apErture", "ABC",
        ".hidden", "-flag", "_x", "a b", " a", "a ", "a\n", "a\tb", "a:b", "a*b", "a?b", "a~b", "é", "ａ",
        "a\u0000", "name@org", "a+b", "C:", "~", "a%2fb",
    })
    void isValid_badName_isFalse(String name) {
        assertFalse(Names.isValid(name), name);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Names.require("repo", name));
        assertTrue(e.getMessage().contains("invalid repo name '" + name + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(Names.PATTERN), e.getMessage());
    }

    @Test
    void isValid_null_isFalse() {
        assertFalse(Names.isValid(null));
        assertThrows(IllegalArgumentException.class, () -> Names.require("realm", null));
    }

    @Test
    void isValid_64Characters_isTrue() {
        String name = "a".repeat(64);
        assertTrue(Names.isValid(name));
        assertTrue(Names.isValid("0" + "-".repeat(63)));
    }

    @Test
    void isValid_65Characters_isFalse() {
        assertFalse(Names.isValid("a".repeat(65)));
        assertFalse(Names.isValid("0" + "-".repeat(64)));
    }

    @Test
    void describe_anyKind_namesTheKindTheNameAndTheRule() {
        String message = Names.describe("contract", "Bad/Name");
        assertEquals("invalid contract name 'Bad/Name': names must match [a-z0-9][a-z0-9._-]{0,63}"
                + " (lower-case letters, digits, '.', '_', '-'; at most 64 characters)", message);
    }

    @Test
    void isValid_everySingleAsciiCharacter_onlyLowerCaseAndDigitsStart() {
        for (char c = 0; c < 128; c++) {
            boolean expected = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            assertEquals(expected, Names.isValid(String.valueOf(c)), "char " + (int) c);
            boolean expectedInside = expected || c == '.' || c == '_' || c == '-';
            assertEquals(expectedInside, Names.isValid("a" + c), "char " + (int) c + " after a");
        }
    }
}
