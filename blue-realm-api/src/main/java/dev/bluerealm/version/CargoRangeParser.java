package dev.bluerealm.version;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses Cargo version requirements with the grammar, limits and errors of the {@code semver}
 * crate's {@code VersionReq} (the parser Cargo uses), written from its documentation and tests:
 *
 * <ul>
 *   <li>{@code *} alone, or one to 32 comma-separated comparators; spaces (U+0020 only) are allowed
 *       around commas and operators, nowhere inside a version;</li>
 *   <li>a comparator is an optional operator ({@code = > >= < <= ~ ^}, none meaning {@code ^})
 *       followed by a partial version {@code MAJOR[.MINOR[.PATCH[-PRE][+BUILD]]]}, where MINOR and
 *       PATCH may be {@code *} ({@code 1.*}, {@code 1.2.*}, {@code 1.*.*});</li>
 *   <li>numbers are u64 without leading zeros; pre-release identifiers follow SemVer; build
 *       metadata is accepted and ignored.</li>
 * </ul>
 *
 * <p>One deliberate difference: the crate also reads {@code x} and {@code X} as wildcards (an
 * undocumented leniency added in semver 1.0); here they are errors, because {@code 1.x} is npm
 * syntax and the dialect is never guessed. Error messages are the crate's.
 */
final class CargoRangeParser {
    /** The crate's limit on comparators in one requirement. */
    static final int MAX_COMPARATORS = 32;

    /** Cargo's comparison operators; {@code WILDCARD} is a bare {@code I.*} / {@code I.J.*}. */
    enum Op {
        EXACT("="), GREATER(">"), GREATER_EQ(">="), LESS("<"), LESS_EQ("<="), TILDE("~"), CARET("^"), WILDCARD("");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    /** Where in a partial version a problem was found, worded as the crate words it. */
    enum Position {
        MAJOR("major version number"), MINOR("minor version number"), PATCH("patch version number"),
        PRE("pre-release identifier"), BUILD("build metadata");

        final String words;

        Position(String words) {
            this.words = words;
        }
    }

    /**
     * One comparator of a requirement. {@code minor} and {@code patch} are {@code null} when the
     * version leaves them out (or writes {@code *}); numbers are unsigned; {@code pre} is empty
     * unless the patch is present.
     */
    record CargoComparator(Op op, long major, Long minor, Long patch, List<String> pre) {
        CargoComparator {
            pre = List.copyOf(pre);
        }

        boolean full() {
            return patch != null;
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(op.symbol).append(Long.toUnsignedString(major));
            if (minor == null) {
                return out.append(op == Op.WILDCARD ? ".*" : "").toString();
            }
            out.append('.').append(Long.toUnsignedString(minor));
            if (patch == null) {
                return out.append(op == Op.WILDCARD ? ".*" : "").toString();
            }
            out.append('.').append(Long.toUnsignedString(patch));
            if (!pre.isEmpty()) {
                out.append('-').append(String.join(".", pre));
            }
            return out.toString();
        }
    }

    /**
     * A parse error: {@code detail} is the crate's message; {@code offset} is the index of the
     * offending character in the text, or the text's length when the input ended too early.
     */
    static final class SyntaxError extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final String detail;
        final int offset;

        SyntaxError(String detail, int offset) {
            super(detail);
            this.detail = detail;
            this.offset = offset;
        }
    }

    private final String text;
    private int i;
    /** The part of the version the last comparator ended in (for "expected comma after ..."). */
    private Position last;

    private CargoRangeParser(String text) {
        this.text = text;
    }

    /**
     * The comparators of {@code text}; an empty list for {@code *}.
     *
     * @throws SyntaxError saying what is wrong and where
     */
    static List<CargoComparator> parse(String text) {
        return new CargoRangeParser(text).requirement();
    }

    private List<CargoComparator> requirement() {
        i = skipSpaces(0);
        if (peek() == '*') {
            int star = i;
            int rest = skipSpaces(i + 1);
            if (rest == text.length()) {
                return List.of();
            }
            if (text.charAt(rest) == ',') {
                throw new SyntaxError(wildcardNotAlone('*'), star);
            }
            throw new SyntaxError("unexpected character after wildcard in version req", rest);
        }
        List<CargoComparator> out = new ArrayList<>();
        while (true) {
            int start = i;
            CargoComparator c;
            try {
                c = comparator();
            } catch (SyntaxError e) {
                // "1.0, *": a lone wildcard where a comparator should be
                if (start < text.length() && text.charAt(start) == '*') {
                    int rest = skipSpaces(start + 1);
                    if (rest == text.length() || text.charAt(rest) == ',') {
                        throw new SyntaxError(wildcardNotAlone('*'), start);
                    }
                }
                throw e;
            }
            out.add(c);
            if (i == text.length()) {
                return out;
            }
            char next = text.charAt(i);
            if (next != ',') {
                throw new SyntaxError("expected comma after " + last.words + ", found " + quote(i), i);
            }
            i = skipSpaces(i + 1);
            if (out.size() == MAX_COMPARATORS) {
                throw new SyntaxError("excessive number of version comparators", i);
            }
        }
    }

    /** Parses one comparator at {@code i}; leaves {@code i} after its trailing spaces. */
    private CargoComparator comparator() {
        Op op;
        boolean defaultOp = false;
        char c = peek();
        if (c == '=') {
            op = Op.EXACT;
            i++;
        } else if (c == '>') {
            i++;
            op = Op.GREATER;
            if (peek() == '=') {
                op = Op.GREATER_EQ;
                i++;
            }
        } else if (c == '<') {
            i++;
            op = Op.LESS;
            if (peek() == '=') {
                op = Op.LESS_EQ;
                i++;
            }
        } else if (c == '~') {
            op = Op.TILDE;
            i++;
        } else if (c == '^') {
            op = Op.CARET;
            i++;
        } else {
            op = Op.CARET;
            defaultOp = true;
        }
        i = skipSpaces(i);

        Position pos = Position.MAJOR;
        long major = number(pos);
        boolean hasWildcard = false;
        Long minor = null;
        Long patch = null;
        if (peek() == '.') {
            i++;
            pos = Position.MINOR;
            if (peek() == '*') {
                i++;
                hasWildcard = true;
                if (defaultOp) {
                    op = Op.WILDCARD;
                }
            } else {
                minor = number(pos);
            }
        }
        if (peek() == '.') {
            i++;
            pos = Position.PATCH;
            if (peek() == '*') {
                i++;
                if (defaultOp) {
                    op = Op.WILDCARD;
                }
            } else if (hasWildcard) {
                throw new SyntaxError("unexpected character after wildcard in version req", i);
            } else {
                patch = number(pos);
            }
        }
        List<String> pre = List.of();
        if (patch != null && peek() == '-') {
            i++;
            pos = Position.PRE;
            pre = identifiers(pos);
        }
        if (patch != null && peek() == '+') {
            i++;
            pos = Position.BUILD;
            identifiers(pos); // build metadata never matters to a requirement
        }
        i = skipSpaces(i);
        last = pos;
        return new CargoComparator(op, major, minor, patch, pre);
    }

    /** A u64 without leading zeros. */
    private long number(Position pos) {
        int start = i;
        long value = 0;
        while (i < text.length() && isDigit(text.charAt(i))) {
            if (value == 0 && i > start) {
                throw new SyntaxError("invalid leading zero in " + pos.words, start);
            }
            int digit = text.charAt(i) - '0';
            // value * 10 + digit must stay within 2^64 - 1
            if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - digit, 10)) > 0) {
                throw new SyntaxError("value of " + pos.words + " exceeds u64::MAX", start);
            }
            value = value * 10 + digit;
            i++;
        }
        if (i > start) {
            return value;
        }
        if (i < text.length()) {
            throw new SyntaxError("unexpected character " + quote(i) + " while parsing " + pos.words, i);
        }
        throw new SyntaxError("unexpected end of input while parsing " + pos.words, i);
    }

    /** Dot-separated identifiers over [0-9A-Za-z-]; numeric pre-release identifiers without leading zeros. */
    private List<String> identifiers(Position pos) {
        List<String> out = new ArrayList<>();
        while (true) {
            int start = i;
            boolean nonDigit = false;
            while (i < text.length() && isIdentifierChar(text.charAt(i))) {
                nonDigit |= !isDigit(text.charAt(i));
                i++;
            }
            if (i == start) {
                throw new SyntaxError("empty identifier segment in " + pos.words, i);
            }
            if (pos == Position.PRE && !nonDigit && i - start > 1 && text.charAt(start) == '0') {
                throw new SyntaxError("invalid leading zero in " + pos.words, start);
            }
            out.add(text.substring(start, i));
            if (peek() != '.') {
                return out;
            }
            i++;
        }
    }

    private static String wildcardNotAlone(char wildcard) {
        return "wildcard req (" + wildcard + ") must be the only comparator in the version req";
    }

    private char peek() {
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private int skipSpaces(int from) {
        int j = from;
        while (j < text.length() && text.charAt(j) == ' ') {
            j++;
        }
        return j;
    }

    /** The character at {@code at} as Rust's {@code {:?}} prints a char: 'x', or '&#92;u{0}' for a control character. */
    private String quote(int at) {
        int cp = text.codePointAt(at);
        if (cp == '\'') {
            return "'\\''";
        }
        if (cp == '\\') {
            return "'\\\\'";
        }
        if (cp == '\t') {
            return "'\\t'";
        }
        if (cp == '\n') {
            return "'\\n'";
        }
        if (cp == '\r') {
            return "'\\r'";
        }
        if (Character.isISOControl(cp) || !Character.isDefined(cp) || Character.isWhitespace(cp) && cp != ' ') {
            return "'\\u{" + Integer.toHexString(cp) + "}'";
        }
        return "'" + new String(Character.toChars(cp)) + "'";
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierChar(char c) {
        return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-';
    }
}
