package dev.bluerealm.internal.forge.forgejo;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.RealmException;
import dev.bluerealm.RefusedException;
import dev.bluerealm.internal.credentials.Credential;
import dev.bluerealm.internal.credentials.Redaction;
import dev.bluerealm.internal.forge.forgejo.api.IssueApi;
import dev.bluerealm.internal.forge.forgejo.api.MiscellaneousApi;
import dev.bluerealm.internal.forge.forgejo.api.OrganizationApi;
import dev.bluerealm.internal.forge.forgejo.api.RepositoryApi;
import dev.bluerealm.internal.forge.forgejo.api.UserApi;
import dev.bluerealm.internal.forge.forgejo.invoker.ApiClient;
import dev.bluerealm.internal.forge.forgejo.invoker.ApiException;
import dev.bluerealm.internal.forge.forgejo.invoker.ApiResponse;
import dev.bluerealm.internal.forge.forgejo.model.CreateIssueCommentOption;
import dev.bluerealm.internal.forge.forgejo.model.CreatePullRequestOption;
import dev.bluerealm.internal.forge.forgejo.model.CreatePullReviewOptions;
import dev.bluerealm.internal.forge.forgejo.model.CreateRepoOption;
import dev.bluerealm.internal.forge.forgejo.model.CreateStatusOption;
import dev.bluerealm.internal.forge.forgejo.model.EditPullRequestOption;
import dev.bluerealm.internal.forge.forgejo.model.MergePullRequestOption;
import dev.bluerealm.internal.forge.forgejo.model.PullReviewRequestOptions;
import dev.bluerealm.internal.forge.forgejo.model.Repository;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The Forgejo REST API as blue-realm uses it, over the client generated from
 * {@code src/main/openapi/forgejo.yaml}. Sends {@code Authorization: token …} (the token is asked for
 * once, on the first request, and never appears in a message), reads every page of lists, retries
 * what is safe to retry with exponential back-off and jitter ({@link Attempts}), waits out Forgejo's
 * "Please try again later" on merge, and turns every failure into a {@link RealmException} that says
 * what to do ({@link ForgejoErrors}).
 *
 * <pre>{@code
 * ForgejoClient forgejo = ForgejoClient.builder("https://git.example.com", TokenSupplier.fromChain(chain, url)).build();
 * ForgejoPull pull = forgejo.openPull("acme", "realm", "sync/aperture/20260124-103000", "main", "Sync aperture", "");
 * forgejo.merge("acme", "realm", pull.number(), MergeRequest.mergeCommit(pull.headSha()));
 * }</pre>
 *
 * <p>Thread-safe: calls share nothing but the HTTP client and the token, which is read once.
 */
public final class ForgejoClient {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final String forge;
    private final TokenSupplier tokens;
    private final Attempts attempts;
    private final ForgejoErrors errors;
    private final MiscellaneousApi misc;
    private final UserApi users;
    private final OrganizationApi orgs;
    private final RepositoryApi repos;
    private final IssueApi issues;
    private volatile Credential token;

    private ForgejoClient(Builder b) {
        this.forge = b.baseUrl;
        this.tokens = b.tokens;
        // redirects are not followed: a token must not travel to another host
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        ApiClient api = new ApiClient(http, ApiClient.createDefaultObjectMapper(), b.baseUrl + "/api/v1");
        api.setReadTimeout(READ_TIMEOUT);
        this.errors = new ForgejoErrors(forge, api.getObjectMapper());
        this.attempts = new Attempts(b.maxAttempts, new Backoff(b.initialBackoff, b.maxBackoff, b.clock, b.random),
                b.sleeper, errors);
        this.misc = new MiscellaneousApi(api);
        this.users = new UserApi(api);
        this.orgs = new OrganizationApi(api);
        this.repos = new RepositoryApi(api);
        this.issues = new IssueApi(api);
    }

    /**
     * A builder for a client of the Forgejo at {@code baseUrl}.
     *
     * @param baseUrl {@code https://host} or {@code https://host/subpath}, without {@code /api/v1}
     * @throws IllegalArgumentException when it is not an http(s) URL with a host
     */
    public static Builder builder(String baseUrl, TokenSupplier tokens) {
        return new Builder(baseUrl, tokens);
    }

    /** The base URL, for messages. */
    public String forge() {
        return forge;
    }

    /** The server's version, {@code 11.0.1+gitea-1.22.0} on Forgejo. */
    public String version() throws RealmException {
        Credential t = token();
        return attempts.run(Operation.read("getVersion", "read its version", "API (is " + forge + " a Forgejo server?)"), t,
                () -> Objects.toString(misc.getVersion(auth(t)).getVersion(), ""));
    }

    /** The token's user. */
    public ForgejoUser currentUser() throws RealmException {
        Credential t = token();
        return Convert.user(attempts.run(Operation.read("userGetCurrent", "read the token's user", "user"), t,
                () -> users.userGetCurrent(auth(t))));
    }

    public ForgejoUser user(String login) throws RealmException {
        Credential t = token();
        return Convert.user(attempts.run(Operation.read("userGet", "read user " + login, "user " + login), t,
                () -> users.userGet(login, auth(t))));
    }

    /** Creates a repository in organization {@code org}; the token needs {@code write:organization}. */
    public ForgejoRepository createOrgRepository(String org, NewRepository spec) throws RealmException {
        Credential t = token();
        Operation op = Operation.write("createOrgRepo", "create repository " + org + "/" + spec.name(), "organization " + org);
        return Convert.repository(created(op, t, () -> orgs.createOrgRepo(org, repoOption(spec), auth(t))));
    }

    /** Creates a repository of the token's user; the token needs {@code write:user} and {@code write:repository}. */
    public ForgejoRepository createUserRepository(NewRepository spec) throws RealmException {
        Credential t = token();
        Operation op = Operation.write("createCurrentUserRepo", "create repository " + spec.name(), "user of the token");
        return Convert.repository(created(op, t, () -> repos.createCurrentUserRepo(repoOption(spec), auth(t))));
    }

    public ForgejoRepository repository(String owner, String repo) throws RealmException {
        Credential t = token();
        return Convert.repository(attempts.run(Operation.read("repoGet", "read repository " + owner + "/" + repo,
                "repository " + owner + "/" + repo), t, () -> repos.repoGet(owner, repo, auth(t))));
    }

    /** Every pull request of the repository in {@code state}, all pages. */
    public List<ForgejoPull> pulls(String owner, String repo, PullStateFilter state) throws RealmException {
        Credential t = token();
        Operation op = Operation.read("repoListPullRequests", "list the pull requests of " + owner + "/" + repo,
                "repository " + owner + "/" + repo);
        return Pages.all(attempts, op, t, (page, limit) -> repos.repoListPullRequestsWithHttpInfo(owner, repo,
                state.wire(), page, limit, auth(t))).stream().map(Convert::pull).toList();
    }

    /**
     * Opens a pull request of {@code head} into {@code base}, both branches of {@code owner/repo}.
     * Forgejo has no reviewers field here: request them with {@link #requestReviewers} (PITFALLS 4).
     */
    public ForgejoPull openPull(String owner, String repo, String head, String base, String title, String body)
            throws RealmException {
        Credential t = token();
        Operation op = Operation.write("repoCreatePullRequest", "open a pull request of '" + head + "' into '" + base
                + "' in " + owner + "/" + repo, "repository " + owner + "/" + repo + ", or its branch '" + head + "' or '" + base + "'");
        CreatePullRequestOption option = new CreatePullRequestOption().head(head).base(base).title(title).body(body);
        try {
            return Convert.pull(attempts.tryAll(op, () -> repos.repoCreatePullRequest(owner, repo, option, auth(t))));
        } catch (Attempts.Failure f) {
            if (f.answer().getCode() == 409) {
                throw new InvalidRequestException(ErrorCode.ALREADY_EXISTS, "a pull request of '" + head + "' into '"
                        + base + "' is open already in " + owner + "/" + repo + " on " + forge
                        + ": update that one, or close it first");
            }
            throw errors.toException(op, f.answer(), t, f.attempts());
        }
    }

    public ForgejoPull pull(String owner, String repo, long number) throws RealmException {
        Credential t = token();
        return Convert.pull(attempts.run(Operation.read("repoGetPullRequest", "read pull #" + number,
                pullTarget(owner, repo, number)), t, () -> repos.repoGetPullRequest(owner, repo, number, auth(t))));
    }

    /** Changes a pull request's title and body. */
    public ForgejoPull editPull(String owner, String repo, long number, String title, String body) throws RealmException {
        return patchPull(owner, repo, number, "edit pull #" + number, new EditPullRequestOption().title(title).body(body));
    }

    /** Closes a pull request without merging it. */
    public ForgejoPull closePull(String owner, String repo, long number) throws RealmException {
        return patchPull(owner, repo, number, "close pull #" + number, new EditPullRequestOption().state("closed"));
    }

    /**
     * Asks users to review; each must be able to read the repository and none may be the author
     * (Forgejo answers 422 otherwise, PITFALLS 4).
     *
     * @return one review of state {@code REQUEST_REVIEW} per reviewer
     */
    public List<ForgejoReview> requestReviewers(String owner, String repo, long number, List<String> reviewers)
            throws RealmException {
        Credential t = token();
        Operation op = Operation.write("repoCreatePullReviewRequests", "request reviews from " + String.join(", ", reviewers)
                + " on pull #" + number, pullTarget(owner, repo, number) + ", or one of the users " + String.join(", ", reviewers));
        PullReviewRequestOptions option = new PullReviewRequestOptions().reviewers(List.copyOf(reviewers));
        return attempts.run(op, t, () -> repos.repoCreatePullReviewRequests(owner, repo, number, option, auth(t)))
                .stream().map(Convert::review).toList();
    }

    /** Every review of the pull request, all pages. */
    public List<ForgejoReview> reviews(String owner, String repo, long number) throws RealmException {
        Credential t = token();
        Operation op = Operation.read("repoListPullReviews", "list the reviews of pull #" + number, pullTarget(owner, repo, number));
        return Pages.all(attempts, op, t, (page, limit) -> repos.repoListPullReviewsWithHttpInfo(owner, repo, number,
                page, limit, auth(t))).stream().map(Convert::review).toList();
    }

    /**
     * Submits a review.
     *
     * @param commitId the head commit reviewed; empty for the current head
     */
    public ForgejoReview review(String owner, String repo, long number, ReviewEvent event, String body, String commitId)
            throws RealmException {
        Credential t = token();
        Operation op = Operation.write("repoCreatePullReview", "submit a " + event + " review of pull #" + number,
                pullTarget(owner, repo, number));
        CreatePullReviewOptions option = new CreatePullReviewOptions().event(event.name()).body(body)
                .commitId(commitId.isEmpty() ? null : commitId);
        return Convert.review(attempts.run(op, t, () -> repos.repoCreatePullReview(owner, repo, number, option, auth(t))));
    }

    /**
     * Merges a pull request. While Forgejo's conflict check has not finished it answers 405 "Please try
     * again later"; the pull request is then re-read with back-off until it is mergeable and the merge
     * tried again (PITFALLS 1). Every other refusal is final and says why.
     *
     * @throws RefusedException {@code MERGE_CONFLICT} (conflicts, or never mergeable), {@code PLAN_STALE}
     *     (the head moved since {@code request.headSha()}), {@code MERGE_BLOCKED} (approvals or status checks
     *     missing, work in progress, merge style disabled, not allowed) or {@code NOT_OPEN} (merged or closed)
     */
    public MergeResult merge(String owner, String repo, long number, MergeRequest request) throws RealmException {
        Credential t = token();
        Operation op = Operation.write("repoMergePullRequest", "merge pull #" + number + " of " + owner + "/" + repo,
                pullTarget(owner, repo, number));
        MergePullRequestOption option = new MergePullRequestOption()._do(request.style().wire())
                .headCommitId(request.headSha()).deleteBranchAfterMerge(request.deleteBranch())
                .mergeTitleField(request.title().isEmpty() ? null : request.title())
                .mergeMessageField(request.message().isEmpty() ? null : request.message());
        int checks = 0;
        while (true) {
            try {
                ApiResponse<Void> merged = attempts.tryAll(op,
                        () -> repos.repoMergePullRequestWithHttpInfo(owner, repo, number, option, auth(t)));
                return merged.getStatusCode() == 201 ? MergeResult.SCHEDULED : MergeResult.MERGED;
            } catch (Attempts.Failure f) {
                String why = errors.serverMessage(f.answer());
                if (f.answer().getCode() != 405 || !why.toLowerCase(Locale.ROOT).contains("try again later")) {
                    throw ForgejoErrors.redacted(mergeRefusal(op, f, why, t, owner, repo, number, request), t);
                }
            }
            ForgejoPull now;
            do {
                if (++checks >= attempts.maxAttempts()) {
                    throw new RefusedException(ErrorCode.MERGE_CONFLICT, "pull #" + number + " of " + owner + "/" + repo
                            + " is still not mergeable after " + checks + " checks: its branch conflicts with its base,"
                            + " or Forgejo's conflict check has not finished; merge the base into the branch, resolve"
                            + " the conflicts, and run again");
                }
                attempts.pause(op, attempts.backoff(checks));
                now = pull(owner, repo, number);
                if (now.merged() || !now.isOpen()) {
                    throw notOpen(owner, repo, now);
                }
            } while (!now.mergeable());
        }
    }

    /** Whether the pull request is merged (204), not merged (404). */
    public boolean isMerged(String owner, String repo, long number) throws RealmException {
        Credential t = token();
        Operation op = Operation.read("repoPullRequestIsMerged", "check whether pull #" + number + " is merged",
                pullTarget(owner, repo, number));
        try {
            attempts.tryAll(op, () -> repos.repoPullRequestIsMergedWithHttpInfo(owner, repo, number, auth(t)));
            return true;
        } catch (Attempts.Failure f) {
            if (f.answer().getCode() == 404) {
                return false;
            }
            throw errors.toException(op, f.answer(), t, f.attempts());
        }
    }

    /**
     * Posts a commit status on {@code sha} (a commit id: statuses attach to commits, and a push resets them).
     *
     * @param description empty for none
     * @param targetUrl empty for none
     */
    public ForgejoCommitStatus postStatus(String owner, String repo, String sha, CommitState state, String context,
            String description, String targetUrl) throws RealmException {
        Credential t = token();
        Operation op = Operation.write("repoCreateStatus", "post status '" + context + "' on " + sha,
                "repository " + owner + "/" + repo + ", or its commit " + sha);
        CreateStatusOption option = new CreateStatusOption().state(state.wire()).context(context)
                .description(description.isEmpty() ? null : description).targetUrl(targetUrl.isEmpty() ? null : targetUrl);
        return Convert.status(attempts.run(op, t, () -> repos.repoCreateStatus(owner, repo, sha, option, auth(t))));
    }

    /** Every status posted on {@code ref} (a branch, tag or commit id), newest first, all pages. */
    public List<ForgejoCommitStatus> statuses(String owner, String repo, String ref) throws RealmException {
        Credential t = token();
        Operation op = Operation.read("repoListStatusesByRef", "list the statuses of " + ref,
                "repository " + owner + "/" + repo + ", or its ref '" + ref + "'");
        return Pages.all(attempts, op, t, (page, limit) -> repos.repoListStatusesByRefWithHttpInfo(owner, repo, ref,
                page, limit, auth(t))).stream().map(Convert::status).toList();
    }

    /**
     * Deletes a branch; its name may hold {@code /}.
     *
     * @return false when there was no such branch (a retried delete may find it gone)
     */
    public boolean deleteBranch(String owner, String repo, String branch) throws RealmException {
        Credential t = token();
        Operation op = Operation.read("repoDeleteBranch", "delete branch '" + branch + "' of " + owner + "/" + repo,
                "repository " + owner + "/" + repo);
        try {
            attempts.tryAll(op, () -> repos.repoDeleteBranchWithHttpInfo(owner, repo, branch, auth(t)));
            return true;
        } catch (Attempts.Failure f) {
            if (f.answer().getCode() == 404 && errors.serverMessage(f.answer()).toLowerCase(Locale.ROOT).contains("branch")) {
                return false;
            }
            throw errors.toException(op, f.answer(), t, f.attempts());
        }
    }

    /** Comments on a pull request; the token needs {@code write:issue} (PRs are issues there). */
    public ForgejoComment comment(String owner, String repo, long number, String body) throws RealmException {
        Credential t = token();
        Operation op = Operation.write("issueCreateComment", "comment on pull #" + number, pullTarget(owner, repo, number));
        CreateIssueCommentOption option = new CreateIssueCommentOption().body(body);
        return Convert.comment(attempts.run(op, t, () -> issues.issueCreateComment(owner, repo, number, option, auth(t))));
    }

    private ForgejoPull patchPull(String owner, String repo, long number, String action, EditPullRequestOption option)
            throws RealmException {
        Credential t = token();
        Operation op = Operation.read("repoEditPullRequest", action, pullTarget(owner, repo, number));
        return Convert.pull(attempts.run(op, t, () -> repos.repoEditPullRequest(owner, repo, number, option, auth(t))));
    }

    /** A create call: 409 means the name is taken. */
    private Repository created(Operation op, Credential t, Attempts.Call<Repository> call) throws RealmException {
        try {
            return attempts.tryAll(op, call);
        } catch (Attempts.Failure f) {
            if (f.answer().getCode() == 409) {
                throw new InvalidRequestException(ErrorCode.ALREADY_EXISTS, "cannot " + op.action() + " on " + forge
                        + ": a repository of that name exists already");
            }
            throw errors.toException(op, f.answer(), t, f.attempts());
        }
    }

    private RealmException mergeRefusal(Operation op, Attempts.Failure f, String why, Credential token, String owner, String repo,
            long number, MergeRequest request) {
        String pull = "pull #" + number + " of " + owner + "/" + repo;
        String lower = why.toLowerCase(Locale.ROOT);
        switch (f.answer().getCode()) {
            case 404:
                return new InvalidRequestException(ErrorCode.NOT_FOUND, "Forgejo at " + forge + " has no open " + pull
                        + ": it is closed, or does not exist");
            case 405:
                if (why.isEmpty() || lower.contains("already merged")) {
                    return new RefusedException(ErrorCode.NOT_OPEN, pull + " is merged already");
                }
                if (lower.contains("work in progress")) {
                    return new RefusedException(ErrorCode.MERGE_BLOCKED, pull + " is a work in progress: remove the"
                            + " WIP prefix from its title before merging");
                }
                if (lower.contains("not allowed to merge")) {
                    return new RefusedException(ErrorCode.MERGE_BLOCKED, "the token's user may not merge " + pull
                            + ": it needs write access, and to be allowed by the base branch's protection");
                }
                if (lower.contains("merge style")) {
                    return new RefusedException(ErrorCode.MERGE_BLOCKED, owner + "/" + repo + " does not allow the "
                            + request.style().wire() + " merge style: enable it in the repository's settings");
                }
                return new RefusedException(ErrorCode.MERGE_BLOCKED, pull + " is not ready to merge (" + why
                        + "): it needs the approvals and passing status checks the base branch's protection asks for");
            case 409:
                if (lower.contains("head out of date")) {
                    return new RefusedException(ErrorCode.PLAN_STALE, "the branch of " + pull + " moved after "
                            + request.headSha() + " was reviewed: review the new head, then merge");
                }
                return new RefusedException(ErrorCode.MERGE_CONFLICT, "cannot merge " + pull + " (" + why
                        + "): merge its base into the branch, resolve the conflicts, and run again");
            default:
                return errors.toException(op, f.answer(), token, f.attempts());
        }
    }

    private static CreateRepoOption repoOption(NewRepository spec) {
        return new CreateRepoOption().name(spec.name()).description(spec.description())
                ._private(spec.isPrivate()).autoInit(spec.autoInit())
                .defaultBranch(spec.defaultBranch().isEmpty() ? null : spec.defaultBranch());
    }

    private static RealmException notOpen(String owner, String repo, ForgejoPull now) {
        String pull = "pull #" + now.number() + " of " + owner + "/" + repo;
        return new RefusedException(ErrorCode.NOT_OPEN, now.merged()
                ? pull + " is merged already" + (now.mergeCommitSha().isEmpty() ? "" : " (as " + now.mergeCommitSha() + ")")
                : pull + " was closed without merging");
    }

    private static String pullTarget(String owner, String repo, long number) {
        return "pull request #" + number + " in " + owner + "/" + repo;
    }

    private Credential token() throws RealmException {
        Credential t = token;
        if (t == null) {
            synchronized (this) {
                if (token == null) {
                    token = Objects.requireNonNull(tokens.token(), "the token supplier returned null");
                }
                t = token;
            }
        }
        return t;
    }

    private static Map<String, String> auth(Credential t) {
        return Map.of("Authorization", "token " + t.secret());
    }

    /** Configures a {@link ForgejoClient}; every setting but the URL and the token has a default. */
    public static final class Builder {
        private final String baseUrl;
        private final TokenSupplier tokens;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.THREAD;
        private RandomGenerator random = RandomGenerator.getDefault();
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);

        private Builder(String baseUrl, TokenSupplier tokens) {
            this.baseUrl = normalize(baseUrl);
            this.tokens = Objects.requireNonNull(tokens, "tokens");
        }

        /** For {@code Retry-After} dates. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** For the back-off's jitter. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** How many times a call is tried in all (5 by default); also bounds the merge's mergeability checks. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The first back-off (500 ms by default) and the most it grows to (30 s). */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = Objects.requireNonNull(initial, "initial");
            this.maxBackoff = Objects.requireNonNull(max, "max");
            return this;
        }

        public ForgejoClient build() {
            return new ForgejoClient(this);
        }

        private static String normalize(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            URI uri;
            try {
                uri = URI.create(baseUrl.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a URL: " + Redaction.redact(baseUrl), e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("a Forgejo URL is https://host[/subpath], not " + Redaction.redact(baseUrl));
            }
            if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("a Forgejo URL is https://host[/subpath], without user, query or"
                        + " fragment: " + Redaction.redact(baseUrl));
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            if (path.endsWith("/api/v1")) {
                path = path.substring(0, path.length() - "/api/v1".length());
            }
            return scheme + "://" + uri.getRawAuthority() + path;
        }
    }
}
