package dev.bluerealm.internal.pr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The machine-readable end of a coordinated pull request's body: which change it belongs to, the
 * whole merge order and what it is blocked by, as a fenced block of {@code key: value} lines after
 * the text people read. {@code --status} and {@code --merge} read it back, so the set is what its
 * bodies said when it was opened, even if the realm's domains changed since.
 *
 * <pre>
 * ```blue-realm-pr
 * rfc: training-metrics-v2
 * order: aperture#1, fungal-image-analysis#1
 * blocked_by: aperture#1
 * ```
 * </pre>
 */
record SetBlock(String rfc, List<String> order, List<String> blockedBy) {
    static final String FENCE = "```blue-realm-pr";

    SetBlock {
        order = List.copyOf(order);
        blockedBy = List.copyOf(blockedBy);
    }

    /** The body: the text people read, the merge order and blockers in words, then this block. */
    String body(String text, String self) {
        return body(text, self, label -> label);
    }

    /**
     * The body, the words naming each pull request as {@code shown} gives it ({@code owner/name#7}, so
     * Forgejo links it); the block keeps the realm's labels, which the set is read back by.
     */
    String body(String text, String self, Function<String, String> shown) {
        StringBuilder b = new StringBuilder();
        if (text != null && !text.isBlank()) {
            b.append(text.strip()).append("\n\n");
        }
        if (!order.isEmpty()) { // empty while the set is being opened: the numbers after this one are unknown
            int position = self == null ? 0 : order.indexOf(self) + 1;
            b.append("Merge order: ").append(String.join(" → ", order.stream().map(shown).toList()));
            if (position > 0) {
                b.append(" (this is ").append(position).append(" of ").append(order.size()).append(')');
            }
            b.append('\n');
        }
        b.append("Blocked by: ").append(blockedBy.isEmpty() ? "nothing (merges first)" : String.join(", ",
                blockedBy.stream().map(shown).toList())).append("\n\n");
        b.append(FENCE).append('\n');
        b.append("rfc: ").append(rfc).append('\n');
        b.append("order: ").append(String.join(", ", order)).append('\n');
        b.append("blocked_by: ").append(String.join(", ", blockedBy)).append('\n');
        return b.append("```\n").toString();
    }

    /** The block at the end of {@code body}, if it has one of ours. */
    static Optional<SetBlock> read(String body) {
        int start = body.lastIndexOf(FENCE + "\n");
        if (start < 0) {
            return Optional.empty();
        }
        int end = body.indexOf("```", start + FENCE.length());
        if (end < 0) {
            return Optional.empty();
        }
        String rfc = null;
        List<String> order = null;
        List<String> blockedBy = null;
        for (String line : body.substring(start + FENCE.length(), end).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "rfc" -> rfc = value;
                case "order" -> order = list(value);
                case "blocked_by" -> blockedBy = list(value);
                default -> { }
            }
        }
        return rfc == null || order == null || blockedBy == null ? Optional.empty()
                : Optional.of(new SetBlock(rfc, order, blockedBy));
    }

    /** The text before the merge order: what the author wrote. */
    static String text(String body) {
        int at = body.lastIndexOf("Merge order: ");
        if (at < 0) {
            at = body.lastIndexOf("Blocked by: ");
        }
        return (at < 0 ? body : body.substring(0, at)).strip();
    }

    private static List<String> list(String value) {
        return value.isEmpty() ? List.of() : new ArrayList<>(Arrays.stream(value.split(",")).map(String::strip).toList());
    }
}
