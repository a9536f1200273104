package dev.bluerealm.internal.check;

import dev.bluerealm.internal.cache.CacheDb;
import dev.bluerealm.internal.extract.Extractor;
import dev.bluerealm.internal.history.ContractHistory;
import dev.bluerealm.internal.progress.Progress;
import dev.bluerealm.internal.hooks.HookRunner;
import dev.bluerealm.internal.schema.SchemaComparator;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.version.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What every check of one run shares: the model, where it runs, the realm's history (read once,
 * on first use), the cache and the engines for extraction, hooks and schemas.
 *
 * @param repo the participating repo, or null in a realm checkout
 * @param repoRoot its root, or null
 * @param cache the repo's cache, or null (realm checkout, or --no-cache)
 * @param cacheWarnings what opening the cache had to say (a corrupt file rebuilt)
 * @param progress where the modes report how far they are
 */
public record CheckContext(RealmModel model, String repo, Path repoRoot, String realmCommit, Supplier<ContractHistory> history,
                    CacheDb cache, HookRunner hooks, Extractor extractor, SchemaComparator schemas, boolean ci,
                    List<String> cacheWarnings, Progress progress) {

    /** Every version of a contract known to the realm: its history and its current version, newest first. */
    List<Version> versions(String domain, Contract current) {
        List<Version> out = new ArrayList<>();
        out.add(current.version());
        for (ContractHistory.Entry e : history.get().versions(domain, current.name())) {
            if (!out.contains(e.contract().version())) {
                out.add(e.contract().version());
            }
        }
        out.sort(java.util.Comparator.reverseOrder());
        return out;
    }

    /** The contract as it was at {@code version} (the current one when it is current). */
    java.util.Optional<Contract> at(String domain, Contract current, Version version) {
        if (current.version().equals(version)) {
            return java.util.Optional.of(current);
        }
        return history.get().at(domain, current.name(), version).map(ContractHistory.Entry::contract);
    }
}
