package dev.bluerealm.internal.yaml;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Admission;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.BreakingChanges;
import dev.bluerealm.model.Compatibility;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.Domain;
import dev.bluerealm.model.EvolutionEntry;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.Extract;
import dev.bluerealm.model.Governance;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.model.ImportStatus;
import dev.bluerealm.model.RealmConfig;
import dev.bluerealm.model.RealmRef;
import dev.bluerealm.model.RepoConfig;
import dev.bluerealm.model.RepoEntry;
import dev.bluerealm.model.Role;
import dev.bluerealm.model.Trust;
import dev.bluerealm.model.TrustMode;
import dev.bluerealm.model.Validation;
import dev.bluerealm.version.Version;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The one place that builds random realm records for property tests: names from the name
 * alphabet, and text from an alphabet of YAML-hostile pieces (indicators, quotes, YAML 1.1 and
 * 1.2 keywords, number look-alikes, blanks, line breaks, unicode, the empty string).
 */
public final class RecordGenerators {
    private RecordGenerators() {}

    /** Whole strings that YAML reads as something else unless quoted (or that need care to emit). */
    static final List<String> HOSTILE = List.of(
            "", " ", "  ", "*", "&", "#", "!", "%", "@", "`", "|", ">", "?", "-", ":", ",", "[", "]", "{", "}",
            "*a", "&a", "# x", "a #b", ": ", "a: b", "a:b", "- ", "- x", "? x", "| x", "> x", "!tag", "%x", "@x",
            "'", "\"", "'q'", "\"q\"", "it's", "say \"hi\"", "\\", "a\\nb",
            "yes", "no", "on", "off", "y", "n", "Y", "N", "Yes", "NO", "On", "OFF",
            "true", "True", "TRUE", "false", "False", "null", "Null", "NULL", "~",
            "1", "-1", "+1", "012", "1.0", "1.", ".5", "-0", "00", "1e3", "1E3", "1_000", "0b101", "0x10", "0x1F",
            "0o17", "0X10", "0x0", "+1e3", "01e3", ".5e3", "00e0", "-01e3",
            ".inf", "-.inf", ".Inf", "+.INF", "-.Inf", ".nan", ".NaN", ".NAN", "inf", "nan", "1:20",
            "2026-01-24", "2026-01-24T10:00:00Z", "1.2.3", "1.4.0", "^1.2", ">=1.0.0, <2.0.0",
            "<<", "=", "---", "...", "--- a", "... a",
            "  lead", "trail  ", " both ", "\n", "\n\n", "a\n", "\na", "a\nb", "a\n\nb", " \n", "a \nb", "x\r\ny",
            "\r", "\t", "a\tb", "\t lead",
            "é", "日本語", "\uD83D\uDE00", "\u00a0", "x\u00a0", "\u2028", "a\u2028b", "\u2029", "\u0085",
            "\u0085x", "a\u0085b", "a \u0085b", " \u0085", "a\n\u0085b", "\n\u0085",
            "\uFEFF", "a\uFEFFb", "\u200b", "\u0000", "\u0007", "\u001b", "\u007f", "\u009f",
            "\ufffd", "\uFFFE");

    /** Single characters (as code points) that text is built from. */
    private static final int[] ALPHABET =
            "aZ09 .-_:#&*!|>'\"%@`{}[],?~\\\t\n\ré日\uD83D\uDE00\u2028\u0085\u00a0\u0000".codePoints().toArray();

    private static final String NAME_FIRST = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String NAME_REST = NAME_FIRST + "._-";

    // ------------------------------------------------------------------ text

    /** Any string, YAML-hostile more often than not (the empty string included). */
    public static Gen<String> text() {
        Gen<String> word = Generate.pick(List.of("a", "jobs/*", "x y", "s3://bucket/path", "eric@example.com", "1"));
        Gen<String> piece = Generate.frequency(Pair.of(3, Generate.pick(HOSTILE)), Pair.of(1, word));
        Gen<String> joined = lists(piece, 1, 4).map(l -> String.join("", l));
        Gen<Integer> index = integers().between(0, ALPHABET.length - 1);
        Gen<Integer> length = integers().between(0, 10);
        Gen<String> chars = in -> {
            int n = length.generate(in);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < n; i++) {
                out.appendCodePoint(ALPHABET[index.generate(in)]);
            }
            return out.toString();
        };
        return Generate.frequency(Pair.of(3, Generate.pick(HOSTILE)), Pair.of(4, joined), Pair.of(3, chars));
    }

    /** A string that is not blank (for fields that refuse blanks). */
    public static Gen<String> nonBlank() {
        return text().map(s -> s.isBlank() ? s + "x" : s);
    }

    public static <T> Gen<T> nullOr(Gen<T> gen) {
        return Generate.frequency(Pair.of(1, Generate.constant((T) null)), Pair.of(2, gen));
    }

    /** A valid name: mostly short, sometimes exactly 64 characters. */
    public static Gen<String> name() {
        Gen<Integer> first = integers().between(0, NAME_FIRST.length() - 1);
        Gen<Integer> rest = integers().between(0, NAME_REST.length() - 1);
        Gen<Integer> length = Generate.frequency(Pair.of(6, integers().between(0, 12)),
                Pair.of(1, integers().between(0, 63)), Pair.of(1, Generate.constant(63)));
        return in -> {
            StringBuilder out = new StringBuilder().append(NAME_FIRST.charAt(first.generate(in)));
            int n = length.generate(in);
            for (int i = 0; i < n; i++) {
                out.append(NAME_REST.charAt(rest.generate(in)));
            }
            return out.toString();
        };
    }

    /** Distinct valid names. */
    static Gen<List<String>> distinctNames(int max) {
        return lists(name(), 0, max).map(l -> new ArrayList<>(new LinkedHashSet<>(l)));
    }

    static Gen<Instant> instant() {
        Gen<Instant> ordinary = longs().between(0, 4_102_444_800L).zip(Generate.frequency(
                Pair.of(3, Generate.constant(0)),
                Pair.of(1, integers().between(0, 999).map(ms -> ms * 1_000_000)),
                Pair.of(1, integers().between(0, 999_999_999))), (s, n) -> Instant.ofEpochSecond(s, n));
        Gen<Instant> extreme = Generate.pick(List.of("0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z", "2026-01-24T10:00:00Z")).map(s -> Instant.parse(s));
        return Generate.frequency(Pair.of(5, ordinary), Pair.of(1, extreme));
    }

    static Gen<Version> version() {
        Gen<Long> number = Generate.frequency(Pair.of(5, longs().between(0, 20)), Pair.of(1, longs().all()));
        Gen<List<String>> pre = Generate.frequency(Pair.of(2, Generate.constant(List.of())),
                Pair.of(1, lists(Generate.pick(List.of("alpha", "1", "rc", "0", "x-y", "B2")), 1, 3)));
        Gen<List<String>> build = Generate.frequency(Pair.of(3, Generate.constant(List.of())),
                Pair.of(1, lists(Generate.pick(List.of("001", "build", "sha-1f2e")), 1, 2)));
        return in -> new Version(number.generate(in), number.generate(in), number.generate(in), pre.generate(in),
                build.generate(in));
    }

    // ------------------------------------------------------------------ JSON

    static Gen<BigDecimal> decimal() {
        Gen<BigDecimal> small = longs().between(-1_000_000, 1_000_000).zip(integers().between(-6, 6),
                (u, s) -> new BigDecimal(BigInteger.valueOf(u), s));
        Gen<BigDecimal> wide = longs().all().zip(integers().between(-30, 30),
                (u, s) -> new BigDecimal(BigInteger.valueOf(u), s));
        Gen<BigDecimal> big = lists(integers().between(0, 9), 20, 40).map(digits -> {
            StringBuilder out = new StringBuilder("9");
            digits.forEach(out::append);
            return new BigDecimal(out.toString());
        });
        Gen<BigDecimal> special = Generate.pick(List.of("0", "-0.0", "1.0", "1000", "1E+3", "0.1", "-2.5E-3",
                "1E+150", "1E-150", "123456789012345678901234567890.5", "9223372036854775808", "-9223372036854775809",
                "18446744073709551616")).map(s -> new BigDecimal(s));
        return Generate.frequency(Pair.of(3, small), Pair.of(1, wide), Pair.of(1, big), Pair.of(1, special));
    }

    static Gen<JsonValue> jsonScalar() {
        return Generate.frequency(
                Pair.of(4, text().map(s -> JsonValue.string(s))),
                Pair.of(3, decimal().map(d -> new JsonValue.JsonNumber(d))),
                Pair.of(1, booleans().all().map(b -> JsonValue.bool(b))),
                Pair.of(1, Generate.constant(JsonValue.NULL)));
    }

    /** JSON values nested up to {@code depth} levels of objects and arrays. */
    static Gen<JsonValue> json(int depth) {
        if (depth == 0) {
            return jsonScalar();
        }
        Gen<JsonValue> inner = json(depth - 1);
        Gen<JsonValue> array = lists(inner, 0, 4).map(items -> new JsonValue.JsonArray(items));
        Gen<String> key = text();
        Gen<Integer> size = integers().between(0, 4);
        Gen<JsonValue> object = in -> {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            int n = size.generate(in);
            for (int i = 0; i < n; i++) {
                members.put(key.generate(in), inner.generate(in));
            }
            return new JsonValue.JsonObject(members);
        };
        return Generate.frequency(Pair.of(2, jsonScalar()), Pair.of(1, array), Pair.of(2, object));
    }

    // ------------------------------------------------------------------ records

    static Gen<Governance> governance() {
        Gen<Admission> admission = Generate.enumValues(Admission.class);
        Gen<List<String>> approvers = lists(nonBlank(), 0, 3);
        Gen<BreakingChanges> breaking = booleans().all().zip(Generate.frequency(
                Pair.of(3, integers().between(0, 30)), Pair.of(1, integers().between(0, 3650))),
                (b, d) -> new BreakingChanges(b, d));
        Gen<List<String>> invites = distinctNames(3);
        return in -> new Governance(admission.generate(in), approvers.generate(in), breaking.generate(in),
                invites.generate(in));
    }

    static Gen<Trust> trust() {
        Gen<TrustMode> mode = Generate.enumValues(TrustMode.class);
        Gen<Boolean> signed = booleans().all();
        Gen<Integer> size = integers().between(0, 3);
        Gen<String> pattern = nonBlank();
        Gen<List<String>> roles = lists(nonBlank(), 0, 3);
        return in -> {
            Map<String, List<String>> permissions = new LinkedHashMap<>();
            int n = size.generate(in);
            for (int i = 0; i < n; i++) {
                permissions.put(pattern.generate(in), roles.generate(in));
            }
            return new Trust(mode.generate(in), signed.generate(in), permissions);
        };
    }

    static Gen<RealmConfig> realmConfig() {
        Gen<String> name = name();
        Gen<String> version = nonBlank();
        Gen<Instant> created = instant();
        Gen<Governance> governance = governance();
        Gen<Trust> trust = trust();
        return in -> new RealmConfig(name.generate(in), version.generate(in), created.generate(in),
                governance.generate(in), trust.generate(in));
    }

    static Gen<RepoEntry> repoEntry() {
        Gen<String> name = name();
        Gen<String> org = nullOr(nonBlank());
        Gen<String> location = nonBlank();
        Gen<Integer> which = integers().between(0, 2);
        Gen<List<String>> maintainers = lists(nonBlank(), 0, 3);
        Gen<Instant> joined = instant();
        return in -> {
            int w = which.generate(in);
            String path = w == 1 ? location.generate(in) : null;
            String url = w == 2 ? location.generate(in) : null;
            return new RepoEntry(name.generate(in), org.generate(in), path, url, maintainers.generate(in),
                    joined.generate(in));
        };
    }

    static Gen<Domain> domain() {
        Gen<String> name = name();
        Gen<String> description = nullOr(text());
        Gen<Instant> created = instant();
        Gen<List<String>> members = distinctNames(4);
        return in -> new Domain(name.generate(in), description.generate(in), created.generate(in),
                members.generate(in));
    }

    static Gen<Contract> contract() {
        Gen<String> name = name();
        Gen<Version> version = version();
        Gen<Boolean> bool = booleans().all();
        Gen<JsonValue> json = json(3);
        Gen<Validation> validation = nullOr(in -> new Validation(nullOr(nonBlank()).generate(in),
                nullOr(nonBlank()).generate(in), lists(nonBlank(), 0, 2).generate(in)));
        Gen<EvolutionEntry> entry = in -> new EvolutionEntry(version.generate(in), lists(text(), 0, 3).generate(in),
                bool.generate(in));
        Gen<List<EvolutionEntry>> evolution = lists(entry, 0, 3);
        return in -> new Contract(name.generate(in), version.generate(in), name.generate(in),
                new Compatibility(bool.generate(in), bool.generate(in)), json.generate(in), json.generate(in),
                validation.generate(in), evolution.generate(in));
    }

    static Gen<Extract> extract() {
        return Generate.frequency(
                Pair.of(2, Generate.constant(Extract.MARKERS)),
                Pair.of(1, nonBlank().map(s -> new Extract.File(s))),
                Pair.of(1, nonBlank().map(s -> new Extract.Command(s))));
    }

    static Gen<Binding> binding() {
        Gen<String> name = name();
        Gen<Role> role = Generate.enumValues(Role.class);
        Gen<ExportBinding> export = in -> new ExportBinding(name.generate(in), lists(nonBlank(), 0, 3).generate(in),
                extract().generate(in));
        Gen<ImportBinding> importBinding = in -> new ImportBinding(name.generate(in), nonBlank().generate(in),
                nullOr(nonBlank()).generate(in), nullOr(Generate.enumValues(ImportStatus.class)).generate(in),
                nullOr(text()).generate(in), nullOr(instant()).generate(in));
        Gen<List<ExportBinding>> exports = lists(export, 0, 2);
        Gen<List<ImportBinding>> imports = lists(importBinding, 0, 2);
        return in -> new Binding(name.generate(in), role.generate(in), exports.generate(in), imports.generate(in));
    }

    static Gen<RepoConfig> repoConfig() {
        Gen<String> name = name();
        Gen<String> url = nonBlank();
        return in -> new RepoConfig(new RealmRef(name.generate(in), url.generate(in)), name.generate(in));
    }

    // ------------------------------------------------------------------ helpers

    public static <T> Gen<List<T>> lists(Gen<T> item, int min, int max) {
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
