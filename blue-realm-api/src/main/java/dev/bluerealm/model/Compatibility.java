package dev.bluerealm.model;

/**
 * A contract's compatibility promises. {@code backwards}: a new version is readable by old importers
 * (NEW ⊆ OLD); {@code forwards}: an old version is readable by new importers (OLD ⊆ NEW).
 *
 * @since 0.1
 */
public record Compatibility(boolean backwards, boolean forwards) {
    /** The RFC's example: backwards true, forwards false. */
    public static final Compatibility DEFAULT = new Compatibility(true, false);
}
