package dev.bluerealm.testing.forgejo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Pull requests: list, open, read, edit, review requests, reviews, merge, comments. */
final class PullEndpoints {
    private static final Set<String> MERGE_STYLES = Set.of("merge", "rebase", "rebase-merge", "squash",
            "fast-forward-only", "manually-merged");
    private final Forge forge;
    private final JsonViews views;

    PullEndpoints(Forge forge, JsonViews views) {
        this.forge = forge;
        this.views = views;
    }

    void register(Map<String, Endpoint> routes) {
        List<String> repository = List.of("repository");
        routes.put("repoListPullRequests", new Endpoint(repository, true, this::list));
        routes.put("repoCreatePullRequest", new Endpoint(repository, false, this::create));
        routes.put("repoGetPullRequest", new Endpoint(repository, true, c -> {
            Repo r = RepoEndpoints.readable(forge, c);
            Pull p = pull(r, c);
            JsonNode seen = view(r, p, c);
            p.pendingChecks = Math.max(0, p.pendingChecks - 1); // a client polling is what lets the check finish
            return ApiReply.json(200, seen);
        }));
        routes.put("repoEditPullRequest", new Endpoint(repository, false, this::edit));
        routes.put("repoCreatePullReviewRequests", new Endpoint(repository, false, this::requestReviewers));
        routes.put("repoListPullReviews", new Endpoint(repository, true, c -> {
            Repo r = RepoEndpoints.readable(forge, c);
            Pull p = pull(r, c);
            return Page.of(c).reply(c, List.copyOf(p.reviews), rv -> views.review(r, p, rv));
        }));
        routes.put("repoCreatePullReview", new Endpoint(repository, false, this::review));
        routes.put("repoMergePullRequest", new Endpoint(repository, false, this::merge));
        routes.put("repoPullRequestIsMerged", new Endpoint(repository, true, c -> {
            Pull p = pull(RepoEndpoints.readable(forge, c), c);
            return ApiReply.empty(p.merged ? 204 : 404);
        }));
        // PR comments live under /issues: the issue scope, not repository
        routes.put("issueCreateComment", new Endpoint(List.of("issue"), false, this::comment));
    }

    private static Pull pull(Repo r, ApiCall c) {
        return r.pull(c.index()).orElseThrow(ApiException::notFound);
    }

    private JsonNode view(Repo r, Pull p, ApiCall c) throws IOException {
        boolean mergeable = false;
        Optional<String> mergeBase = Optional.empty();
        Optional<String> base = BareRepos.branch(r.gitDir, p.base);
        if (base.isPresent()) {
            mergeBase = BareRepos.mergeBase(r.gitDir, base.get(), p.headSha);
            mergeable = !p.closed && p.pendingChecks == 0 && BareRepos.mergesCleanly(r.gitDir, base.get(), p.headSha);
        }
        return views.pull(r, p, r.permission(c.user()), mergeable, mergeBase, false);
    }

    private ApiReply list(ApiCall c) throws IOException {
        Repo r = RepoEndpoints.readable(forge, c);
        String state = c.query("state").orElse("open");
        List<Pull> found = new ArrayList<>();
        for (int i = r.pulls.size() - 1; i >= 0; i--) { // newest first, Forgejo's default order
            Pull p = r.pulls.get(i);
            if (state.equals("all") || state.equals(p.closed ? "closed" : "open")) {
                found.add(p);
            }
        }
        if (c.query("sort").filter("oldest"::equals).isPresent()) {
            Collections.reverse(found);
        }
        return Page.of(c).reply(c, found, p -> view(r, p, c)); // only the page is rendered: each costs a merge
    }

    private ApiReply create(ApiCall c) throws IOException {
        Repo r = RepoEndpoints.readable(forge, c);
        Account doer = c.signedIn();
        String head = c.text("head");
        int colon = head.indexOf(':');
        if (colon >= 0) {
            // owner:branch; only the base owner itself is served here (no forks)
            if (!head.substring(0, colon).equalsIgnoreCase(r.owner.login())) {
                throw ApiException.notFound();
            }
            head = head.substring(colon + 1);
        }
        String base = c.text("base");
        String title = c.required("title");
        Optional<String> headSha = head.isEmpty() ? Optional.empty() : BareRepos.branch(r.gitDir, head);
        Optional<String> baseSha = base.isEmpty() ? Optional.empty() : BareRepos.branch(r.gitDir, base);
        if (headSha.isEmpty() || baseSha.isEmpty()) {
            throw ApiException.notFound();
        }
        if (head.equals(base) || BareRepos.isAncestor(r.gitDir, headSha.get(), baseSha.get())) {
            throw new ApiException(422, "Invalid PullRequest: There are no changes between the head and the base");
        }
        for (Pull p : r.pulls) {
            if (!p.closed && p.head.equals(head) && p.base.equals(base)) {
                throw new ApiException(409, "pull request already exists for these targets [id: " + p.id + ", issue_id: "
                        + p.id + ", head_repo_id: " + r.id + ", base_repo_id: " + r.id + ", head_branch: " + head
                        + ", base_branch: " + base + "]");
            }
        }
        Pull p = new Pull(forge.nextId(), ++r.lastIndex, doer, head, base, headSha.get(), title, c.text("body"), forge.now());
        p.pendingChecks = forge.conflictCheckDelay();
        r.pulls.add(p);
        return ApiReply.json(201, view(r, p, c));
    }

    private ApiReply edit(ApiCall c) throws IOException {
        Repo r = RepoEndpoints.readable(forge, c);
        Pull p = pull(r, c);
        Account doer = c.signedIn();
        if (!doer.login().equals(p.poster.login()) && !r.permission(c.user()).atLeast(Permission.WRITE)) {
            throw new ApiException(403, "user should have permission to edit the pull request");
        }
        if (c.field("title").isString()) {
            p.title = c.text("title");
        }
        if (c.field("body").isString()) {
            p.body = c.text("body");
        }
        if (c.field("base").isString() && !c.text("base").equals(p.base)) {
            if (BareRepos.branch(r.gitDir, c.text("base")).isEmpty()) {
                throw ApiException.notFound();
            }
            p.base = c.text("base");
        }
        String state = c.text("state");
        if (state.equals("closed") && !p.closed) {
            p.closed = true;
            p.closedAt = forge.now();
        } else if (state.equals("open") && p.closed && !p.merged) {
            p.closed = false;
            p.closedAt = null;
        }
        p.updated = forge.now();
        return ApiReply.json(201, view(r, p, c)); // Forgejo answers an edit with 201
    }

    private ApiReply requestReviewers(ApiCall c) {
        Repo r = RepoEndpoints.readable(forge, c);
        Pull p = pull(r, c);
        Account doer = c.signedIn();
        List<Account> reviewers = new ArrayList<>();
        for (JsonNode name : c.field("reviewers")) {
            Account a = forge.account(name.asString()).orElseThrow(ApiException::notFound);
            reviewers.add(a);
        }
        if (p.closed) {
            throw new ApiException(403, "the pull request is closed");
        }
        // all are checked before any is applied, as Forgejo does for users
        for (Account a : reviewers) {
            String reason = null;
            if (a.organization() || !r.permission(Optional.of(a)).atLeast(Permission.READ)) {
                reason = "reviewer can't read";
            } else if (a.login().equals(p.poster.login())) {
                reason = "poster of pr can't be reviewer";
            } else if (!doer.login().equals(p.poster.login()) && !r.permission(c.user()).atLeast(Permission.WRITE)) {
                reason = "doer can't choose reviewer";
            }
            if (reason != null) {
                throw new ApiException(422, reason + " [user_id: " + a.id() + ", repo_id: " + r.id + "]");
            }
        }
        ArrayNode created = JsonNodeFactory.instance.arrayNode();
        for (Account a : reviewers) {
            if (p.requestedReviewers.putIfAbsent(a.login(), a) == null) {
                Review rv = new Review(forge.nextId(), a, "REQUEST_REVIEW", "", p.headSha, false, forge.now());
                p.reviews.add(rv);
                created.add(views.review(r, p, rv));
            }
        }
        return ApiReply.json(201, created);
    }

    private ApiReply review(ApiCall c) {
        Repo r = RepoEndpoints.readable(forge, c);
        Pull p = pull(r, c);
        Account doer = c.signedIn();
        String event = c.text("event");
        String body = c.text("body");
        String state = switch (event) {
            case "APPROVED", "REQUEST_CHANGES", "COMMENT" -> event;
            default -> "PENDING"; // a missing or unknown event makes a pending review
        };
        boolean own = doer.login().equals(p.poster.login());
        if (own && state.equals("APPROVED")) {
            throw new ApiException(422, "approve your own pull is not allowed");
        }
        if (own && state.equals("REQUEST_CHANGES")) {
            throw new ApiException(422, "reject your own pull is not allowed");
        }
        if (!state.equals("APPROVED") && body.isBlank() && c.field("comments").size() == 0) {
            throw new ApiException(422, "review event " + state + " requires a body or a comment");
        }
        String commit = c.text("commit_id").isEmpty() ? p.headSha : c.text("commit_id");
        boolean official = (state.equals("APPROVED") || state.equals("REQUEST_CHANGES"))
                && r.permission(c.user()).atLeast(Permission.WRITE);
        Review rv = new Review(forge.nextId(), doer, state, body, commit, official, forge.now());
        rv.stale = !commit.equals(p.headSha);
        if (state.equals("APPROVED") || state.equals("REQUEST_CHANGES")) {
            // a submitted review answers the request for it
            p.requestedReviewers.remove(doer.login());
            p.reviews.removeIf(x -> x.state.equals("REQUEST_REVIEW") && x.reviewer.login().equals(doer.login()));
        }
        p.reviews.add(rv);
        p.updated = forge.now();
        return ApiReply.json(200, views.review(r, p, rv));
    }

    private ApiReply merge(ApiCall c) throws IOException {
        Repo r = RepoEndpoints.readable(forge, c);
        Pull p = pull(r, c);
        Account doer = c.signedIn();
        String style = c.required("Do");
        if (!MERGE_STYLES.contains(style)) {
            throw new ApiException(422, "[Do]: In");
        }
        boolean checking = p.pendingChecks > 0;
        p.pendingChecks = Math.max(0, p.pendingChecks - 1);
        if (p.merged) {
            throw new ApiException(405, "PR already merged");
        }
        if (p.closed) {
            throw ApiException.notFound();
        }
        if (!r.permission(c.user()).atLeast(Permission.WRITE)) {
            throw new ApiException(405, "User not allowed to merge PR");
        }
        Optional<String> base = BareRepos.branch(r.gitDir, p.base);
        boolean checked = !checking && base.isPresent();
        if (!style.equals("manually-merged") && (!checked || !BareRepos.mergesCleanly(r.gitDir, base.get(), p.headSha))) {
            throw new ApiException(405, "Please try again later"); // "PR not in mergeable state"
        }
        String expected = c.text("head_commit_id");
        if (!expected.isEmpty() && !expected.equals(p.headSha)) {
            throw new ApiException(409, "head out of date");
        }
        if (c.flag("merge_when_checks_succeed")) {
            return ApiReply.empty(201); // scheduled; nothing here ever runs it (no branch protection to wait for)
        }
        String result;
        if (style.equals("manually-merged")) {
            result = c.text("MergeCommitID");
            if (result.isEmpty() || base.isEmpty() || !BareRepos.isAncestor(r.gitDir, result, base.get())) {
                throw new ApiException(422, "Wrong commit ID");
            }
        } else {
            try {
                result = BareRepos.merge(r.gitDir, style, p.base, p.headSha, message(c, style, p),
                        style.equals("squash") ? Identities.of(p.poster, forge.clock) : Identities.of(doer, forge.clock),
                        Identities.of(doer, forge.clock));
            } catch (BareRepos.MergeRefused e) {
                throw new ApiException(409, e.getMessage());
            }
        }
        p.merged = true;
        p.closed = true;
        p.mergedAt = forge.now();
        p.closedAt = p.mergedAt;
        p.mergedBy = doer;
        p.mergeCommitSha = result;
        p.updated = p.mergedAt;
        forge.pushed(r, p.base, result);
        if (c.flag("delete_branch_after_merge")) {
            if (p.head.equals(r.defaultBranch)) {
                throw new ApiException(403, "can not delete default branch");
            }
            BareRepos.deleteBranch(r.gitDir, p.head);
        }
        return ApiReply.empty(200);
    }

    private static String message(ApiCall c, String style, Pull p) {
        String title = c.text("MergeTitleField");
        if (title.isEmpty()) {
            title = style.equals("squash") ? p.title + " (#" + p.number + ")"
                    : "Merge pull request '" + p.title + "' (#" + p.number + ") from " + p.head + " into " + p.base;
        }
        String body = c.text("MergeMessageField");
        return body.isEmpty() ? title + "\n" : title + "\n\n" + body + "\n";
    }

    private ApiReply comment(ApiCall c) {
        Repo r = RepoEndpoints.readable(forge, c);
        Pull p = r.pull(c.index()).orElseThrow(ApiException::notFound);
        Account doer = c.signedIn();
        String body = c.required("body");
        IssueComment comment = new IssueComment(forge.nextId(), p.number, doer, body, forge.now());
        r.comments.add(comment);
        p.comments++;
        return ApiReply.json(201, views.comment(r, comment));
    }
}
