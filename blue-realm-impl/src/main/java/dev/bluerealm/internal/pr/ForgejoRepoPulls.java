package dev.bluerealm.internal.pr;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.RealmException;
import dev.bluerealm.RefusedException;
import dev.bluerealm.internal.forge.forgejo.CommitState;
import dev.bluerealm.internal.forge.forgejo.ForgejoClient;
import dev.bluerealm.internal.forge.forgejo.ForgejoCommitStatus;
import dev.bluerealm.internal.forge.forgejo.ForgejoPull;
import dev.bluerealm.internal.forge.forgejo.MergeRequest;
import dev.bluerealm.internal.forge.forgejo.MergeResult;
import dev.bluerealm.internal.forge.forgejo.MergeStyle;
import dev.bluerealm.internal.forge.forgejo.PullStateFilter;
import dev.bluerealm.internal.git.Transports;
import dev.bluerealm.sync.PullRequest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A code repo's coordinated pull requests on the Forgejo that hosts the realm: the feature branch is
 * pushed to the clone's {@code origin} (a repository on that Forgejo), the pull request opened and
 * merged through the API, and its place in the merge order shown as the commit status
 * {@value #CONTEXT} on its head (pending while a blocker is open), where reviewers and branch
 * protection see it.
 */
public final class ForgejoRepoPulls implements RepoPulls {
    /** The commit status saying whether the merge order lets the pull request merge. */
    public static final String CONTEXT = "blue/merge-order";

    private final FeatureBranch clone;
    private final ForgejoClient forgejo;
    private final ForgejoRepoName repo;
    private final MergeStyle style;
    private final Map<Integer, String> heads = new HashMap<>();
    private String base;

    private ForgejoRepoPulls(FeatureBranch clone, ForgejoClient forgejo, ForgejoRepoName repo, MergeStyle style) {
        this.clone = clone;
        this.forgejo = forgejo;
        this.repo = repo;
        this.style = style;
    }

    /**
     * The repo checked out at {@code root}, when its {@code origin} is a repository on {@code forgejo};
     * otherwise why it cannot take part.
     */
    public static CoordinatedPulls.Reach open(Path root, Transports transports, ForgejoClient forgejo, MergeStyle style)
            throws RealmException {
        Optional<FeatureBranch> clone = FeatureBranch.open(root, transports);
        if (clone.isEmpty()) {
            return CoordinatedPulls.Reach.none("its clone at " + root + " has no 'origin' remote to push the change's"
                    + " branch to and keep its pull request on");
        }
        String origin = clone.get().originUrl();
        Optional<ForgejoRepoName> name = ForgejoRepoName.of(origin, forgejo.forge());
        if (name.isEmpty()) {
            clone.get().close();
            return CoordinatedPulls.Reach.none("its origin " + origin + " is not a repository on " + forgejo.forge()
                    + ", the Forgejo keeping the realm's pull requests: host it there to take part");
        }
        return CoordinatedPulls.Reach.of(new ForgejoRepoPulls(clone.get(), forgejo, name.get(), style));
    }

    /** The repository's default branch on Forgejo. */
    @Override
    public String base() throws RealmException {
        if (base == null) {
            String branch = forgejo.repository(repo.owner(), repo.name()).defaultBranch();
            base = branch.isEmpty() ? clone.localBase() : branch;
        }
        return base;
    }

    @Override
    public Push push(String branch) throws RealmException {
        Push pushed = clone.push(branch, base());
        if (pushed == Push.PUSHED) {
            heads.clear(); // the heads read before are stale: statuses go on the new one
        }
        return pushed;
    }

    @Override
    public List<Pull> pulls(String branch) throws RealmException {
        List<ForgejoPull> found = forgejo.pulls(repo.owner(), repo.name(), PullStateFilter.ALL).stream()
                .filter(p -> p.headRef().equals(branch)).toList();
        found.forEach(p -> heads.put((int) p.number(), p.headSha()));
        return found.stream().map(ForgejoRepoPulls::pull).toList();
    }

    @Override
    public Pull open(String title, String body, String head, String authorRepo) throws RealmException {
        ForgejoPull p = forgejo.openPull(repo.owner(), repo.name(), head, base(), title, body);
        heads.put((int) p.number(), p.headSha());
        return pull(p);
    }

    @Override
    public void editBody(int number, String body) throws RealmException {
        ForgejoPull p = forgejo.pull(repo.owner(), repo.name(), number);
        if (!p.body().equals(body)) {
            forgejo.editPull(repo.owner(), repo.name(), number, p.title(), body);
        }
    }

    /** Forgejo's merge endpoint, for the head that was read (a branch that moved since is refused), branch deleted. */
    @Override
    public void merge(int number) throws RealmException {
        String head = heads.containsKey(number) ? heads.get(number) : forgejo.pull(repo.owner(), repo.name(), number)
                .headSha();
        MergeResult result = forgejo.merge(repo.owner(), repo.name(), number, new MergeRequest(style, head, "", "", true));
        if (result == MergeResult.SCHEDULED) {
            throw new RefusedException(ErrorCode.MERGE_BLOCKED, "Forgejo scheduled pull #" + number + " of " + repo
                    + " to merge when its checks pass, instead of merging it now");
        }
    }

    @Override
    public Optional<String> reference(int number) {
        return Optional.of(repo + "#" + number);
    }

    /** Posts {@value #CONTEXT} on the head, unless its newest such status says the same already. */
    @Override
    public void showMergeOrder(int number, List<String> waitingFor) throws RealmException {
        String sha = heads.containsKey(number) ? heads.get(number) : forgejo.pull(repo.owner(), repo.name(), number)
                .headSha();
        showMergeOrder(forgejo, repo, sha, waitingFor);
    }

    /**
     * Posts {@value #CONTEXT} on commit {@code sha} of {@code repo}: pending ("blocked by …") while
     * {@code waitingFor} (references, {@code owner/name#N}) is not empty, else success; nothing when its
     * newest such status says the same already.
     *
     * @return true when a status was posted
     */
    static boolean showMergeOrder(ForgejoClient forgejo, ForgejoRepoName repo, String sha, List<String> waitingFor)
            throws RealmException {
        CommitState state = waitingFor.isEmpty() ? CommitState.SUCCESS : CommitState.PENDING;
        String description = waitingFor.isEmpty() ? "merge order: ready to merge"
                : "blocked by " + String.join(", ", waitingFor);
        if (description.length() > 255) { // Forgejo's limit for a description
            description = description.substring(0, 254) + "…";
        }
        Optional<ForgejoCommitStatus> newest = forgejo.statuses(repo.owner(), repo.name(), sha).stream()
                .filter(s -> s.context().equals(CONTEXT)).findFirst();
        if (newest.isPresent() && newest.get().state().equals(state.wire())
                && newest.get().description().equals(description)) {
            return false;
        }
        forgejo.postStatus(repo.owner(), repo.name(), sha, state, CONTEXT, description, "");
        return true;
    }

    private static Pull pull(ForgejoPull p) {
        PullRequest.State state = p.merged() ? PullRequest.State.MERGED
                : p.isOpen() ? PullRequest.State.OPEN : PullRequest.State.CLOSED;
        return new Pull((int) p.number(), state, p.baseRef(), p.body());
    }

    @Override
    public void close() {
        clone.close();
    }
}
