package dev.bluerealm.internal.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.Compatibility;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.Domain;
import dev.bluerealm.model.EvolutionEntry;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.Extract;
import dev.bluerealm.model.Governance;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.model.RealmConfig;
import dev.bluerealm.model.RepoConfig;
import dev.bluerealm.model.RepoEntry;
import dev.bluerealm.model.Role;
import dev.bluerealm.model.Validation;
import dev.bluerealm.version.Version;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;

/**
 * write → read gives an equal record, and write(read(write(x))) is byte-identical to write(x),
 * for random records of every file type, over strings chosen to break YAML writers (Jackson's
 * MINIMIZE_QUOTES must never emit text that reads back differently).
 */
class RealmCodecPropertyTest {
    private static final long SEED = 0xB1_0E_5EEDL;
    private static final int EXAMPLES = 400;
    /** Bounds the time spent minimising a counterexample (seconds, not minutes, while a bug is open). */
    private static final int SHRINK_CYCLES = 300;

    private final RealmCodec codec = new RealmCodec();

    /**
     * The law: the written bytes read back, without errors, as the same record; and writing that
     * record again gives the same bytes.
     */
    private static <T> void assertRoundTrip(T record, Function<T, byte[]> write,
                                            BiFunction<String, byte[], RealmCodec.Decoded<T>> read) {
        byte[] once = write.apply(record);
        RealmCodec.Decoded<T> back = read.apply("generated.yaml", once);
        assertEquals(List.of(), back.errors(), () -> "written YAML does not read back:\n" + show(once)
                + "\nfrom " + show(record.toString()));
        assertEquals(record, back.value(), () -> "written YAML reads back as a different record:\n" + show(once));
        byte[] twice = write.apply(back.value());
        assertEquals(new String(once, StandardCharsets.UTF_8), new String(twice, StandardCharsets.UTF_8),
                "rewriting what was read changed the bytes");
    }

    /** The YAML text with every character outside printable ASCII shown as a \\u escape (newlines kept). */
    static String show(byte[] yaml) {
        return show(new String(yaml, StandardCharsets.UTF_8));
    }

    static String show(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> {
            if (c == '\n' || c >= 0x20 && c < 0x7f) {
                out.append((char) c);
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.toString();
    }

    @Test
    void writeThenRead_realmConfig_roundTrips() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
                .forAll(RecordGenerators.realmConfig())
                .checkAssert(r -> assertRoundTrip(r, codec::write, codec::realmConfig));
    }

    @Test
    void writeThenRead_governance_roundTrips() {
        qt().withFixedSeed(SEED + 1).withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
                .forAll(RecordGenerators.governance())
                .checkAssert(g -> assertRoundTrip(g, codec::write, codec::governanceFile));
    }

    @Test
    void writeThenRead_repoEntry_roundTrips() {
        qt().withFixedSeed(SEED + 2).withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
                .forAll(RecordGenerators.repoEntry())
                .checkAssert(r -> assertRoundTrip(r, codec::write, codec::repo));
    }

    @Test
    void writeThenRead_domain_roundTrips() {
        qt().withFixedSeed(SEED + 3).withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
                .forAll(RecordGenerators.domain())
                .checkAssert(d -> assertRoundTrip(d, codec::write, codec::domain));
    }

    @Test
    void writeThenRead_contract_roundTrips() {
        qt().withFixedSeed(SEED + 4).withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
                .forAll(RecordGenerators.contract())
                .checkAssert(c -> assertRoundTrip(c, codec::write, codec::contract));
    }

    @Test
    void writeThenRead_binding_roundTrips() {
        qt().withFixedSeed(SEED + 5).withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
                .forAll(RecordGenerators.binding())
                .checkAssert(b -> assertRoundTrip(b, codec::write, codec::binding));
    }

    @Test
    void writeThenRead_repoConfig_roundTrips() {
        qt().withFixedSeed(SEED + 6).withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
                .forAll(RecordGenerators.repoConfig())
                .checkAssert(c -> assertRoundTrip(c, codec::write, codec::repoConfig));
    }

    @Test
    void writeThenRead_jsonValues_roundTrip() {
        Gen<JsonValue> json = RecordGenerators.json(4);
        qt().withFixedSeed(SEED + 7).withExamples(1000).withShrinkCycles(SHRINK_CYCLES)
                .forAll(json, json)
                .checkAssert((schema, value) -> assertRoundTrip(contractHolding(schema, value), codec::write,
                        codec::contract));
    }

    /** A non-BMP character at every offset around the YAML parser's 1025-char read chunks. */
    @Test
    void writeThenRead_emojiAtEveryOffsetAroundTheParsersBuffer_roundTrips() {
        for (int pad = 900; pad < 1100; pad++) {
            String s = "x".repeat(pad) + "\uD83D\uDE00";
            Contract c = contractHolding(JsonValue.NULL, JsonValue.array(List.of(JsonValue.string(s))));
            try {
                assertRoundTrip(c, codec::write, codec::contract);
            } catch (RuntimeException e) {
                throw new AssertionError("reading threw with " + pad + " chars before the emoji", e);
            }
        }
    }

    // ------------------------------------------------------------------ every hostile string, one by one

    private static Contract contractHolding(JsonValue schema, JsonValue value) {
        return new Contract("c", Version.of(1, 0, 0), "o", Compatibility.DEFAULT, schema, value, null, List.of());
    }

    static Stream<String> hostile() {
        return RecordGenerators.HOSTILE.stream();
    }

    /** Each hostile string as a JSON string value, in a list, and as a member name. */
    @ParameterizedTest
    @MethodSource("hostile")
    void writeThenRead_hostileStringInJson_roundTrips(String s) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        members.put("v", JsonValue.string(s));
        members.put("l", JsonValue.array(List.of(JsonValue.string(s))));
        members.put(s, JsonValue.NULL);
        assertRoundTrip(contractHolding(JsonValue.string(s), new JsonValue.JsonObject(members)), codec::write,
                codec::contract);
    }

    /** Each hostile string in every free-text field of the records. */
    @ParameterizedTest
    @MethodSource("hostile")
    void writeThenRead_hostileStringInTextFields_roundTrips(String s) {
        Instant t = Instant.parse("2026-01-24T10:00:00Z");
        String nonBlank = s.isBlank() ? s + "x" : s;
        assertRoundTrip(new Domain("d", s, t, List.of()), codec::write, codec::domain);
        assertRoundTrip(new RepoEntry("r", nonBlank, nonBlank, null, List.of(nonBlank), t), codec::write, codec::repo);
        assertRoundTrip(new Governance(dev.bluerealm.model.Admission.OPEN, List.of(nonBlank),
                dev.bluerealm.model.BreakingChanges.DEFAULT, List.of()), codec::write, codec::governanceFile);
        assertRoundTrip(new Contract("c", Version.of(1, 0, 0), "o", Compatibility.DEFAULT, JsonValue.NULL,
                JsonValue.NULL, new Validation(nonBlank, nonBlank, List.of(nonBlank)),
                List.of(new EvolutionEntry(Version.of(1, 0, 0), List.of(s), false))), codec::write, codec::contract);
        assertRoundTrip(new Binding("b", Role.BOTH,
                List.of(new ExportBinding("c", List.of(nonBlank), new Extract.File(nonBlank)),
                        new ExportBinding("d", List.of(), new Extract.Command(nonBlank))),
                List.of(new ImportBinding("c", nonBlank, nonBlank, null, s, null))), codec::write, codec::binding);
        assertRoundTrip(new RepoConfig(new dev.bluerealm.model.RealmRef("r", nonBlank), "a"), codec::write,
                codec::repoConfig);
        assertRoundTrip(new RealmConfig("r", nonBlank, t, Governance.defaults(List.of(nonBlank)),
                new dev.bluerealm.model.Trust(dev.bluerealm.model.TrustMode.COLLABORATIVE, false,
                        Map.of(nonBlank, List.of(nonBlank)))), codec::write, codec::realmConfig);
    }

    @Test
    void show_nonAscii_isEscaped() {
        assertEquals("a\n\\u0085\\u2028", show("a\n\u0085\u2028"));
    }
}
