package dev.bluerealm.admin;

import java.util.List;

/**
 * What {@code leave} did. {@code orphaned} lists the contracts (as {@code domain/contract}) whose
 * owner left while others import them (only with {@code --force}).
 *
 * @since 0.1
 */
public record LeaveResult(String repo, RealmWrite write, boolean removedLocalConfig, List<String> orphaned) {
    public LeaveResult {
        orphaned = List.copyOf(orphaned);
    }
}
