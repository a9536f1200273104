package dev.bluerealm.testing.forgejo;

import java.util.Set;

/** A personal access token: its secret, its user and its scopes ({@code write:repository}, {@code all}, ...). */
record Token(String secret, String login, Set<String> scopes) {
    Token {
        scopes = Set.copyOf(scopes);
    }

    /** Whether the token grants {@code level} ("read" or "write") on {@code category}; write includes read. */
    boolean grants(String level, String category) {
        return scopes.contains("all") || scopes.contains("write:" + category)
                || (level.equals("read") && scopes.contains("read:" + category));
    }
}
