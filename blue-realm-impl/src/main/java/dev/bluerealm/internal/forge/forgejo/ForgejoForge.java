package dev.bluerealm.internal.forge.forgejo;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.RealmException;
import dev.bluerealm.RefusedException;
import dev.bluerealm.internal.forge.CheckReport;
import dev.bluerealm.internal.forge.ForgePull;
import dev.bluerealm.internal.forge.RealmForge;
import dev.bluerealm.model.ForgeConfig;
import dev.bluerealm.sync.PullRequest;
import dev.bluerealm.sync.PullRequest.Acknowledgement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The realm's pull requests on Forgejo (docs/forgejo.md). The sync branch is pushed to the realm
 * repo by the sync machinery before {@link #open}; here a pull request is opened for it, with what
 * Forgejo has no field for (author repo, breaking, grace deadline, reviewing repos) in a
 * {@link MetadataBlock} of its body. An acknowledgement is an APPROVED review whose block names the
 * repo and version; an approval is any APPROVED review (the merge policy counts those of approvers).
 * Forgejo refuses approving one's own pull request, so its author acknowledges and approves with a
 * COMMENT review carrying the same block, and its text says so.
 *
 * <p>One instance serves one operation: it remembers the acting user and the heads it read.
 */
public final class ForgejoForge implements RealmForge {
    private final ForgejoClient client;
    private final String owner;
    private final String repo;
    private final Clock clock;
    private final Duration gracePeriod;
    private final Function<String, List<String>> maintainersOf;
    private final Map<Integer, String> heads = new HashMap<>();
    private String login;

    /**
     * @param gracePeriod the realm's grace period, for {@link #open(Draft)}
     * @param maintainersOf a repo's maintainers (e-mails or Forgejo logins), whose logins are asked to review
     */
    private final MergeStyle style;

    public ForgejoForge(ForgejoClient client, ForgeConfig config, Clock clock, Duration gracePeriod,
                        Function<String, List<String>> maintainersOf) {
        this.client = Objects.requireNonNull(client, "client");
        this.owner = config.owner();
        this.repo = config.name();
        this.style = MergeStyle.valueOf(config.mergeStyle().name()); // the same five styles, by name
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gracePeriod = Objects.requireNonNull(gracePeriod, "gracePeriod");
        this.maintainersOf = Objects.requireNonNull(maintainersOf, "maintainersOf");
    }

    /** The token's user: the identity that acts here. */
    public String login() throws RealmException {
        if (login == null) {
            login = client.currentUser().login();
        }
        return login;
    }

    @Override
    public List<String> actingIdentities() throws RealmException {
        return List.of(login());
    }

    @Override
    public PullRequest open(Draft draft) throws RealmException {
        return open(draft, gracePeriod);
    }

    /**
     * Opens a pull request for the pushed branch {@code draft.head()} and asks the reviewing repos'
     * maintainers that are Forgejo users to review it; those that are not (e-mail addresses, unknown
     * logins, the author) are named in the body instead. An open pull request of the same head is returned.
     */
    @Override
    public PullRequest open(Draft draft, Duration grace) throws RealmException {
        Objects.requireNonNull(draft, "draft");
        for (ForgejoPull p : client.pulls(owner, repo, PullStateFilter.OPEN)) {
            if (p.headRef().equals(draft.head()) && p.baseRef().equals(draft.base())) {
                return convert(p, true).map(ForgePull::pullRequest).orElseThrow(() -> new InvalidRequestException(
                        ErrorCode.ALREADY_EXISTS, "pull #" + p.number() + " of " + owner + "/" + repo + " is already open"
                                + " for '" + p.headRef() + "' but was not opened by blue"));
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> logins = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        reviewers(draft.reviewers(), logins, skipped);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("author_repo", draft.authorRepo() == null ? "" : draft.authorRepo());
        meta.put("breaking", Boolean.toString(draft.breaking()));
        meta.put("grace_deadline", draft.breaking() ? "none" : now.plus(grace).toString());
        meta.put("reviewers", String.join(", ", draft.reviewers()));
        ForgejoPull opened = client.openPull(owner, repo, draft.head(), draft.base(), draft.title(),
                body(draft, skipped, meta));
        if (!logins.isEmpty() && !requestReviews(opened.number(), logins, skipped)) {
            client.editPull(owner, repo, opened.number(), draft.title(), body(draft, skipped, meta));
        }
        return get(Math.toIntExact(opened.number())).orElseThrow();
    }

    private static String body(Draft draft, List<String> skipped, Map<String, String> meta) {
        StringBuilder text = new StringBuilder(draft.body() == null ? "" : draft.body().strip());
        if (!skipped.isEmpty()) {
            text.append("\n\nNot asked to review here: ").append(String.join("; ", skipped)).append('.');
        }
        return MetadataBlock.append(text.toString(), meta);
    }

    /**
     * Asks {@code logins} (login to repo) to review; false when Forgejo refused some, who are then added
     * to {@code skipped}. The pull request is open by now, so a refusal must not fail the whole sync: Forgejo
     * refuses them all (422) when one cannot read the repo, so they are then asked one by one.
     */
    private boolean requestReviews(long number, Map<String, String> logins, List<String> skipped) throws RealmException {
        try {
            client.requestReviewers(owner, repo, number, List.copyOf(logins.keySet()));
            return true;
        } catch (InvalidRequestException e) {
            if (e.code() != ErrorCode.INVALID_ARGUMENT) {
                throw e;
            }
        }
        boolean all = true;
        for (Map.Entry<String, String> l : logins.entrySet()) {
            try {
                client.requestReviewers(owner, repo, number, List.of(l.getKey()));
            } catch (InvalidRequestException e) {
                if (e.code() != ErrorCode.INVALID_ARGUMENT) {
                    throw e;
                }
                all = false;
                skipped.add(l.getKey() + " (" + l.getValue() + "; Forgejo refused asking them, most likely because"
                        + " they cannot read " + owner + "/" + repo + ": add them as a collaborator)");
            }
        }
        return all;
    }

    /** Splits the reviewing repos' maintainers into Forgejo logins to ask (with their repo) and notes on the others. */
    private void reviewers(List<String> repos, Map<String, String> logins, List<String> skipped) throws RealmException {
        Set<String> seen = new LinkedHashSet<>();
        for (String r : repos) {
            for (String m : maintainersOf.apply(r)) {
                if (!seen.add(m)) {
                    continue;
                }
                if (m.contains("@")) {
                    skipped.add(m + " (" + r + "; an e-mail address, not a Forgejo login)");
                } else if (m.equals(login())) {
                    skipped.add(m + " (" + r + "; the author cannot review their own pull request)");
                } else {
                    try {
                        logins.put(client.user(m).login(), r);
                    } catch (InvalidRequestException e) {
                        if (e.code() != ErrorCode.NOT_FOUND) {
                            throw e;
                        }
                        skipped.add(m + " (" + r + "; no such Forgejo user)");
                    }
                }
            }
        }
    }

    @Override
    public List<PullRequest> list(PullRequest.State state) throws RealmException {
        return pulls(state).stream().map(ForgePull::pullRequest).toList();
    }

    /** blue's pull requests (those with a metadata block); reviews are read for open ones only. */
    @Override
    public List<ForgePull> pulls(PullRequest.State state) throws RealmException {
        PullStateFilter filter = state == PullRequest.State.OPEN ? PullStateFilter.OPEN
                : state == null ? PullStateFilter.ALL : PullStateFilter.CLOSED;
        List<ForgePull> out = new ArrayList<>();
        for (ForgejoPull p : client.pulls(owner, repo, filter)) {
            convert(p, p.isOpen()).filter(f -> state == null || f.state() == state).ifPresent(out::add);
        }
        out.sort(java.util.Comparator.comparingInt(ForgePull::number));
        return out;
    }

    @Override
    public Optional<PullRequest> get(int number) throws RealmException {
        if (number < 1) {
            return Optional.empty();
        }
        try {
            ForgejoPull p = client.pull(owner, repo, number);
            return convert(p, p.isOpen()).map(ForgePull::pullRequest);
        } catch (InvalidRequestException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<ForgePull> convert(ForgejoPull p, boolean withReviews) throws RealmException {
        Optional<Map<String, String>> block = MetadataBlock.read(p.body());
        if (block.isEmpty()) {
            return Optional.empty(); // a pull request people opened by hand: not the realm's to merge
        }
        Map<String, String> meta = block.get();
        int number = Math.toIntExact(p.number());
        heads.put(number, p.headSha());
        List<Acknowledgement> acks = new ArrayList<>();
        Set<String> approvedBy = new LinkedHashSet<>();
        if (withReviews) {
            for (ForgejoReview r : client.reviews(owner, repo, p.number())) {
                read(r, acks, approvedBy);
            }
        }
        PullRequest.State state = p.merged() ? PullRequest.State.MERGED
                : p.isOpen() ? PullRequest.State.OPEN : PullRequest.State.CLOSED;
        String authorRepo = meta.getOrDefault("author_repo", "");
        PullRequest pr = new PullRequest(number, p.title(), p.headRef(), p.baseRef(),
                authorRepo.isEmpty() ? null : authorRepo, state, list(meta.get("reviewers")), acks,
                Boolean.parseBoolean(meta.get("breaking")), instant(meta.get("grace_deadline")),
                p.merged() && !p.mergeCommitSha().isEmpty() ? p.mergeCommitSha() : null);
        return Optional.of(new ForgePull(pr, approvedBy));
    }

    /** An acknowledgement and approval from an APPROVED review, or from an author's COMMENT review with a block. */
    private static void read(ForgejoReview r, List<Acknowledgement> acks, Set<String> approvedBy) {
        boolean approved = r.state().equals(ReviewEvent.APPROVED.name());
        boolean comment = r.state().equals(ReviewEvent.COMMENT.name());
        if (r.dismissed() || !(approved || comment)) {
            return;
        }
        Optional<Map<String, String>> block = MetadataBlock.read(r.body());
        if (approved || block.map(b -> b.containsKey("approve")).orElse(false)) {
            approvedBy.add(r.user());
        }
        block.filter(b -> b.containsKey("acknowledge") && b.containsKey("version")).ifPresent(b -> {
            String ackRepo = b.get("acknowledge");
            String version = b.get("version");
            boolean known = acks.stream().anyMatch(a -> a.repo().equals(ackRepo) && a.version().equals(version)
                    && a.by().equals(r.user()));
            if (!known) {
                Instant at = instant(b.get("at"));
                acks.add(new Acknowledgement(ackRepo, r.user(), at == null ? Instant.EPOCH : at, version));
            }
        });
    }

    /**
     * An APPROVED review naming the repo and version (its {@code by} is the token's user, whatever
     * the acknowledgement says); a COMMENT review when that user opened the pull request.
     */
    @Override
    public PullRequest acknowledge(int number, Acknowledgement ack) throws RealmException {
        Objects.requireNonNull(ack, "acknowledgement");
        ForgejoPull p = requireOpen(number, "acknowledged");
        ForgePull current = convert(p, true).orElseThrow(() -> notOurs(number));
        String me = login();
        if (current.pullRequest().acknowledgements().stream().anyMatch(a -> a.repo().equals(ack.repo())
                && a.version().equals(ack.version()) && a.by().equals(me))) {
            return current.pullRequest();
        }
        Instant at = ack.at() == null ? clock.instant().truncatedTo(ChronoUnit.SECONDS) : ack.at();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("acknowledge", ack.repo());
        meta.put("version", ack.version());
        meta.put("at", at.toString());
        String text = ack.repo() + " acknowledges " + ack.version() + " and updated its binding on this branch.";
        review(p, text, meta);
        return get(number).orElseThrow(() -> notOurs(number));
    }

    /** An APPROVED review; a COMMENT review marked as an approval when the approver opened the pull request. */
    @Override
    public PullRequest approve(int number, String approver) throws RealmException {
        ForgejoPull p = requireOpen(number, "approved");
        ForgePull current = convert(p, true).orElseThrow(() -> notOurs(number));
        if (current.approvedBy().contains(login())) {
            return current.pullRequest();
        }
        review(p, "Approved by " + approver + ".", Map.of("approve", approver));
        return get(number).orElseThrow(() -> notOurs(number));
    }

    private void review(ForgejoPull p, String text, Map<String, String> meta) throws RealmException {
        boolean own = login().equals(p.user());
        String body = own ? text + " (A comment, not an approval: Forgejo does not let " + login()
                + " approve a pull request they opened; blue reads it from this block.)" : text;
        client.review(owner, repo, p.number(), own ? ReviewEvent.COMMENT : ReviewEvent.APPROVED,
                MetadataBlock.append(body, meta), "");
    }

    /**
     * Forgejo's merge endpoint with realm.yaml's {@code merge_style} (default a merge commit), for the
     * head that was read (so a branch that moved since is refused, not merged unseen), the branch
     * deleted after it.
     */
    @Override
    public PullRequest merge(int number) throws RealmException {
        ForgejoPull p = requireOpen(number, "merged");
        // the head the caller decided on (read by pulls or get), not a fresh read that would accept any push since
        String head = heads.getOrDefault(number, p.headSha());
        MergeResult result = client.merge(owner, repo, p.number(), new MergeRequest(style, head,
                "", "", true));
        if (result == MergeResult.SCHEDULED) {
            throw new RefusedException(ErrorCode.MERGE_BLOCKED, "Forgejo scheduled pull #" + number + " of " + owner
                    + "/" + repo + " to merge when its checks pass, instead of merging it now");
        }
        return get(number).orElseThrow(() -> notOurs(number));
    }

    /** A commit status {@value CheckReport#CONTEXT} on the head, unless the newest one says the same. */
    @Override
    public void report(PullRequest pullRequest, CheckReport report) throws RealmException {
        String sha = heads.get(pullRequest.number());
        if (sha == null) {
            sha = client.pull(owner, repo, pullRequest.number()).headSha();
        }
        CommitState state = switch (report.verdict()) {
            case PENDING -> CommitState.PENDING;
            case SUCCESS -> CommitState.SUCCESS;
            case FAILURE -> CommitState.FAILURE;
        };
        String description = report.description().length() > 255
                ? report.description().substring(0, 254) + "…" : report.description();
        for (ForgejoCommitStatus s : client.statuses(owner, repo, sha)) {
            if (s.context().equals(CheckReport.CONTEXT)) {
                if (s.state().equals(state.wire()) && s.description().equals(description)) {
                    return;
                }
                break; // newest first: only the latest of our context matters
            }
        }
        client.postStatus(owner, repo, sha, state, CheckReport.CONTEXT, description, "");
    }

    private ForgejoPull requireOpen(int number, String action) throws RealmException {
        ForgejoPull p;
        try {
            p = client.pull(owner, repo, number);
        } catch (InvalidRequestException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw new InvalidRequestException(ErrorCode.NOT_FOUND, "there is no pull request #" + number + " in "
                        + owner + "/" + repo + " on " + client.forge(), e);
            }
            throw e;
        }
        if (p.merged() || !p.isOpen()) {
            throw new RefusedException(ErrorCode.NOT_OPEN, "pull #" + number + " of " + owner + "/" + repo + " is "
                    + (p.merged() ? "merged" : "closed") + ": it can no longer be " + action);
        }
        return p;
    }

    private InvalidRequestException notOurs(int number) {
        return new InvalidRequestException(ErrorCode.NOT_FOUND, "pull #" + number + " of " + owner + "/" + repo
                + " on " + client.forge() + " has no blue-realm block in its description: it is not a realm pull request");
    }

    private static List<String> list(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Instant instant(String s) {
        if (s == null || s.isBlank() || s.equals("none")) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
