package dev.bluerealm.contract;

/**
 * What to check. Null fields mean "all" (mode, domain, contract) or "the default" (from, to).
 *
 * @param mode one mode, or null for every mode that applies where the check runs
 * @param from the older version for {@link CheckMode#COMPATIBILITY}, or null for the previous one
 * @param to the newer version, or null for the current one
 * @param useCache false to bypass .blue/cache.db
 * @param ci true to run {@code ci_only} hooks too
 * @since 0.1
 */
public record CheckRequest(CheckMode mode, String domain, String contract, String from, String to,
                           boolean useCache, boolean ci) {
    /** Every mode that applies, everything in scope, cache on, not CI. */
    public static CheckRequest all() {
        return new CheckRequest(null, null, null, null, null, true, false);
    }
}
