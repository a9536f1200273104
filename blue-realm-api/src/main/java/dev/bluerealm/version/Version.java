package dev.bluerealm.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A SemVer 2.0.0 version. Numbers are unsigned 64-bit (Cargo's limit); ordering is SemVer
 * precedence, which ignores build metadata, so {@code compareTo} may return 0 for versions that
 * are not {@code equals}.
 *
 * <pre>{@code
 * Version v = Version.parse("1.4.0");
 * v.compareTo(Version.parse("1.5.0-rc.1")) < 0   // true
 * }</pre>
 *
 * @param major unsigned
 * @param minor unsigned
 * @param patch unsigned
 * @since 0.1
 */
public record Version(long major, long minor, long patch, List<String> preRelease, List<String> build)
        implements Comparable<Version> {

    public Version {
        preRelease = List.copyOf(preRelease);
        build = List.copyOf(build);
        for (String id : preRelease) {
            String problem = identifierProblem(id, true);
            if (problem != null) {
                throw new IllegalArgumentException("pre-release identifier '" + id + "' " + problem);
            }
        }
        for (String id : build) {
            String problem = identifierProblem(id, false);
            if (problem != null) {
                throw new IllegalArgumentException("build identifier '" + id + "' " + problem);
            }
        }
    }

    /** A release version {@code major.minor.patch}. */
    public static Version of(long major, long minor, long patch) {
        return new Version(major, minor, patch, List.of(), List.of());
    }

    /**
     * Parses a SemVer 2.0.0 version (no leading {@code v}, no leading zeros, no missing parts).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Version parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text;
        List<String> build = List.of();
        int plus = s.indexOf('+');
        if (plus >= 0) {
            build = split(s.substring(plus + 1), text, "build metadata");
            s = s.substring(0, plus);
        }
        List<String> pre = List.of();
        int dash = s.indexOf('-');
        if (dash >= 0) {
            pre = split(s.substring(dash + 1), text, "pre-release");
            s = s.substring(0, dash);
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not a SemVer version: expected MAJOR.MINOR.PATCH");
        }
        long[] numbers = new long[3];
        for (int i = 0; i < 3; i++) {
            numbers[i] = number(parts[i], text);
        }
        try {
            return new Version(numbers[0], numbers[1], numbers[2], pre, build);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a SemVer version: " + e.getMessage(), e);
        }
    }

    /** True when {@code text} parses as a SemVer version. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    /** This version with pre-release and build metadata dropped. */
    public Version release() {
        return of(major, minor, patch);
    }

    @Override
    public int compareTo(Version o) {
        int c = Long.compareUnsigned(major, o.major);
        if (c == 0) {
            c = Long.compareUnsigned(minor, o.minor);
        }
        if (c == 0) {
            c = Long.compareUnsigned(patch, o.patch);
        }
        if (c != 0) {
            return c;
        }
        if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), o.preRelease.size()); i++) {
            c = compareIdentifier(preRelease.get(i), o.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), o.preRelease.size());
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder()
                .append(Long.toUnsignedString(major)).append('.')
                .append(Long.toUnsignedString(minor)).append('.')
                .append(Long.toUnsignedString(patch));
        if (!preRelease.isEmpty()) {
            out.append('-').append(String.join(".", preRelease));
        }
        if (!build.isEmpty()) {
            out.append('+').append(String.join(".", build));
        }
        return out.toString();
    }

    private static int compareIdentifier(String a, String b) {
        boolean an = isNumeric(a);
        boolean bn = isNumeric(b);
        if (an && bn) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (an != bn) {
            return an ? -1 : 1; // numeric identifiers have lower precedence
        }
        return a.compareTo(b);
    }

    private static boolean isNumeric(String id) {
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String identifierProblem(String id, boolean preRelease) {
        if (id.isEmpty()) {
            return "is empty";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-')) {
                return "contains '" + c + "' (only [0-9A-Za-z-] are allowed)";
            }
        }
        if (preRelease && isNumeric(id) && id.length() > 1 && id.charAt(0) == '0') {
            return "has a leading zero";
        }
        return null;
    }

    private static List<String> split(String s, String text, String what) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not a SemVer version: empty " + what);
        }
        return new ArrayList<>(List.of(s.split("\\.", -1)));
    }

    private static long number(String part, String text) {
        if (part.isEmpty() || !isNumeric(part)) {
            throw new IllegalArgumentException("'" + text + "' is not a SemVer version: '" + part + "' is not a number");
        }
        if (part.length() > 1 && part.charAt(0) == '0') {
            throw new IllegalArgumentException("'" + text + "' is not a SemVer version: '" + part + "' has a leading zero");
        }
        try {
            return Long.parseUnsignedLong(part);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a SemVer version: '" + part
                    + "' is larger than 18446744073709551615", e);
        }
    }
}
