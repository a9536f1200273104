package dev.bluerealm.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code trust} block of realm.yaml. {@code permissions} maps a realm path pattern to the
 * roles that may change it, in file order.
 *
 * @since 0.1
 */
public record Trust(TrustMode mode, boolean requireSignedCommits, Map<String, List<String>> permissions) {
    /** The RFC's example: collaborative, unsigned, no permissions. */
    public static final Trust DEFAULT = new Trust(TrustMode.COLLABORATIVE, false, Map.of());

    public Trust {
        Objects.requireNonNull(mode, "mode");
        permissions.forEach((k, v) -> Values.nonBlank("permission pattern", k));
        var copy = new java.util.LinkedHashMap<String, List<String>>();
        permissions.forEach((k, v) -> copy.put(k, Values.nonBlank("permission roles", v)));
        permissions = Values.ordered(copy);
    }
}
