package dev.bluerealm.testing.forgejo;

import java.time.Instant;
import java.util.Set;

/** A user or an organization (Forgejo keeps both in one table; an organization has members). */
record Account(long id, String login, boolean organization, Set<String> members, Instant created) {
    Account {
        members = Set.copyOf(members);
    }

    String email() {
        return login + "@noreply.localhost";
    }
}
