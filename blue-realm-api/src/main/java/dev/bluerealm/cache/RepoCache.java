package dev.bluerealm.cache;

import dev.bluerealm.RealmException;
import java.util.List;

/**
 * A participating repo's {@code .blue/cache.db} (export, contract and validation caches), as
 * {@code blue realm admin cache stats|clear} shows and empties it.
 *
 * @since 0.1
 */
public interface RepoCache {
    /** Entries, hits and misses per table. */
    List<TableStats> stats() throws RealmException;

    /** Empties every table. */
    void clear() throws RealmException;

    /**
     * One table: {@code export_cache}, {@code contract_cache} or {@code validation_cache}.
     *
     * @param hits lookups answered from the cache since it was created or cleared
     * @param misses lookups that had to do the work
     */
    record TableStats(String table, long entries, long hits, long misses) {
        /** Hits over lookups, 0 when there were none. */
        public double hitRate() {
            return hits + misses == 0 ? 0 : (double) hits / (hits + misses);
        }
    }
}
