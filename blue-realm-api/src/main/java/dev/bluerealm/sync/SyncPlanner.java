package dev.bluerealm.sync;

import dev.bluerealm.RealmException;

/**
 * Computes a {@link SyncPlan} from the local repo and the realm. Pure: reading the given states is
 * its only effect; re-planning right after a plan was carried out yields an empty plan.
 *
 * @since 0.1
 */
public interface SyncPlanner {
    SyncPlan plan() throws RealmException;
}
