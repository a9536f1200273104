package dev.bluerealm.internal.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MarkerScannerTest {
    private static final Set<String> S3 = Set.of("s3-permissions");

    private static Marker only(String line, Set<String> exported) {
        FileScan scan = MarkerScanner.scanFile("src/a.py", line, exported);
        assertEquals(List.of(), scan.problems());
        assertEquals(1, scan.markers().size(), scan::toString);
        return scan.markers().get(0);
    }

    private static Problem problem(String text, Set<String> exported) {
        FileScan scan = MarkerScanner.scanFile("src/a.py", text, exported);
        assertEquals(List.of(), scan.markers());
        assertEquals(1, scan.problems().size(), scan::toString);
        return scan.problems().get(0);
    }

    @Test
    void scan_pythonLineWithMarkerInComment_takesTheStringBeforeIt() {
        Marker m = only("MASKS = \"jobs/*/masks/*\"  # blue:export s3-permissions.read", S3);
        assertEquals(new Marker("src/a.py", 1, "s3-permissions", List.of("read"), JsonValue.string("jobs/*/masks/*")), m);
    }

    static Stream<Arguments> quoteStyles() {
        return Stream.of(
                Arguments.of("const p = 'training-runs/*'; // blue:export s3-permissions.read", "training-runs/*"),
                Arguments.of("let p = `training-metrics/*` // blue:export s3-permissions.read", "training-metrics/*"),
                Arguments.of("# blue:export s3-permissions.read \"after/the/marker\"", "after/the/marker"),
                Arguments.of("x = \"first\" + 'second'  # blue:export s3-permissions.read", "first"),
                Arguments.of("x = 'first' + \"second\"  # blue:export s3-permissions.read", "first"),
                Arguments.of("# don't forget: blue:export s3-permissions.read \"x/y\"", "x/y"),
                Arguments.of("s = \"a\\\"b\" # blue:export s3-permissions.read", "a\"b"),
                Arguments.of("s = 'it\\'s' # blue:export s3-permissions.read", "it's"),
                Arguments.of("s = \"C:\\dir\\n\" # blue:export s3-permissions.read", "C:\\dir\\n"),
                Arguments.of("s = '' # blue:export s3-permissions.read", ""));
    }

    @ParameterizedTest
    @MethodSource("quoteStyles")
    void scan_quoteStyles_takeTheFirstLiteralOnTheLine(String line, String expected) {
        assertEquals(JsonValue.string(expected), only(line, S3).value());
    }

    @Test
    void scan_dottedContractNames_takeTheLongestThatIsFollowedByAPath() {
        Set<String> names = Set.of("a", "a.b");
        Marker m1 = only("blue:export a.b.c \"x\"", names);
        assertEquals("a.b", m1.contract());
        assertEquals(List.of("c"), m1.path());
        Marker m2 = only("blue:export a.b \"x\"", names);
        assertEquals("a", m2.contract());
        assertEquals(List.of("b"), m2.path());
        Marker m3 = only("blue:export a.b.c.d \"x\"", names);
        assertEquals("a.b", m3.contract());
        assertEquals(List.of("c", "d"), m3.path());
    }

    @Test
    void scan_nestedPath_isSplitOnDots() {
        Marker m = only("MAX = 5  # blue:export limits.policy.max = 5", Set.of("limits"));
        assertEquals(List.of("policy", "max"), m.path());
        assertEquals("policy.max", m.dottedPath());
    }

    @Test
    void scan_jsonLiteralForms_areReadAsJson() {
        assertEquals(JsonValue.object(Map.of("a", JsonValue.number(1))),
                only("// blue:export s3-permissions.opts = {\"a\":1}", S3).value());
        assertEquals(new JsonValue.JsonNumber(new BigDecimal("5")), only("# blue:export s3-permissions.max = 5", S3).value());
        assertEquals(JsonValue.array(List.of(JsonValue.string("x"))),
                only("# blue:export s3-permissions.read = [\"x\"]", S3).value());
        assertEquals(JsonValue.string("s"), only("/* blue:export s3-permissions.read = \"s\" */", S3).value());
        assertEquals(JsonValue.bool(true), only("<!-- blue:export s3-permissions.on=true -->", S3).value());
        assertEquals(JsonValue.NULL, only("x = 'ignored' # blue:export s3-permissions.v = null", S3).value());
    }

    @Test
    void scan_badJsonLiteral_isAProblemWithTheLine() {
        Problem p = problem("ok\n\n# blue:export s3-permissions.max = {a: 1}", S3);
        assertEquals(3, p.line());
        assertEquals("src/a.py", p.file());
        assertTrue(p.message().contains("not a JSON literal"), p.message());
    }

    @Test
    void scan_markerWithoutValue_isAProblem() {
        Problem p = problem("MAX = 5  # blue:export s3-permissions.read", S3);
        assertTrue(p.message().contains("has no value"), p.message());
    }

    @Test
    void scan_contractNotExported_isAProblemNamingWhatIsExported() {
        Problem p = problem("x\n'v' # blue:export s3-perms.read", S3);
        assertEquals(2, p.line());
        assertTrue(p.message().contains("names no contract this binding exports")
                && p.message().contains("s3-permissions"), p.message());
        assertEquals("src/a.py:2", p.location());
    }

    @Test
    void scan_contractWithoutPathOrWithEmptyKey_isAProblem() {
        assertTrue(problem("'v' # blue:export s3-permissions", S3).message().contains("no path"));
        assertTrue(problem("'v' # blue:export s3-permissions.a..b", S3).message().contains("empty key"));
        assertTrue(problem("'v' # blue:export", S3).message().contains("must be followed by"));
    }

    @Test
    void scan_keywordInsideAWord_isNoMarker() {
        FileScan scan = MarkerScanner.scanFile("a", "myblue:export s3-permissions.read 'x'\n"
                + "blue:exports s3-permissions.read 'x'\nblue:export:s3-permissions.read 'x'", S3);
        assertEquals(List.of(), scan.markers());
        assertEquals(List.of(), scan.problems());
    }

    @Test
    void scan_literalHoldingTheMarker_isNotItsValue() {
        Marker m = only("log(\"blue:export s3-permissions.read\", 'the/value')", S3);
        assertEquals(JsonValue.string("the/value"), m.value());
    }

    @Test
    void scan_manyLines_numbersThemAndKeepsLineOrder() {
        String text = "header\r\n"
                + "A = \"one\" # blue:export s3-permissions.read\r\n"
                + "\r\n"
                + "B = \"two\" # blue:export s3-permissions.write\r\n"
                + "C = \"three\" # blue:export s3-permissions.read";
        List<Marker> ms = MarkerScanner.scan("f", text, S3);
        assertEquals(List.of(2, 4, 5), ms.stream().map(Marker::line).toList());
        assertEquals(List.of("one", "two", "three"),
                ms.stream().map(m -> ((JsonValue.JsonString) m.value()).value()).toList());
    }

    @Test
    void scan_twoMarkersOnOneLine_onlyTheFirstCounts() {
        Marker m = only("'v' # blue:export s3-permissions.read blue:export s3-permissions.write", S3);
        assertEquals(List.of("read"), m.path());
    }

    @Test
    void scan_fileWithoutKeyword_hasNothing() {
        assertEquals(new FileScan("f", List.of(), List.of()), MarkerScanner.scanFile("f", "x = 'y'\n", S3));
    }
}
