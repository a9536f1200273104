package dev.bluerealm.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real {@code git daemon} serving every repository under a root folder over {@code git://},
 * pushes enabled, as a child process on 127.0.0.1. Tests that use it call
 * {@code assumeTrue(GitDaemon.available(), ...)} first, since it needs git installed.
 */
public final class GitDaemon implements AutoCloseable {
    private static final long START_TIMEOUT_MS = 10_000;
    private static Boolean available;

    private final Process process;
    private final int port;
    private final Path work;

    private GitDaemon(Process process, int port, Path work) {
        this.process = process;
        this.port = port;
        this.work = work;
    }

    /** True when {@code git} is on the PATH and ships its {@code git-daemon} program. */
    public static synchronized boolean available() {
        if (available == null) {
            available = probe();
        }
        return available;
    }

    private static boolean probe() {
        try {
            Process p = new ProcessBuilder("git", "--exec-path").redirectErrorStream(true).start();
            String execPath = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0
                    && Files.isExecutable(Path.of(execPath, "git-daemon"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts a daemon on a free port for the repositories under {@code root}. */
    public static GitDaemon start(Path root) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("git-daemon");
        IOException last = null;
        // the port is free when probed but could be taken before git binds it: try a few
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Path log = work.resolve("daemon-" + attempt + ".log");
            Process process = new ProcessBuilder(List.of("git", "daemon",
                    "--base-path=" + root.toAbsolutePath(), "--export-all", "--enable=receive-pack",
                    "--informative-errors", "--listen=127.0.0.1", "--port=" + port, "--reuseaddr",
                    "--pid-file=" + work.resolve("daemon.pid")))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile()) // a file, not a pipe: an unread pipe would block the daemon
                    .start();
            GitDaemon daemon = new GitDaemon(process, port, work);
            if (daemon.awaitListening()) {
                return daemon;
            }
            daemon.stopProcess();
            last = new IOException("git daemon did not listen on port " + port + ": " + Files.readString(log).strip());
        }
        deleteTree(work);
        throw last;
    }

    /** The clone URL of {@code ROOT/NAME.git}. */
    public String url(String name) {
        return "git://127.0.0.1:" + port + "/" + name + ".git";
    }

    public int port() {
        return port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private boolean awaitListening() throws InterruptedException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    private void stopProcess() throws InterruptedException {
        // git daemon forks one child per connection; take those down with it
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stopProcess();
        deleteTree(work);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
