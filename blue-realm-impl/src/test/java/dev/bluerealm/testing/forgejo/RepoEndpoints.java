package dev.bluerealm.testing.forgejo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;

/** Version, users and repositories: creating them, reading them, statuses, branch deletion. */
final class RepoEndpoints {
    static final String VERSION = "11.0.1+gitea-1.22.0";
    private static final List<String> STATUS_STATES = List.of("pending", "success", "error", "failure", "warning");
    private final Forge forge;
    private final JsonViews views;

    RepoEndpoints(Forge forge, JsonViews views) {
        this.forge = forge;
        this.views = views;
    }

    void register(Map<String, Endpoint> routes) {
        routes.put("getVersion", new Endpoint(List.of(), true,
                c -> ApiReply.json(200, JsonNodeFactory.instance.objectNode().put("version", VERSION))));
        routes.put("userGetCurrent", new Endpoint(List.of("user"), false, c -> ApiReply.json(200, views.user(c.signedIn()))));
        routes.put("userGet", new Endpoint(List.of("user"), true, c -> ApiReply.json(200,
                views.user(forge.account(c.path("username")).orElseThrow(ApiException::notFound)))));
        routes.put("createCurrentUserRepo", new Endpoint(List.of("user", "repository"), false,
                c -> create(c, c.signedIn(), 409)));
        routes.put("createOrgRepo", new Endpoint(List.of("organization"), false, this::createInOrg));
        routes.put("repoGet", new Endpoint(List.of("repository"), true, c -> {
            Repo r = readable(forge, c);
            return ApiReply.json(200, views.repo(r, r.permission(c.user()), BareRepos.isEmpty(r.gitDir)));
        }));
        routes.put("repoDeleteBranch", new Endpoint(List.of("repository"), false, this::deleteBranch));
        routes.put("repoCreateStatus", new Endpoint(List.of("repository"), false, this::createStatus));
        routes.put("repoListStatusesByRef", new Endpoint(List.of("repository"), true, this::listStatuses));
    }

    /** The repository of the call's {@code owner}/{@code repo}, when the caller may read it; 404 otherwise. */
    static Repo readable(Forge forge, ApiCall c) {
        Repo r = forge.repo(c.path("owner"), c.path("repo")).orElseThrow(ApiException::notFound);
        if (!r.permission(c.user()).atLeast(Permission.READ)) {
            throw ApiException.notFound();
        }
        return r;
    }

    private ApiReply createInOrg(ApiCall c) throws IOException {
        Account org = forge.account(c.path("org")).filter(Account::organization).orElseThrow(ApiException::notFound);
        if (!org.members().contains(c.signedIn().login())) {
            throw new ApiException(403, "Given user is not owner of organization.");
        }
        return create(c, org, 409);
    }

    private ApiReply create(ApiCall c, Account owner, int conflict) throws IOException {
        String name = c.required("name");
        if (!name.matches("[A-Za-z0-9_.-]+") || name.endsWith(".git") || name.equals(".") || name.equals("..")) {
            throw new ApiException(422, "[Name]: AlphaDashDot");
        }
        if (forge.repo(owner.login(), name).isPresent()) {
            throw new ApiException(conflict, "The repository with the same name already exists.");
        }
        String branch = c.text("default_branch").isEmpty() ? "main" : c.text("default_branch");
        Repo r = forge.createRepo(owner, name, c.flag("private"), c.text("description"), branch, c.flag("auto_init"),
                c.signedIn());
        return ApiReply.json(201, views.repo(r, r.permission(c.user()), BareRepos.isEmpty(r.gitDir)));
    }

    private ApiReply deleteBranch(ApiCall c) throws IOException {
        Repo r = readable(forge, c);
        if (!r.permission(c.user()).atLeast(Permission.WRITE)) {
            throw new ApiException(403, "user should have a permission to write to the target branch");
        }
        String branch = c.path("branch");
        if (branch.equals(r.defaultBranch)) {
            throw new ApiException(403, "can not delete default branch");
        }
        if (!BareRepos.deleteBranch(r.gitDir, branch)) {
            throw new ApiException(404, "The target couldn't be found.");
        }
        return ApiReply.empty(204);
    }

    private ApiReply createStatus(ApiCall c) throws IOException {
        Repo r = readable(forge, c);
        if (!r.permission(c.user()).atLeast(Permission.WRITE)) {
            throw new ApiException(403, "user should have a permission to write to a repo");
        }
        String sha = c.path("sha");
        String state = c.text("state");
        if (!STATUS_STATES.contains(state)) {
            throw new ApiException(400, "invalid commit status state: " + state);
        }
        String commit = BareRepos.resolveCommit(r.gitDir, sha).filter(s -> s.equals(sha))
                .orElseThrow(() -> new ApiException(404, "commit " + sha + " does not exist"));
        CommitStatus s = new CommitStatus(forge.nextId(), commit, state, c.text("context").isEmpty() ? "default"
                : c.text("context"), c.text("description"), c.text("target_url"), c.signedIn(), forge.now());
        r.statuses.add(s);
        return ApiReply.json(201, views.status(r, s));
    }

    private ApiReply listStatuses(ApiCall c) throws IOException {
        Repo r = readable(forge, c);
        String sha = BareRepos.resolveCommit(r.gitDir, c.path("ref")).orElseThrow(ApiException::notFound);
        List<CommitStatus> found = new ArrayList<>(r.statuses.stream().filter(s -> s.sha().equals(sha))
                .filter(s -> c.query("state").map(s.state()::equals).orElse(true)).toList());
        found.sort(Comparator.comparing(CommitStatus::id).reversed()); // newest first, as "recentupdate"
        if (c.query("sort").filter("oldest"::equals).isPresent()) {
            found.sort(Comparator.comparing(CommitStatus::id));
        }
        return Page.of(c).reply(c, found, s -> views.status(r, s));
    }
}
