package dev.bluerealm.worktree;

import dev.bluerealm.model.Names;
import java.util.Objects;

/**
 * {@code blue realm worktree --rfc NAME [--domain D] [--remove]}: a worktree at
 * {@code .worktrees/feat-NAME/} on branch {@code feat/NAME} in every repo sharing a domain with the
 * current repo (or only the repos of domain {@code D}), or, with {@code remove}, those worktrees gone.
 *
 * <pre>{@code
 * WorktreeResult r = realm.worktrees(WorktreeRequest.create("training-metrics-v2"));
 * }</pre>
 *
 * @param rfc the change's name; it becomes part of a branch and a folder name, so it matches
 *     {@code [a-z0-9][a-z0-9._-]{0,63}} and what git allows in a ref (no {@code ..}, no trailing
 *     {@code .} or {@code .lock})
 * @param domain only the repos of this domain, or null for every domain of the current repo
 * @param remove true to remove the worktrees (and the branches merged into the default branch)
 * @since 0.1
 */
public record WorktreeRequest(String rfc, String domain, boolean remove) {
    /** Prefix of the branch every repo gets: {@code feat/NAME}. */
    public static final String BRANCH_PREFIX = "feat/";
    /** The folder, inside each repo, that holds the worktrees. */
    public static final String FOLDER = ".worktrees";

    /**
     * @throws IllegalArgumentException when {@code rfc} or {@code domain} is not a valid name
     */
    public WorktreeRequest {
        Objects.requireNonNull(rfc, "rfc");
        if (!Names.isValid(rfc) || rfc.contains("..") || rfc.endsWith(".") || rfc.endsWith(".lock")) {
            throw new IllegalArgumentException("invalid RFC name '" + rfc + "': it must match " + Names.PATTERN
                    + " and be usable in a git branch name (no '..', not ending in '.' or '.lock')");
        }
        if (domain != null) {
            Names.require("domain", domain);
        }
    }

    /** Worktrees for {@code rfc} in every domain of the current repo. */
    public static WorktreeRequest create(String rfc) {
        return new WorktreeRequest(rfc, null, false);
    }

    /** The branch: {@code feat/NAME}. */
    public String branch() {
        return BRANCH_PREFIX + rfc;
    }

    /** The worktree's folder relative to its repo's root: {@code .worktrees/feat-NAME}. */
    public String folder() {
        return FOLDER + "/feat-" + rfc;
    }
}
