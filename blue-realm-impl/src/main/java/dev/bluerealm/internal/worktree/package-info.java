/**
 * Unified worktrees: linked git worktrees made and removed the way git itself does (JGit reads
 * them but cannot create them), and the walk over a realm's repos that gives each one.
 */
package dev.bluerealm.internal.worktree;
