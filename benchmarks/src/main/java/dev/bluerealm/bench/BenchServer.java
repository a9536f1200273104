package dev.bluerealm.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bluerealm.daemon.DaemonConfig;
import dev.bluerealm.daemon.DaemonServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server side of {@link DaemonLoadBenchmark}, one per JVM, started by it as a child process:
 * <ul>
 *   <li>{@code bare BODY_FILE}: a bare JDK {@code HttpServer} on 127.0.0.1 answering {@code GET /health}
 *       with the bytes of BODY_FILE and the daemon's three response headers, with the daemon's
 *       executor (8 threads, a queue of 512, caller-runs) and backlog (128);</li>
 *   <li>{@code daemon BLUE_HOME RUN_DIR}: the real {@link DaemonServer} on port 0 with the periodic
 *       realm fetch off and the production session-cleaning interval (1 minute).</li>
 * </ul>
 * Both print {@code PORT n} on stdout once serving, then serve until a {@code stop} line or the end
 * of stdin (the parent gone), stop, print {@code STOPPED} and exit. The parent gives both JVMs the
 * same options, including the {@code sun.net.httpserver.*} properties (nodelay on, RECIPES item 7).
 */
public final class BenchServer {
    private BenchServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("bare")) {
            byte[] body = Files.readAllBytes(Path.of(args[1]));
            HttpServer server = bare(body);
            serve(server.getAddress().getPort(), () -> server.stop(0));
        } else if (args.length == 3 && args[0].equals("daemon")) {
            Path home = Path.of(args[1]);
            DaemonConfig config = new DaemonConfig(home, 0, Path.of(args[2]), Clock.systemUTC(), Duration.ZERO,
                    Duration.ofMinutes(1), Map.of("BLUE_HOME", home.toString()));
            DaemonServer daemon = DaemonServer.create(config);
            daemon.start();
            serve(daemon.port(), daemon::stop);
        } else {
            System.err.println("usage: BenchServer bare BODY_FILE | daemon BLUE_HOME RUN_DIR");
            System.exit(2);
        }
    }

    /** The baseline: what the daemon's /health would be with nothing but the JDK in the way. */
    static HttpServer bare(byte[] body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(512),
                r -> {
                    Thread t = new Thread(r, "bare-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(workers);
        server.createContext("/health", ex -> health(ex, body));
        server.start();
        return server;
    }

    private static void health(HttpExchange ex, byte[] body) throws IOException {
        try (ex) {
            try (InputStream in = ex.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void serve(int port, Runnable stop) throws IOException {
        System.out.println("PORT " + port);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.trim().equals("stop"); line = in.readLine()) {
            // wait
        }
        stop.run();
        System.out.println("STOPPED");
        System.out.flush();
        System.exit(0);
    }
}
