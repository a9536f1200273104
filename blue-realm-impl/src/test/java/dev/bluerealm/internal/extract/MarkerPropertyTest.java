package dev.bluerealm.internal.extract;

import static dev.bluerealm.internal.extract.Fixtures.S3_SCHEMA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.bluerealm.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Markers scattered over files and lines, written in every literal style: the assembled list is
 * the set of their values in first-occurrence order, and what the tool would write (the merge
 * into any realm value) differs from it by nothing.
 */
class MarkerPropertyTest {
    private static final long SEED = 0xB1_0E_E7_90L;
    private static final int FILES = 4;

    /** One marker: which value (an index into a small pool), in which file, in which literal style, after how many filler lines. */
    record Occurrence(int value, int file, int style, int filler) {}

    private static final Gen<Occurrence> OCCURRENCE = integers().between(0, 11)
            .zip(integers().between(0, FILES - 1), integers().between(0, 4), integers().between(0, 2), Occurrence::new);

    /** Printable ASCII, so quotes, backslashes, '#', '=' and the keyword's own characters all occur. */
    private static final Gen<List<String>> POOL = lists().of(strings().basicLatinAlphabet().ofLengthBetween(0, 12))
            .ofSize(12);

    @Test
    void assemble_scatteredMarkers_giveTheSetOfValuesInFirstOccurrenceOrder() {
        qt().withFixedSeed(SEED).withExamples(500)
                .forAll(POOL, lists().of(OCCURRENCE).ofSizeBetween(0, 40))
                .checkAssert((pool, occurrences) -> {
                    List<List<String>> files = new ArrayList<>();
                    for (int f = 0; f < FILES; f++) {
                        files.add(new ArrayList<>(List.of("# generated")));
                    }
                    List<List<String>> expectedPerFile = new ArrayList<>();
                    for (int f = 0; f < FILES; f++) {
                        expectedPerFile.add(new ArrayList<>());
                    }
                    for (Occurrence o : occurrences) {
                        List<String> lines = files.get(o.file());
                        for (int i = 0; i < o.filler(); i++) {
                            lines.add(i % 2 == 0 ? "x = compute(1, 2)  # no marker" : "");
                        }
                        lines.add(line(pool.get(o.value()), o.style()));
                        expectedPerFile.get(o.file()).add(pool.get(o.value()));
                    }
                    List<Marker> markers = new ArrayList<>();
                    Set<String> expected = new LinkedHashSet<>();
                    for (int f = 0; f < FILES; f++) {
                        String name = "src/f" + f + ".py";
                        FileScan scan = MarkerScanner.scanFile(name, String.join("\n", files.get(f)),
                                Set.of("s3-permissions", "s3"));
                        assertEquals(List.of(), scan.problems(), () -> "file " + name + ": " + files.get(0));
                        markers.addAll(scan.markers());
                        expected.addAll(expectedPerFile.get(f));
                    }
                    Assembly a = ValueAssembler.assemble("s3-permissions", S3_SCHEMA, markers);
                    assertEquals(List.of(), a.problems());
                    JsonValue expectedValue = expected.isEmpty() ? JsonValue.object(Map.of())
                            : JsonValue.object(Map.of("read", JsonValue.array(expected.stream().map(JsonValue::string)
                                    .toList())));
                    assertEquals(expectedValue.toJson(), a.value().toJson());
                });
    }

    @Test
    void merge_intoAnyRealmList_differsFromTheExtractedValueByNothing() {
        Gen<List<String>> paths = lists().of(strings().basicLatinAlphabet().ofLengthBetween(0, 3)).ofSizeBetween(0, 12);
        qt().withFixedSeed(SEED + 1).withExamples(1000)
                .forAll(paths, paths, paths)
                .checkAssert((realmRead, extractedRead, realmWrite) -> {
                    JsonValue realm = JsonValue.object(Map.of("read", jsonStrings(realmRead), "write", jsonStrings(realmWrite),
                            "delete", JsonValue.array(List.of())));
                    JsonValue extracted = Defaults.complete(S3_SCHEMA,
                            JsonValue.object(Map.of("read", jsonStrings(new ArrayList<>(new LinkedHashSet<>(extractedRead))))));
                    JsonValue merged = ValueDiff.merge(realm, extracted);
                    assertEquals(List.of(), ValueDiff.diff(S3_SCHEMA, merged, extracted));
                    // the realm's surviving items keep their order, and come first
                    List<String> kept = new ArrayList<>(new LinkedHashSet<>(realmRead));
                    kept.retainAll(Set.copyOf(extractedRead));
                    List<JsonValue> mergedRead = ((JsonValue.JsonArray) ((JsonValue.JsonObject) merged).get("read")).items();
                    assertEquals(kept.stream().map(JsonValue::string).toList(), mergedRead.subList(0, kept.size()));
                    assertEquals(new LinkedHashSet<>(extractedRead).size(), mergedRead.size());
                    // the diff the other way round lists exactly the set difference
                    long added = ValueDiff.diff(S3_SCHEMA, realm, extracted).stream()
                            .filter(c -> c.kind() == Change.Kind.ADDED && c.path().equals("read[]")).count();
                    Set<String> newOnes = new LinkedHashSet<>(extractedRead);
                    newOnes.removeAll(Set.copyOf(realmRead));
                    assertEquals(newOnes.size(), added);
                });
    }

    private static JsonValue jsonStrings(List<String> items) {
        return JsonValue.array(items.stream().map(JsonValue::string).toList());
    }

    /** A source line carrying {@code value} as a {@code read} marker in one of five styles. */
    private static String line(String value, int style) {
        switch (style) {
            case 0:
                return "P = \"" + escape(value, '"') + "\"  # blue:export s3-permissions.read";
            case 1:
                return "const p = '" + escape(value, '\'') + "'; // blue:export s3-permissions.read";
            case 2:
                return "<!-- blue:export s3-permissions.read `" + escape(value, '`') + "` -->";
            case 3:
                return "/* blue:export s3-permissions.read = " + JsonValue.string(value).toJson() + " */";
            default:
                return "# blue:export s3-permissions.read = [" + JsonValue.string(value).toJson() + "]";
        }
    }

    private static String escape(String value, char quote) {
        return value.replace("\\", "\\\\").replace(String.valueOf(quote), "\\" + quote);
    }
}
