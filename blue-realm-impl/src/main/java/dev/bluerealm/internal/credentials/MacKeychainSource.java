package dev.bluerealm.internal.credentials;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The macOS keychain via {@code security find-internet-password -s HOST [-P PORT] [-a USER] -w}:
 * the internet passwords Keychain Access, Safari and git's {@code osxkeychain} helper keep. The
 * username is the one in the remote URL; without one, the entry's account ({@code "acct"}
 * attribute), else {@code token}. No {@code security} on the environment's {@code PATH}: skipped.
 */
public final class MacKeychainSource implements CredentialSource {
    private static final Pattern ACCOUNT = Pattern.compile("\"acct\"<blob>=\"([^\"\\n]*)\"");

    private final Map<String, String> environment;
    private final Duration timeout;

    public MacKeychainSource(Map<String, String> environment, Duration timeout) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String name() {
        return "security find-internet-password";
    }

    @Override
    public Optional<Credential> find(CredentialTarget target, CredentialUse use) {
        Optional<Path> tool = Processes.find(environment, "security");
        if (tool.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<String> query = new ArrayList<>(List.of(tool.get().toString(), "find-internet-password", "-s", target.host()));
            if (target.port() != -1) {
                query.addAll(List.of("-P", Integer.toString(target.port())));
            }
            if (target.username() != null) {
                query.addAll(List.of("-a", target.username()));
            }
            List<String> withPassword = new ArrayList<>(query);
            withPassword.add("-w");
            Processes.Result r = run(withPassword);
            String secret = SecretToolSource.stripNewline(r.stdout());
            if (!r.ok() || secret.isEmpty()) {
                return Optional.empty();
            }
            String username = target.username();
            if (username == null) {
                Processes.Result attributes = run(query); // without -w: the entry's attributes, not its password
                Matcher m = ACCOUNT.matcher(attributes.ok() ? attributes.stdout() : "");
                username = m.find() && !m.group(1).isEmpty() ? m.group(1) : EnvTokenSource.TOKEN_USER;
            }
            return Optional.of(new Credential(username, secret, "macOS keychain (internet password for "
                    + target.hostAndPort() + ")"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Processes.Result run(List<String> command) throws IOException {
        return Processes.run(command, environment, Path.of(System.getProperty("java.io.tmpdir")), new byte[0], timeout);
    }
}
