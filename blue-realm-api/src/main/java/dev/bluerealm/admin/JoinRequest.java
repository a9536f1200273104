package dev.bluerealm.admin;

import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code blue realm admin join REALM [--as NAME]}: register the git repository at {@code repoDir}.
 *
 * @param as the repo's name in the realm, or null for its folder's name
 * @since 0.1
 */
public record JoinRequest(Path repoDir, String as) {
    public JoinRequest {
        Objects.requireNonNull(repoDir, "repoDir");
    }
}
