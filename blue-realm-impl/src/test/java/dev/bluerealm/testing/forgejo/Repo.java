package dev.bluerealm.testing.forgejo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A repository and everything the API keeps about it; guarded by the {@link Forge}'s lock. */
final class Repo {
    final long id;
    final Account owner;
    final String name;
    final boolean isPrivate;
    final String description;
    final String defaultBranch;
    final Path gitDir;
    final Instant created;
    final Map<String, Permission> collaborators = new LinkedHashMap<>();
    final List<Pull> pulls = new ArrayList<>();
    final List<CommitStatus> statuses = new ArrayList<>();
    final List<IssueComment> comments = new ArrayList<>();
    long lastIndex; // pull requests and issues share one numbering

    Repo(long id, Account owner, String name, boolean isPrivate, String description, String defaultBranch,
            Path gitDir, Instant created) {
        this.id = id;
        this.owner = owner;
        this.name = name;
        this.isPrivate = isPrivate;
        this.description = description;
        this.defaultBranch = defaultBranch;
        this.gitDir = gitDir;
        this.created = created;
    }

    String fullName() {
        return owner.login() + "/" + name;
    }

    Optional<Pull> pull(long number) {
        return pulls.stream().filter(p -> p.number == number).findFirst();
    }

    /** The access {@code user} (empty: anonymous) has: owner and org members admin, then collaborators, then public read. */
    Permission permission(Optional<Account> user) {
        Permission base = isPrivate ? Permission.NONE : Permission.READ;
        if (user.isEmpty()) {
            return base;
        }
        String login = user.get().login();
        if (owner.login().equals(login) || owner.members().contains(login)) {
            return Permission.ADMIN;
        }
        Permission granted = collaborators.getOrDefault(login, Permission.NONE);
        return granted.atLeast(base) ? granted : base;
    }
}
