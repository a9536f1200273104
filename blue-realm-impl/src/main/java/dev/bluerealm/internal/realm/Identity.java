package dev.bluerealm.internal.realm;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.RealmOptions;
import dev.bluerealm.internal.git.LocalRepo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.util.SystemReader;

/**
 * Who is acting (DESIGN §5 item 6): the explicit identity of the options, else the git
 * {@code user.email} of the repo the command runs in (which includes the global git config).
 * Attribution, not authentication.
 */
public record Identity(String email, String name) {

    public static Identity resolve(RealmOptions options, Path repoRoot) throws InvalidRequestException {
        String email = options.identity();
        String name = null;
        if (email == null && repoRoot != null) {
            email = LocalRepo.email(repoRoot);
            name = LocalRepo.userName(repoRoot);
        }
        if (email == null) {
            try {
                email = SystemReader.getInstance().getUserConfig().getString("user", null, "email");
                name = SystemReader.getInstance().getUserConfig().getString("user", null, "name");
            } catch (Exception e) {
                email = null; // an unreadable ~/.gitconfig is the same as none
            }
        }
        if (email == null || email.isBlank()) {
            throw new InvalidRequestException(ErrorCode.IDENTITY_UNKNOWN, "who is acting is unknown: set it with"
                    + " `git config user.email you@example.com` (in the repo, or --global)");
        }
        email = email.trim();
        return new Identity(email, name == null || name.isBlank() ? email.replaceFirst("@.*", "") : name);
    }

    PersonIdent person(Instant when) {
        return new PersonIdent(name, email, Date.from(when), TimeZone.getTimeZone("UTC"));
    }
}
