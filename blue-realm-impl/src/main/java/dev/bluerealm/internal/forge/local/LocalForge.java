package dev.bluerealm.internal.forge.local;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.RealmException;
import dev.bluerealm.RefusedException;
import dev.bluerealm.RemoteException;
import dev.bluerealm.internal.forge.CheckReport;
import dev.bluerealm.internal.forge.ForgePull;
import dev.bluerealm.internal.forge.RealmForge;
import dev.bluerealm.internal.git.RealmStore;
import dev.bluerealm.internal.git.RemoteRefs;
import dev.bluerealm.model.Names;
import dev.bluerealm.sync.Forge;
import dev.bluerealm.sync.PullRequest;
import dev.bluerealm.sync.PullRequest.Acknowledgement;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * The embedded forge (DESIGN §5): pull requests are records on {@code refs/blue/pulls} of the realm
 * remote, so the sync workflow needs nothing but git. Every change to a record is a compare-and-swap
 * push of that ref (re-applied after a lost race), and {@link #merge} pushes the base branch the same
 * way. Whether a pull request <em>may</em> merge is the merge policy's decision, not this class's.
 *
 * <pre>{@code
 * LocalForge forge = new LocalForge(store, new PersonIdent("eric", "eric@example.com"), clock, Duration.ofDays(14));
 * PullRequest pr = forge.open(new Forge.Draft("s3-permissions 1.5.0", "adds jobs/*", "sync/aperture/20260124-103000",
 *         "main", "aperture", List.of("fungal-image-analysis"), false));
 * forge.acknowledge(pr.number(), new PullRequest.Acknowledgement("fungal-image-analysis", "ana@example.com", null, "1.5.0"));
 * forge.merge(pr.number());
 * }</pre>
 *
 * <p>Thread-safe; it holds no state of its own beyond a cache of decoded records. Several
 * instances, in this process or others, on this machine or others, may work on one remote at once.
 */
public final class LocalForge implements RealmForge {
    /** The ref of the remote that holds the pull requests. */
    public static final String REF = PullsRef.REF;

    private final RemoteRefs remote;
    private final PullsRef pulls;
    private final BranchMerger merger;
    private final PersonIdent actor;
    private final Clock clock;
    private final Duration gracePeriod;
    private final MergeCheck mergeCheck;

    /**
     * A forge on the remote of {@code store}'s clone (which it uses but does not close).
     *
     * @param actor who is acting: author of the records' commits and of merge commits (its time is ignored)
     * @param clock the time of records, acknowledgements without one, approvals and merges
     * @param gracePeriod how long after opening a non-breaking change may merge without every
     *     acknowledgement (the realm's {@code grace_period_days}); see {@link #open(Draft, Duration)}
     */
    public LocalForge(RealmStore store, PersonIdent actor, Clock clock, Duration gracePeriod) {
        this(store, actor, clock, gracePeriod, (merged, fastForward) -> { });
    }

    /**
     * Checks what a merge would put on the base branch before it is pushed (a merge onto a moved
     * base combines two states nobody has checked together); throwing refuses the merge.
     */
    @FunctionalInterface
    public interface MergeCheck {
        void check(ObjectId merged, boolean fastForward) throws RealmException;
    }

    /** As {@link #LocalForge(RealmStore, PersonIdent, Clock, Duration)}, checking every merge with {@code check}. */
    public LocalForge(RealmStore store, PersonIdent actor, Clock clock, Duration gracePeriod, MergeCheck check) {
        this(Objects.requireNonNull(store, "store").remote(), actor, clock, gracePeriod, check);
    }

    /**
     * A forge on the {@code origin} of any clone, not only a realm's: a code repo's own pull requests
     * (those of {@code blue realm pr}) live on its own remote.
     */
    public LocalForge(RemoteRefs remote, PersonIdent actor, Clock clock, Duration gracePeriod, MergeCheck check) {
        this.remote = Objects.requireNonNull(remote, "remote");
        this.mergeCheck = Objects.requireNonNull(check, "check");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gracePeriod = requireGrace(gracePeriod);
        this.pulls = new PullsRef(remote);
        this.merger = new BranchMerger(remote.repository());
    }

    /**
     * Replaces the body of an open pull request (a coordinated change rewrites its merge order once
     * every pull request of the set has a number). The same body again changes nothing.
     *
     * @throws InvalidRequestException NOT_FOUND, or INVALID_ARGUMENT for a body too long
     * @throws RefusedException NOT_OPEN when the pull request is merged or closed
     */
    public PullRequest editBody(int number, String body) throws RealmException {
        Objects.requireNonNull(body, "body");
        try (RemoteRefs.Session session = remote.session()) {
            return pulls.update(session, "edit pull #" + number, s -> {
                PullRecord r = require(s, number);
                if (r.body().equals(body)) {
                    return PullsRef.Change.none(r);
                }
                requireOpen(r, "edited");
                PullRecord edited = record(() -> r.withBody(body));
                if (pulls.size(edited) > PullCodec.MAX_BYTES / 2) {
                    throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "the body of pull #" + number
                            + " is too long (at most " + PullCodec.MAX_BYTES / 2048 + " KiB)");
                }
                return new PullsRef.Change<>(edited, "edit #" + number, List.of(edited), null);
            }, this::author).toPullRequest();
        }
    }

    private static Duration requireGrace(Duration grace) {
        if (Objects.requireNonNull(grace, "gracePeriod").isNegative()) {
            throw new IllegalArgumentException("the grace period cannot be negative: " + grace);
        }
        return grace;
    }

    /**
     * Opens a pull request with the next free number and this forge's grace period. Opening again
     * what is already open (same head, base, title, body, author repo, reviewers, breaking flag)
     * returns the open one, so a retry after a lost connection opens nothing twice.
     *
     * @throws InvalidRequestException INVALID_ARGUMENT or INVALID_NAME for a malformed draft;
     *     ALREADY_EXISTS when a different pull request is open for the same head and base
     * @throws RemoteException REMOTE_ERROR, or PUSH_REJECTED when the ref kept changing (nothing was written)
     */
    @Override
    public PullRequest open(Draft draft) throws RealmException {
        return open(draft, gracePeriod);
    }

    /**
     * {@link #open(Draft)} with a grace period of its own (a domain's {@code governance.yaml}
     * may override the realm's). A breaking change has no grace deadline.
     */
    @Override
    public PullRequest open(Draft draft, Duration gracePeriod) throws RealmException {
        Objects.requireNonNull(draft, "draft");
        requireGrace(gracePeriod);
        if (draft.authorRepo() != null && !Names.isValid(draft.authorRepo())) {
            throw new InvalidRequestException(ErrorCode.INVALID_NAME, Names.describe("repo", draft.authorRepo()));
        }
        Instant now = now();
        PullRecord proposed = record(() -> new PullRecord(1, draft.title(), draft.body() == null ? "" : draft.body(),
                draft.head(), draft.base(), draft.authorRepo(), actor.getEmailAddress(), now, PullRequest.State.OPEN,
                draft.reviewers(), List.of(), List.of(), draft.breaking(),
                draft.breaking() ? null : now.plus(gracePeriod), null, null));
        if (pulls.size(proposed) > PullCodec.MAX_BYTES / 2) { // leaves room for acknowledgements and approvals
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "the pull request's title and body are too long"
                    + " (at most " + PullCodec.MAX_BYTES / 2048 + " KiB)");
        }
        try (RemoteRefs.Session session = remote.session()) {
            return pulls.update(session, "open a pull request", s -> {
                for (PullRecord r : s.all()) {
                    if (r.state() == PullRequest.State.OPEN && r.head().equals(proposed.head())
                            && r.base().equals(proposed.base())) {
                        if (sameDraft(r, proposed)) {
                            return PullsRef.Change.none(r);
                        }
                        throw new InvalidRequestException(ErrorCode.ALREADY_EXISTS, "pull #" + r.number() + " is already open"
                                + " for '" + r.head() + "' into '" + r.base() + "'");
                    }
                }
                int number = s.nextNumber();
                PullRecord r = renumbered(proposed, number);
                return new PullsRef.Change<>(r, "open #" + number + ": " + firstLine(r.title()), List.of(r), number + 1);
            }, this::author).toPullRequest();
        }
    }

    private static boolean sameDraft(PullRecord a, PullRecord b) {
        return a.title().equals(b.title()) && a.body().equals(b.body()) && a.authorRepo().equals(b.authorRepo())
                && a.reviewers().equals(b.reviewers()) && a.breaking() == b.breaking();
    }

    private static PullRecord renumbered(PullRecord r, int number) {
        return new PullRecord(number, r.title(), r.body(), r.head(), r.base(), r.authorRepo(), r.openedBy(),
                r.openedAt(), r.state(), r.reviewers(), r.acknowledgements(), r.approvals(), r.breaking(),
                r.graceDeadline(), r.mergeCommit(), r.mergedAt());
    }

    /** The pull requests in {@code state} (every one for null), by number. */
    @Override
    public List<PullRequest> list(PullRequest.State state) throws RealmException {
        try (RemoteRefs.Session session = remote.session()) {
            return pulls.read(session).all().stream().filter(r -> state == null || r.state() == state)
                    .map(PullRecord::toPullRequest).toList();
        }
    }

    /** Every stored record in {@code state} (all for null), approvals included, from one read of the ref. */
    public List<PullRecord> records(PullRequest.State state) throws RealmException {
        try (RemoteRefs.Session session = remote.session()) {
            return pulls.read(session).all().stream().filter(r -> state == null || r.state() == state).toList();
        }
    }

    @Override
    public List<ForgePull> pulls(PullRequest.State state) throws RealmException {
        return records(state).stream().map(r -> new ForgePull(r.toPullRequest(),
                r.approvals().stream().map(Approval::by).collect(java.util.stream.Collectors.toSet()))).toList();
    }

    /** Nothing to post: on the local forge, {@code blue realm status} shows what a pull request waits for. */
    @Override
    public void report(PullRequest pullRequest, CheckReport report) {
    }

    /** None: on the local forge the git e-mail is the only identity. */
    @Override
    public List<String> actingIdentities() {
        return List.of();
    }

    @Override
    public Optional<PullRequest> get(int number) throws RealmException {
        return record(number).map(PullRecord::toPullRequest);
    }

    /** Everything stored about pull request {@code number}: body, who opened it, approvals. */
    public Optional<PullRecord> record(int number) throws RealmException {
        if (number < 1) {
            return Optional.empty();
        }
        try (RemoteRefs.Session session = remote.session()) {
            return pulls.read(session).get(number);
        }
    }

    /**
     * The approvals of pull request {@code number}, oldest first.
     *
     * @throws InvalidRequestException NOT_FOUND when there is no such pull request
     */
    public List<Approval> approvals(int number) throws RealmException {
        try (RemoteRefs.Session session = remote.session()) {
            return require(pulls.read(session), number).approvals();
        }
    }

    /**
     * Records {@code acknowledgement} (its time is now when it has none). Acknowledging a version
     * the repo acknowledged already changes nothing and returns the pull request as it is.
     *
     * @throws InvalidRequestException NOT_FOUND, or INVALID_ARGUMENT for a blank repo, identity or version
     * @throws RefusedException NOT_OPEN when the pull request is merged or closed
     */
    @Override
    public PullRequest acknowledge(int number, Acknowledgement acknowledgement) throws RealmException {
        Objects.requireNonNull(acknowledgement, "acknowledgement");
        Instant at = acknowledgement.at() == null ? now() : acknowledgement.at();
        Acknowledgement ack = record(() -> PullRecord.check(new Acknowledgement(acknowledgement.repo(),
                acknowledgement.by(), at, acknowledgement.version())));
        try (RemoteRefs.Session session = remote.session()) {
            return pulls.update(session, "acknowledge pull #" + number, s -> {
                PullRecord r = require(s, number);
                if (r.acknowledged(ack.repo(), ack.version())) {
                    return PullsRef.Change.none(r);
                }
                requireOpen(r, "acknowledged");
                PullRecord updated = r.with(ack);
                return new PullsRef.Change<>(updated, "acknowledge #" + number + ": " + ack.repo() + " " + ack.version()
                        + " by " + ack.by(), List.of(updated), null);
            }, this::author).toPullRequest();
        }
    }

    /**
     * Records {@code approver}'s approval, now. Approving twice changes nothing.
     *
     * @throws InvalidRequestException NOT_FOUND, or INVALID_ARGUMENT for a blank approver
     * @throws RefusedException NOT_OPEN when the pull request is merged or closed
     */
    @Override
    public PullRequest approve(int number, String approver) throws RealmException {
        Approval approval = record(() -> new Approval(approver, now()));
        try (RemoteRefs.Session session = remote.session()) {
            return pulls.update(session, "approve pull #" + number, s -> {
                PullRecord r = require(s, number);
                if (r.approvedBy(approval.by())) {
                    return PullsRef.Change.none(r);
                }
                requireOpen(r, "approved");
                PullRecord updated = r.with(approval);
                return new PullsRef.Change<>(updated, "approve #" + number + " by " + approval.by(), List.of(updated), null);
            }, this::author).toPullRequest();
        }
    }

    /**
     * Merges the pull request's head branch into its base on the remote, then records it as merged
     * and deletes the head branch. The base is pushed with compare-and-swap: when it moved, the
     * merge is redone on the new tip (a bounded number of times).
     *
     * <p>Crash-safe: each step can be redone from what the remote shows. A head already contained in
     * the base (an earlier call pushed the base and stopped) is recorded as merged by the commit that
     * brought it in; a merged pull request whose head branch is still there, unchanged, gets the branch
     * deleted. The record is written before the branch is deleted, so the head's commit is never lost.
     * A head that moved after it was merged is left in place.
     *
     * @throws InvalidRequestException NOT_FOUND when there is no such pull request, or its head or
     *     base branch is not on the remote
     * @throws RefusedException NOT_OPEN when it is closed, or merged with nothing left to finish;
     *     MERGE_CONFLICT naming the conflicting paths
     * @throws RemoteException REMOTE_ERROR, or PUSH_REJECTED when the base kept changing
     */
    @Override
    public PullRequest merge(int number) throws RealmException {
        try (RemoteRefs.Session session = remote.session()) {
            return merge(session, number);
        } catch (IOException e) {
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot merge pull #" + number + " in the realm clone at "
                    + remote.repository().getDirectory() + ": " + e.getMessage(), e);
        }
    }

    private PullRequest merge(RemoteRefs.Session session, int number) throws RealmException, IOException {
        PullRecord r = require(pulls.read(session), number);
        if (r.state() == PullRequest.State.MERGED) {
            return finishMerged(session, r);
        }
        requireOpen(r, "merged");
        String baseRef = Constants.R_HEADS + r.base();
        String headRef = Constants.R_HEADS + r.head();
        ObjectId headTip;
        ObjectId mergeCommit = null;
        for (int attempt = 1; ; attempt++) {
            Map<String, ObjectId> tips = session.fetch(List.of(baseRef, headRef));
            ObjectId baseTip = tips.get(baseRef);
            headTip = tips.get(headRef);
            if (baseTip == null) {
                throw new InvalidRequestException(ErrorCode.NOT_FOUND, "pull #" + number + ": its base branch '"
                        + r.base() + "' is not on the realm remote " + remote.url());
            }
            if (headTip == null) {
                PullRecord current = require(pulls.read(session), number);
                if (current.state() == PullRequest.State.MERGED) {
                    return finishMerged(session, current); // another process merged it while this one looked
                }
                throw new InvalidRequestException(ErrorCode.NOT_FOUND, "pull #" + number + ": its branch '" + r.head()
                        + "' is not on the realm remote " + remote.url() + " (deleted without being merged?)");
            }
            if (merger.contains(baseTip, headTip)) {
                mergeCommit = merger.mergedBy(baseTip, headTip); // pushed by an interrupted merge, or merged by hand
                break;
            }
            BranchMerger.Result merged = merger.merge(baseTip, headTip, mergeMessage(r), author(),
                    "pull #" + number, r.head(), r.base());
            mergeCheck.check(merged.commit(), merged.fastForward());
            RemoteRefUpdate update = session.push(baseRef, merged.commit(), baseTip);
            if (RemoteRefs.landed(update)) {
                remote.track(RemoteRefs.trackingBranch(r.base()), merged.commit());
                mergeCommit = merged.commit();
                break;
            }
            if (!remote.retryAfter(update)) {
                throw new RemoteException(ErrorCode.REMOTE_ERROR, "the realm remote " + remote.url()
                        + " refused the merge of pull #" + number + " into '" + r.base() + "': "
                        + RemoteRefs.describe(update));
            }
            if (attempt == PullsRef.ATTEMPTS) {
                throw new RemoteException(ErrorCode.PUSH_REJECTED, "the realm remote's '" + r.base() + "' kept changing;"
                        + " gave up merging pull #" + number + " after " + PullsRef.ATTEMPTS + " attempts."
                        + " Nothing was merged; try again");
            }
            PullsRef.backOff(attempt); // someone else moved the base: merge again on their tip
        }
        ObjectId commit = mergeCommit;
        Instant now = now();
        PullRecord merged = pulls.update(session, "record pull #" + number + " as merged", s -> {
            PullRecord current = require(s, number);
            if (current.state() != PullRequest.State.OPEN) {
                return PullsRef.Change.none(current); // someone else finished it (or closed it) meanwhile
            }
            PullRecord m = current.merged(commit, now);
            return new PullsRef.Change<>(m, "merge #" + number + ": '" + r.head() + "' into '" + r.base() + "' as "
                    + commit.name(), List.of(m), null);
        }, this::author);
        deleteHead(session, merged, headTip);
        return merged.toPullRequest();
    }

    /** A merged pull request: deletes its head branch if an interrupted merge left it, else refuses. */
    private PullRequest finishMerged(RemoteRefs.Session session, PullRecord r) throws RealmException, IOException {
        String baseRef = Constants.R_HEADS + r.base();
        String headRef = Constants.R_HEADS + r.head();
        ObjectId commit = ObjectId.fromString(r.mergeCommit());
        ObjectId headTip = session.fetch(List.of(baseRef, headRef)).get(headRef);
        if (headTip != null && remote.repository().getObjectDatabase().has(commit) && merger.contains(commit, headTip)) {
            deleteHead(session, r, headTip);
            return r.toPullRequest();
        }
        throw new RefusedException(ErrorCode.NOT_OPEN, "pull #" + r.number() + " is merged already (as "
                + r.mergeCommit().substring(0, 12) + ")");
    }

    /** Deletes the head branch if it is still where it was merged from; a branch that moved is kept. */
    private void deleteHead(RemoteRefs.Session session, PullRecord r, ObjectId headTip) throws RealmException {
        RemoteRefUpdate update;
        try {
            update = session.push(Constants.R_HEADS + r.head(), null, headTip);
        } catch (RemoteException e) {
            throw new RemoteException(e.code(), "pull #" + r.number() + " is merged (as " + r.mergeCommit()
                    + "), but its branch '" + r.head() + "' could not be deleted; merging it again finishes the job: "
                    + e.getMessage(), e);
        }
        switch (update.getStatus()) {
            case OK:
            case NON_EXISTING:
                remote.track(RemoteRefs.trackingBranch(r.head()), null);
                return;
            default:
                if (RemoteRefs.lostRace(update)) {
                    return; // commits were pushed to it after the merge: they are not ours to delete
                }
                throw new RemoteException(ErrorCode.REMOTE_ERROR, "pull #" + r.number() + " is merged (as "
                        + r.mergeCommit() + "), but the realm remote " + remote.url() + " refused to delete its branch '"
                        + r.head() + "': " + RemoteRefs.describe(update));
        }
    }

    private static String mergeMessage(PullRecord r) {
        return "Merge pull request #" + r.number() + " from " + r.head() + "\n\n" + r.title() + "\n";
    }

    private static PullRecord require(PullsRef.Snapshot s, int number) throws RealmException {
        Optional<PullRecord> r = number < 1 ? Optional.empty() : s.get(number);
        if (r.isEmpty()) {
            throw new InvalidRequestException(ErrorCode.NOT_FOUND, "there is no pull request #" + number
                    + " in this realm");
        }
        return r.get();
    }

    private static void requireOpen(PullRecord r, String action) throws RefusedException {
        if (r.state() != PullRequest.State.OPEN) {
            throw new RefusedException(ErrorCode.NOT_OPEN, "pull #" + r.number() + " is "
                    + r.state().name().toLowerCase(java.util.Locale.ROOT) + ": it can no longer be " + action);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Builds a value, turning a failed check into INVALID_ARGUMENT. */
    private static <T> T record(java.util.function.Supplier<T> build) throws InvalidRequestException {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "invalid pull request: " + e.getMessage(), e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private PersonIdent author() {
        return new PersonIdent(actor.getName(), actor.getEmailAddress(), clock.instant(), ZoneOffset.UTC);
    }
}
