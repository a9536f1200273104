package dev.bluerealm.internal.forge.local;

import dev.bluerealm.sync.PullRequest;
import dev.bluerealm.sync.PullRequest.Acknowledgement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Everything the local forge keeps about one pull request: what {@link PullRequest} shows plus the
 * body, who opened it and when, approvals and when it merged.
 *
 * <p>Records are canonical, so equal records encode to identical bytes: reviewers are sorted and
 * distinct, acknowledgements are sorted by time (then repo, version, identity) and unique per repo
 * and version, approvals are sorted by time (then identity) and unique per approver.
 *
 * @param graceDeadline when a non-breaking change may merge without every acknowledgement, or null
 * @param mergeCommit the commit of {@code base} that merged it (its head itself for a fast-forward), or null
 * @param mergedAt when it was recorded as merged, or null
 */
public record PullRecord(int number, String title, String body, String head, String base, String authorRepo,
                         String openedBy, Instant openedAt, PullRequest.State state, List<String> reviewers,
                         List<Acknowledgement> acknowledgements, List<Approval> approvals, boolean breaking,
                         Instant graceDeadline, String mergeCommit, Instant mergedAt) {
    private static final Comparator<Acknowledgement> ACK_ORDER = Comparator.comparing(Acknowledgement::at)
            .thenComparing(Acknowledgement::repo).thenComparing(Acknowledgement::version)
            .thenComparing(Acknowledgement::by);
    private static final Comparator<Approval> APPROVAL_ORDER = Comparator.comparing(Approval::at)
            .thenComparing(Approval::by);

    public PullRecord {
        if (number < 1) {
            throw new IllegalArgumentException("a pull request number is 1 or more, not " + number);
        }
        text("title", title);
        if (title.isBlank()) {
            throw new IllegalArgumentException("a pull request needs a title");
        }
        text("body", body);
        branch("head", head);
        branch("base", base);
        if (head.equals(base)) {
            throw new IllegalArgumentException("a pull request cannot merge '" + head + "' into itself");
        }
        word("author repo", authorRepo);
        word("opened by", openedBy);
        Objects.requireNonNull(openedAt, "opened at is missing");
        Objects.requireNonNull(state, "state is missing");
        Set<String> sortedReviewers = new TreeSet<>();
        for (String r : reviewers) {
            sortedReviewers.add(word("reviewer", r));
        }
        reviewers = List.copyOf(sortedReviewers);
        List<Acknowledgement> acks = new ArrayList<>();
        Set<List<String>> ackKeys = new HashSet<>();
        for (Acknowledgement a : acknowledgements) {
            if (!ackKeys.add(List.of(a.repo(), a.version()))) {
                throw new IllegalArgumentException(a.repo() + " acknowledged version " + a.version() + " twice");
            }
            acks.add(check(a));
        }
        acks.sort(ACK_ORDER);
        acknowledgements = List.copyOf(acks);
        List<Approval> apps = new ArrayList<>();
        Set<String> approvers = new HashSet<>();
        for (Approval a : approvals) {
            if (!approvers.add(Objects.requireNonNull(a, "approval is missing").by())) {
                throw new IllegalArgumentException(a.by() + " approved twice");
            }
            apps.add(a);
        }
        apps.sort(APPROVAL_ORDER);
        approvals = List.copyOf(apps);
        if (mergeCommit != null && !ObjectId.isId(mergeCommit)) {
            throw new IllegalArgumentException("merge commit '" + mergeCommit + "' is not a 40-digit commit id");
        }
        if ((state == PullRequest.State.MERGED) != (mergeCommit != null && mergedAt != null)) {
            throw new IllegalArgumentException("a merged pull request, and only one, has a merge commit and a merge time");
        }
    }

    /** Checks a string the record holds: present, and UTF-8 encodable so that it survives a round trip. */
    static String text(String what, String s) {
        Objects.requireNonNull(s, () -> what + " is missing");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(what + " holds an unpaired UTF-16 surrogate at index " + i);
            }
        }
        return s;
    }

    /** Checks an acknowledgement as a record stores it: every field present, no blank identifier. */
    static Acknowledgement check(Acknowledgement a) {
        Objects.requireNonNull(a, "acknowledgement is missing");
        word("acknowledgement repo", a.repo());
        word("acknowledgement 'by'", a.by());
        word("acknowledgement version", a.version());
        Objects.requireNonNull(a.at(), "acknowledgement 'at' is missing");
        return a;
    }

    /** An identifier (repo, identity, version): text that is not blank. */
    static String word(String what, String s) {
        if (text(what, s).isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        return s;
    }

    private static void branch(String what, String name) {
        text(what, name);
        if (!Repository.isValidRefName(Constants.R_HEADS + name)) {
            throw new IllegalArgumentException(what + " '" + name + "' is not a valid branch name");
        }
    }

    /** What the {@code Forge} API shows. */
    public PullRequest toPullRequest() {
        return new PullRequest(number, title, head, base, authorRepo, state, reviewers, acknowledgements, breaking,
                graceDeadline, mergeCommit);
    }

    /** True when {@code repo} acknowledged {@code version} already. */
    public boolean acknowledged(String repo, String version) {
        return acknowledgements.stream().anyMatch(a -> a.repo().equals(repo) && a.version().equals(version));
    }

    /** True when {@code approver} approved already. */
    public boolean approvedBy(String approver) {
        return approvals.stream().anyMatch(a -> a.by().equals(approver));
    }

    PullRecord with(Acknowledgement acknowledgement) {
        List<Acknowledgement> acks = new ArrayList<>(acknowledgements);
        acks.add(acknowledgement);
        return new PullRecord(number, title, body, head, base, authorRepo, openedBy, openedAt, state, reviewers, acks,
                approvals, breaking, graceDeadline, mergeCommit, mergedAt);
    }

    PullRecord with(Approval approval) {
        List<Approval> apps = new ArrayList<>(approvals);
        apps.add(approval);
        return new PullRecord(number, title, body, head, base, authorRepo, openedBy, openedAt, state, reviewers,
                acknowledgements, apps, breaking, graceDeadline, mergeCommit, mergedAt);
    }

    PullRecord withBody(String newBody) {
        return new PullRecord(number, title, newBody, head, base, authorRepo, openedBy, openedAt, state, reviewers,
                acknowledgements, approvals, breaking, graceDeadline, mergeCommit, mergedAt);
    }

    PullRecord merged(ObjectId commit, Instant at) {
        return new PullRecord(number, title, body, head, base, authorRepo, openedBy, openedAt, PullRequest.State.MERGED,
                reviewers, acknowledgements, approvals, breaking, graceDeadline, commit.name(), at);
    }
}
