package dev.bluerealm.internal.forge.forgejo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The machine-readable part of a pull request's or a review's text on Forgejo: a fenced block
 * tagged {@code blue-realm} of {@code key: value} lines, after the text people read. Forgejo keeps
 * no fields of ours, and a block in the text travels with it (a human sees it rendered as code).
 *
 * <pre>
 * ```blue-realm
 * author_repo: aperture
 * breaking: false
 * ```
 * </pre>
 */
final class MetadataBlock {
    static final String FENCE = "```blue-realm";

    private MetadataBlock() {}

    /** {@code text}, then the block of {@code fields} (values on one line each). */
    static String append(String text, Map<String, String> fields) {
        StringBuilder b = new StringBuilder(text.strip()).append("\n\n").append(FENCE).append('\n');
        fields.forEach((k, v) -> b.append(k).append(": ").append(v.replace('\n', ' ')).append('\n'));
        return b.append("```\n").toString();
    }

    /** The fields of the last block in {@code text}; empty when it has none (not one of ours). */
    static Optional<Map<String, String>> read(String text) {
        int start = text.lastIndexOf(FENCE + "\n");
        if (start < 0) {
            start = text.lastIndexOf(FENCE + "\r\n");
        }
        if (start < 0) {
            return Optional.empty();
        }
        int end = text.indexOf("```", start + FENCE.length());
        if (end < 0) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.substring(start + FENCE.length(), end).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return Optional.of(fields);
    }

    /** The text before the block: what people read. */
    static String text(String body) {
        int start = body.lastIndexOf(FENCE);
        return (start < 0 ? body : body.substring(0, start)).strip();
    }
}
