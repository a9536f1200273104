package dev.bluerealm.version;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The one place that builds SemVer generators for property tests: version texts (valid by
 * construction), {@link Version}s, and "near-miss" texts that are valid only sometimes.
 */
final class Generators {
    /** 2^64 - 1, the largest version number. */
    static final String U64_MAX = "18446744073709551615";

    private Generators() {}

    /** A decimal u64 without leading zeros: mostly small (so that versions collide), sometimes huge. */
    static Gen<String> number() {
        return Generate.frequency(
                Pair.of(6, integers().between(0, 12).map(i -> String.valueOf(i))),
                Pair.of(2, longs().all().map(l -> Long.toUnsignedString(l))),
                Pair.of(1, Generate.pick(List.of(U64_MAX, "18446744073709551614", "9223372036854775807",
                        "9223372036854775808", "4294967296", "10", "100"))));
    }

    /** A numeric pre-release identifier: no leading zero; may exceed any fixed-width integer. */
    static Gen<String> numericIdentifier() {
        return Generate.frequency(
                Pair.of(5, integers().between(0, 20).map(i -> String.valueOf(i))),
                Pair.of(1, longs().between(0, Long.MAX_VALUE).map(i -> String.valueOf(i))),
                Pair.of(1, Generate.pick(List.of("99999999999999999999999", "100000000000000000000000",
                        U64_MAX + "0"))));
    }

    /** An alphanumeric identifier over [0-9A-Za-z-] holding at least one non-digit. */
    static Gen<String> alphanumericIdentifier() {
        Gen<String> chars = text("0123456789aAbzZ-", 1, 6);
        return chars.map(s -> s.chars().allMatch(Character::isDigit) ? s + "x" : s);
    }

    /** Pre-release identifiers: 0 to 4 of them, numeric or alphanumeric. */
    static Gen<List<String>> preRelease() {
        Gen<String> id = Generate.frequency(
                Pair.of(1, numericIdentifier()),
                Pair.of(2, alphanumericIdentifier()),
                Pair.of(2, Generate.pick(List.of("alpha", "beta", "rc", "0", "1", "2", "11", "-", "0a", "A"))));
        return lists(id, 0, 4);
    }

    /** Build metadata: 0 to 3 identifiers over [0-9A-Za-z-] (leading zeros allowed). */
    static Gen<List<String>> build() {
        return Generate.frequency(
                Pair.of(3, Generate.constant(List.of())),
                Pair.of(1, lists(text("0123456789abcZ-", 1, 5), 1, 3)));
    }

    /** The text of a valid SemVer 2.0.0 version. */
    static Gen<String> versionText() {
        Gen<String> n = number();
        Gen<List<String>> pre = preRelease();
        Gen<List<String>> b = build();
        return in -> n.generate(in) + "." + n.generate(in) + "." + n.generate(in)
                + suffix('-', pre.generate(in)) + suffix('+', b.generate(in));
    }

    /** Valid versions. */
    static Gen<Version> versions() {
        return versionText().map(s -> Version.parse(s));
    }

    /**
     * Versions from a tiny space (parts 0..2, a few identifiers), so that equal precedence and
     * equal records are frequent: good for order laws (transitivity needs ties and chains).
     */
    static Gen<Version> smallVersions() {
        Gen<String> part = integers().between(0, 2).map(i -> String.valueOf(i));
        Gen<List<String>> pre = Generate.frequency(
                Pair.of(1, Generate.constant(List.of())),
                Pair.of(2, lists(Generate.pick(List.of("0", "1", "10", "a", "b", "A", "-")), 1, 2)));
        Gen<List<String>> b = Generate.frequency(
                Pair.of(3, Generate.constant(List.of())),
                Pair.of(1, lists(Generate.pick(List.of("1", "x")), 1, 1)));
        return in -> Version.parse("1." + part.generate(in) + "." + part.generate(in)
                + suffix('-', pre.generate(in)) + suffix('+', b.generate(in)));
    }

    /**
     * Texts glued from version-ish tokens (digits, leading zeros, dots, dashes, pluses, letters,
     * blanks, a leading v), and valid versions with one token inserted (which may push a number
     * past 2^64 - 1): a mix of valid and almost-valid versions for acceptance properties.
     */
    static Gen<String> nearVersionText() {
        Gen<String> token = Generate.pick(List.of("0", "1", "7", "12", "01", "00", ".", ".", ".", "-", "+", "a",
                "Z", "rc", "-", "..", " ", "v", "_", "é"));
        Gen<String> soup = lists(token, 0, 9).map(l -> String.join("", l));
        Gen<String> mutated = versionText().zip(integers().between(0, 30), token, (v, at, t) -> {
            int i = Math.min(at, v.length());
            return v.length() > 40 ? v : v.substring(0, i) + t + v.substring(i);
        });
        Gen<String> smallValid = smallVersions().map(v -> v.toString());
        return Generate.frequency(Pair.of(3, soup), Pair.of(3, mutated), Pair.of(1, smallValid));
    }

    private static String suffix(char sep, List<String> ids) {
        return ids.isEmpty() ? "" : sep + String.join(".", ids);
    }

    /** Strings of length min..max over the given characters. */
    static Gen<String> text(String alphabet, int min, int max) {
        Gen<Integer> length = integers().between(min, max);
        Gen<Integer> index = integers().between(0, alphabet.length() - 1);
        return in -> {
            int n = length.generate(in);
            StringBuilder out = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                out.append(alphabet.charAt(index.generate(in)));
            }
            return out.toString();
        };
    }

    /** Lists of min..max items. */
    static <T> Gen<List<T>> lists(Gen<T> item, int min, int max) {
        Gen<Integer> size = integers().between(min, max);
        return in -> {
            int n = size.generate(in);
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(item.generate(in));
            }
            return out;
        };
    }
}
