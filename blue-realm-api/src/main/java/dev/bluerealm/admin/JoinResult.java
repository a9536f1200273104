package dev.bluerealm.admin;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code join} did: the realm write, the local config it wrote, and the imports already
 * declared for this repo (the RFC's "Detected import: s3-permissions in domain s3-access").
 *
 * @param alreadyMember true when the repo was a member already (only the local config was written)
 * @param pullRequest under {@code admission: approval}, when the acting identity is not an approver:
 *     the join pull request an approver must approve (nothing is written locally until the join is
 *     merged and join runs again); else null
 * @since 0.1
 */
public record JoinResult(String realm, String repo, RealmWrite write, Path config, boolean alreadyMember,
                         List<DetectedBinding> detected, Integer pullRequest) {
    public JoinResult {
        detected = List.copyOf(detected);
    }

    /** A binding waiting for this repo: its domain, role, and the contracts it imports and exports. */
    public record DetectedBinding(String domain, String role, List<String> imports, List<String> exports) {
        public DetectedBinding {
            imports = List.copyOf(imports);
            exports = List.copyOf(exports);
        }
    }
}
