package dev.bluerealm.daemon;

import java.io.OutputStream;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * What runs command lines inside the daemon for clients on the same machine ({@link CommandRelay}):
 * a command that would otherwise start a JVM of its own runs in the daemon's warm one instead. The
 * daemon knows no commands; a program that has them (the {@code blue} command line) registers its
 * host with {@link ServiceLoader} and the daemon finds it at start. Without one, the daemon runs no
 * commands and clients run them themselves.
 *
 * <p>Called on several threads at once, one call per thread.
 *
 * @since 0.1
 */
public interface CommandHost {
    /**
     * Why this host does not run {@code call} here (another build, a command it does not run in the
     * daemon, an environment that differs from the daemon's where it matters), or empty when it does.
     * A refused call is run by the client itself, so a refusal is never an error.
     */
    Optional<String> refusal(CommandCall call);

    /**
     * Runs {@code call} as the client's process would, writing what it prints to {@code out} and
     * {@code err} (UTF-8), and returns its exit code.
     */
    int run(CommandCall call, OutputStream out, OutputStream err);

    /** The host registered on the class path ({@code META-INF/services}), if any. */
    static Optional<CommandHost> installed() {
        return ServiceLoader.load(CommandHost.class, CommandHost.class.getClassLoader()).findFirst();
    }
}
