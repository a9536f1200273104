package dev.bluerealm.internal.extract;

import dev.bluerealm.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Finds {@code blue:export <contract>.<path>} markers in one source file (DESIGN §3, "markers").
 *
 * <p>Language-agnostic: a file is a list of lines and nothing of its language is parsed. A line
 * contributes at most one value:
 * <ul>
 *   <li>The first {@code blue:export} on the line that stands as a word (not preceded by a letter,
 *       digit or {@code _}, followed by a space or tab) starts the marker; the reference after it
 *       is the longest run of {@code [A-Za-z0-9._-]}.</li>
 *   <li>{@code <contract>} is the longest exported contract name that the reference starts with,
 *       followed by a dot (names may contain dots: with {@code a} and {@code a.b} exported,
 *       {@code a.b.c} is contract {@code a.b}, path {@code c}, and {@code a.b} is contract {@code a},
 *       path {@code b}). The rest, split on dots, is the key path.</li>
 *   <li>When the reference is followed by {@code =}, the JSON literal after it is the value (what
 *       follows the literal, e.g. a closing {@code * /} or {@code -->}, is ignored).</li>
 *   <li>Otherwise the value is the first string literal on the line: {@code "…"}, {@code '…'} or
 *       {@code `…`}, wherever it stands (before or after the marker). A backslash escapes the
 *       quote and itself; other backslashes are kept as written. A quote without a partner on
 *       the line (an apostrophe in a comment) opens no literal; a literal that contains the
 *       marker text itself is skipped.</li>
 * </ul>
 * The result depends only on the path, the text and the exported names, so it can be cached per
 * file.
 */
public final class MarkerScanner {
    /** The word that starts a marker. */
    public static final String KEYWORD = "blue:export";

    private MarkerScanner() {}

    /** The well-formed markers of one file (problems dropped; see {@link #scanFile}). */
    public static List<Marker> scan(String path, String text, Collection<String> exportedContracts) {
        return scanFile(path, text, exportedContracts).markers();
    }

    /** The markers of one file and the problems with its malformed markers. */
    public static FileScan scanFile(String path, String text, Collection<String> exportedContracts) {
        List<String> names = new ArrayList<>(exportedContracts);
        names.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        List<Marker> markers = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (text.indexOf(KEYWORD) < 0) {
            return new FileScan(path, markers, problems);
        }
        int lineNo = 0;
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            lineNo++;
            String line = text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.contains(KEYWORD)) {
                scanLine(path, lineNo, line, names, markers, problems);
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return new FileScan(path, markers, problems);
    }

    private static void scanLine(String file, int lineNo, String line, List<String> names, List<Marker> markers,
                                 List<Problem> problems) {
        int at = keyword(line);
        if (at < 0) {
            return;
        }
        int i = at + KEYWORD.length();
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        int refStart = i;
        while (i < line.length() && isRefChar(line.charAt(i))) {
            i++;
        }
        String ref = line.substring(refStart, i);
        int markerEnd = i;
        if (ref.isEmpty()) {
            problems.add(new Problem(file, lineNo, KEYWORD + " must be followed by <contract>.<path>, e.g. "
                    + KEYWORD + " " + example(names) + ".read"));
            return;
        }
        String contract = null;
        for (String name : names) {
            if (ref.startsWith(name + ".")) {
                contract = name;
                break;
            }
        }
        if (contract == null) {
            if (names.contains(ref)) {
                problems.add(new Problem(file, lineNo, "'" + KEYWORD + " " + ref + "' names the contract but no path;"
                        + " write " + KEYWORD + " " + ref + ".<key> (e.g. " + ref + ".read)"));
            } else {
                problems.add(new Problem(file, lineNo, "'" + KEYWORD + " " + ref + "' names no contract this binding "
                        + "exports (" + (names.isEmpty() ? "it exports none" : "it exports: "
                        + String.join(", ", sorted(names))) + ")"));
            }
            return;
        }
        String dotted = ref.substring(contract.length() + 1);
        List<String> path = Arrays.asList(dotted.split("\\.", -1));
        if (path.contains("")) {
            problems.add(new Problem(file, lineNo, "'" + KEYWORD + " " + ref + "': the path '" + dotted
                    + "' has an empty key"));
            return;
        }
        int j = markerEnd;
        while (j < line.length() && (line.charAt(j) == ' ' || line.charAt(j) == '\t')) {
            j++;
        }
        JsonValue value;
        if (j < line.length() && line.charAt(j) == '=') {
            try {
                value = Json.parsePrefix(line, j + 1).value();
            } catch (Json.SyntaxException e) {
                problems.add(new Problem(file, lineNo, "'" + KEYWORD + " " + ref + " = …': not a JSON literal: "
                        + e.getMessage() + " (column " + (e.offset() + 1) + ")"));
                return;
            }
        } else {
            String literal = firstLiteral(line, at, markerEnd);
            if (literal == null) {
                problems.add(new Problem(file, lineNo, "'" + KEYWORD + " " + ref + "' has no value: put it in quotes on"
                        + " the same line (\"…\", '…' or `…`), or write " + KEYWORD + " " + ref + " = <json>"));
                return;
            }
            value = JsonValue.string(literal);
        }
        markers.add(new Marker(file, lineNo, contract, path, value));
    }

    /** The index of the first {@code blue:export} standing as a word, or -1. */
    private static int keyword(String line) {
        int from = 0;
        while (true) {
            int at = line.indexOf(KEYWORD, from);
            if (at < 0) {
                return -1;
            }
            int after = at + KEYWORD.length();
            boolean wordStart = at == 0 || !isWordChar(line.charAt(at - 1));
            boolean wordEnd = after == line.length() || line.charAt(after) == ' ' || line.charAt(after) == '\t';
            if (wordStart && wordEnd) {
                return at;
            }
            from = at + 1;
        }
    }

    /**
     * The content of the first string literal on the line that does not overlap the marker text
     * {@code [markerStart, markerEnd)}, or null.
     */
    static String firstLiteral(String line, int markerStart, int markerEnd) {
        int i = 0;
        while (i < line.length()) {
            char q = line.charAt(i);
            if (q != '"' && q != '\'' && q != '`') {
                i++;
                continue;
            }
            int close = closing(line, i + 1, q);
            if (close < 0) {
                i++; // a lone quote (an apostrophe in prose) opens nothing
                continue;
            }
            if (i < markerEnd && close >= markerStart) {
                i = close + 1; // the marker itself is inside this literal: not its value
                continue;
            }
            return unescape(line.substring(i + 1, close), q);
        }
        return null;
    }

    private static int closing(String line, int from, char q) {
        for (int k = from; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == q) {
                return k;
            }
        }
        return -1;
    }

    private static String unescape(String body, char q) {
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c == '\\' && k + 1 < body.length() && (body.charAt(k + 1) == q || body.charAt(k + 1) == '\\')) {
                out.append(body.charAt(++k));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isRefChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                || c == '-';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static String example(List<String> names) {
        return names.isEmpty() ? "<contract>" : sorted(names).get(0);
    }

    private static List<String> sorted(List<String> names) {
        List<String> s = new ArrayList<>(names);
        s.sort(Comparator.naturalOrder());
        return s;
    }
}
