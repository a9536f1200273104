/**
 * The embedded local forge: pull requests kept as records on {@code refs/blue/pulls} of the realm
 * repository itself, written with compare-and-swap pushes, so the sync workflow runs against any git
 * remote with no server of ours. {@link dev.bluerealm.internal.forge.local.LocalForge} is the entry
 * point; the storage format is documented in {@code docs/formats.md}.
 */
package dev.bluerealm.internal.forge.local;
