package dev.bluerealm.internal.git;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.RealmException;
import dev.bluerealm.RemoteException;
import dev.bluerealm.internal.credentials.ChainCredentialsProvider;
import dev.bluerealm.internal.credentials.CredentialChain;
import dev.bluerealm.internal.credentials.Redaction;
import dev.bluerealm.internal.progress.Progress;
import dev.bluerealm.progress.ProgressListener;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * How the realm store reaches remotes. SSH keys, known hosts and {@code ~/.ssh/config} are read from
 * the {@code HOME} of the options' environment rather than the JVM's {@code user.home}, so an
 * embedder (or a test) decides which machine identity is used. HTTP(S) remotes that ask for
 * authentication get their credentials from the {@link CredentialChain} of that same environment
 * (never by prompting); only HTTP transports get them, SSH keeps to its keys. Clones, fetches and
 * pushes through them report their {@link #progress()}.
 *
 * <pre>{@code
 * try (RealmStore store = RealmStore.cloneInto(url, dir,
 *         Transports.forEnvironment(options.environment(), options.resolvedBlueHome()))) { … }
 * }</pre>
 */
public final class Transports implements TransportConfigCallback, AutoCloseable {
    private final SshdSessionFactory ssh;
    private final ChainCredentialsProvider credentials;
    private final Progress progress;

    private Transports(SshdSessionFactory ssh, ChainCredentialsProvider credentials, Progress progress) {
        this.ssh = ssh;
        this.credentials = credentials;
        this.progress = progress;
    }

    /** JGit's defaults everywhere, no credentials and no progress. */
    public static Transports defaults() {
        return new Transports(null, null, Progress.none());
    }

    /** JGit's defaults everywhere and no credentials; progress to {@code listener}. */
    public static Transports defaults(ProgressListener listener) {
        return new Transports(null, null, Progress.of(listener));
    }

    /**
     * SSH from {@code $HOME/.ssh} of {@code environment} (JGit's defaults when it has no HOME); HTTP
     * credentials from the standard chain without a credentials file.
     */
    public static Transports forEnvironment(Map<String, String> environment) {
        return forEnvironment(environment, null);
    }

    /**
     * SSH from {@code $HOME/.ssh} of {@code environment}; HTTP credentials from the standard chain,
     * ending with {@code blueHome/credentials.yaml} (none when {@code blueHome} is null).
     */
    public static Transports forEnvironment(Map<String, String> environment, Path blueHome) {
        return forEnvironment(environment, blueHome, ProgressListener.none());
    }

    /** {@link #forEnvironment(Map, Path)}, reporting progress to {@code listener}. */
    public static Transports forEnvironment(Map<String, String> environment, Path blueHome, ProgressListener listener) {
        return withCredentials(environment, CredentialChain.standard(environment, blueHome), listener);
    }

    /** SSH from {@code $HOME/.ssh} of {@code environment}; HTTP credentials from {@code chain}. */
    public static Transports withCredentials(Map<String, String> environment, CredentialChain chain) {
        return withCredentials(environment, chain, ProgressListener.none());
    }

    /** {@link #withCredentials(Map, CredentialChain)}, reporting progress to {@code listener}. */
    public static Transports withCredentials(Map<String, String> environment, CredentialChain chain,
                                             ProgressListener listener) {
        Objects.requireNonNull(chain, "chain");
        return new Transports(ssh(environment), new ChainCredentialsProvider(chain), Progress.of(listener));
    }

    /** Where clones, fetches and pushes through these transports report their progress. */
    public Progress progress() {
        return progress;
    }

    /**
     * A short name for a remote in a progress line: the last part of its URL without {@code .git}
     * ({@code letemcook} for {@code https://host/org/letemcook.git}), as git names a clone's folder.
     */
    public String shortName(String url) {
        if (url == null) {
            return "origin";
        }
        try {
            return new org.eclipse.jgit.transport.URIish(url).getHumanishName();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return redact(url);
        }
    }

    private static SshdSessionFactory ssh(Map<String, String> environment) {
        String home = environment.get("HOME");
        if (home == null || home.isBlank()) {
            return null;
        }
        File dir = new File(home);
        return new SshdSessionFactoryBuilder().setHomeDirectory(dir).setSshDirectory(new File(dir, ".ssh"))
                .build(new JGitKeyCache());
    }

    @Override
    public void configure(Transport transport) {
        if (ssh != null && transport instanceof SshTransport) {
            ((SshTransport) transport).setSshSessionFactory(ssh);
        }
        if (credentials != null && transport instanceof TransportHttp) {
            transport.setCredentialsProvider(credentials);
        }
    }

    /** An operation through these transports succeeded: the credentials it used are reported as working. */
    void succeeded() {
        if (credentials != null) {
            credentials.confirm();
        }
    }

    /**
     * The exception for a failed transport operation: the credential source's own failure when
     * that is why (a credentials file others can read), else a {@link RemoteException} saying
     * {@code what} failed and why, with the reason authentication failed if it did, and no secret.
     */
    RealmException failure(String what, Throwable e) {
        Optional<RealmException> lookup = ChainCredentialsProvider.failure(e);
        if (lookup.isPresent()) {
            return lookup.get();
        }
        String message = what + ": " + Errors.message(e);
        if (credentials != null) {
            message += credentials.afterFailure().map(p -> "; " + p).orElse("");
        }
        // the cause goes along (a -v stack trace shows it) unless one of its messages holds a secret
        return new RemoteException(ErrorCode.REMOTE_ERROR, redact(message), secretFree(e) ? e : null);
    }

    private boolean secretFree(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.equals(redact(m))) {
                return false;
            }
        }
        return true;
    }

    /** {@code text} without URL passwords or any secret these transports handed out. */
    public String redact(String text) {
        Set<String> secrets = credentials == null ? Set.of() : credentials.secrets();
        return Redaction.redact(text, secrets);
    }

    @Override
    public void close() {
        if (ssh != null) {
            ssh.close();
        }
    }
}
