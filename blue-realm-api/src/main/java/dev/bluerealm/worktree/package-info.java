/**
 * Unified worktrees (RFC "Coordinated Changes"): {@link dev.bluerealm.worktree.WorktreeRequest} for
 * {@code Realm.worktrees}, which gives every repo of the current repo's domains a git worktree on one
 * feature branch, and {@link dev.bluerealm.worktree.WorktreeResult}, what it did in each repo.
 */
package dev.bluerealm.worktree;
