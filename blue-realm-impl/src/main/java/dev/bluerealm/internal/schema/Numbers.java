package dev.bluerealm.internal.schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Bounds arithmetic for the number part of a {@link Conj}. */
final class Numbers {
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final int MAX_QUOTIENT_DIGITS = 40;

    private Numbers() {}

    /**
     * The tightest lower bound implied by {@code c}: its own, raised to the next multiple of each step
     * (multipleOf, or 1 for integers), where that is cheap to compute.
     */
    static Conj.Bound effectiveLower(Conj c) {
        return effective(c, c.lower, true);
    }

    static Conj.Bound effectiveUpper(Conj c) {
        return effective(c, c.upper, false);
    }

    private static Conj.Bound effective(Conj c, Conj.Bound b, boolean lower) {
        if (b == null) {
            return null;
        }
        Conj.Bound best = b;
        for (BigDecimal m : c.steps()) {
            BigDecimal q = b.value().divide(m, 0, lower ? RoundingMode.CEILING : RoundingMode.FLOOR);
            if (q.precision() > MAX_QUOTIENT_DIGITS) {
                continue;
            }
            BigDecimal v = q.multiply(m);
            if (b.exclusive() && v.compareTo(b.value()) == 0) {
                v = lower ? v.add(m) : v.subtract(m);
            }
            Conj.Bound inclusive = new Conj.Bound(v, false);
            if (lower ? Normalizer.tighterLower(inclusive, best) : Normalizer.tighterUpper(inclusive, best)) {
                best = inclusive;
            }
        }
        return best;
    }

    /** True when no number satisfies the bounds of {@code c}. */
    static boolean empty(Conj c) {
        Conj.Bound lo = effectiveLower(c);
        Conj.Bound hi = effectiveUpper(c);
        if (lo == null || hi == null) {
            return false;
        }
        int cmp = lo.value().compareTo(hi.value());
        return cmp > 0 || cmp == 0 && (lo.exclusive() || hi.exclusive());
    }

    /** Does every number satisfying bound {@code a} (a lower bound) satisfy lower bound {@code b}? */
    static boolean lowerImplies(Conj.Bound a, Conj.Bound b) {
        if (b == null) {
            return true;
        }
        if (a == null) {
            return false;
        }
        int cmp = a.value().compareTo(b.value());
        return cmp > 0 || cmp == 0 && (a.exclusive() || !b.exclusive());
    }

    static boolean upperImplies(Conj.Bound a, Conj.Bound b) {
        if (b == null) {
            return true;
        }
        if (a == null) {
            return false;
        }
        int cmp = a.value().compareTo(b.value());
        return cmp < 0 || cmp == 0 && (a.exclusive() || !b.exclusive());
    }

    /** Is {@code a} an integer multiple of {@code m}? */
    static boolean isMultiple(BigDecimal a, BigDecimal m) {
        try {
            return a.remainder(m).signum() == 0;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    /** Numbers worth trying as samples or counterexamples: around every bound and step of {@code cs}. */
    static List<BigDecimal> pool(List<Conj> cs) {
        List<BigDecimal> out = new ArrayList<>();
        for (Conj c : cs) {
            for (Conj.Bound b : new Conj.Bound[] {effectiveLower(c), effectiveUpper(c), c.lower, c.upper}) {
                if (b != null) {
                    BigDecimal v = b.value();
                    add(out, v, v.subtract(BigDecimal.ONE), v.add(BigDecimal.ONE), v.subtract(HALF), v.add(HALF),
                            v.subtract(new BigDecimal("0.01")), v.add(new BigDecimal("0.01")));
                    for (BigDecimal m : c.steps()) {
                        BigDecimal q = v.divide(m, 0, RoundingMode.FLOOR);
                        if (q.precision() <= MAX_QUOTIENT_DIGITS) {
                            BigDecimal base = q.multiply(m);
                            add(out, base, base.add(m), base.subtract(m), base.add(m.multiply(HALF)));
                        }
                    }
                }
            }
            for (BigDecimal m : c.multipleOf) {
                add(out, m, m.add(m), m.multiply(HALF), m.multiply(new BigDecimal("1.5")), m.negate());
            }
        }
        add(out, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE.negate(), HALF, new BigDecimal("1.5"),
                BigDecimal.valueOf(2), BigDecimal.TEN, BigDecimal.valueOf(100), BigDecimal.valueOf(-100),
                HALF.negate(), BigDecimal.valueOf(1_000_000), new BigDecimal("0.1"));
        return out;
    }

    private static void add(List<BigDecimal> out, BigDecimal... vs) {
        for (BigDecimal v : vs) {
            BigDecimal n = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
            if (n.precision() <= 15 && !out.contains(n)) {
                out.add(n);
            }
        }
    }
}
