package dev.bluerealm.version;

import dev.bluerealm.version.CargoRangeParser.CargoComparator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The meaning of a Cargo requirement: matching as the {@code semver} crate's
 * {@code VersionReq::matches} does it, and the canonical comparator form.
 *
 * <p>Matching: every comparator must match, and a pre-release version additionally needs one
 * comparator on the same major.minor.patch that itself has a pre-release.
 *
 * <p>Normalising is exact, pre-releases included. Each comparator matches an interval of
 * precedence, except that a partial {@code =I.J}, {@code >=I.J}, {@code <=I.J}, {@code ~I.J} (and
 * their {@code I} forms) also refuse every pre-release of the triples they cover (a "hole").
 * The requirement matches the releases in the intersection of the intervals, plus the pre-releases
 * in it whose triple is named by a pre-release comparator and lies in no hole. That set is written
 * back as {@code >=lo, <hi} (or {@code >lo}, {@code <=hi}, {@code =v} where needed), choosing
 * bounds so that the same pre-release rule gives the same set.
 */
final class CargoRequirement {
    private static final long MAX = -1L; // 2^64 - 1 as an unsigned long
    private static final List<String> LOWEST_PRE = List.of("0");

    private final List<CargoComparator> comparators;

    CargoRequirement(List<CargoComparator> comparators) {
        this.comparators = List.copyOf(comparators);
    }

    boolean matches(Version v) {
        for (CargoComparator c : comparators) {
            if (!matches(c, v)) {
                return false;
            }
        }
        if (!v.isPreRelease()) {
            return true;
        }
        for (CargoComparator c : comparators) {
            if (c.full() && !c.pre().isEmpty() && c.major() == v.major() && c.minor() == v.minor()
                    && c.patch() == v.patch()) {
                return true;
            }
        }
        return false;
    }

    // ---- the crate's evaluation of one comparator (eval.rs), with unsigned numbers -----------------

    private static boolean matches(CargoComparator c, Version v) {
        switch (c.op()) {
            case EXACT:
            case WILDCARD:
                return exact(c, v);
            case GREATER:
                return greater(c, v);
            case GREATER_EQ:
                return exact(c, v) || greater(c, v);
            case LESS:
                return less(c, v);
            case LESS_EQ:
                return exact(c, v) || less(c, v);
            case TILDE:
                return tilde(c, v);
            case CARET:
                return caret(c, v);
            default:
                throw new AssertionError(c.op());
        }
    }

    private static boolean exact(CargoComparator c, Version v) {
        if (v.major() != c.major()) {
            return false;
        }
        if (c.minor() != null && v.minor() != c.minor()) {
            return false;
        }
        if (c.patch() != null && v.patch() != c.patch()) {
            return false;
        }
        return comparePre(v.preRelease(), c.pre()) == 0;
    }

    private static boolean greater(CargoComparator c, Version v) {
        if (v.major() != c.major()) {
            return Long.compareUnsigned(v.major(), c.major()) > 0;
        }
        if (c.minor() == null) {
            return false;
        }
        if (v.minor() != c.minor()) {
            return Long.compareUnsigned(v.minor(), c.minor()) > 0;
        }
        if (c.patch() == null) {
            return false;
        }
        if (v.patch() != c.patch()) {
            return Long.compareUnsigned(v.patch(), c.patch()) > 0;
        }
        return comparePre(v.preRelease(), c.pre()) > 0;
    }

    private static boolean less(CargoComparator c, Version v) {
        if (v.major() != c.major()) {
            return Long.compareUnsigned(v.major(), c.major()) < 0;
        }
        if (c.minor() == null) {
            return false;
        }
        if (v.minor() != c.minor()) {
            return Long.compareUnsigned(v.minor(), c.minor()) < 0;
        }
        if (c.patch() == null) {
            return false;
        }
        if (v.patch() != c.patch()) {
            return Long.compareUnsigned(v.patch(), c.patch()) < 0;
        }
        return comparePre(v.preRelease(), c.pre()) < 0;
    }

    private static boolean tilde(CargoComparator c, Version v) {
        if (v.major() != c.major()) {
            return false;
        }
        if (c.minor() != null && v.minor() != c.minor()) {
            return false;
        }
        if (c.patch() != null && v.patch() != c.patch()) {
            return Long.compareUnsigned(v.patch(), c.patch()) > 0;
        }
        return comparePre(v.preRelease(), c.pre()) >= 0;
    }

    private static boolean caret(CargoComparator c, Version v) {
        if (v.major() != c.major()) {
            return false;
        }
        if (c.minor() == null) {
            return true;
        }
        long minor = c.minor();
        if (c.patch() == null) {
            return c.major() != 0 ? Long.compareUnsigned(v.minor(), minor) >= 0 : v.minor() == minor;
        }
        long patch = c.patch();
        if (c.major() != 0) {
            if (v.minor() != minor) {
                return Long.compareUnsigned(v.minor(), minor) > 0;
            }
            if (v.patch() != patch) {
                return Long.compareUnsigned(v.patch(), patch) > 0;
            }
        } else if (minor != 0) {
            if (v.minor() != minor) {
                return false;
            }
            if (v.patch() != patch) {
                return Long.compareUnsigned(v.patch(), patch) > 0;
            }
        } else if (v.minor() != minor || v.patch() != patch) {
            return false;
        }
        return comparePre(v.preRelease(), c.pre()) >= 0;
    }

    /** Pre-release order where "no pre-release" is the greatest. */
    static int comparePre(List<String> a, List<String> b) {
        return new Version(0, 0, 0, a, List.of()).compareTo(new Version(0, 0, 0, b, List.of()));
    }

    // ---- normalising --------------------------------------------------------------------------------

    /** A bound on precedence; for a lower bound {@code inclusive} means >=, for an upper one <=. */
    private record Bound(Version v, boolean inclusive) {}

    /** What one comparator allows: an interval (null bound = unbounded) minus the pre-releases of a hole. */
    private record Piece(Bound lo, Bound hi, Version holeFrom, Version holeTo, boolean hasHole, boolean empty) {
        static Piece of(Bound lo, Bound hi) {
            return new Piece(lo, hi, null, null, false, false);
        }

        static Piece holed(Bound lo, Bound hi, Version from, Version to) {
            return new Piece(lo, hi, from, to, true, false);
        }

        static Piece nothing() {
            return new Piece(null, null, null, null, false, true);
        }

        /** True when the release triple {@code t} lies in this piece's hole [holeFrom, holeTo). */
        boolean holeCovers(Version t) {
            return hasHole && t.compareTo(holeFrom) >= 0 && (holeTo == null || t.compareTo(holeTo) < 0);
        }
    }

    /**
     * The canonical comparator form: {@code *}, {@code >=a}, {@code >=a, <b} (with {@code >} /
     * {@code <=} only where a pre-release bound needs it), {@code =v} for a single pre-release, or
     * {@code <0.0.0-0} for a requirement nothing satisfies.
     */
    String normalized() {
        List<Piece> pieces = new ArrayList<>();
        for (CargoComparator c : comparators) {
            pieces.add(piece(c));
        }
        Bound lo = null;
        Bound hi = null;
        for (Piece p : pieces) {
            if (p.empty()) {
                return "<0.0.0-0";
            }
            lo = tighterLower(lo, p.lo());
            hi = tighterUpper(hi, p.hi());
        }
        // triples whose pre-releases may match: named by a pre-release comparator, in no hole
        Set<Version> preTriples = new LinkedHashSet<>();
        for (CargoComparator c : comparators) {
            if (c.full() && !c.pre().isEmpty()) {
                Version t = Version.of(c.major(), c.minor(), c.patch());
                if (pieces.stream().noneMatch(p -> p.holeCovers(t))) {
                    preTriples.add(t);
                }
            }
        }

        // the least matching version
        Version min = null;
        Version release = leastReleaseAbove(lo);
        if (release != null && below(release, hi)) {
            min = release;
        }
        for (Version t : preTriples) {
            Version candidate = leastPreReleaseAbove(lo, t);
            if (candidate != null && below(candidate, hi) && (min == null || candidate.compareTo(min) < 0)) {
                min = candidate;
            }
        }
        if (min == null) {
            return "<0.0.0-0";
        }

        // the upper bound that keeps exactly the matching releases and pre-releases
        Bound upper = null;
        if (hi != null) {
            Version b = hi.v();
            if (!b.isPreRelease()) {
                if (!hi.inclusive()) {
                    upper = hi;
                } else {
                    Version next = nextPatch(b.major(), b.minor(), b.patch());
                    upper = next == null ? null : new Bound(next, false);
                }
            } else if (preTriples.contains(b.release())) {
                upper = hi;
                List<String> pre = b.preRelease();
                if (!hi.inclusive() && pre.size() > 1 && pre.get(pre.size() - 1).equals("0")) {
                    upper = new Bound(withPre(b, pre.subList(0, pre.size() - 1)), true); // <x.0 is <=x
                }
            } else {
                upper = new Bound(b.release(), false);
            }
        }

        if (upper != null && upper.inclusive() && upper.v().compareTo(min) == 0) {
            return "=" + min;
        }
        String lower;
        List<String> pre = min.preRelease();
        if (pre.size() > 1 && pre.get(pre.size() - 1).equals("0")) {
            lower = ">" + withPre(min, pre.subList(0, pre.size() - 1)); // >=x.0 is >x
        } else {
            lower = ">=" + min;
        }
        if (upper == null) {
            return min.equals(Version.of(0, 0, 0)) ? "*" : lower;
        }
        return lower + ", " + (upper.inclusive() ? "<=" : "<") + upper.v();
    }

    /** The interval (and hole) one comparator allows, before the pre-release rule. */
    private static Piece piece(CargoComparator c) {
        long major = c.major();
        if (c.full()) {
            long minor = c.minor();
            long patch = c.patch();
            Version v = new Version(major, minor, patch, c.pre(), List.of());
            switch (c.op()) {
                case EXACT:
                case WILDCARD:
                    return Piece.of(new Bound(v, true), new Bound(v, true));
                case GREATER:
                    return Piece.of(new Bound(v, false), null);
                case GREATER_EQ:
                    return Piece.of(new Bound(v, true), null);
                case LESS:
                    return Piece.of(null, new Bound(v, false));
                case LESS_EQ:
                    return Piece.of(null, new Bound(v, true));
                case TILDE:
                    return Piece.of(new Bound(v, true), belowPreOf(nextMinor(major, minor)));
                case CARET:
                    Version end = major != 0 ? nextMajor(major)
                            : minor != 0 ? nextMinor(0, minor) : nextPatch(0, 0, patch);
                    return Piece.of(new Bound(v, true), belowPreOf(end));
                default:
                    throw new AssertionError(c.op());
            }
        }
        // partial: the triples [from, to) it covers (to == null: up to the very end)
        Version from = Version.of(major, c.minor() == null ? 0 : c.minor(), 0);
        Version to = c.minor() == null ? nextMajor(major) : nextMinor(major, c.minor());
        switch (c.op()) {
            case EXACT:
            case WILDCARD:
            case TILDE:
                return Piece.holed(new Bound(from, true), belowPreOf(to), from, to);
            case GREATER:
                return to == null ? Piece.nothing() : Piece.of(new Bound(preZero(to), true), null);
            case GREATER_EQ:
                return Piece.holed(new Bound(from, true), null, from, to);
            case LESS:
                return Piece.of(null, new Bound(preZero(from), false));
            case LESS_EQ:
                return Piece.holed(null, belowPreOf(to), from, to);
            case CARET:
                Version start = preZero(from);
                if (c.minor() == null || major != 0) {
                    return Piece.of(new Bound(start, true), belowPreOf(nextMajor(major)));
                }
                return Piece.of(new Bound(start, true), belowPreOf(nextMinor(0, c.minor())));
            default:
                throw new AssertionError(c.op());
        }
    }

    /** {@code < t-0}, i.e. below every version of triple {@code t}; unbounded when t is null. */
    private static Bound belowPreOf(Version t) {
        return t == null ? null : new Bound(preZero(t), false);
    }

    private static Bound tighterLower(Bound a, Bound b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        int c = a.v().compareTo(b.v());
        if (c != 0) {
            return c > 0 ? a : b;
        }
        return a.inclusive() ? b : a;
    }

    private static Bound tighterUpper(Bound a, Bound b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        int c = a.v().compareTo(b.v());
        if (c != 0) {
            return c < 0 ? a : b;
        }
        return a.inclusive() ? b : a;
    }

    private static boolean above(Version v, Bound lo) {
        if (lo == null) {
            return true;
        }
        int c = v.compareTo(lo.v());
        return c > 0 || c == 0 && lo.inclusive();
    }

    private static boolean below(Version v, Bound hi) {
        if (hi == null) {
            return true;
        }
        int c = v.compareTo(hi.v());
        return c < 0 || c == 0 && hi.inclusive();
    }

    /** The least release version at or above {@code lo}, or null when there is none. */
    private static Version leastReleaseAbove(Bound lo) {
        if (lo == null) {
            return Version.of(0, 0, 0);
        }
        Version v = lo.v();
        if (v.isPreRelease()) {
            return v.release();
        }
        return lo.inclusive() ? v : nextPatch(v.major(), v.minor(), v.patch());
    }

    /** The least pre-release of triple {@code t} at or above {@code lo}, or null when there is none. */
    private static Version leastPreReleaseAbove(Bound lo, Version t) {
        if (lo == null || lo.v().release().compareTo(t) < 0) {
            return preZero(t);
        }
        Version v = lo.v();
        if (v.release().compareTo(t) > 0 || !v.isPreRelease()) {
            return null;
        }
        if (lo.inclusive()) {
            return v;
        }
        List<String> next = new ArrayList<>(v.preRelease());
        next.add("0"); // the successor of x in pre-release order is x.0
        Version succ = withPre(v, next);
        return above(succ, lo) ? succ : null;
    }

    private static Version withPre(Version v, List<String> pre) {
        return new Version(v.major(), v.minor(), v.patch(), pre, List.of());
    }

    private static Version preZero(Version t) {
        return new Version(t.major(), t.minor(), t.patch(), LOWEST_PRE, List.of());
    }

    private static Version nextMajor(long major) {
        return major == MAX ? null : Version.of(major + 1, 0, 0);
    }

    private static Version nextMinor(long major, long minor) {
        return minor == MAX ? nextMajor(major) : Version.of(major, minor + 1, 0);
    }

    private static Version nextPatch(long major, long minor, long patch) {
        return patch == MAX ? nextMinor(major, minor) : Version.of(major, minor, patch + 1);
    }
}
