package dev.bluerealm.sync;

import java.util.List;
import java.util.Objects;

/**
 * A contract change an open pull request proposes, as the whole realm sees it (not one repo):
 * what a daemon tells every session about, and what an agent asks "what is coming?".
 *
 * @param diff the value's +/- lines against main
 * @since 0.1
 */
public record PendingChange(int pullRequest, String title, String authorRepo, String domain, String contract,
                            String fromVersion, String toVersion, boolean breaking, List<String> diff) {
    public PendingChange {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(toVersion, "toVersion");
        diff = List.copyOf(diff);
    }
}
