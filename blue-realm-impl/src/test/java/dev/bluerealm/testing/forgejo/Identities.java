package dev.bluerealm.testing.forgejo;

import java.time.Clock;
import java.util.Date;
import java.util.TimeZone;
import org.eclipse.jgit.lib.PersonIdent;

/** The git identity the server writes commits as for an account. */
final class Identities {
    private Identities() {}

    static PersonIdent of(Account account, Clock clock) {
        return new PersonIdent(account.login(), account.email(), Date.from(clock.instant()), TimeZone.getTimeZone("UTC"));
    }
}
