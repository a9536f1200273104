package dev.bluerealm.daemon.client;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange with the daemon on 127.0.0.1, over a plain socket: a CLI command makes two
 * or three requests, and {@code java.net.http.HttpClient} costs more to start (its selector thread,
 * its classes) than the whole exchange. {@code Connection: close}, a bounded response, fixed-length
 * or chunked bodies.
 */
final class LoopbackHttp {
    /** The largest response body read; the daemon's answers are far smaller. */
    static final int MAX_BODY = 8 * 1024 * 1024;
    private static final int MAX_HEAD = 64 * 1024;

    record Response(int status, String body) {}

    private LoopbackHttp() {}

    /**
     * Sends one request and reads the answer.
     *
     * @param timeout bounds the connect and every read (so a stalled daemon fails the call, never hangs it)
     */
    static Response exchange(int port, String method, String path, Map<String, String> headers, byte[] body,
                             Duration connectTimeout, Duration timeout) throws IOException {
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) connectTimeout.toMillis());
            s.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            StringBuilder head = new StringBuilder(256);
            head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
            head.append("Host: 127.0.0.1:").append(port).append("\r\n");
            head.append("Connection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = s.getOutputStream();
            byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
            if (body == null) {
                out.write(h);
            } else {
                byte[] all = new byte[h.length + body.length];
                System.arraycopy(h, 0, all, 0, h.length);
                System.arraycopy(body, 0, all, h.length, body.length);
                out.write(all);
            }
            out.flush();
            return read(s.getInputStream());
        }
    }

    static Response read(InputStream raw) throws IOException {
        InputStream in = new java.io.BufferedInputStream(raw, 8192);
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + clip(statusLine));
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("bad status line: " + clip(statusLine));
        }
        long length = -1;
        boolean chunked = false;
        int headBytes = statusLine.length();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            headBytes += l.length();
            if (headBytes > MAX_HEAD) {
                throw new IOException("response headers larger than " + MAX_HEAD + " bytes");
            }
            int colon = l.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = l.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = l.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                try {
                    length = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IOException("bad Content-Length: " + clip(value));
                }
            } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body;
        if (chunked) {
            body = chunked(in);
        } else if (length >= 0) {
            if (length > MAX_BODY) {
                throw new IOException("response body of " + length + " bytes is too large");
            }
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new EOFException("response ended after " + body.length + " of " + length + " bytes");
            }
        } else {
            body = bounded(in, MAX_BODY);
        }
        return new Response(status, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int semi = size.indexOf(';');
            int n;
            try {
                n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size: " + clip(size));
            }
            if (n < 0 || out.size() + (long) n > MAX_BODY) {
                throw new IOException("chunked response body too large");
            }
            if (n == 0) {
                while (!line(in).isEmpty()) {
                    // trailers: none expected, skipped
                }
                return out.toByteArray();
            }
            byte[] chunk = in.readNBytes(n);
            if (chunk.length != n) {
                throw new EOFException("response ended inside a chunk");
            }
            out.write(chunk);
            line(in);
        }
    }

    private static byte[] bounded(InputStream in, int max) throws IOException {
        byte[] b = in.readNBytes(max + 1);
        if (b.length > max) {
            throw new IOException("response body too large");
        }
        return b;
    }

    /** A CRLF- (or LF-) terminated ASCII line without its terminator. */
    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (sb.length() == 0) {
                    throw new EOFException("the daemon closed the connection without an answer");
                }
                return sb.toString();
            }
            if (c == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            if (sb.length() >= MAX_HEAD) {
                throw new IOException("response line too long");
            }
            sb.append((char) c);
        }
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
