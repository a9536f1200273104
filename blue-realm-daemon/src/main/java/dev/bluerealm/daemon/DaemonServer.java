package dev.bluerealm.daemon;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daemon: the HTTP API on 127.0.0.1 (with the {@code GET /events} streams fed by a
 * {@link NotificationFeed}), {@code daemon.db}, the instance lock and PID file, the session cleaner
 * and the {@link RealmWatcher}. {@link #create} returns a daemon that is not started.
 *
 * <pre>{@code
 * try (DaemonServer d = DaemonServer.create(config)) {
 *     d.start();          // throws AlreadyRunningException when another daemon holds the lock
 *     int port = d.port();
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class DaemonServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DaemonServer.class.getName());
    /** Worker threads serving requests, and requests that may wait for one. */
    static final int THREADS = 8;
    static final int QUEUE = 512;

    static {
        // read once, for the whole JVM, when the JDK's server classes load (so before the first
        // HttpServer.create): without nodelay each keep-alive request waits ~40 ms (RECIPES item 7);
        // maxReqTime (seconds) closes a connection whose request is not read completely in time.
        //
        // maxRspTime is no slow-client detector. In JDK 17, ServerImpl.ReqRspTimeoutTask runs every
        // second and closes every connection that has been in the RESPONSE state (request read, exchange
        // not yet closed) for maxRspTime, counted from the end of the request, however busy the
        // response. It is also the only thing that frees a thread blocked writing to a client that
        // stopped reading: a blocked write holds the socket stream's lock, so HttpExchange.close() from
        // another thread would block as well, while the timer closes the channel under it. So the
        // limit stays for every response, and GET /events streams end themselves cleanly before it
        // (EventStreams.Limits.lifetimeUnder) and clients resume with Last-Event-ID; when someone
        // turns maxRspTime off (-Dsun.net.httpserver.maxRspTime=0), streams last until closed.
        //
        // the JDK reads jdk.httpserver.maxConnections (checked on 17.0.15); the sun.net.httpserver
        // spelling set here before did nothing
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        setIfAbsent("sun.net.httpserver.maxReqTime", "30");
        setIfAbsent("sun.net.httpserver.maxRspTime", "30");
        setIfAbsent("jdk.httpserver.maxConnections", "256");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Thrown by {@link #start} when a daemon already runs for this run directory. */
    public static final class AlreadyRunningException extends Exception {
        private static final long serialVersionUID = 1L;
        private final long pid;
        private final int port;

        AlreadyRunningException(long pid, int port, String blueHome) {
            super("daemon already running (pid " + pid + ", port " + port + ")"
                    + (blueHome == null || blueHome.isEmpty() ? "" : " for " + blueHome));
            this.pid = pid;
            this.port = port;
        }

        public long pid() {
            return pid;
        }

        public int port() {
            return port;
        }
    }

    private final DaemonConfig config;
    private final EventStreams.Limits streamLimits;
    private final CommandHost commandHost;
    private CommandSocket commands;
    private final AtomicInteger boundPort = new AtomicInteger();
    private InstanceLock lock;
    private DaemonStore store;
    private NotificationFeed feed;
    private EventStreams streams;
    private HttpServer server;
    private ThreadPoolExecutor workers;
    private ScheduledExecutorService scheduler;
    private AccessFilter access;
    private RealmWatcher watcher;
    private boolean started;
    private boolean stopped;

    private DaemonServer(DaemonConfig config, EventStreams.Limits streamLimits, CommandHost commandHost) {
        this.config = config;
        this.streamLimits = streamLimits;
        this.commandHost = commandHost;
    }

    /**
     * A daemon for {@code config}, not started. It runs commands for clients ({@link CommandRelay}) when
     * a {@link CommandHost} is registered on the class path, as the {@code blue} command line's is.
     */
    public static DaemonServer create(DaemonConfig config) {
        return new DaemonServer(Objects.requireNonNull(config, "config"), EventStreams.Limits.defaults(),
                CommandHost.installed().orElse(null));
    }

    /** A daemon running commands through {@code commandHost} (null: none), not started. */
    public static DaemonServer create(DaemonConfig config, CommandHost commandHost) {
        return new DaemonServer(Objects.requireNonNull(config, "config"), EventStreams.Limits.defaults(), commandHost);
    }

    /** A daemon whose {@code GET /events} streams follow {@code streamLimits}, running no commands (tests). */
    static DaemonServer create(DaemonConfig config, EventStreams.Limits streamLimits) {
        return new DaemonServer(Objects.requireNonNull(config, "config"), Objects.requireNonNull(streamLimits, "limits"), null);
    }

    /**
     * Takes the instance lock, opens daemon.db (creating it), removes sessions of dead processes,
     * binds the port, writes the PID file and starts serving.
     *
     * @throws AlreadyRunningException when another daemon holds the lock
     * @throws IOException when the port cannot be bound or files cannot be written
     * @throws IllegalStateException when called twice
     */
    public synchronized void start() throws AlreadyRunningException, IOException {
        if (started) {
            throw new IllegalStateException("daemon already started");
        }
        started = true;
        Optional<InstanceLock> l = InstanceLock.tryAcquire(config.runDirectory());
        if (l.isEmpty()) {
            InstanceLock.Owner o = waitForOwner();
            throw new AlreadyRunningException(o.pid(), o.port(), o.blueHome());
        }
        lock = l.get();
        try {
            Files.createDirectories(config.blueHome());
            String token = DaemonToken.loadOrCreate(config.blueHome());
            store = DaemonStore.open(config.blueHome().resolve("daemon.db"));
            feed = new NotificationFeed();
            watcher = new RealmWatcher(store, feed, config.blueHome(), config.environment(), config.clock());
            cleanSessions();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 128);
            boundPort.set(server.getAddress().getPort());
            workers = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                    daemonThreads("blue-daemon-http"), new ThreadPoolExecutor.CallerRunsPolicy());
            server.setExecutor(workers);
            access = new AccessFilter();
            SecurityFilter security = new SecurityFilter(boundPort::get, token);
            DaemonApi api = new DaemonApi(store, feed, watcher, config.blueHome(), config.environment(), config.clock(),
                    boundPort::get);
            HttpContext ctx = server.createContext("/", api.router());
            ctx.getFilters().add(access);
            ctx.getFilters().add(security);
            streams = new EventStreams(store, feed, streamLimits);
            HttpContext events = server.createContext("/events", streams);
            events.getFilters().add(access);
            events.getFilters().add(security);
            server.start();
            lock.publish(ProcessHandle.current().pid(), boundPort.get(), config.blueHome());
            if (commandHost != null) {
                // after the PID file names this process: a command run here may ask whether the daemon runs
                commands = CommandSocket.open(config.blueHome(), commandHost, token).orElse(null);
            }
            scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("blue-daemon-timer"));
            long clean = config.cleanInterval().toMillis();
            scheduler.scheduleWithFixedDelay(this::cleanSessionsQuietly, clean, clean, TimeUnit.MILLISECONDS);
            if (!config.watchInterval().isZero()) {
                long watch = config.watchInterval().toMillis();
                scheduler.scheduleWithFixedDelay(watcher::scanAll, Math.min(watch, 2000), watch, TimeUnit.MILLISECONDS);
            }
            LOG.info("daemon started: pid " + ProcessHandle.current().pid() + ", port " + boundPort.get()
                    + ", BLUE_HOME " + config.blueHome());
        } catch (IOException | SQLException | RuntimeException e) {
            stop();
            throw e instanceof IOException io ? io : new IOException("cannot start the daemon: " + e.getMessage(), e);
        }
    }

    /** The owner recorded in the PID file; it may be a moment behind the lock, so wait for it briefly. */
    private InstanceLock.Owner waitForOwner() {
        for (int i = 0; i < 100; i++) {
            Optional<InstanceLock.Owner> o = InstanceLock.read(config.runDirectory());
            if (o.isPresent()) {
                return o.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new InstanceLock.Owner(0, 0, "");
    }

    static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Removes the sessions whose client process is gone; returns how many. */
    int cleanSessions() throws SQLException {
        int removed = 0;
        for (DaemonStore.SessionRow s : store.sessions()) {
            boolean alive = ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false);
            if (!alive && store.removeSession(s.id())) {
                removed++;
            }
        }
        if (removed > 0) {
            LOG.info("removed " + removed + " session(s) of exited processes");
        }
        return removed;
    }

    private void cleanSessionsQuietly() {
        try {
            cleanSessions();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "cleaning sessions failed: " + e.getMessage(), e);
        }
    }

    /** The bound port (after {@link #start}). */
    public int port() {
        return boundPort.get();
    }

    public DaemonConfig config() {
        return config;
    }

    /** The command socket's path, while the daemon runs commands ({@link CommandRelay}). */
    public Optional<Path> commandSocket() {
        return Optional.ofNullable(commands).map(CommandSocket::path);
    }

    /** Runs one fetch of every known realm now (tests; the timer does it otherwise). */
    void scanRealms() {
        watcher.scanAll();
    }

    /**
     * Stops: refuses new requests, waits for those in flight (at most 5 s), ends the event streams (at
     * most 2 s), stops the server, closes daemon.db and removes the PID file. Safe to call more than once.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (commands != null) {
            commands.close(); // clients of a command cut off now run it themselves, or are told it broke off
        }
        if (access != null) {
            access.drain(5000);
        }
        if (feed != null) {
            feed.close(); // each stream ends its response, so clients see a clean end
        }
        if (streams != null) {
            streams.awaitEnd(Duration.ofSeconds(2));
        }
        if (server != null) {
            server.stop(0); // closes every connection, also that of a stream blocked on a client not reading
        }
        if (streams != null) {
            streams.close();
        }
        if (workers != null) {
            workers.shutdown();
            try {
                workers.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (store != null) {
            store.close();
        }
        if (lock != null) {
            lock.close();
            LOG.info("daemon stopped");
        }
    }

    @Override
    public void close() {
        stop();
    }
}
