package dev.bluerealm.daemon.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI's socket-level HTTP: against a real JDK HttpServer, and against broken answers. */
class LoopbackHttpTest {
    private static LoopbackHttp.Response read(String raw) throws IOException {
        return LoopbackHttp.read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void exchange_fixedLengthAndChunkedBodies_fromARealServer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String big = "x".repeat(100_000);
        server.createContext("/fixed", ex -> {
            byte[] b = ("{\"method\":\"" + ex.getRequestMethod() + "\",\"len\":" + ex.getRequestBody().readAllBytes().length
                    + ",\"auth\":\"" + ex.getRequestHeaders().getFirst("Authorization") + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(201, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        server.createContext("/chunked", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(big.getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            LoopbackHttp.Response r = LoopbackHttp.exchange(port, "POST", "/fixed", Map.of("Authorization", "Bearer t"),
                    "{\"a\":1}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(1), Duration.ofSeconds(5));
            assertEquals(201, r.status());
            assertEquals("{\"method\":\"POST\",\"len\":7,\"auth\":\"Bearer t\"}", r.body());
            LoopbackHttp.Response c = LoopbackHttp.exchange(port, "GET", "/chunked", Map.of(), null,
                    Duration.ofSeconds(1), Duration.ofSeconds(5));
            assertEquals(200, c.status());
            assertEquals(big, c.body());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void read_brokenAnswers_areIOExceptionsNamingWhat() {
        assertTrue(assertThrows(IOException.class, () -> read("")).getMessage().contains("without an answer"));
        assertTrue(assertThrows(IOException.class, () -> read("SSH-2.0-OpenSSH\r\n\r\n")).getMessage()
                .contains("not an HTTP response"));
        assertTrue(assertThrows(IOException.class, () -> read("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"))
                .getMessage().contains("after 3 of 10 bytes"));
        assertTrue(assertThrows(IOException.class, () -> read("HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n"))
                .getMessage().contains("too large"));
        assertTrue(assertThrows(IOException.class, () -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))
                .getMessage().contains("bad chunk size"));
    }

    @Test
    void read_noLengthNoChunks_readsToTheEnd() throws Exception {
        assertEquals("{}", read("HTTP/1.0 200 OK\r\n\r\n{}").body());
        assertEquals("ab", read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n1;x=y\r\nb\r\n0\r\n\r\n").body());
    }

    @Test
    void exchange_aServerThatNeverAnswers_timesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            IOException e = assertThrows(IOException.class, () -> LoopbackHttp.exchange(silent.getLocalPort(), "GET",
                    "/health", Map.of(), null, Duration.ofSeconds(1), Duration.ofMillis(300)));
            assertTrue(e instanceof java.net.SocketTimeoutException, e.toString());
        }
    }
}
