package dev.bluerealm.daemon;

import dev.bluerealm.daemon.client.DaemonClient;
import dev.bluerealm.daemon.client.DaemonClientException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The session of one command with the daemon of its {@code BLUE_HOME} (DESIGN §6): registered when
 * the command starts, deregistered when it ends (also on Ctrl-C, through the caller's shutdown hook).
 * The work happens on a background thread, so the command does not wait for the daemon: finding
 * it, starting one when none runs (auto-start, unless {@code BLUE_DAEMON=off}), registering. With
 * {@code BLUE_SESSION=<id>} the command reports activity on that existing session instead and leaves
 * it open. When there is no daemon the command goes on; {@link #problem()} says why, once.
 *
 * <pre>{@code
 * try (CommandSession s = CommandSession.begin(CommandSession.Request.of(blueHome, env, "aperture", "letemcook"))) {
 *     s.daemon().ifPresent(d -> ...);   // waits (bounded) for the daemon
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class CommandSession implements AutoCloseable {
    /** The longest {@link #daemon()} and {@link #close()} wait for the background work (it includes an auto-start). */
    public static final Duration WAIT = Daemons.WAIT.plusSeconds(2);

    /**
     * What a session is for.
     *
     * @param activeRfc the RFC being worked on, or null
     * @param autoStart whether to start a daemon when none runs (false also when {@code BLUE_DAEMON=off})
     */
    public record Request(Path blueHome, Map<String, String> env, String repo, String realm, String clientId,
                          long pid, String activeRfc, boolean autoStart) {
        public Request {
            blueHome = Objects.requireNonNull(blueHome, "blueHome").toAbsolutePath().normalize();
            env = Map.copyOf(env);
            Objects.requireNonNull(repo, "repo");
            Objects.requireNonNull(realm, "realm");
            Objects.requireNonNull(clientId, "clientId");
        }

        /** This process's session in {@code repo}: client id {@code cli-<pid>}, auto-start unless {@code BLUE_DAEMON=off}. */
        public static Request of(Path blueHome, Map<String, String> env, String repo, String realm) {
            return of(blueHome, env, repo, realm, ProcessHandle.current().pid());
        }

        /**
         * The session of the client process {@code pid} in {@code repo} (a command the daemon runs for that
         * client: the session ends with the client, not with the daemon).
         */
        public static Request of(Path blueHome, Map<String, String> env, String repo, String realm, long pid) {
            return new Request(blueHome, env, repo, realm, "cli-" + pid, pid, null, !off(env));
        }

        /** The same session, working on {@code activeRfc} (null: none). */
        public Request withActiveRfc(String activeRfc) {
            return new Request(blueHome, env, repo, realm, clientId, pid, activeRfc, autoStart);
        }
    }

    /** Where the background work got to. */
    private record Link(DaemonClient client, long sessionId, boolean own, String problem) {}

    private final Request request;
    private final CompletableFuture<Link> link;
    private boolean closed;

    private CommandSession(Request request, CompletableFuture<Link> link) {
        this.request = request;
        this.link = link;
    }

    /** Whether {@code BLUE_DAEMON=off}: no auto-start, and commands leave the daemon alone. */
    public static boolean off(Map<String, String> env) {
        return "off".equalsIgnoreCase(env.getOrDefault("BLUE_DAEMON", "").trim());
    }

    /** Starts finding (or starting) the daemon and registering, in the background; returns at once. */
    public static CommandSession begin(Request request) {
        Objects.requireNonNull(request, "request");
        if (off(request.env())) {
            return new CommandSession(request, CompletableFuture.completedFuture(new Link(null, 0, false, null)));
        }
        CompletableFuture<Link> link = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                link.complete(connect(request));
            } catch (RuntimeException | Error e) {
                link.complete(new Link(null, 0, false, "the daemon could not be used: " + e));
            }
        }, "blue-session");
        t.setDaemon(true); // never keeps a finished command alive
        t.start();
        return new CommandSession(request, link);
    }

    private static Link connect(Request r) {
        DaemonStatus status = Daemons.status(r.blueHome(), r.env());
        int port = status.port();
        if (!status.running()) {
            if (!r.autoStart()) {
                return new Link(null, 0, false, "no daemon running (start one with `blue daemon start`)");
            }
            try {
                port = Daemons.start(r.blueHome(), r.env()).port();
            } catch (IOException | RuntimeException e) {
                return new Link(null, 0, false, "the daemon could not be started: " + e.getMessage());
            }
        }
        DaemonClient client = DaemonClient.of(r.blueHome(), port);
        String problem = null;
        OptionalLong existing = existingSession(r.env());
        try {
            if (existing.isPresent()) {
                try {
                    client.touch(existing.getAsLong(), r.activeRfc());
                    return new Link(client, existing.getAsLong(), false, null);
                } catch (DaemonClientException e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                    problem = "BLUE_SESSION=" + existing.getAsLong() + " is not a session of the daemon; using a new one";
                }
            }
            long id = client.registerSession(r.repo(), r.realm(), r.clientId(), r.pid(), r.activeRfc());
            return new Link(client, id, true, problem);
        } catch (DaemonClientException e) {
            return new Link(null, 0, false, "the daemon did not answer: " + e.getMessage());
        }
    }

    /** {@code BLUE_SESSION}, when it holds a session id. */
    static OptionalLong existingSession(Map<String, String> env) {
        String v = env.getOrDefault("BLUE_SESSION", "").trim();
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long id = Long.parseLong(v);
            return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private Optional<Link> await() {
        try {
            return Optional.of(link.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    /** The daemon, once registered; waits for the background work (at most {@link #WAIT}). Empty without one. */
    public Optional<DaemonClient> daemon() {
        return await().map(Link::client);
    }

    /** This command's session id (its own, or {@code BLUE_SESSION}'s), once registered. */
    public OptionalLong id() {
        Optional<Link> l = await();
        return l.isPresent() && l.get().client() != null ? OptionalLong.of(l.get().sessionId()) : OptionalLong.empty();
    }

    /**
     * Why this command has no daemon (or a note about its session), for one line on stderr; empty
     * when all went well or when {@code BLUE_DAEMON=off} asked for none.
     */
    public Optional<String> problem() {
        Optional<Link> l = await();
        if (l.isEmpty()) {
            return Optional.of("the daemon did not answer within " + WAIT.toSeconds() + " s");
        }
        return Optional.ofNullable(l.get().problem());
    }

    public Request request() {
        return request;
    }

    /** Deregisters this command's own session (a {@code BLUE_SESSION} stays open). Safe to call twice and from a shutdown hook. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Optional<Link> l = await();
        if (l.isPresent() && l.get().own()) {
            try {
                l.get().client().deregister(l.get().sessionId());
            } catch (DaemonClientException e) {
                // the daemon went away; it cleans sessions of exited processes itself
            }
        }
    }
}
