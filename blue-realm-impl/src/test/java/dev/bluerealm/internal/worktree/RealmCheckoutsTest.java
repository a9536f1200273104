package dev.bluerealm.internal.worktree;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How a clone already in the workspace is recognised as a clone of the repo the realm names by URL. */
class RealmCheckoutsTest {
    @Test
    void sameRepository_urlSpellings() {
        assertTrue(RealmCheckouts.sameRepository("https://git.example.com/acme/x.git", "git@git.example.com:acme/x"));
        assertTrue(RealmCheckouts.sameRepository("ssh://git@git.example.com:2222/acme/x.git/",
                "https://eric:secret@GIT.example.com/acme/x"));
        assertTrue(RealmCheckouts.sameRepository("https://git.example.com/forgejo/acme/x.git",
                "git@git.example.com:acme/x.git"), "a forge under a sub-path");
        assertTrue(RealmCheckouts.sameRepository("/srv/git/x.git", "file:///srv/git/x.git"));
        assertTrue(RealmCheckouts.sameRepository("file:/srv/git/x.git/", "/srv/git/x"));
        assertFalse(RealmCheckouts.sameRepository("https://git.example.com/acme/x.git", "https://git.example.com/acme/y"));
        assertFalse(RealmCheckouts.sameRepository("https://git.example.com/acme/x", "https://other.example.com/acme/x"));
        assertFalse(RealmCheckouts.sameRepository("/srv/git/x.git", "/srv/other/x.git"));
        assertFalse(RealmCheckouts.sameRepository("/srv/git/x.git", "https://git.example.com/srv/git/x.git"));
    }
}
