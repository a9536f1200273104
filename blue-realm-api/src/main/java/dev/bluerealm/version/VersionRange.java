package dev.bluerealm.version;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version range as an importer declares it: Cargo syntax by default, npm syntax when written
 * {@code npm:<range>}. The dialect is never guessed; each keeps the syntax, limits, errors and
 * pre-release rule of its origin.
 *
 * <p><b>Cargo</b> (the {@code semver} crate's {@code VersionReq}): {@code *}, or comma-separated
 * comparators {@code = > >= < <= ~ ^} on partial versions, {@code 1.*} / {@code 1.2.*} wildcards;
 * a bare version means {@code ^} ({@code 1.4} is {@code >=1.4.0, <2.0.0}; {@code ^0.2.3} is
 * {@code >=0.2.3, <0.3.0}; {@code ^0.0.3} is {@code >=0.0.3, <0.0.4}; {@code ~1.2.3} is
 * {@code >=1.2.3, <1.3.0}). Numbers up to 2^64 - 1; at most 32 comparators. Wildcards are
 * {@code *} only: the crate also reads {@code x} / {@code X}, but {@code 1.x} is npm syntax, so it
 * is refused with a message offering {@code 1.*} or {@code npm:1.x}.
 *
 * <p><b>npm</b> (node-semver): space-joined comparators, {@code ||}, hyphen ranges
 * {@code 1.2.3 - 2.3.4}, {@code x} / {@code X} / {@code *} wildcards, npm's {@code ^} and {@code ~};
 * a bare version means {@code =} and the empty range means {@code *}. Numbers up to 2^53 - 1.
 *
 * <p><b>Pre-releases</b>, in both: a pre-release version matches only if, besides being within
 * the bounds, some comparator on the same major.minor.patch has a pre-release itself (for npm: in
 * the same {@code ||} alternative). So {@code >=1.2.3-rc.1, <2.0.0} matches {@code 1.2.3-rc.2}
 * but not {@code 1.5.0-rc.1}.
 *
 * <pre>{@code
 * VersionRange r = VersionRange.parse("^1.4");
 * r.normalized();                          // ">=1.4.0, <2.0.0"
 * r.matches(Version.parse("1.9.2"));       // true
 * r.matches(Version.parse("2.0.0"));       // false
 *
 * VersionRange n = VersionRange.parse("npm:^1.4 || 3.x");
 * n.normalized();                          // ">=1.4.0 <2.0.0-0 || >=3.0.0 <4.0.0-0"
 *
 * VersionRange.parse(">=1 <2");            // IllegalArgumentException: ... write it as 'npm:>=1 <2'
 * }</pre>
 *
 * <p>Two ranges are equal when they have the same dialect and the same {@link #normalized()} form.
 *
 * @since 0.1
 */
public final class VersionRange {
    /** The prefix that selects npm syntax. */
    private static final String NPM_PREFIX = "npm:";

    /** The syntax and semantics a range is read with. */
    public enum Dialect {
        /** Cargo's (the default). */
        CARGO,
        /** npm's (node-semver), selected by the {@code npm:} prefix. */
        NPM
    }

    private final String text;
    private final Dialect dialect;
    private final String normalized;
    private final Predicate<Version> matcher;

    private VersionRange(String text, Dialect dialect, String normalized, Predicate<Version> matcher) {
        this.text = text;
        this.dialect = dialect;
        this.normalized = normalized;
        this.matcher = matcher;
    }

    /**
     * Parses a range: npm syntax after an {@code npm:} prefix, Cargo syntax otherwise.
     *
     * @throws IllegalArgumentException saying what is wrong, naming the offending part; for an
     *     npm-only form written without the prefix, suggesting {@code npm:}
     */
    public static VersionRange parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.startsWith(NPM_PREFIX)) {
            String range = text.substring(NPM_PREFIX.length());
            List<List<RangeComparator>> set;
            try {
                set = NpmRangeParser.parse(range);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid npm version range '" + text + "': " + e.getMessage(), e);
            }
            return new VersionRange(text, Dialect.NPM, NpmRangeParser.format(set), v -> NpmRangeParser.matches(set, v));
        }
        CargoRequirement req;
        try {
            req = new CargoRequirement(CargoRangeParser.parse(text));
        } catch (CargoRangeParser.SyntaxError e) {
            throw new IllegalArgumentException(cargoError(text, e), e);
        }
        return new VersionRange(text, Dialect.CARGO, req.normalized(), req::matches);
    }

    /** True when {@link #parse} accepts {@code text}; false for {@code null}. */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The range exactly as written, prefix included. */
    public String text() {
        return text;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** True when {@code v} satisfies this range under its dialect's rules (pre-release rule included). */
    public boolean matches(Version v) {
        Objects.requireNonNull(v, "v");
        return matcher.test(v);
    }

    /**
     * The newest of {@code versions} that this range matches, by SemVer precedence (among versions
     * of equal precedence, the greatest by text, so that the answer does not depend on order).
     */
    public Optional<Version> newest(Collection<Version> versions) {
        Objects.requireNonNull(versions, "versions");
        Version best = null;
        for (Version v : versions) {
            if (matches(v)) {
                if (best == null) {
                    best = v;
                } else {
                    int c = v.compareTo(best);
                    if (c > 0 || c == 0 && v.toString().compareTo(best.toString()) > 0) {
                        best = v;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The canonical comparator form, without the {@code npm:} prefix. Cargo: {@code "a, b"} with full
     * versions, e.g. {@code ^1.4} gives {@code ">=1.4.0, <2.0.0"}, {@code *} stays {@code "*"}, a
     * range nothing satisfies is {@code "<0.0.0-0"}; it matches exactly what the range matches,
     * pre-releases included. npm: node-semver's desugared form with {@code " || "} between
     * alternatives, e.g. {@code ^1.4 || 3} gives {@code ">=1.4.0 <2.0.0-0 || >=3.0.0 <4.0.0-0"}.
     */
    public String normalized() {
        return normalized;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionRange && dialect == ((VersionRange) o).dialect
                && normalized.equals(((VersionRange) o).normalized);
    }

    @Override
    public int hashCode() {
        return 31 * dialect.hashCode() + normalized.hashCode();
    }

    /** The range as written. */
    @Override
    public String toString() {
        return text;
    }

    // ---- error messages -----------------------------------------------------------------------------

    private static final Pattern X_WILDCARD = Pattern.compile("(?<=^|[\\s.=<>~^,])[xX](?=$|[\\s.,])");
    private static final Pattern OPERATOR_SPACE = Pattern.compile("([<>=~^]+)\\s+");

    private static String cargoError(String text, CargoRangeParser.SyntaxError e) {
        StringBuilder out = new StringBuilder("invalid version range '").append(text).append("': ");
        out.append(e.detail);
        if (NpmRangeParser.jsTrim(text).isEmpty()) {
            return out.append("; a range cannot be empty: write '*' to accept any version").toString();
        }
        String token = token(text, e.offset);
        if (token == null) {
            out.append(" (at the end of the range)");
        } else if (!token.equals(text.strip())) {
            out.append(" (in '").append(token).append("')");
        }
        String spaced = spacesOnly(text);
        if (!spaced.equals(text) && parsesAsCargo(spaced)) {
            // a tab or newline, not npm syntax
            return out.append("; only plain spaces may separate the parts of a Cargo range: write '")
                    .append(spaced.strip()).append('\'').toString();
        }
        if (isNpm(text)) {
            out.append("; this is npm syntax: write it as '").append(NPM_PREFIX).append(text).append('\'');
            String cargo = cargoRewrite(text);
            if (cargo != null) {
                out.append(", or in Cargo syntax '").append(cargo).append('\'');
            }
        }
        return out.toString();
    }

    private static String spacesOnly(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(NpmRangeParser.isJsSpace(c) ? ' ' : c);
        }
        return out.toString();
    }

    private static boolean parsesAsCargo(String text) {
        try {
            CargoRangeParser.parse(text);
            return true;
        } catch (CargoRangeParser.SyntaxError e) {
            return false;
        }
    }

    private static boolean isNpm(String text) {
        try {
            NpmRangeParser.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The blank- and comma-delimited part of {@code text} around {@code offset}; null at the end. */
    private static String token(String text, int offset) {
        if (offset >= text.length()) {
            return null;
        }
        int from = offset;
        while (from > 0 && !isDelimiter(text.charAt(from - 1))) {
            from--;
        }
        int to = offset;
        while (to < text.length() && !isDelimiter(text.charAt(to))) {
            to++;
        }
        return from == to ? text.substring(offset, offset + 1) : text.substring(from, to);
    }

    private static boolean isDelimiter(char c) {
        return c == ',' || NpmRangeParser.isJsSpace(c);
    }

    /**
     * The same requirement in Cargo syntax, when there is an obvious one: {@code x} wildcards as
     * {@code *}, and space-separated operator comparators joined with commas ({@code >=1 <2} as
     * {@code >=1, <2}). Null when there is none.
     */
    private static String cargoRewrite(String text) {
        if (text.contains("||") || text.contains(" - ")) {
            return null;
        }
        String s = NpmRangeParser.jsTrim(text);
        Matcher x = X_WILDCARD.matcher(s);
        s = x.replaceAll("*");
        s = OPERATOR_SPACE.matcher(s).replaceAll("$1");
        String[] parts = s.split("\\s+");
        if (parts.length > 1) {
            for (String part : parts) {
                if ("<>=~^".indexOf(part.charAt(0)) < 0) {
                    return null; // "1.2.3 1.2.4" means =1.2.3 =1.2.4 in npm, but ^1.2.3, ^1.2.4 in Cargo
                }
            }
        }
        String candidate = String.join(", ", parts);
        return parsesAsCargo(candidate) ? candidate : null;
    }
}
