package dev.bluerealm.version;

import java.util.List;

/**
 * One comparator on a full version ({@code >=1.2.3}, {@code <2.0.0-0}, ...), or {@link Op#ANY}.
 * Tests compare by SemVer precedence (build metadata ignored). Used for npm comparator sets and for
 * the normalised form of both dialects.
 *
 * @param op the operator
 * @param version the operand, without build metadata; {@code null} only for {@link Op#ANY}
 */
record RangeComparator(Op op, Version version) {

    /** Comparison operators. {@code ANY} is node-semver's empty comparator, true for every version. */
    enum Op {
        ANY(""), EQ("="), GT(">"), GE(">="), LT("<"), LE("<=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    RangeComparator {
        if ((op == Op.ANY) != (version == null)) {
            throw new IllegalArgumentException("ANY has no version, every other operator has one");
        }
        if (version != null && !version.build().isEmpty()) {
            version = new Version(version.major(), version.minor(), version.patch(), version.preRelease(), List.of());
        }
    }

    static RangeComparator of(Op op, Version version) {
        return new RangeComparator(op, version);
    }

    /** True when {@code v} satisfies this comparator alone (no pre-release rule applied). */
    boolean test(Version v) {
        if (op == Op.ANY) {
            return true;
        }
        int c = v.compareTo(version);
        switch (op) {
            case EQ:
                return c == 0;
            case GT:
                return c > 0;
            case GE:
                return c >= 0;
            case LT:
                return c < 0;
            case LE:
                return c <= 0;
            default:
                throw new AssertionError(op);
        }
    }

    /** True when this comparator names a pre-release on the same major.minor.patch as {@code v}. */
    boolean allowsPreReleaseOf(Version v) {
        return op != Op.ANY && version.isPreRelease() && version.major() == v.major()
                && version.minor() == v.minor() && version.patch() == v.patch();
    }

    /** Operator and version as node-semver prints them: {@code =} is written as nothing. */
    String npmText() {
        if (op == Op.ANY) {
            return "";
        }
        return (op == Op.EQ ? "" : op.symbol) + version;
    }

    /** Operator and version with the operator always written. */
    @Override
    public String toString() {
        return op == Op.ANY ? "*" : op.symbol + version;
    }
}
