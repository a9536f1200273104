package dev.bluerealm.internal.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * git's own credential helpers, through the {@code git} command line: {@code git credential fill}
 * to find a credential, {@code approve} and {@code reject} to tell the helpers whether it worked,
 * as git-credential(1) describes.
 *
 * <p>The {@code git} found on the environment's {@code PATH} runs with exactly that environment (so
 * {@code HOME}, {@code XDG_CONFIG_HOME} and {@code GIT_CONFIG_*} choose the configuration), in
 * {@code $HOME} (else the temporary folder), with {@code GIT_TERMINAL_PROMPT=0},
 * {@code GIT_ASKPASS=} (empty: no askpass program either) and {@code GCM_INTERACTIVE=never}, so it
 * never prompts; and within a deadline, past which it and every helper it started are killed and
 * the source finds nothing. No {@code git} on the {@code PATH}: the source is skipped.
 */
public final class GitCredentialSource implements CredentialSource {
    public static final String NAME = "git credential fill";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, String> environment;
    private final Duration timeout;

    public GitCredentialSource(Map<String, String> environment) {
        this(environment, DEFAULT_TIMEOUT);
    }

    public GitCredentialSource(Map<String, String> environment, Duration timeout) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Credential> find(CredentialTarget target, CredentialUse use) {
        String request = describe(target, target.username(), null);
        if (request == null) {
            return Optional.empty();
        }
        Optional<Processes.Result> result = git("fill", request);
        if (result.isEmpty() || !result.get().ok()) {
            return Optional.empty(); // no helper had one (git could not prompt), or it took too long
        }
        String username = null;
        String password = null;
        for (String line : result.get().stdout().split("\n")) {
            if (line.startsWith("username=")) {
                username = line.substring("username=".length());
            } else if (line.startsWith("password=")) {
                password = line.substring("password=".length());
            }
        }
        if (password == null || password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Credential(username == null ? target.usernameOr("") : username, password, NAME));
    }

    /** {@code git credential approve}: the helpers may store it. Only for credentials this source found. */
    @Override
    public void approve(CredentialTarget target, Credential credential) {
        report("approve", target, credential);
    }

    /** {@code git credential reject}: the helpers forget it. Only for credentials this source found. */
    @Override
    public void reject(CredentialTarget target, Credential credential) {
        report("reject", target, credential);
    }

    private void report(String action, CredentialTarget target, Credential credential) {
        if (!NAME.equals(credential.source())) {
            return; // a token from the environment or a file is not git's to store
        }
        String request = describe(target, credential.username(), credential.secret());
        if (request != null) {
            git(action, request);
        }
    }

    /**
     * The git-credential input for a target, or null when a value holds a newline or NUL: git
     * refuses those, and a path decoded from {@code %0a} must never smuggle in a {@code password=} line.
     */
    static String describe(CredentialTarget target, String username, String password) {
        StringBuilder b = new StringBuilder();
        if (!append(b, "protocol", target.protocol()) || !append(b, "host", target.hostAndPort())
                || !target.path().isEmpty() && !append(b, "path", target.path())
                || username != null && !username.isEmpty() && !append(b, "username", username)
                || password != null && !append(b, "password", password)) {
            return null;
        }
        return b.append('\n').toString();
    }

    private static boolean append(StringBuilder b, String key, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
            return false;
        }
        b.append(key).append('=').append(value).append('\n');
        return true;
    }

    private Optional<Processes.Result> git(String action, String input) {
        Optional<Path> git = Processes.find(environment, "git");
        if (git.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Processes.run(List.of(git.get().toString(), "credential", action), childEnvironment(),
                    workingDirectory(), input.getBytes(StandardCharsets.UTF_8), timeout));
        } catch (IOException e) {
            return Optional.empty(); // it could not start: as if absent
        }
    }

    private Map<String, String> childEnvironment() {
        Map<String, String> env = new HashMap<>(environment);
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_ASKPASS", ""); // set but empty: git then consults neither core.askPass nor SSH_ASKPASS
        env.put("GCM_INTERACTIVE", "never"); // Git Credential Manager
        return env;
    }

    private Path workingDirectory() {
        String home = environment.get("HOME");
        if (home != null && !home.isBlank() && Files.isDirectory(Path.of(home))) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
