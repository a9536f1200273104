package dev.bluerealm.internal.forge.forgejo;

import dev.bluerealm.internal.forge.forgejo.model.MergePullRequestOption.DoEnum;

/** How to merge; the repository's settings may disable some styles. */
public enum MergeStyle {
    MERGE(DoEnum.MERGE), REBASE(DoEnum.REBASE), REBASE_MERGE(DoEnum.REBASE_MERGE), SQUASH(DoEnum.SQUASH),
    FAST_FORWARD_ONLY(DoEnum.FAST_FORWARD_ONLY);

    private final DoEnum wire;

    MergeStyle(DoEnum wire) {
        this.wire = wire;
    }

    DoEnum wire() {
        return wire;
    }
}
