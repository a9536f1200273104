/**
 * What the sync machinery needs of a forge ({@link dev.bluerealm.internal.forge.RealmForge}), with
 * the embedded local forge in {@code .local} and Forgejo in {@code .forgejo}.
 */
package dev.bluerealm.internal.forge;
