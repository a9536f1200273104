package dev.bluerealm.model;

/**
 * {@code governance.breaking_changes}: whether breaking changes need an approver, and how long a
 * non-breaking change waits for importers before it may merge without them.
 *
 * @since 0.1
 */
public record BreakingChanges(boolean requireApproval, int gracePeriodDays) {
    /** The RFC's defaults: approval required, 14 days of grace. */
    public static final BreakingChanges DEFAULT = new BreakingChanges(true, 14);

    public BreakingChanges {
        if (gracePeriodDays < 0 || gracePeriodDays > 3650) {
            throw new IllegalArgumentException("grace_period_days must be between 0 and 3650, was " + gracePeriodDays);
        }
    }
}
