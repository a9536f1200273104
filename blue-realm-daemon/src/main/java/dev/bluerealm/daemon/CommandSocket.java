package dev.bluerealm.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daemon's command socket: {@code $BLUE_HOME/daemon.sock}, a Unix-domain socket (mode 0600) on which
 * {@link CommandRelay} asks the {@link CommandHost} to run a command line. In {@code BLUE_HOME} beside
 * the token, so that a launcher finds it from {@code BLUE_HOME} alone, without starting Java. Not HTTP: a
 * command's output streams for as long as it runs (the HTTP server closes responses after 30 s), and a
 * Unix socket is reachable only through the file system. Each request must also carry the daemon's
 * token ({@code daemon.token}, mode 0600), and, where the OS tells, come from a process of the daemon's
 * own user. At most {@link #RUNNERS} commands
 * run at once; a request beyond them is refused, and its client runs the command itself.
 */
final class CommandSocket implements AutoCloseable {
    static final String FILE = "daemon.sock";
    static final int RUNNERS = 4;
    /** A client that has not sent its whole request within this is cut off. */
    static final long REQUEST_SECONDS = 10;
    private static final long STACK_BYTES = 4L << 20;
    private static final Logger LOG = Logger.getLogger(CommandSocket.class.getName());

    private final Path path;
    private final ServerSocketChannel server;
    private final CommandHost host;
    private final byte[] token;
    private final ThreadPoolExecutor runners;
    private final ScheduledExecutorService deadlines;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private CommandSocket(Path path, ServerSocketChannel server, CommandHost host, String token) {
        this.path = path;
        this.server = server;
        this.host = host;
        this.token = token.getBytes(StandardCharsets.US_ASCII);
        AtomicInteger n = new AtomicInteger();
        this.runners = new ThreadPoolExecutor(0, RUNNERS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    // commands parse YAML and JSON recursively: a command thread's stack, not the daemon's small one
                    Thread t = new Thread(null, r, "blue-daemon-command-" + n.incrementAndGet(), STACK_BYTES);
                    t.setDaemon(true);
                    return t;
                });
        this.deadlines = Executors.newSingleThreadScheduledExecutor(DaemonServer.daemonThreads("blue-daemon-command-deadline"));
        this.acceptor = new Thread(this::acceptLoop, "blue-daemon-command-accept");
        this.acceptor.setDaemon(true);
    }

    /**
     * Binds {@code blueHome/daemon.sock} (mode 0600) and starts accepting; empty, logged, when this
     * system has no Unix-domain sockets or the path cannot be bound (too long, a file system without
     * sockets): the daemon then runs no commands. The caller holds the instance lock, so a socket file
     * already there is a dead daemon's.
     */
    static Optional<CommandSocket> open(Path blueHome, CommandHost host, String token) {
        Path path = blueHome.resolve(FILE);
        ServerSocketChannel server = null;
        try {
            Files.deleteIfExists(path);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            if (Files.getFileStore(blueHome).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            }
            CommandSocket socket = new CommandSocket(path, server, host, token);
            socket.acceptor.start();
            return Optional.of(socket);
        } catch (IOException | RuntimeException e) {
            LOG.info("commands are not run in the daemon: cannot bind " + path + ": " + e);
            if (server != null) {
                try {
                    server.close();
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // nothing more to undo
                }
            }
            return Optional.empty();
        }
    }

    Path path() {
        return path;
    }

    private void acceptLoop() {
        while (true) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (ClosedChannelException e) {
                return; // closed: the daemon stops
            } catch (IOException e) {
                LOG.log(Level.WARNING, "command socket: accept failed", e);
                return;
            }
            open.add(ch);
            try {
                runners.execute(() -> serve(ch));
            } catch (RejectedExecutionException e) {
                refuseQuietly(ch, "the daemon runs " + RUNNERS + " commands already");
            }
        }
    }

    private void serve(SocketChannel ch) {
        try (ch) {
            if (!samePeerUser(ch, path)) {
                LOG.warning("command socket: a process of another user connected; refused");
                return;
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch)));
            CommandFrames.Request request;
            ScheduledFuture<?> deadline = deadlines.schedule(() -> closeQuietly(ch), REQUEST_SECONDS, TimeUnit.SECONDS);
            try {
                request = CommandFrames.readRequest(in);
            } finally {
                deadline.cancel(false);
            }
            if (!MessageDigest.isEqual(token, request.token().getBytes(StandardCharsets.US_ASCII))) {
                LOG.warning("command socket: a request with a wrong token; refused");
                refuse(out, "wrong daemon token");
                return;
            }
            Optional<String> refusal = host.refusal(request.call());
            if (refusal.isPresent()) {
                refuse(out, refusal.get());
                return;
            }
            FrameStream stdout = new FrameStream(out, CommandFrames.OUT);
            FrameStream stderr = new FrameStream(out, CommandFrames.ERR);
            ClientWatch watch = ClientWatch.start(ch, Thread.currentThread());
            int code;
            try {
                code = host.run(request.call(), stdout, stderr);
            } finally {
                watch.commandEnded();
            }
            synchronized (out) {
                CommandFrames.writeExit(out, code);
            }
        } catch (IOException e) {
            LOG.fine("command socket: " + e); // a client gone, or not speaking the protocol
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "command socket: the command failed", e);
        } finally {
            open.remove(ch);
        }
    }

    /**
     * Whether the peer runs as the user who owns the socket (this daemon's); true where the OS does not tell
     * (the token still guards). Compared as principals (by uid), not by name: a uid without a passwd entry
     * (containers) has no name.
     */
    private static boolean samePeerUser(SocketChannel ch, Path socket) {
        try {
            jdk.net.UnixDomainPrincipal peer = ch.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED);
            return peer.user().equals(Files.getOwner(socket));
        } catch (UnsupportedOperationException | IOException e) {
            return true;
        }
    }

    private static void refuse(DataOutputStream out, String why) throws IOException {
        byte[] b = why.getBytes(StandardCharsets.UTF_8);
        CommandFrames.writeFrame(out, CommandFrames.REFUSED, b, 0, b.length);
    }

    private void refuseQuietly(SocketChannel ch, String why) {
        try (ch) {
            refuse(new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch))), why);
        } catch (IOException e) {
            // the client gone already
        } finally {
            open.remove(ch);
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // closed already
        }
    }

    /** Stops accepting, ends the commands' connections, removes the socket file. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(CommandSocket::closeQuietly);
        runners.shutdownNow();
        deadlines.shutdownNow();
        try {
            acceptor.join(2000);
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.fine("cannot remove " + path + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Notices a client that goes away while its command runs (Ctrl-C, a closed terminal) and interrupts the
     * command, which then stops as it would on Ctrl-C in its own JVM (a hook's processes are killed). The
     * client sends nothing after its request, so a read returns only at its end. Reads on the channel itself
     * take no lock that the command's writes take.
     */
    private static final class ClientWatch {
        private final Thread command;
        private boolean ended;

        private ClientWatch(Thread command) {
            this.command = command;
        }

        static ClientWatch start(SocketChannel ch, Thread command) {
            ClientWatch w = new ClientWatch(command);
            Thread t = new Thread(() -> {
                try {
                    ch.read(java.nio.ByteBuffer.allocate(1));
                } catch (IOException e) {
                    // closed: the command ended and its connection closed, or the client is gone
                }
                w.clientGone();
            }, "blue-daemon-command-watch");
            t.setDaemon(true);
            t.start();
            return w;
        }

        synchronized void clientGone() {
            if (!ended) {
                LOG.fine("command socket: the client went away; its command is interrupted");
                command.interrupt();
            }
        }

        synchronized void commandEnded() {
            ended = true;
            Thread.interrupted(); // an interrupt that came as the command ended is not the next command's
        }
    }

    /** A command's stdout or stderr: every write a frame of its kind. */
    private static final class FrameStream extends OutputStream {
        private final DataOutputStream out;
        private final byte kind;

        FrameStream(DataOutputStream out, byte kind) {
            this.out = out;
            this.kind = kind;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int at = off, end = off + len; at < end; ) {
                int n = Math.min(end - at, CommandFrames.MAX_FRAME);
                synchronized (out) {
                    CommandFrames.writeFrame(out, kind, b, at, n);
                }
                at += n;
            }
        }
    }
}
