package dev.bluerealm.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command socket end to end: a real daemon on a real Unix-domain socket, {@link CommandRelay} as the
 * client, and a {@link CommandHost} of the test's own (the command line's host has its tests in the CLI).
 */
@DisabledOnOs(OS.WINDOWS) // the run directories of these tests are POSIX paths; the socket itself is portable
class CommandSocketTest {
    @TempDir Path tmp;
    private DaemonServer daemon;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    /** A host that runs "commands" of the test: print ARG..., err TEXT, exit N, block, refuse WHY. */
    private final class TestHost implements CommandHost {
        final CountDownLatch blocked = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<CommandCall> calls = new ArrayList<>();

        @Override
        public Optional<String> refusal(CommandCall call) {
            return call.args().get(0).equals("refuse") ? Optional.of("not " + call.args().get(1)) : Optional.empty();
        }

        @Override
        public int run(CommandCall call, OutputStream out, OutputStream err) {
            synchronized (calls) {
                calls.add(call);
            }
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            List<String> a = call.args();
            switch (a.get(0)) {
                case "print" -> a.subList(1, a.size()).forEach(o::println);
                case "mixed" -> {
                    o.println("one");
                    e.println("two ✓");
                    o.println("three");
                }
                case "big" -> {
                    byte[] chunk = new byte[3 << 20];
                    java.util.Arrays.fill(chunk, (byte) 'x');
                    o.write(chunk, 0, chunk.length);
                    o.flush();
                }
                case "block" -> {
                    o.println("began");
                    blocked.countDown();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                }
                case "sleep" -> {
                    o.println("began");
                    blocked.countDown();
                    try {
                        Thread.sleep(20_000);
                    } catch (InterruptedException ex) {
                        interrupted.countDown(); // a hook's processes would be killed here
                        return 130;
                    }
                }
                default -> {
                    return Integer.parseInt(a.get(1));
                }
            }
            return 0;
        }
    }

    private final TestHost host = new TestHost();

    private Path blueHome() {
        return tmp.resolve("blue-home");
    }

    private void start() throws Exception {
        daemon = DaemonServer.create(new DaemonConfig(blueHome(), 0, tmp.resolve("run"), Clock.systemUTC(), Duration.ZERO,
                Duration.ofMinutes(1), Map.of()), host);
        daemon.start();
    }

    @AfterEach
    void stop() {
        host.release.countDown();
        if (daemon != null) {
            daemon.stop();
        }
        pool.shutdownNow();
    }

    private static CommandCall call(String... args) {
        return new CommandCall(List.of(args), Path.of("/"), Map.of("TERM", "xterm"), 4242, true, false, "build-1");
    }

    private record Relayed(CommandRelay.Outcome outcome, String out, String err) {}

    private Relayed relay(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandRelay.Outcome o = CommandRelay.run(blueHome(), call(args), out, err);
        return new Relayed(o, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void relay_runsTheCommandInTheDaemon_copiesBothStreams_andReturnsItsExitCode() throws Exception {
        start();
        Relayed r = relay("mixed");
        assertEquals(new CommandRelay.Ran(0), r.outcome());
        assertEquals("one\nthree\n", r.out());
        assertEquals("two ✓\n", r.err());
        assertEquals(new CommandRelay.Ran(2), relay("exit", "2").outcome());
        assertEquals(new CommandRelay.Ran(64), relay("exit", "64").outcome());
        // the call arrives whole: arguments with spaces and non-ASCII text, folder, environment, pid, terminal, build
        assertEquals(new CommandRelay.Ran(0), relay("print", "a b", "", "ünï").outcome());
        CommandCall seen = host.calls.get(host.calls.size() - 1);
        assertEquals(call("print", "a b", "", "ünï"), seen);
    }

    @Test
    void relay_largeOutput_arrivesWhole() throws Exception {
        start();
        Relayed r = relay("big");
        assertEquals(new CommandRelay.Ran(0), r.outcome());
        assertEquals(3 << 20, r.out().length());
        assertTrue(r.out().chars().allMatch(c -> c == 'x'));
    }

    @Test
    void relay_refusedByTheHost_isNotRun_andPrintsNothing() throws Exception {
        start();
        Relayed r = relay("refuse", "this one");
        assertEquals(new CommandRelay.NotRun("not this one"), r.outcome());
        assertEquals("", r.out() + r.err());
    }

    @Test
    void relay_noDaemon_orAStaleSocketFile_isNotRun() throws Exception {
        assertInstanceOf(CommandRelay.NotRun.class, relay("print", "x").outcome());
        start();
        daemon.stop();
        assertFalse(Files.exists(CommandRelay.socket(blueHome())), "the socket file outlived the daemon");
        // a daemon killed with SIGKILL leaves its socket file: nobody listens on it
        Files.createDirectories(blueHome());
        try (var ch = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(CommandRelay.socket(blueHome())));
        }
        assertTrue(Files.exists(CommandRelay.socket(blueHome())));
        Relayed r = relay("print", "x");
        assertInstanceOf(CommandRelay.NotRun.class, r.outcome());
        assertEquals("", r.out() + r.err());
    }

    @Test
    void start_replacesAStaleSocketFile_andMakesItOwnerOnly() throws Exception {
        Files.createDirectories(blueHome());
        Files.writeString(blueHome().resolve("daemon.sock"), "left by a dead daemon");
        start();
        assertEquals(Optional.of(CommandRelay.socket(blueHome())), daemon.commandSocket());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(CommandRelay.socket(blueHome()))));
        assertEquals(new CommandRelay.Ran(0), relay("print", "x").outcome());
    }

    @Test
    void relay_wrongToken_isRefused() throws Exception {
        start();
        Files.writeString(blueHome().resolve("daemon.token"), "0".repeat(64) + "\n");
        Relayed r = relay("print", "x");
        assertEquals(new CommandRelay.NotRun("wrong daemon token"), r.outcome());
        assertTrue(host.calls.isEmpty());
    }

    @Test
    void daemonStops_whileACommandRuns_theClientIsToldItBrokeOff() throws Exception {
        start();
        Future<Relayed> running = pool.submit(() -> relay("block"));
        assertTrue(host.blocked.await(10, TimeUnit.SECONDS));
        pool.submit(daemon::stop);
        Relayed r = running.get(20, TimeUnit.SECONDS);
        assertInstanceOf(CommandRelay.Broken.class, r.outcome(), r.toString());
        assertEquals("began\n", r.out());
    }

    @Test
    void clientGoesAway_whileItsCommandRuns_theCommandIsInterrupted_andTheNextRunsNormally() throws Exception {
        start();
        String token = Files.readString(blueHome().resolve("daemon.token")).trim();
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(CommandRelay.socket(blueHome())))) {
            CommandFrames.writeRequest(new DataOutputStream(new java.io.BufferedOutputStream(Channels.newOutputStream(ch))),
                    token, call("sleep"));
            assertTrue(host.blocked.await(10, TimeUnit.SECONDS));
        } // Ctrl-C: the client's end closes
        assertTrue(host.interrupted.await(10, TimeUnit.SECONDS), "the command ran on after its client had gone");
        Relayed next = relay("print", "x");
        assertEquals(new Relayed(new CommandRelay.Ran(0), "x\n", ""), next);
    }

    @Test
    void moreCommandsThanRunners_theRestAreNotRun() throws Exception {
        start();
        List<Future<Relayed>> blocked = new ArrayList<>();
        for (int i = 0; i < CommandSocket.RUNNERS; i++) {
            blocked.add(pool.submit(() -> relay("block")));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (host.calls.size() < CommandSocket.RUNNERS) {
            assertTrue(System.nanoTime() < deadline, "the runners did not all start");
            Thread.sleep(10);
        }
        Relayed extra = relay("print", "x");
        assertEquals(new CommandRelay.NotRun("the daemon runs " + CommandSocket.RUNNERS + " commands already"), extra.outcome());
        host.release.countDown();
        for (Future<Relayed> f : blocked) {
            assertEquals(new CommandRelay.Ran(0), f.get(20, TimeUnit.SECONDS).outcome());
        }
        assertEquals(new CommandRelay.Ran(0), relay("print", "x").outcome());
    }

    @Test
    void requestsThatAreNotCommands_areCutOff_andTheDaemonServesTheNext() throws Exception {
        start();
        String token = Files.readString(blueHome().resolve("daemon.token")).trim();
        // another protocol
        assertTrue(sendRaw(out -> out.writeBytes("GET / HTTP/1.1\r\n\r\n")).length == 0);
        // a claimed argument count far beyond any command line
        assertTrue(sendRaw(out -> {
            writeHead(out, token, "/");
            out.writeInt(Integer.MAX_VALUE);
        }).length == 0);
        // a string larger than allowed
        assertTrue(sendRaw(out -> {
            out.writeInt(CommandFrames.MAGIC);
            out.writeInt(CommandFrames.MAX_STRING + 1);
        }).length == 0);
        // a relative working folder
        assertTrue(sendRaw(out -> {
            writeHead(out, token, "relative/dir");
            out.writeInt(1);
            writeString(out, "print");
            out.writeInt(0);
        }).length == 0);
        assertTrue(host.calls.isEmpty());
        assertEquals(new CommandRelay.Ran(0), relay("print", "x").outcome());
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /** What the daemon answers to raw bytes (read until it closes; it may close before it has read them all). */
    private byte[] sendRaw(Writer w) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(CommandRelay.socket(blueHome())))) {
            try {
                DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Channels.newOutputStream(ch)));
                w.write(out);
                out.flush();
                ch.shutdownOutput();
            } catch (IOException e) {
                // cut off already (broken pipe): what it answered before is still to be read
            }
            return Channels.newInputStream(ch).readAllBytes();
        }
    }

    /** A request up to its arguments: magic, token, build, folder, pid, flags. */
    private static void writeHead(DataOutputStream out, String token, String cwd) throws IOException {
        out.writeInt(CommandFrames.MAGIC);
        writeString(out, token);
        writeString(out, "build-1");
        writeString(out, cwd);
        out.writeLong(1);
        out.writeByte(0);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }
}
