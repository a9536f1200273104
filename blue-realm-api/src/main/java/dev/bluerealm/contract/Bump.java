package dev.bluerealm.contract;

import dev.bluerealm.version.Version;
import java.util.Objects;

/**
 * The version bump a contract change requires (DESIGN §4). From 1.0.0: breaking → major, a
 * compatible schema or value change → minor, anything else (descriptions, hooks, evolution notes)
 * → patch. Below 1.0.0 everything shifts one place, as Cargo's caret does ({@code ^0.4} means
 * {@code >=0.4.0, <0.5.0}): breaking → minor, everything else → patch.
 *
 * <pre>{@code
 * Bump.required(Version.parse("1.4.0"), Change.COMPATIBLE)   // MINOR
 * Bump.MINOR.apply(Version.parse("1.4.0"))                   // 1.5.0
 * }</pre>
 *
 * @since 0.1
 */
public enum Bump {
    PATCH, MINOR, MAJOR;

    /** What kind of change a new contract version carries. */
    public enum Change {
        /** Breaks a direction the contract promises (compatibility.backwards or .forwards). */
        BREAKING,
        /** A schema or value change that keeps every promise. */
        COMPATIBLE,
        /** Anything else: descriptions, hooks, evolution notes. */
        OTHER
    }

    /** The smallest bump {@code change} requires on top of {@code current}. */
    public static Bump required(Version current, Change change) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(change, "change");
        boolean stable = Long.compareUnsigned(current.major(), 1) >= 0;
        switch (change) {
            case BREAKING:
                return stable ? MAJOR : MINOR;
            case COMPATIBLE:
                return stable ? MINOR : PATCH;
            default:
                return PATCH;
        }
    }

    /** The bump from {@code from} to {@code to}, or null when {@code to} is not above {@code from}. */
    public static Bump between(Version from, Version to) {
        Version a = from.release();
        Version b = to.release();
        if (b.compareTo(a) <= 0) {
            return to.compareTo(from) > 0 ? PATCH : null; // 1.0.0-rc.1 → 1.0.0 is the least step up
        }
        if (b.major() != a.major()) {
            return MAJOR;
        }
        return b.minor() != a.minor() ? MINOR : PATCH;
    }

    /** True when going {@code from} → {@code to} is at least this bump. */
    public boolean satisfiedBy(Version from, Version to) {
        Bump actual = between(from, to);
        return actual != null && actual.compareTo(this) >= 0;
    }

    /** The next version after {@code v} with this bump (pre-release and build dropped). */
    public Version apply(Version v) {
        switch (this) {
            case MAJOR:
                return Version.of(v.major() + 1, 0, 0);
            case MINOR:
                return Version.of(v.major(), v.minor() + 1, 0);
            default:
                return v.isPreRelease() ? v.release() : Version.of(v.major(), v.minor(), v.patch() + 1);
        }
    }
}
