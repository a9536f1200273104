package dev.bluerealm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §2: the api knows nothing of JGit, Jackson, SQLite or HTTP. Every import in
 * {@code blue-realm-api/src/main/java} must be {@code java.*} or {@code dev.bluerealm.*}, and no
 * code line may reach a third-party package by its fully qualified name either.
 */
class ApiPurityTest {
    /** Surefire runs with the module folder as working directory. */
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;");
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b((?:org|com|net|io|tools|javax|jakarta|sun|jdk|kotlin|lombok|picocli)\\.[a-z]\\w*(?:\\.\\w+)+)");

    static boolean allowed(String imported) {
        return imported.startsWith("java.") || imported.startsWith("dev.bluerealm.");
    }

    @Test
    void imports_everyApiSource_areJavaOrBlueRealmOnly() throws IOException {
        assertTrue(Files.isDirectory(SOURCES), "run from the blue-realm-api module folder: "
                + SOURCES.toAbsolutePath() + " is missing");
        List<String> problems = new ArrayList<>();
        int files = 0;
        int imports = 0;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files++;
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                boolean inComment = false;
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    Matcher m = IMPORT.matcher(line);
                    if (m.find()) {
                        imports++;
                        if (!allowed(m.group(1))) {
                            problems.add(file + ":" + (i + 1) + ": import " + m.group(1));
                        }
                        continue;
                    }
                    String code = line.strip();
                    if (inComment || code.startsWith("/*")) {
                        inComment = !code.contains("*/");
                        continue;
                    }
                    if (code.startsWith("//") || code.startsWith("*")) {
                        continue;
                    }
                    Matcher q = QUALIFIED.matcher(code.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\""));
                    while (q.find()) {
                        problems.add(file + ":" + (i + 1) + ": qualified reference " + q.group(1));
                    }
                }
            }
        }
        assertTrue(files > 10, "expected the api sources under " + SOURCES.toAbsolutePath() + ", found " + files);
        assertTrue(imports > 10, "found only " + imports + " imports; is the scanner broken?");
        if (!problems.isEmpty()) {
            fail("blue-realm-api must depend on java.* and dev.bluerealm.* only:\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void allowed_thirdPartyPackages_areRefused() {
        assertTrue(allowed("java.util.List"));
        assertTrue(allowed("dev.bluerealm.model.Names"));
        assertTrue(!allowed("javax.annotation.Nullable"));
        assertTrue(!allowed("tools.jackson.databind.JsonNode"));
        assertTrue(!allowed("org.eclipse.jgit.api.Git"));
        assertTrue(!allowed("dev.bluerealmx.Foo"));
        Matcher m = IMPORT.matcher("import static org.junit.jupiter.api.Assertions.*;");
        assertTrue(m.find() && m.group(1).equals("org.junit.jupiter.api.Assertions.*"));
        assertTrue(QUALIFIED.matcher("var m = new tools.jackson.databind.ObjectMapper();").find());
    }
}
