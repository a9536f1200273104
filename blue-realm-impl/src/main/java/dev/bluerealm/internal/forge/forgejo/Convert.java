package dev.bluerealm.internal.forge.forgejo;

import dev.bluerealm.internal.forge.forgejo.model.Comment;
import dev.bluerealm.internal.forge.forgejo.model.CommitStatus;
import dev.bluerealm.internal.forge.forgejo.model.PRBranchInfo;
import dev.bluerealm.internal.forge.forgejo.model.PullRequest;
import dev.bluerealm.internal.forge.forgejo.model.PullReview;
import dev.bluerealm.internal.forge.forgejo.model.Repository;
import dev.bluerealm.internal.forge.forgejo.model.User;
import java.util.List;
import java.util.Objects;

/** From the generated models to our records; a field Forgejo leaves out becomes empty, 0 or false. */
final class Convert {
    private Convert() {}

    static ForgejoUser user(User u) {
        return new ForgejoUser(orZero(u.getId()), text(u.getLogin()), text(u.getFullName()), text(u.getEmail()));
    }

    static ForgejoRepository repository(Repository r) {
        String owner = r.getOwner() == null ? ownerOf(r.getFullName()) : text(r.getOwner().getLogin());
        boolean canPush = r.getPermissions() != null && Boolean.TRUE.equals(r.getPermissions().getPush());
        return new ForgejoRepository(orZero(r.getId()), owner, text(r.getName()), text(r.getDefaultBranch()),
                text(r.getCloneUrl()), text(r.getHtmlUrl()), isTrue(r.getPrivate()), isTrue(r.getEmpty()),
                isTrue(r.getArchived()), canPush);
    }

    static ForgejoPull pull(PullRequest p) {
        PRBranchInfo head = p.getHead() == null ? new PRBranchInfo() : p.getHead();
        PRBranchInfo base = p.getBase() == null ? new PRBranchInfo() : p.getBase();
        List<String> reviewers = p.getRequestedReviewers() == null ? List.of()
                : p.getRequestedReviewers().stream().filter(Objects::nonNull).map(u -> text(u.getLogin())).toList();
        return new ForgejoPull(orZero(p.getNumber()), text(p.getTitle()), text(p.getBody()), text(p.getState()),
                text(head.getRef()), text(head.getSha()), text(base.getRef()), isTrue(p.getMerged()),
                isTrue(p.getMergeable()), text(p.getMergeCommitSha()), login(p.getUser()), reviewers, text(p.getHtmlUrl()));
    }

    static ForgejoReview review(PullReview r) {
        return new ForgejoReview(orZero(r.getId()), login(r.getUser()), text(r.getState()), text(r.getCommitId()),
                isTrue(r.getStale()), isTrue(r.getDismissed()), isTrue(r.getOfficial()), text(r.getBody()));
    }

    static ForgejoCommitStatus status(CommitStatus s) {
        return new ForgejoCommitStatus(orZero(s.getId()), text(s.getStatus()), text(s.getContext()),
                text(s.getDescription()), text(s.getTargetUrl()), login(s.getCreator()));
    }

    static ForgejoComment comment(Comment c) {
        return new ForgejoComment(orZero(c.getId()), text(c.getBody()), login(c.getUser()), text(c.getHtmlUrl()));
    }

    private static String login(User u) {
        return u == null ? "" : text(u.getLogin());
    }

    private static String ownerOf(String fullName) {
        String name = text(fullName);
        int slash = name.indexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static long orZero(Long n) {
        return n == null ? 0 : n;
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
