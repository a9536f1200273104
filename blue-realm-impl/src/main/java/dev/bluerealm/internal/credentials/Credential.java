package dev.bluerealm.internal.credentials;

import java.util.Objects;

/**
 * A username and secret (a token or password) for one remote, and where it was found. The secret is
 * only ever read through {@link #secret()}: {@link #toString()} masks it, so a credential that ends
 * up in a message or a log shows where it came from and nothing else.
 *
 * @param username the user to authenticate as (for tokens the forge ignores it, see
 *     {@link EnvTokenSource})
 * @param secret the token or password; never empty
 * @param source where it was found, for messages: {@code env BLUE_REALM_TOKEN},
 *     {@code git credential fill}, {@code /home/eric/.blue/credentials.yaml}
 */
public record Credential(String username, String secret, String source) {
    public Credential {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(source, "source");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("a credential needs a secret (from " + source + ")");
        }
    }

    /** {@code Credential[user=eric, secret=****, source=env BLUE_REALM_TOKEN]}: never the secret. */
    @Override
    public String toString() {
        return "Credential[user=" + username + ", secret=****, source=" + source + "]";
    }
}
