package dev.bluerealm.internal.forge.forgejo;

import java.util.Objects;

/**
 * A Forgejo account.
 *
 * @param fullName empty when unset
 * @param email empty when hidden from the token's user
 */
public record ForgejoUser(long id, String login, String fullName, String email) {
    public ForgejoUser {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(email, "email");
    }
}
