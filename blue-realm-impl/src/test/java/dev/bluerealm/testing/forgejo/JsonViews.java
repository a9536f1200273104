package dev.bluerealm.testing.forgejo;

import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON the server sends, shaped as Forgejo's structs: fields Go always writes are always
 * present, nil pointers are {@code null}, empty lists are {@code []}.
 */
final class JsonViews {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final String baseUrl;

    JsonViews(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    ObjectNode error(String message) {
        return NODES.objectNode().put("message", message).put("url", baseUrl + "/api/swagger");
    }

    ObjectNode notFound(String message) {
        ObjectNode n = error(message);
        n.putArray("errors");
        return n;
    }

    ObjectNode user(Account a) {
        return NODES.objectNode()
                .put("id", a.id()).put("login", a.login()).put("login_name", "").put("source_id", 0)
                .put("full_name", "").put("email", a.email()).put("avatar_url", baseUrl + "/avatars/" + a.id())
                .put("html_url", baseUrl + "/" + a.login()).put("language", "").put("is_admin", false)
                .put("last_login", time(a.created())).put("created", time(a.created()))
                .put("restricted", false).put("active", true).put("prohibit_login", false)
                .put("location", "").put("pronouns", "").put("website", "").put("description", "")
                .put("visibility", "public").put("followers_count", 0).put("following_count", 0)
                .put("starred_repos_count", 0);
    }

    ObjectNode repo(Repo r, Permission viewer, boolean empty) {
        ObjectNode n = NODES.objectNode()
                .put("id", r.id).set("owner", user(r.owner));
        n.put("name", r.name).put("full_name", r.fullName()).put("description", r.description)
                .put("empty", empty).put("private", r.isPrivate).put("fork", false).put("template", false)
                .putNull("parent");
        n.put("mirror", false).put("size", 0).put("language", "").put("languages_url", api("/repos/" + r.fullName() + "/languages"))
                .put("html_url", html(r)).put("url", api("/repos/" + r.fullName())).put("link", "")
                .put("ssh_url", "ssh://git@127.0.0.1/" + r.fullName() + ".git").put("clone_url", html(r) + ".git")
                .put("original_url", "").put("website", "").put("stars_count", 0).put("forks_count", 0)
                .put("watchers_count", 1).put("open_issues_count", 0)
                .put("open_pr_counter", r.pulls.stream().filter(p -> !p.closed).count()).put("release_counter", 0)
                .put("default_branch", r.defaultBranch).put("archived", false)
                .put("created_at", time(r.created)).put("updated_at", time(r.created))
                .put("archived_at", "1970-01-01T00:00:00Z");
        n.putObject("permissions").put("admin", viewer.atLeast(Permission.ADMIN))
                .put("push", viewer.atLeast(Permission.WRITE)).put("pull", viewer.atLeast(Permission.READ));
        n.put("has_issues", true).putObject("internal_tracker").put("enable_time_tracker", true)
                .put("allow_only_contributors_to_track_time", true).put("enable_issue_dependencies", true);
        n.put("has_wiki", true).put("wiki_branch", r.defaultBranch).put("globally_editable_wiki", false)
                .put("has_pull_requests", true).put("has_projects", true).put("has_releases", true)
                .put("has_packages", true).put("has_actions", true).put("ignore_whitespace_conflicts", false)
                .put("allow_merge_commits", true).put("allow_rebase", true).put("allow_rebase_explicit", true)
                .put("allow_squash_merge", true).put("allow_fast_forward_only_merge", true)
                .put("allow_rebase_update", true).put("default_delete_branch_after_merge", false)
                .put("default_merge_style", "merge").put("default_update_style", "merge")
                .put("default_allow_maintainer_edit", false).put("avatar_url", "").put("internal", false)
                .put("mirror_interval", "").put("object_format_name", "sha1")
                .put("mirror_updated", "0001-01-01T00:00:00Z").putNull("repo_transfer");
        n.putArray("topics");
        return n;
    }

    ObjectNode pull(Repo r, Pull p, Permission viewer, boolean mergeable, Optional<String> mergeBase, boolean empty) {
        ObjectNode n = NODES.objectNode().put("id", p.id)
                .put("url", html(r) + "/pulls/" + p.number).put("number", p.number);
        n.set("user", user(p.poster));
        n.put("title", p.title).put("body", p.body);
        n.putArray("labels");
        n.putNull("milestone");
        n.putNull("assignee");
        n.putArray("assignees");
        ArrayNode reviewers = n.putArray("requested_reviewers");
        p.requestedReviewers.values().forEach(a -> reviewers.add(user(a)));
        n.putArray("requested_reviewers_teams");
        n.put("state", p.closed ? "closed" : "open").put("draft", false).put("is_locked", false)
                .put("comments", p.comments).put("review_comments", 0).put("additions", 0).put("deletions", 0)
                .put("changed_files", 0).put("html_url", html(r) + "/pulls/" + p.number)
                .put("diff_url", html(r) + "/pulls/" + p.number + ".diff")
                .put("patch_url", html(r) + "/pulls/" + p.number + ".patch")
                .put("mergeable", mergeable).put("merged", p.merged);
        n.set("merged_at", time(Optional.ofNullable(p.mergedAt)));
        n.set("merged_by", p.mergedBy == null ? NODES.nullNode() : user(p.mergedBy));
        n.set("merge_commit_sha", p.mergeCommitSha == null ? NODES.nullNode() : NODES.stringNode(p.mergeCommitSha));
        n.put("allow_maintainer_edit", false);
        n.set("base", branchInfo(r, p.base, baseSha(r, p), viewer, empty));
        n.set("head", branchInfo(r, p.head, p.headSha, viewer, empty));
        n.put("merge_base", mergeBase.orElse(""));
        n.putNull("due_date");
        n.put("created_at", time(p.created)).put("updated_at", time(p.updated));
        n.set("closed_at", time(Optional.ofNullable(p.closedAt)));
        n.put("pin_order", 0).put("flow", 0);
        return n;
    }

    private static String baseSha(Repo r, Pull p) {
        try {
            return BareRepos.branch(r.gitDir, p.base).orElse("");
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private ObjectNode branchInfo(Repo r, String branch, String sha, Permission viewer, boolean empty) {
        ObjectNode n = NODES.objectNode().put("label", branch).put("ref", branch).put("sha", sha).put("repo_id", r.id);
        n.set("repo", repo(r, viewer, empty));
        return n;
    }

    ObjectNode review(Repo r, Pull p, Review rv) {
        ObjectNode n = NODES.objectNode().put("id", rv.id);
        n.set("user", user(rv.reviewer));
        n.putNull("team");
        n.put("state", rv.state).put("body", rv.body).put("commit_id", rv.commitId).put("stale", rv.stale)
                .put("official", rv.official).put("dismissed", false).put("comments_count", 0)
                .put("submitted_at", time(rv.submitted)).put("updated_at", time(rv.submitted))
                .put("html_url", html(r) + "/pulls/" + p.number + "#issuecomment-" + rv.id)
                .put("pull_request_url", html(r) + "/pulls/" + p.number);
        return n;
    }

    ObjectNode status(Repo r, CommitStatus s) {
        ObjectNode n = NODES.objectNode().put("id", s.id()).put("status", s.state())
                .put("target_url", s.targetUrl()).put("description", s.description())
                .put("url", api("/repos/" + r.fullName() + "/statuses/" + s.sha())).put("context", s.context());
        n.set("creator", user(s.creator()));
        n.put("created_at", time(s.created())).put("updated_at", time(s.created()));
        return n;
    }

    ObjectNode comment(Repo r, IssueComment c) {
        ObjectNode n = NODES.objectNode().put("id", c.id())
                .put("html_url", html(r) + "/pulls/" + c.index() + "#issuecomment-" + c.id())
                .put("pull_request_url", html(r) + "/pulls/" + c.index()).put("issue_url", "");
        n.set("user", user(c.user()));
        n.put("original_author", "").put("original_author_id", 0).put("body", c.body());
        n.putArray("assets");
        n.put("created_at", time(c.created())).put("updated_at", time(c.created()));
        return n;
    }

    private String html(Repo r) {
        return baseUrl + "/" + r.fullName();
    }

    private String api(String path) {
        return baseUrl + "/api/v1" + path;
    }

    private static String time(Instant t) {
        return t.toString();
    }

    private static JsonNode time(Optional<Instant> t) {
        return t.<JsonNode>map(i -> NODES.stringNode(i.toString())).orElse(NODES.nullNode());
    }
}
