package dev.bluerealm.internal.git;

import java.io.File;
import java.util.Map;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * How the realm store reaches remotes. SSH keys, known hosts and {@code ~/.ssh/config} are read from
 * the {@code HOME} of the options' environment rather than the JVM's {@code user.home}, so an
 * embedder (or a test) decides which machine identity is used.
 */
public final class Transports implements TransportConfigCallback, AutoCloseable {
    private final SshdSessionFactory ssh;

    private Transports(SshdSessionFactory ssh) {
        this.ssh = ssh;
    }

    /** JGit's defaults everywhere. */
    public static Transports defaults() {
        return new Transports(null);
    }

    /** SSH from {@code $HOME/.ssh} of {@code environment}; JGit's defaults when it has no HOME. */
    public static Transports forEnvironment(Map<String, String> environment) {
        String home = environment.get("HOME");
        if (home == null || home.isBlank()) {
            return defaults();
        }
        File dir = new File(home);
        return new Transports(new SshdSessionFactoryBuilder().setHomeDirectory(dir)
                .setSshDirectory(new File(dir, ".ssh")).build(new JGitKeyCache()));
    }

    @Override
    public void configure(Transport transport) {
        if (ssh != null && transport instanceof SshTransport) {
            ((SshTransport) transport).setSshSessionFactory(ssh);
        }
    }

    @Override
    public void close() {
        if (ssh != null) {
            ssh.close();
        }
    }
}
