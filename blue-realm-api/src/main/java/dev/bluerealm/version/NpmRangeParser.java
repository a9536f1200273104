package dev.bluerealm.version;

import dev.bluerealm.version.RangeComparator.Op;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses npm ranges as node-semver 7.8 does in its default (strict, no {@code includePrerelease})
 * mode, and tests versions against them. Written from node-semver's README, its range grammar and
 * its test fixtures (no code of it is used); the desugaring is node-semver's:
 *
 * <ul>
 *   <li>whitespace is collapsed, the range is split on {@code ||}, build metadata ({@code +...}) is
 *       dropped, each alternative is a hyphen range ({@code 1.2 - 2}) or space-separated
 *       comparators;</li>
 *   <li>{@code ^}, {@code ~} / {@code ~>}, x-ranges ({@code 1.x}, {@code 1.2.*}, {@code 1}, {@code >1.2},
 *       {@code <=1}) and hyphen ranges become {@code >=} / {@code <} / {@code <=} comparators, upper
 *       bounds ending in {@code -0} ({@code ^1.2.3} is {@code >=1.2.3 <2.0.0-0});</li>
 *   <li>{@code *}, {@code x}, the empty alternative and a lone {@code >=0.0.0} mean "any";
 *       {@code >*} and {@code <x} mean nothing ({@code <0.0.0-0});</li>
 *   <li>a leading {@code v} or {@code =} is allowed on versions; numbers are at most 2^53 - 1
 *       (including computed bounds: {@code ^9007199254740991} is invalid, as in node-semver);
 *       a version text is at most 256 characters.</li>
 * </ul>
 *
 * <p>A version matches when it satisfies every comparator of some alternative and, if it is a
 * pre-release, that alternative has a comparator with a pre-release on the same major.minor.patch.
 * A version node-semver cannot hold (a number past 2^53 - 1, a text past 256 characters) matches
 * no npm range.
 *
 * <p>Checked against node-semver 7.8.5 on some 20,000 generated ranges (validity, desugared form
 * and matching) when written. Known differences, all on inputs no one writes: more than 64
 * {@code v}, {@code =} or blank characters in a row before a version are refused (node-semver
 * accepts any number, at quadratic cost); numeric pre-release identifiers of 2^53 and more are
 * compared exactly (node-semver compares them as doubles).
 */
final class NpmRangeParser {
    /** Number.MAX_SAFE_INTEGER, npm's largest version number. */
    static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;
    /** node-semver's MAX_LENGTH for a version text. */
    static final int MAX_LENGTH = 256;

    // node-semver's grammar (its length-limited "safe" form), assembled here. Two changes that do
    // not change what is accepted: pre-release identifiers are matched as one run of characters and
    // checked by validPreRelease (nested repetition would recurse once per identifier in
    // java.util.regex), and build metadata is left out because stripBuild has removed it already.
    private static final String NUM = "0|[1-9]\\d{0,256}";
    private static final String NUM_LOOSE = "\\d{1,256}";
    private static final String PRE_RUN = "[0-9A-Za-z.-]+";
    private static final String FULL_PLAIN = "v?(" + NUM + ")\\.(" + NUM + ")\\.(" + NUM + ")(?:-(" + PRE_RUN + "))?";
    /**
     * What may precede a version: node-semver allows any run of {@code v}, {@code =} and blanks;
     * bounded here so that no range takes quadratic time (a longer run is refused).
     */
    private static final String PREFIX = "[v=\\s]{0,64}";
    /** JavaScript's {@code $} (Java's would also match before a final line terminator). */
    private static final String END = "\\z";
    private static final String LOOSE_PLAIN = PREFIX + "(" + NUM_LOOSE + ")\\.(" + NUM_LOOSE + ")\\.(" + NUM_LOOSE + ")"
            + "(?:-?(" + PRE_RUN + "))?";
    private static final String GTLT = "((?:<|>)?=?)";
    private static final String XR_ID = NUM + "|x|X|\\*";
    private static final String XRANGE_PLAIN = PREFIX + "(" + XR_ID + ")(?:\\.(" + XR_ID + ")(?:\\.(" + XR_ID + ")(?:-("
            + PRE_RUN + "))?)?)?";

    private static final Pattern XRANGE = Pattern.compile("^" + GTLT + "\\s?" + XRANGE_PLAIN + END);
    private static final Pattern TILDE = Pattern.compile("^(?:~>?)" + XRANGE_PLAIN + END);
    private static final Pattern CARET = Pattern.compile("^(?:\\^)" + XRANGE_PLAIN + END);
    private static final Pattern TILDE_TRIM = Pattern.compile("(\\s?)(?:~>?)\\s");
    private static final Pattern CARET_TRIM = Pattern.compile("(\\s?)(?:\\^)\\s");
    private static final Pattern COMPARATOR_TRIM = Pattern.compile("(\\s?)" + GTLT + "\\s?(" + LOOSE_PLAIN + "|" + XRANGE_PLAIN + ")");
    private static final Pattern COMPARATOR = Pattern.compile("^" + GTLT + "\\s?(" + FULL_PLAIN + ")" + END + "|^" + END);
    private static final Pattern HYPHEN = Pattern.compile("^\\s?(" + XRANGE_PLAIN + ")\\s-\\s(" + XRANGE_PLAIN + ")\\s?" + END);
    private static final Pattern STAR = Pattern.compile("(<|>)?=?\\s?\\*");
    private static final Pattern GTE0 = Pattern.compile("^\\s?>=\\s?0\\.0\\.0\\s?" + END);
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final String NULL_SET = "<0.0.0-0";

    private NpmRangeParser() {}

    /**
     * The comparator sets ({@code ||} alternatives) of {@code range}, after node-semver's
     * simplifications (duplicates dropped, {@code *} dropped next to other comparators, an
     * alternative that is {@code *} absorbing the others).
     *
     * @throws IllegalArgumentException naming the comparator that is not valid
     */
    static List<List<RangeComparator>> parse(String range) {
        String raw = jsTrim(collapse(range));
        List<List<RangeComparator>> set = new ArrayList<>();
        for (String alternative : splitJs(raw, "||")) {
            set.add(alternative(jsTrim(alternative)));
        }
        if (set.size() > 1) {
            List<RangeComparator> first = set.get(0);
            set.removeIf(NpmRangeParser::isNullSet);
            if (set.isEmpty()) {
                set.add(first);
            } else if (set.size() > 1) {
                for (List<RangeComparator> alternative : set) {
                    if (alternative.size() == 1 && alternative.get(0).op() == Op.ANY) {
                        return List.of(List.of(alternative.get(0)));
                    }
                }
            }
        }
        return List.copyOf(set);
    }

    /** node-semver's Range.test: some alternative matches, under the pre-release rule. */
    static boolean matches(List<List<RangeComparator>> set, Version v) {
        if (!isNpmVersion(v)) {
            return false;
        }
        for (List<RangeComparator> alternative : set) {
            if (matchesAlternative(alternative, v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The range as node-semver prints it ({@code Range.range}, {@code *} when that is empty), except
     * that alternatives are joined with {@code " || "}. A surviving {@code >=0.0.0} (one written
     * {@code >=v0.0.0}, which node-semver does not turn into "any") keeps its {@code v} so that it
     * reads back the same.
     */
    static String format(List<List<RangeComparator>> set) {
        List<String> alternatives = new ArrayList<>();
        for (List<RangeComparator> alternative : set) {
            List<String> comparators = new ArrayList<>();
            for (RangeComparator c : alternative) {
                String text = c.npmText();
                comparators.add(text.equals(">=0.0.0") ? ">=v0.0.0" : text);
            }
            alternatives.add(String.join(" ", comparators).trim());
        }
        String out = String.join(" || ", alternatives).trim();
        return out.isEmpty() ? "*" : out;
    }

    private static boolean matchesAlternative(List<RangeComparator> alternative, Version v) {
        for (RangeComparator c : alternative) {
            if (!c.test(v)) {
                return false;
            }
        }
        if (!v.isPreRelease()) {
            return true;
        }
        for (RangeComparator c : alternative) {
            if (c.allowsPreReleaseOf(v)) {
                return true;
            }
        }
        return false;
    }

    /** node-semver can only hold versions with numbers up to 2^53 - 1 and texts up to 256 characters. */
    private static boolean isNpmVersion(Version v) {
        return Long.compareUnsigned(v.major(), MAX_SAFE_INTEGER) <= 0
                && Long.compareUnsigned(v.minor(), MAX_SAFE_INTEGER) <= 0
                && Long.compareUnsigned(v.patch(), MAX_SAFE_INTEGER) <= 0
                && v.toString().length() <= MAX_LENGTH;
    }

    private static boolean isNullSet(List<RangeComparator> alternative) {
        return alternative.get(0).toString().equals(NULL_SET);
    }

    /**
     * Drops every build metadata suffix ({@code +} and dot-separated [0-9A-Za-z-] identifiers),
     * wherever it is, as node-semver 7.8 does first thing.
     */
    private static String stripBuild(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int end = c == '+' ? buildEnd(s, i + 1) : -1;
            if (end < 0) {
                out.append(c);
                i++;
            } else {
                i = end;
            }
        }
        return out.toString();
    }

    /** The end of dot-separated identifiers starting at {@code from}, or -1 when there is not one. */
    private static int buildEnd(String s, int from) {
        int i = from;
        int end = -1;
        while (true) {
            int start = i;
            while (i < s.length() && isBuildChar(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return end;
            }
            end = i;
            if (i + 1 < s.length() && s.charAt(i) == '.' && isBuildChar(s.charAt(i + 1))) {
                i++;
            } else {
                return end;
            }
        }
    }

    private static boolean isBuildChar(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-';
    }

    /** One {@code ||} alternative: hyphen range or space-separated comparators. */
    private static List<RangeComparator> alternative(String text) {
        String range = stripBuild(text);
        Matcher h = HYPHEN.matcher(range);
        boolean hyphen = h.find() && validPreRelease(h.group(5)) && validPreRelease(h.group(10));
        if (hyphen) {
            range = hyphen(h);
        }
        range = COMPARATOR_TRIM.matcher(range).replaceAll("$1$2$3"); // "> 1.2.3" -> ">1.2.3"
        range = TILDE_TRIM.matcher(range).replaceAll("$1~"); // "~ 1.2.3" -> "~1.2.3"
        range = CARET_TRIM.matcher(range).replaceAll("$1^"); // "^ 1.2.3" -> "^1.2.3"

        List<RangeComparator> parsed = new ArrayList<>();
        for (String token : splitJs(range, " ")) {
            String expanded = desugar(token);
            for (String piece : splitRegexJs(expanded)) {
                piece = GTE0.matcher(jsTrim(piece)).replaceFirst("");
                parsed.add(comparator(piece, hyphen ? text : token, piece.equals(token) ? null : piece));
            }
        }
        // a comparator that allows nothing makes the whole alternative just that one
        Map<String, RangeComparator> comparators = new LinkedHashMap<>();
        for (RangeComparator c : parsed) {
            if (c.toString().equals(NULL_SET)) {
                return List.of(c);
            }
            comparators.put(c.npmText(), c);
        }
        if (comparators.size() > 1) {
            comparators.remove("");
        }
        return List.copyOf(comparators.values());
    }

    /** Carets, then tildes, then x-ranges, then stars, as node-semver's parseComparator. */
    private static String desugar(String comp) {
        String out = mapEach(jsTrim(comp), NpmRangeParser::caret);
        out = mapEach(jsTrim(out), NpmRangeParser::tilde);
        out = mapEach(out, s -> xRange(jsTrim(s)));
        return STAR.matcher(jsTrim(out)).replaceFirst("");
    }

    private static String mapEach(String s, java.util.function.UnaryOperator<String> f) {
        List<String> out = new ArrayList<>();
        for (String part : splitRegexJs(s)) {
            out.add(f.apply(part));
        }
        return String.join(" ", out);
    }

    private static String caret(String comp) {
        Matcher m = CARET.matcher(comp);
        if (!m.find() || !validPreRelease(m.group(4))) {
            return comp;
        }
        String major = m.group(1);
        String minor = m.group(2);
        String patch = m.group(3);
        String pre = m.group(4);
        if (isX(major)) {
            return "";
        }
        if (isX(minor)) {
            return ">=" + major + ".0.0 <" + inc(major) + ".0.0-0";
        }
        if (isX(patch)) {
            if (major.equals("0")) {
                return ">=" + major + "." + minor + ".0 <" + major + "." + inc(minor) + ".0-0";
            }
            return ">=" + major + "." + minor + ".0 <" + inc(major) + ".0.0-0";
        }
        String from = ">=" + major + "." + minor + "." + patch + (pre != null ? "-" + pre : "");
        if (major.equals("0")) {
            if (minor.equals("0")) {
                return from + " <" + major + "." + minor + "." + inc(patch) + "-0";
            }
            return from + " <" + major + "." + inc(minor) + ".0-0";
        }
        return from + " <" + inc(major) + ".0.0-0";
    }

    private static String tilde(String comp) {
        Matcher m = TILDE.matcher(comp);
        if (!m.find() || !validPreRelease(m.group(4))) {
            return comp;
        }
        String major = m.group(1);
        String minor = m.group(2);
        String patch = m.group(3);
        String pre = m.group(4);
        if (isX(major)) {
            return "";
        }
        if (isX(minor)) {
            return ">=" + major + ".0.0 <" + inc(major) + ".0.0-0";
        }
        if (isX(patch)) {
            return ">=" + major + "." + minor + ".0 <" + major + "." + inc(minor) + ".0-0";
        }
        return ">=" + major + "." + minor + "." + patch + (pre != null ? "-" + pre : "")
                + " <" + major + "." + inc(minor) + ".0-0";
    }

    private static String xRange(String comp) {
        Matcher m = XRANGE.matcher(comp);
        if (!m.find() || !validPreRelease(m.group(5))) {
            return comp;
        }
        String op = m.group(1);
        String major = m.group(2);
        String minor = m.group(3);
        String patch = m.group(4);
        if (isX(major) && !isX(minor) || isX(minor) && patch != null && !isX(patch)) {
            return comp; // "*.1", "1.x.2": a number after a wildcard is no x-range (and then no comparator)
        }
        boolean xMajor = isX(major);
        boolean xMinor = xMajor || isX(minor);
        boolean anyX = xMinor || isX(patch);
        if (op.equals("=") && anyX) {
            op = "";
        }
        if (xMajor) {
            return op.equals(">") || op.equals("<") ? NULL_SET : "*";
        }
        if (!op.isEmpty() && anyX) {
            if (xMinor) {
                minor = "0";
            }
            patch = "0";
            String suffix = "";
            if (op.equals(">")) {
                op = ">=";
                if (xMinor) {
                    major = inc(major);
                    minor = "0";
                } else {
                    minor = inc(minor);
                }
            } else if (op.equals("<=")) {
                op = "<";
                if (xMinor) {
                    major = inc(major);
                } else {
                    minor = inc(minor);
                }
            }
            if (op.equals("<")) {
                suffix = "-0";
            }
            return op + major + "." + minor + "." + patch + suffix;
        }
        if (xMinor) {
            return ">=" + major + ".0.0 <" + inc(major) + ".0.0-0";
        }
        if (anyX) {
            return ">=" + major + "." + minor + ".0 <" + major + "." + inc(minor) + ".0-0";
        }
        return comp;
    }

    /** {@code 1.2 - 3} and friends, as node-semver's hyphenReplace (without includePrerelease). */
    private static String hyphen(Matcher h) {
        String from = h.group(1);
        String fromMajor = h.group(2);
        String fromMinor = h.group(3);
        String fromPatch = h.group(4);
        String to = h.group(6);
        String toMajor = h.group(7);
        String toMinor = h.group(8);
        String toPatch = h.group(9);
        String toPre = h.group(10);
        if (isX(fromMajor)) {
            from = "";
        } else if (isX(fromMinor)) {
            from = ">=" + fromMajor + ".0.0";
        } else if (isX(fromPatch)) {
            from = ">=" + fromMajor + "." + fromMinor + ".0";
        } else {
            from = ">=" + from;
        }
        if (isX(toMajor)) {
            to = "";
        } else if (isX(toMinor)) {
            to = "<" + inc(toMajor) + ".0.0-0";
        } else if (isX(toPatch)) {
            to = "<" + toMajor + "." + inc(toMinor) + ".0-0";
        } else if (toPre != null) {
            to = "<=" + toMajor + "." + toMinor + "." + toPatch + "-" + toPre;
        } else {
            to = "<=" + to;
        }
        return jsTrim(from + " " + to);
    }

    /**
     * node-semver's Comparator: {@code [<|>][=]} then a full version; {@code ""} is "any".
     *
     * @param source the text the user wrote that produced it (named in errors)
     * @param expanded what that text became, when different (named in errors)
     */
    private static RangeComparator comparator(String comp, String source, String expanded) {
        Matcher m = COMPARATOR.matcher(comp);
        if (!m.find() || !validPreRelease(m.group(6))) {
            throw invalid(source, expanded, "is not a version, comparator, caret (^), tilde (~), x-range or hyphen range");
        }
        if (m.group(2) == null) {
            return RangeComparator.of(Op.ANY, null);
        }
        String version = m.group(2);
        if (version.length() > MAX_LENGTH) {
            throw invalid(source, expanded, "has a version longer than " + MAX_LENGTH + " characters");
        }
        long major = safeNumber(m.group(3), "major", source, expanded);
        long minor = safeNumber(m.group(4), "minor", source, expanded);
        long patch = safeNumber(m.group(5), "patch", source, expanded);
        List<String> pre = m.group(6) == null ? List.of() : List.of(m.group(6).split("\\.", -1));
        Version v = new Version(major, minor, patch, pre, List.of());
        Op op;
        switch (m.group(1)) {
            case "":
            case "=":
                op = Op.EQ;
                break;
            case ">":
                op = Op.GT;
                break;
            case ">=":
                op = Op.GE;
                break;
            case "<":
                op = Op.LT;
                break;
            case "<=":
                op = Op.LE;
                break;
            default:
                throw new AssertionError(m.group(1));
        }
        return RangeComparator.of(op, v);
    }

    private static long safeNumber(String digits, String which, String source, String expanded) {
        if (digits.length() > 16 || Long.parseLong(digits) > MAX_SAFE_INTEGER) {
            throw invalid(source, expanded, "has a " + which + " version " + digits
                    + " larger than npm's largest, 2^53 - 1 = " + MAX_SAFE_INTEGER);
        }
        return Long.parseLong(digits);
    }

    private static IllegalArgumentException invalid(String source, String expanded, String problem) {
        String what = "'" + source + "'" + (expanded == null ? "" : " (read as '" + expanded + "')");
        return new IllegalArgumentException(what + " " + problem);
    }

    /**
     * node-semver's pre-release grammar, on a run of [0-9A-Za-z.-]: non-empty dot-separated
     * identifiers, each {@code 0|[1-9]\\d{0,256}} or {@code \\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}}.
     * True when absent.
     */
    private static boolean validPreRelease(String pre) {
        if (pre == null) {
            return true;
        }
        for (String id : pre.split("\\.", -1)) {
            int digits = 0;
            while (digits < id.length() && id.charAt(digits) >= '0' && id.charAt(digits) <= '9') {
                digits++;
            }
            if (id.isEmpty()) {
                return false;
            }
            if (digits == id.length()) {
                if (digits > 257 || digits > 1 && id.charAt(0) == '0') {
                    return false;
                }
            } else if (digits > 256 || id.length() - digits - 1 > 250) {
                return false;
            }
        }
        return true;
    }

    /** node-semver's isX: absent, {@code x}, {@code X} or {@code *}. */
    private static boolean isX(String id) {
        return id == null || id.isEmpty() || id.equalsIgnoreCase("x") || id.equals("*");
    }

    /** {@code n + 1} for a decimal string, exactly (too large a result is refused later, as in npm). */
    private static String inc(String n) {
        return new BigInteger(n).add(BigInteger.ONE).toString();
    }

    // ---- JavaScript string semantics ----------------------------------------------------------------

    /** JavaScript's {@code \s}: ASCII blanks plus Unicode spaces and the BOM. */
    static boolean isJsSpace(char c) {
        switch (c) {
            case '\t': case '\n': case '\u000B': case '\f': case '\r': case ' ':
            case '\u00A0': case '\u1680': case '\u2028': case '\u2029': case '\u202F': case '\u205F':
            case '\u3000': case '\uFEFF':
                return true;
            default:
                return c >= '\u2000' && c <= '\u200A';
        }
    }

    /** Every run of JavaScript whitespace becomes one space. */
    private static String collapse(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inSpace = false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (isJsSpace(c)) {
                if (!inSpace) {
                    out.append(' ');
                }
                inSpace = true;
            } else {
                out.append(c);
                inSpace = false;
            }
        }
        return out.toString();
    }

    static String jsTrim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isJsSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isJsSpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /** JavaScript's {@code s.split(literal)}: keeps empty leading and trailing parts. */
    private static List<String> splitJs(String s, String separator) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = s.indexOf(separator, from);
            if (at < 0) {
                out.add(s.substring(from));
                return out;
            }
            out.add(s.substring(from, at));
            from = at + separator.length();
        }
    }

    /** JavaScript's {@code s.split(/\s+/)} on text whose only blanks are spaces. */
    private static List<String> splitRegexJs(String s) {
        return List.of(SPACES.split(s, -1));
    }
}
