package dev.bluerealm.model;

import java.util.List;
import java.util.Objects;

/**
 * The {@code governance} block of realm.yaml, also the shape of a domain's governance.yaml.
 * {@code approvers} are git identities (e-mail addresses) or forge logins; {@code invites} are the
 * repos an approver invited (for {@link Admission#INVITE_ONLY}).
 *
 * @since 0.1
 */
public record Governance(Admission admission, List<String> approvers, BreakingChanges breakingChanges,
                         List<String> invites) {
    public Governance {
        Objects.requireNonNull(admission, "admission");
        approvers = Values.nonBlank("approvers", approvers);
        Objects.requireNonNull(breakingChanges, "breakingChanges");
        invites = Values.names("invited repo", invites);
    }

    /** The RFC's defaults with the given first approver. */
    public static Governance defaults(List<String> approvers) {
        return new Governance(Admission.APPROVAL, approvers, BreakingChanges.DEFAULT, List.of());
    }

    /** True when {@code identity} is among the approvers (e-mail addresses compare case-insensitively). */
    public boolean isApprover(String identity) {
        return identity != null && approvers.stream().anyMatch(a -> a.equalsIgnoreCase(identity));
    }
}
