package dev.bluerealm.admin;

/**
 * {@code blue realm admin leave [--force]}: remove a repo and its bindings from the realm.
 *
 * @param repo the repo to remove, or null for the repo the realm was opened from
 * @param force leave even while other repos import a contract this repo owns
 * @since 0.1
 */
public record LeaveRequest(String repo, boolean force) {}
