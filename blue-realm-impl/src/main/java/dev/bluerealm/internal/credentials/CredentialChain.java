package dev.bluerealm.internal.credentials;

import dev.bluerealm.RealmException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where credentials come from (DESIGN §5), first found wins:
 * <ol>
 *   <li>{@code BLUE_REALM_TOKEN} / {@code BLUE_FORGEJO_TOKEN} ({@link EnvTokenSource});</li>
 *   <li>git's credential helpers through {@code git credential fill} ({@link GitCredentialSource});</li>
 *   <li>the OS keychain: {@code secret-tool} ({@link SecretToolSource}), then macOS {@code security}
 *       ({@link MacKeychainSource}), each only when present;</li>
 *   <li>{@code $BLUE_HOME/credentials.yaml}, refused unless private ({@link CredentialsFileSource}).</li>
 * </ol>
 *
 * <p>Everything is read from the environment given (the engine passes
 * {@code RealmOptions.environment()}), never from the JVM's, with {@code HOME} from it too.
 *
 * <pre>{@code
 * CredentialChain chain = CredentialChain.standard(options.environment(), options.resolvedBlueHome());
 * Optional<Credential> c = chain.find("https://git.example.com/realms/letemcook.git", CredentialUse.GIT);
 * }</pre>
 */
public final class CredentialChain {
    /** How long a keychain tool or {@code git credential} may take before it counts as having nothing. */
    public static final Duration TOOL_TIMEOUT = GitCredentialSource.DEFAULT_TIMEOUT;

    private final List<CredentialSource> sources;

    /** A chain of the given sources, asked in order. */
    public CredentialChain(List<CredentialSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * The standard chain for an environment.
     *
     * @param blueHome {@code $BLUE_HOME}, whose {@code credentials.yaml} is the last source; null for none
     */
    public static CredentialChain standard(Map<String, String> environment, Path blueHome) {
        Objects.requireNonNull(environment, "environment");
        List<CredentialSource> sources = new ArrayList<>(List.of(new EnvTokenSource(environment),
                new GitCredentialSource(environment, TOOL_TIMEOUT), new SecretToolSource(environment, TOOL_TIMEOUT),
                new MacKeychainSource(environment, TOOL_TIMEOUT)));
        if (blueHome != null) {
            sources.add(new CredentialsFileSource(blueHome));
        }
        return new CredentialChain(sources);
    }

    public List<CredentialSource> sources() {
        return sources;
    }

    /**
     * The first credential any source has for the remote {@code url}; empty when none has one or the
     * URL needs none (a local path, {@code file://}, {@code git://}).
     *
     * @throws RealmException when a source must not be used (a credentials file others can read, or one that does
     *     not parse); sources before it have been asked and had nothing
     */
    public Optional<Credential> find(String url, CredentialUse use) throws RealmException {
        Optional<CredentialTarget> target = CredentialTarget.parse(url);
        return target.isEmpty() ? Optional.empty() : find(target.get(), use);
    }

    /** The first credential any source has for {@code target}. */
    public Optional<Credential> find(CredentialTarget target, CredentialUse use) throws RealmException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(use, "use");
        for (CredentialSource source : sources) {
            Optional<Credential> found = source.find(target, use);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Tells the sources that {@code credential} worked for {@code target} (git's helpers may store it). */
    public void approve(CredentialTarget target, Credential credential) {
        sources.forEach(s -> s.approve(target, credential));
    }

    /** Tells the sources that {@code credential} was refused for {@code target} (git's helpers forget it). */
    public void reject(CredentialTarget target, Credential credential) {
        sources.forEach(s -> s.reject(target, credential));
    }

    /** The sources' names, for a message saying where credentials were looked for. */
    public String describe() {
        return sources.stream().map(CredentialSource::name).collect(Collectors.joining(", "));
    }
}
