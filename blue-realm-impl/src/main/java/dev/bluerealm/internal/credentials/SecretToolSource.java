package dev.bluerealm.internal.credentials;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Linux desktop keyring (GNOME Keyring, KWallet through the Secret Service) via
 * {@code secret-tool lookup service blue-realm host HOST}, where HOST is {@code host} or
 * {@code host:port} as in the remote URL. Store a token with
 * {@code secret-tool store --label "blue-realm HOST" service blue-realm host HOST}. The username is
 * the one in the remote URL, else {@code token}. No {@code secret-tool} on the environment's
 * {@code PATH}: skipped; a locked keyring or no session bus: nothing found.
 */
public final class SecretToolSource implements CredentialSource {
    public static final String SERVICE = "blue-realm";

    private final Map<String, String> environment;
    private final Duration timeout;

    public SecretToolSource(Map<String, String> environment, Duration timeout) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String name() {
        return "secret-tool (service " + SERVICE + ")";
    }

    @Override
    public Optional<Credential> find(CredentialTarget target, CredentialUse use) {
        Optional<Path> tool = Processes.find(environment, "secret-tool");
        if (tool.isEmpty()) {
            return Optional.empty();
        }
        try {
            Processes.Result r = Processes.run(List.of(tool.get().toString(), "lookup", "service", SERVICE, "host",
                    target.hostAndPort()), environment, Path.of(System.getProperty("java.io.tmpdir")), new byte[0], timeout);
            String secret = stripNewline(r.stdout());
            if (!r.ok() || secret.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Credential(target.usernameOr(EnvTokenSource.TOKEN_USER), secret,
                    "secret-tool (service " + SERVICE + ", host " + target.hostAndPort() + ")"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String stripNewline(String s) {
        return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
