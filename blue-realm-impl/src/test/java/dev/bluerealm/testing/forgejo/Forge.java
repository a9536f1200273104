package dev.bluerealm.testing.forgejo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server's state: accounts, tokens, repositories and their pull requests. One instance per
 * server; every API call runs while holding its monitor (a test server needs no finer locking), and
 * so does the hook that sees pushes.
 */
final class Forge {
    final Clock clock;
    final Path root;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Token> tokens = new LinkedHashMap<>();
    private final Map<String, Repo> repos = new LinkedHashMap<>();
    private long lastId;
    private int conflictCheckDelay;

    Forge(Clock clock, Path root) {
        this.clock = clock;
        this.root = root;
    }

    synchronized long nextId() {
        return ++lastId;
    }

    /** Now, to the second, as Forgejo's timestamps are. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    synchronized Account addAccount(String login, boolean organization, Set<String> members) {
        if (accounts.containsKey(key(login))) {
            throw new IllegalArgumentException(login + " exists");
        }
        for (String m : members) {
            account(m).filter(a -> !a.organization()).orElseThrow(() -> new IllegalArgumentException("no user " + m));
        }
        Account a = new Account(nextId(), login, organization, members, now());
        accounts.put(key(login), a);
        return a;
    }

    synchronized Optional<Account> account(String login) {
        return Optional.ofNullable(accounts.get(key(login)));
    }

    synchronized void addToken(Token token) {
        account(token.login()).filter(a -> !a.organization())
                .orElseThrow(() -> new IllegalArgumentException("no user " + token.login()));
        tokens.put(token.secret(), token);
    }

    synchronized Optional<Token> token(String secret) {
        return Optional.ofNullable(tokens.get(secret));
    }

    synchronized Optional<Repo> repo(String owner, String name) {
        return Optional.ofNullable(repos.get(key(owner + "/" + name)));
    }

    synchronized Repo createRepo(Account owner, String name, boolean isPrivate, String description, String branch,
            boolean autoInit, Account creator) {
        Path dir = root.resolve(owner.login()).resolve(name + ".git");
        try {
            BareRepos.create(dir, branch, autoInit ? Optional.of("# " + name + "\n\n" + description + "\n")
                    : Optional.empty(), Identities.of(creator, clock));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Repo repo = new Repo(nextId(), owner, name, isPrivate, description, branch, dir, now());
        repos.put(key(repo.fullName()), repo);
        return repo;
    }

    synchronized int conflictCheckDelay() {
        return conflictCheckDelay;
    }

    synchronized void conflictCheckDelay(int observations) {
        this.conflictCheckDelay = observations;
    }

    /**
     * A branch moved by a push: open pull requests from it take the new head, reviews of other
     * commits become stale, and the conflict check of every open pull request touching it restarts.
     */
    synchronized void pushed(Repo repo, String branch, String newSha) {
        for (Pull p : repo.pulls) {
            if (p.closed) {
                continue;
            }
            if (p.head.equals(branch) && !newSha.equals(p.headSha)) {
                p.headSha = newSha;
                p.updated = now();
                p.reviews.stream().filter(r -> !r.state.equals("REQUEST_REVIEW") && !r.commitId.equals(newSha))
                        .forEach(r -> r.stale = true);
            }
            if (p.head.equals(branch) || p.base.equals(branch)) {
                p.pendingChecks = conflictCheckDelay;
            }
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT); // Forgejo's names are case-insensitive
    }
}
