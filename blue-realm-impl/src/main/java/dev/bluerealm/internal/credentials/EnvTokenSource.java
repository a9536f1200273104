package dev.bluerealm.internal.credentials;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tokens from environment variables, for every host:
 * <ul>
 *   <li>{@code BLUE_REALM_TOKEN}: the general one, for git over HTTP(S) and the forge API;</li>
 *   <li>{@code BLUE_FORGEJO_TOKEN}: for the Forgejo API ({@link CredentialUse#FORGEJO_API}), where it
 *       wins over {@code BLUE_REALM_TOKEN}; sent to a git remote only when {@code BLUE_FORGEJO_URL}
 *       names that remote's scheme, host and port (the Forgejo's own clone URLs, as the RFC's CI
 *       set-up gives both), never to another host.</li>
 * </ul>
 *
 * <p>Over git smart HTTP the token is sent as the Basic-auth password. Forgejo and Gitea take the
 * password as an access token whatever the username ({@code services/auth/basic.go} looks the
 * password up as a token first and ignores the name), so the username is the one in the remote URL
 * when it has one, else {@code token}; GitHub and GitLab accept any name with a token the same way.
 * A blank variable counts as unset.
 */
public final class EnvTokenSource implements CredentialSource {
    public static final String REALM_TOKEN = "BLUE_REALM_TOKEN";
    public static final String FORGEJO_TOKEN = "BLUE_FORGEJO_TOKEN";
    public static final String FORGEJO_URL = "BLUE_FORGEJO_URL";
    /** The username sent with a token when the URL names none. */
    public static final String TOKEN_USER = "token";

    private final Map<String, String> environment;

    public EnvTokenSource(Map<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String name() {
        return "env " + REALM_TOKEN + "/" + FORGEJO_TOKEN;
    }

    @Override
    public Optional<Credential> find(CredentialTarget target, CredentialUse use) {
        List<String> variables = use == CredentialUse.FORGEJO_API ? List.of(FORGEJO_TOKEN, REALM_TOKEN)
                : onTheForgejo(target) ? List.of(REALM_TOKEN, FORGEJO_TOKEN) : List.of(REALM_TOKEN);
        for (String variable : variables) {
            String token = environment.get(variable);
            if (token != null && !token.isBlank()) {
                return Optional.of(new Credential(target.usernameOr(TOKEN_USER), token.strip(), "env " + variable));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code target} is on the host {@code BLUE_FORGEJO_URL} names (same scheme, host and port). */
    private boolean onTheForgejo(CredentialTarget target) {
        String url = environment.get(FORGEJO_URL);
        if (url == null || url.isBlank()) {
            return false;
        }
        return CredentialTarget.parse(url).filter(f -> f.protocol().equals(target.protocol())
                && f.host().equalsIgnoreCase(target.host()) && port(f) == port(target)).isPresent();
    }

    private static int port(CredentialTarget t) {
        return t.port() > 0 ? t.port() : t.protocol().equals("https") ? 443 : 80;
    }
}
