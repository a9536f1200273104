package dev.bluerealm.internal.forge.forgejo;

/** What a merge request did. */
public enum MergeResult {
    /** Merged now (200). */
    MERGED,
    /** Forgejo scheduled an auto-merge for when the checks pass (201, ENDPOINTS.md 0.4-5). */
    SCHEDULED
}
