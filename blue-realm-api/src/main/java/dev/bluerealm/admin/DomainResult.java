package dev.bluerealm.admin;

/**
 * What {@code domain create} did.
 *
 * @since 0.1
 */
public record DomainResult(String domain, RealmWrite write) {}
