package dev.bluerealm.admin;

import java.util.List;

/**
 * What a realm write did: the files it changed, the commit it pushed, and where.
 *
 * @param commit the pushed commit id, or null when nothing needed to change
 * @param remote the realm URL it was pushed to
 * @since 0.1
 */
public record RealmWrite(List<FileChange> changes, String commit, String remote) {
    public RealmWrite {
        changes = List.copyOf(changes);
    }

    public boolean pushed() {
        return commit != null;
    }
}
