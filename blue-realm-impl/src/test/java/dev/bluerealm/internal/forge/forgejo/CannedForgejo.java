package dev.bluerealm.internal.forge.forgejo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that answers like Forgejo with canned replies, and records what it was sent.
 * Replies are registered per {@code METHOD /raw/path} (optionally with {@code ?query}, which wins); a
 * sequence is played in order and its last reply repeats. Anything else gets Forgejo's 404.
 */
final class CannedForgejo implements AutoCloseable {
    record Request(String method, String rawPath, String query, String authorization, String body) {}

    record Reply(int status, String body, Map<String, String> headers) {
        static Reply json(int status, String body) {
            return new Reply(status, body, Map.of());
        }

        static Reply empty(int status) {
            return new Reply(status, "", Map.of());
        }

        Reply with(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Reply(status, body, more);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private CannedForgejo() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    static CannedForgejo start() throws IOException {
        CannedForgejo f = new CannedForgejo();
        f.server.start();
        return f;
    }

    /** Plays {@code sequence} to requests for {@code methodAndPath} ({@code GET /api/v1/user}). */
    CannedForgejo on(String methodAndPath, Reply... sequence) {
        replies.put(methodAndPath, new ArrayDeque<>(List.of(sequence)));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(new Request(method, path, query == null ? "" : query,
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            Reply reply = next(method + " " + path + (query == null ? "" : "?" + query));
            if (reply == null) {
                reply = next(method + " " + path);
            }
            if (reply == null) {
                reply = Reply.json(404, "{\"message\":\"The target couldn't be found.\",\"url\":\"\",\"errors\":[]}");
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            if (!reply.body().isEmpty()) {
                exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
            }
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private Reply next(String key) {
        Deque<Reply> sequence = replies.get(key);
        if (sequence == null) {
            return null;
        }
        synchronized (sequence) {
            return sequence.size() > 1 ? sequence.poll() : sequence.peek();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
