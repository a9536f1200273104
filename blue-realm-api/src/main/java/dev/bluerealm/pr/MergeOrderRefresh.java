package dev.bluerealm.pr;

import java.util.List;
import java.util.Objects;

/**
 * What {@code Realm.refreshMergeOrder} found and did.
 *
 * <pre>{@code
 * MergeOrderRefresh r = realm.refreshMergeOrder();
 * for (PullRequestSet set : r.sets())
 *     System.out.println(set.branch() + ": " + String.join(" → ", set.mergeOrder()));
 * }</pre>
 *
 * @param sets each open coordinated set found, action {@link PullRequestSet.Action#REFRESH}: its open
 *     pull requests and the blockers read for them, in merge order
 * @param updated the pull requests ({@code repo#number}) whose merge-order status changed now
 * @param problems what could not be read, one line each ({@code "aperture: ..."}); the rest was refreshed
 * @since 0.1
 */
public record MergeOrderRefresh(List<PullRequestSet> sets, List<String> updated, List<String> problems) {
    public MergeOrderRefresh {
        sets = List.copyOf(Objects.requireNonNull(sets, "sets"));
        updated = List.copyOf(Objects.requireNonNull(updated, "updated"));
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    }

    /** Nothing found, nothing done: a realm without a forge that shows statuses, or without open sets. */
    public static MergeOrderRefresh none() {
        return new MergeOrderRefresh(List.of(), List.of(), List.of());
    }
}
