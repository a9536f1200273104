package dev.bluerealm.model;

/**
 * How repos are admitted to a realm ({@code governance.admission}).
 *
 * @since 0.1
 */
public enum Admission {
    /** Any repo may join. */
    OPEN("open"),
    /** A governance approver may join directly; anyone else needs an approver's approval. */
    APPROVAL("approval"),
    /** Only repos an approver has invited ({@code governance.invites}) may join. */
    INVITE_ONLY("invite-only");

    private final String yaml;

    Admission(String yaml) {
        this.yaml = yaml;
    }

    /** The spelling used in realm files. */
    public String yaml() {
        return yaml;
    }
}
