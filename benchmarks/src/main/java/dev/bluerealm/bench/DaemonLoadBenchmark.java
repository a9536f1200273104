package dev.bluerealm.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * The daemon's load figures of issue 5, on loopback, with a load generator of our own: N client
 * threads, each with one persistent keep-alive connection ({@link HttpConnection}), for a warm-up and
 * then a measured window, in three scenarios:
 * <ul>
 *   <li>{@code health-bare}: {@code GET /health} against a bare JDK {@code HttpServer} serving the same
 *       body bytes and headers, with the same executor, backlog and {@code sun.net.httpserver.*}
 *       settings (nodelay on) as the daemon: the baseline;</li>
 *   <li>{@code health-daemon}: {@code GET /health} against the real {@code DaemonServer};</li>
 *   <li>{@code sessions}: each client loops {@code POST /sessions} (registering with this process's pid,
 *       so the daemon's cleaner leaves the rows alone) then {@code DELETE /sessions/{id}}.</li>
 * </ul>
 * Every round runs the two health scenarios (their order alternating from round to round) and then
 * the sessions scenario; the report gives each round, the medians, and the per-round daemon ÷ bare
 * ratio, the figure to trust on a shared machine. The servers' CPU time per request comes from
 * their processes' CPU clocks, which other jobs on the machine disturb much less than wall time.
 *
 * <p>The servers run in separate JVMs ({@link BenchServer}), started with the same options: in one JVM
 * the client threads would share the JIT, the heap and the GC with the server they measure, and the
 * baseline and the daemon would shape each other's compiled code. As two processes, each server is
 * warmed and collected on its own, and the bare server and the daemon are set up in exactly the
 * same way. The clients still share the machine's two cores with the server, as any local client
 * does.
 *
 * <p>After the last round the daemon is stopped and {@code daemon.db} is opened with sqlite-jdbc:
 * no row may remain in {@code sessions}, and the number of sessions the database ever created
 * ({@code sqlite_sequence}, the table is {@code AUTOINCREMENT} on a fresh database, and a rolled-back
 * insert does not advance it) must equal the 201s the clients got. Any non-2xx answer, I/O error or
 * mismatch is reported and makes the exit code 1.
 *
 * <p>Usage: {@code DaemonLoadBenchmark [--clients 32] [--warmup 5] [--seconds 30] [--rounds 3]
 * [--scenarios health-bare,health-daemon,sessions] [--server-opts "JVM OPTIONS"] [--keep]}.
 * Markdown report on stdout, progress on stderr.
 */
public final class DaemonLoadBenchmark {
    /** The settings DaemonServer gives the JDK's server, given to both server JVMs explicitly. */
    static final List<String> SERVER_PROPERTIES = List.of(
            "-Dsun.net.httpserver.nodelay=true",
            "-Dsun.net.httpserver.maxReqTime=30",
            "-Dsun.net.httpserver.maxRspTime=30",
            "-Dsun.net.httpserver.maxConnections=256");

    private DaemonLoadBenchmark() {}

    /** The outcome of one scenario run. */
    record Result(String scenario, int round, double seconds, long requests, long registrations, long errors,
                  long[] latencies, long[] registerLatencies, long responseBytes, double serverCpuMicros,
                  double clientCpuMicros, double otherCores) {
        double requestsPerSecond() {
            return requests / seconds;
        }

        double registrationsPerSecond() {
            return registrations / seconds;
        }

        double p(long[] sorted, double q) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }

        double p50() {
            return p(latencies, 0.50);
        }

        double p99() {
            return p(latencies, 0.99);
        }

        double max() {
            return p(latencies, 1.0);
        }

        /** Server CPU per request, in microseconds. */
        double serverCpuPerRequest() {
            return requests == 0 ? Double.NaN : serverCpuMicros / requests;
        }
    }

    /** A server JVM: its process, its port, and a way to stop it. */
    record Child(String name, Process process, int port) {
        long cpuNanos() {
            return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }

        void stop() throws IOException, InterruptedException {
            OutputStream in = process.getOutputStream();
            in.write("stop\n".getBytes(StandardCharsets.UTF_8));
            in.close();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(name + " did not stop within 30 s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(name + " exited with " + process.exitValue());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int clients = 32;
        int warmup = 5;
        int seconds = 30;
        int rounds = 3;
        boolean keep = false;
        List<String> scenarios = List.of("health-bare", "health-daemon", "sessions");
        List<String> serverOpts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--scenarios" -> scenarios = List.of(args[++i].split(","));
                case "--server-opts" -> serverOpts.addAll(List.of(args[++i].trim().split("\\s+")));
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (--clients N --warmup S --seconds S --rounds N --scenarios a,b,c --server-opts '...' --keep)");
            }
        }
        for (String s : scenarios) {
            if (!List.of("health-bare", "health-daemon", "sessions").contains(s)) {
                throw new IllegalArgumentException("unknown scenario " + s);
            }
        }
        serverOpts.removeIf(String::isEmpty);
        Path tmp = Files.createTempDirectory("daemon-bench");
        Path home = tmp.resolve("blue-home");
        List<Child> children = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> children.forEach(c -> c.process().destroy())));
        int failures = 0;
        try {
            Child daemon = start("daemon", serverOpts, "daemon", home.toString(), tmp.resolve("run").toString());
            children.add(daemon);
            String token = Files.readString(home.resolve("daemon.token")).trim();
            HttpConnection probe = new HttpConnection(daemon.port());
            byte[] body = probe(probe, "daemon");
            int responseBytes = probe.responseBytes();
            probe.close();
            Path bodyFile = tmp.resolve("health.json");
            Files.write(bodyFile, body);
            Child bare = null;
            if (scenarios.contains("health-bare")) {
                bare = start("bare", serverOpts, "bare", bodyFile.toString());
                children.add(bare);
                probe = new HttpConnection(bare.port());
                byte[] bareBody = probe(probe, "bare server");
                if (!Arrays.equals(body, bareBody) || probe.responseBytes() != responseBytes) {
                    throw new IllegalStateException("the bare server's /health response differs from the daemon's");
                }
                probe.close();
            }

            System.out.println("## Daemon load (issue 5)\n");
            System.out.println("- Run: " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                    + " CPUs, " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                    + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
            System.out.println("- Load generator: " + clients + " client threads, one keep-alive connection each"
                    + " (raw HTTP/1.1 over a socket, TCP_NODELAY), " + warmup + " s warm-up + " + seconds
                    + " s measured per scenario, " + rounds + " round(s); the servers in their own JVMs with "
                    + String.join(" ", SERVER_PROPERTIES) + (serverOpts.isEmpty() ? "" : " " + String.join(" ",
                    serverOpts)));
            System.out.println("- `/health` body: " + body.length + " bytes, the same bytes and headers from both"
                    + " servers; load average (1 min) at start: " + loadAverage());
            System.out.flush();

            List<Result> results = new ArrayList<>();
            AtomicLong created = new AtomicLong();
            AtomicLong deleted = new AtomicLong();
            for (int r = 1; r <= rounds; r++) {
                List<String> order = new ArrayList<>(scenarios);
                if (r % 2 == 0 && order.contains("health-bare") && order.contains("health-daemon")) {
                    int b = order.indexOf("health-bare");
                    int d = order.indexOf("health-daemon");
                    order.set(b, "health-daemon");
                    order.set(d, "health-bare");
                }
                for (String s : order) {
                    Child target = s.equals("health-bare") ? bare : daemon;
                    System.err.printf(Locale.ROOT, "round %d/%d: %s ...%n", r, rounds, s);
                    Result res = run(s, r, target, token, clients, warmup, seconds, created, deleted);
                    System.err.printf(Locale.ROOT, "  %.0f req/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms, %d errors%s%n",
                            res.requestsPerSecond(), res.p50(), res.p99(), res.max(), res.errors(),
                            s.equals("sessions") ? String.format(Locale.ROOT, ", %.0f registrations/s",
                                    res.registrationsPerSecond()) : "");
                    results.add(res);
                }
            }
            daemon.stop();
            children.remove(daemon);
            if (bare != null) {
                bare.stop();
                children.remove(bare);
            }
            failures += report(results, scenarios, rounds);
            if (scenarios.contains("sessions")) {
                failures += checkRows(home.resolve("daemon.db"), created.get(), deleted.get());
            }
            long errors = results.stream().mapToLong(Result::errors).sum();
            if (errors > 0) {
                System.out.println("\n**" + errors + " request(s) failed** (non-2xx or I/O error; see stderr).");
                failures++;
            }
            System.out.println("\nLoad average (1 min) at the end: " + loadAverage());
        } finally {
            for (Child c : children) {
                c.process().destroyForcibly();
            }
            if (keep) {
                System.err.println("kept " + tmp);
            } else {
                deleteTree(tmp);
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    // ------------------------------------------------------------------ the servers

    private static Child start(String name, List<String> serverOpts, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(SERVER_PROPERTIES);
        cmd.addAll(serverOpts);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(BenchServer.class.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line != null && !line.startsWith("PORT ")) {
            System.err.println(name + ": " + line); // e.g. -XX:StartFlightRecording's messages
            line = out.readLine();
        }
        if (line == null) {
            p.destroyForcibly();
            throw new IOException(name + " server did not start (see its output on stderr)");
        }
        Thread copy = new Thread(() -> {
            try {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                    System.err.println(name + ": " + l);
                }
            } catch (IOException e) {
                // the child is gone
            }
        }, name + "-stdout");
        copy.setDaemon(true);
        copy.start();
        return new Child(name, p, Integer.parseInt(line.substring(5).trim()));
    }

    /** One GET /health; the body. */
    private static byte[] probe(HttpConnection c, String name) throws IOException {
        int status = c.exchange(healthRequest(c.port()));
        if (status != 200) {
            throw new IllegalStateException(name + " /health answered " + status + ": " + c.bodyText());
        }
        return Arrays.copyOf(c.body(), c.bodyLength());
    }

    // ------------------------------------------------------------------ requests

    private static byte[] healthRequest(int port) {
        return ("GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] registerRequest(int port, String token, int client) {
        String body = "{\"repo\":\"bench-repo-" + client + "\",\"realm\":\"bench\",\"client_id\":\"bench-client-" + client
                + "\",\"pid\":" + ProcessHandle.current().pid() + ",\"active_rfc\":\"rfc-0005\"}";
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return ("POST /sessions HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + b.length + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] deregisterRequest(int port, String token, long id) {
        return ("DELETE /sessions/" + id + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
                + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    // ------------------------------------------------------------------ one scenario

    /** The measured window, shared by the client threads; Long.MAX_VALUE until set. */
    private static final class Window {
        volatile long start = Long.MAX_VALUE;
        volatile long end = Long.MAX_VALUE;
        volatile boolean stop;

        /** Whether a request that started at t0 and ended at t1 lies inside the window. */
        boolean inside(long t0, long t1) {
            return t0 >= start && t1 <= end;
        }
    }

    /** Latencies in nanoseconds, in a growing array (no boxing, no histogram library). */
    private static final class Samples {
        private long[] values = new long[1 << 16];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }

    /** One client thread's loop and counters. */
    private static final class Client implements Runnable {
        private final String scenario;
        private final int index;
        private final int port;
        private final String token;
        private final Window window;
        private final AtomicLong created;
        private final AtomicLong deleted;
        final Samples latencies = new Samples();
        final Samples registerLatencies = new Samples();
        long requests;
        long registrations;
        long errors;
        long responseBytes;
        private int reported;

        Client(String scenario, int index, int port, String token, Window window, AtomicLong created,
               AtomicLong deleted) {
            this.scenario = scenario;
            this.index = index;
            this.port = port;
            this.token = token;
            this.window = window;
            this.created = created;
            this.deleted = deleted;
        }

        @Override
        public void run() {
            HttpConnection c;
            try {
                c = new HttpConnection(port);
            } catch (IOException e) {
                error("connect: " + e);
                return;
            }
            try (c) {
                byte[] health = healthRequest(port);
                byte[] register = registerRequest(port, token, index);
                while (!window.stop) {
                    try {
                        if (scenario.equals("sessions")) {
                            session(c, register);
                        } else {
                            long t0 = System.nanoTime();
                            int status = c.exchange(health);
                            long t1 = System.nanoTime();
                            if (status != 200) {
                                error("GET /health → " + status + ": " + c.bodyText());
                            } else if (window.inside(t0, t1)) {
                                latencies.add(t1 - t0);
                                requests++;
                                responseBytes = c.responseBytes();
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        error(e.toString());
                        try {
                            c.reconnect();
                        } catch (IOException again) {
                            error("reconnect: " + again);
                            return;
                        }
                    }
                }
            }
        }

        /** One register + deregister pair; the pair is always completed, even when the window closes. */
        private void session(HttpConnection c, byte[] register) throws IOException {
            long t0 = System.nanoTime();
            int status = c.exchange(register);
            long t1 = System.nanoTime();
            if (status != 201) {
                error("POST /sessions → " + status + ": " + c.bodyText());
                return;
            }
            created.incrementAndGet();
            long id = c.idField();
            if (id <= 0) {
                error("POST /sessions: no id in " + c.bodyText());
                return;
            }
            boolean in = window.inside(t0, t1);
            if (in) {
                latencies.add(t1 - t0);
                registerLatencies.add(t1 - t0);
                requests++;
                registrations++;
            }
            long t2 = System.nanoTime();
            status = c.exchange(deregisterRequest(port, token, id));
            long t3 = System.nanoTime();
            if (status != 200) {
                error("DELETE /sessions/" + id + " → " + status + ": " + c.bodyText());
                return;
            }
            deleted.incrementAndGet();
            if (window.inside(t2, t3)) {
                latencies.add(t3 - t2);
                requests++;
            }
        }

        private void error(String message) {
            errors++;
            if (reported++ < 3) {
                System.err.println("client " + index + ": " + message);
            }
        }
    }

    private static Result run(String scenario, int round, Child target, String token, int clients, int warmup,
                              int seconds, AtomicLong created, AtomicLong deleted) throws Exception {
        Window window = new Window();
        List<Client> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client c = new Client(scenario, i, target.port(), token, window, created, deleted);
            Thread t = new Thread(c, "client-" + i);
            workers.add(c);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        Thread.sleep(warmup * 1000L);
        long cpu0 = target.cpuNanos();
        long own0 = ownCpuNanos();
        long busy0 = machineBusyNanos();
        long start = System.nanoTime();
        window.start = start;
        Thread.sleep(seconds * 1000L);
        long end = System.nanoTime();
        window.end = end;
        long cpu1 = target.cpuNanos();
        long own1 = ownCpuNanos();
        long busy1 = machineBusyNanos();
        window.stop = true;
        for (Thread t : threads) {
            t.join();
        }
        long requests = 0;
        long registrations = 0;
        long errors = 0;
        long bytes = 0;
        for (Client c : workers) {
            requests += c.requests;
            registrations += c.registrations;
            errors += c.errors;
            bytes = Math.max(bytes, c.responseBytes);
        }
        long[] all = merge(workers.stream().map(c -> c.latencies).toList());
        long[] reg = merge(workers.stream().map(c -> c.registerLatencies).toList());
        double other = busy0 < 0 || busy1 < 0 ? Double.NaN
                : (double) ((busy1 - busy0) - (cpu1 - cpu0) - (own1 - own0)) / (end - start);
        return new Result(scenario, round, (end - start) / 1e9, requests, registrations, errors, all, reg, bytes,
                (cpu1 - cpu0) / 1e3, (own1 - own0) / 1e3, Math.max(0, other));
    }

    /** All the samples, sorted. */
    private static long[] merge(List<Samples> samples) {
        long[] out = new long[samples.stream().mapToInt(s -> s.size).sum()];
        int at = 0;
        for (Samples s : samples) {
            System.arraycopy(s.values, 0, out, at, s.size);
            at += s.size;
        }
        Arrays.sort(out);
        return out;
    }

    /**
     * CPU time all processes of the machine have used since boot ({@code /proc/stat}: everything but
     * idle and iowait), in nanoseconds; -1 where there is no {@code /proc}. Less the two processes of
     * the benchmark, that is the CPU other jobs took during a window: the noise, measured.
     */
    private static long machineBusyNanos() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * (1_000_000_000L / 100); // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    // ------------------------------------------------------------------ the report

    /** Prints the tables; returns 0 (targets missed are reported, not failures of the harness). */
    private static int report(List<Result> results, List<String> scenarios, int rounds) {
        System.out.println("\n### Every round\n");
        System.out.println("| round | scenario | requests/s | registrations/s | p50 (ms) | p99 (ms) | max (ms)"
                + " | errors | server CPU per request (µs) | client CPU per request (µs) | other jobs' CPU (cores) |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %d | %s | %,.0f | %s | %.2f | %.2f | %.1f | %d | %.1f | %.1f | %.2f |%n",
                    r.round(), r.scenario(), r.requestsPerSecond(),
                    r.scenario().equals("sessions") ? String.format(Locale.ROOT, "%,.0f", r.registrationsPerSecond())
                            : "–", r.p50(), r.p99(), r.max(), r.errors(), r.serverCpuPerRequest(),
                    r.requests() == 0 ? Double.NaN : r.clientCpuMicros() / r.requests(), r.otherCores());
        }
        System.out.println("\n### Medians over " + rounds + " round(s)\n");
        System.out.println("| scenario | requests/s | registrations/s | p50 (ms) | p99 (ms) | max (ms) | errors (sum)"
                + " | server CPU per request (µs) | response bytes |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String s : scenarios) {
            List<Result> rs = results.stream().filter(r -> r.scenario().equals(s)).toList();
            System.out.printf(Locale.ROOT, "| %s | %,.0f | %s | %.2f | %.2f | %.1f | %d | %.1f | %s |%n", s,
                    median(rs, Result::requestsPerSecond),
                    s.equals("sessions") ? String.format(Locale.ROOT, "%,.0f",
                            median(rs, Result::registrationsPerSecond)) : "–",
                    median(rs, Result::p50), median(rs, Result::p99), median(rs, Result::max),
                    rs.stream().mapToLong(Result::errors).sum(), median(rs, Result::serverCpuPerRequest),
                    s.equals("sessions") ? "–" : String.valueOf(rs.stream().mapToLong(Result::responseBytes).max()
                            .orElse(0)));
        }
        System.out.println("\n### Targets\n");
        if (scenarios.contains("health-bare") && scenarios.contains("health-daemon")) {
            List<Double> ratios = new ArrayList<>();
            List<Double> cpuRatios = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                Result b = find(results, "health-bare", r);
                Result d = find(results, "health-daemon", r);
                ratios.add(d.requestsPerSecond() / b.requestsPerSecond());
                cpuRatios.add(d.serverCpuPerRequest() / b.serverCpuPerRequest());
            }
            double ratio = median(ratios);
            double p99 = median(results.stream().filter(r -> r.scenario().equals("health-daemon")).toList(),
                    Result::p99);
            System.out.printf(Locale.ROOT, "- `/health` throughput, daemon ÷ bare JDK server (median of per-round"
                    + " ratios %s): **%.2f** (≥ 0.50: %s)%n", format(ratios), ratio, ratio >= 0.5 ? "met" : "NOT met");
            System.out.printf(Locale.ROOT, "- server CPU per `/health` request, daemon ÷ bare (median of per-round"
                    + " ratios %s): %.2f%n", format(cpuRatios), median(cpuRatios));
            System.out.printf(Locale.ROOT, "- `/health` p99 on the daemon (median of rounds): **%.2f ms** (≤ 25 ms: %s)%n",
                    p99, p99 <= 25 ? "met" : "NOT met");
        }
        if (scenarios.contains("sessions")) {
            List<Result> rs = results.stream().filter(r -> r.scenario().equals("sessions")).toList();
            double regs = median(rs, Result::registrationsPerSecond);
            double regP99 = median(rs, r -> r.p(r.registerLatencies(), 0.99));
            System.out.printf(Locale.ROOT, "- session registrations (each followed by its deregistration) per second"
                    + " (median of rounds): **%,.0f** (≥ 1,000: %s); register p99 %.2f ms%n", regs,
                    regs >= 1000 ? "met" : "NOT met", regP99);
        }
        return 0;
    }

    private static Result find(List<Result> results, String scenario, int round) {
        return results.stream().filter(r -> r.scenario().equals(scenario) && r.round() == round).findFirst()
                .orElseThrow();
    }

    private static double median(List<Result> rs, ToDoubleFunction<Result> f) {
        return median(rs.stream().map(r -> f.applyAsDouble(r)).toList());
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> v = values.stream().sorted(Comparator.naturalOrder()).toList();
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private static String format(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 ? "?" : String.format(Locale.ROOT, "%.2f", l);
        }
    }

    // ------------------------------------------------------------------ the rows check

    /**
     * Opens the stopped daemon's database: no session may remain, and the sessions ever created must
     * be exactly the 201s (and the 200s of the deletes). Returns the number of failed checks.
     */
    private static int checkRows(Path db, long created, long deleted) throws SQLException {
        long remaining;
        long sequence;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sessions")) {
                rs.next();
                remaining = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'sessions'")) {
                sequence = rs.next() ? rs.getLong(1) : 0;
            }
        }
        boolean ok = remaining == 0 && sequence == created && deleted == created;
        System.out.printf(Locale.ROOT, "- rows check in daemon.db after stopping the daemon: %,d session(s)"
                + " registered (201) and %,d deregistered (200) by the clients, warm-ups included; the database"
                + " created %,d (sqlite_sequence) and %,d remain in `sessions`: %s%n", created, deleted, sequence,
                remaining, ok ? "**no lost or left-over rows**" : "**MISMATCH**");
        return ok ? 0 : 1;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
