package dev.bluerealm.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes real output printable in the docs and the same from run to run: the temp folders become
 * the paths a reader would have, and commit ids (which carry commit times) stable stand-ins.
 */
final class OutputNormalizer {
    private static final Pattern FULL_ID = Pattern.compile("\\b[0-9a-f]{40}\\b");
    private static final Pattern SHORT_ID = Pattern.compile("\\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{7,12}\\b");

    private final Map<String, String> paths = new LinkedHashMap<>();
    private final Map<String, String> ids = new LinkedHashMap<>();

    /** Prints {@code real} (and its real path, if it differs) as {@code shown}. */
    OutputNormalizer path(Path real, String shown) {
        paths.put(real.toString(), shown);
        try {
            paths.put(real.toRealPath().toString(), shown);
        } catch (IOException e) {
            // not made yet: the given form is what commands print
        }
        return this;
    }

    String apply(String text) {
        String out = text;
        for (Map.Entry<String, String> p : paths.entrySet()) {
            out = out.replace(p.getKey(), p.getValue());
        }
        out = replace(FULL_ID, out, id -> ids.computeIfAbsent(id, k -> stand(ids.size())));
        return replace(SHORT_ID, out, id -> ids.entrySet().stream().filter(e -> e.getKey().startsWith(id)).findFirst()
                .map(e -> e.getValue().substring(0, id.length()))
                .orElseGet(() -> ids.computeIfAbsent(id, k -> stand(ids.size()).substring(0, k.length()))));
    }

    private static String replace(Pattern p, String text, java.util.function.UnaryOperator<String> by) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(by.apply(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The n-th stand-in id: a SHA-1, so it looks like what it replaces. */
    private static String stand(int n) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1").digest(("blue-docs-" + n).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
