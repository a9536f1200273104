package dev.bluerealm.sync;

import java.util.List;

/**
 * How {@code realm sync} runs.
 *
 * @param ack contracts to acknowledge without running the importer hook ({@code --ack CONTRACT});
 *     with no open pull request for one, its binding moves to the newest in-range version on main
 * @param useCache false to extract exports afresh ({@code --no-cache})
 * @param ci true to run {@code ci_only} hooks too
 * @since 0.1
 */
public record SyncRequest(List<String> ack, boolean useCache, boolean ci) {
    public SyncRequest {
        ack = List.copyOf(ack);
    }

    /** A plain {@code blue realm sync}. */
    public static SyncRequest defaults() {
        return new SyncRequest(List.of(), true, false);
    }
}
