/**
 * {@code realm sync} (DESIGN §5): {@link dev.bluerealm.internal.sync.Planner} computes the plan from
 * gathered {@link dev.bluerealm.internal.sync.SyncInputs} without side effects;
 * {@link dev.bluerealm.internal.sync.Syncer} carries it out on the realm remote and the forge;
 * {@link dev.bluerealm.internal.sync.MergePolicy} decides when a sync pull request may merge.
 */
package dev.bluerealm.internal.sync;
