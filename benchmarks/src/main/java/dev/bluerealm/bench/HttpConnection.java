package dev.bluerealm.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One persistent HTTP/1.1 connection to 127.0.0.1, just enough of the protocol for a load generator:
 * it writes a request prepared as bytes in one {@code write}, then reads the status line, the headers
 * and a {@code Content-Length} body into a reused buffer. Chunked responses are refused (neither
 * server under test sends them). {@code java.net.http.HttpClient} would cost more CPU per request
 * than the servers it measures; this costs a few microseconds.
 *
 * <p>Not thread-safe: one per client thread.
 */
final class HttpConnection implements AutoCloseable {
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private byte[] body = new byte[1024];
    private int bodyLength;
    private int responseBytes;
    private boolean closeAfter;
    private final StringBuilder line = new StringBuilder(128);

    HttpConnection(int port) throws IOException {
        this.port = port;
        connect();
    }

    private void connect() throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 8192);
    }

    /** Drops the connection (after an error) and opens a new one. */
    void reconnect() throws IOException {
        close();
        connect();
    }

    /**
     * Sends {@code request} (a complete HTTP/1.1 request, headers and body) and reads the response;
     * returns its status. The body is then in {@link #body()} / {@link #bodyLength()}.
     */
    int exchange(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(request);
        out.flush();
        responseBytes = 0;
        String status = readLine();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        closeAfter = false;
        for (String h = readLine(); !h.isEmpty(); h = readLine()) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IOException("bad header line: " + h);
            }
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                throw new IOException("Transfer-Encoding " + value + " is not supported by this client");
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                closeAfter = true;
            }
        }
        if (length < 0 || length > 1 << 20) {
            throw new IOException("missing or unreasonable Content-Length: " + length);
        }
        bodyLength = (int) length;
        if (body.length < bodyLength) {
            body = Arrays.copyOf(body, Math.max(bodyLength, body.length * 2));
        }
        int off = 0;
        while (off < bodyLength) {
            int n = in.read(body, off, bodyLength - off);
            if (n < 0) {
                throw new EOFException("connection closed in the middle of a body");
            }
            off += n;
        }
        responseBytes += bodyLength;
        if (closeAfter) {
            close();
        }
        return code;
    }

    /** A line of the response head, without its CRLF (ISO-8859-1, as HTTP headers are). */
    private String readLine() throws IOException {
        line.setLength(0);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            responseBytes++;
            if (b == '\n') {
                int n = line.length();
                if (n > 0 && line.charAt(n - 1) == '\r') {
                    line.setLength(n - 1);
                }
                return line.toString();
            }
            if (line.length() > 8192) {
                throw new IOException("response header line too long");
            }
            line.append((char) b);
        }
    }

    int port() {
        return port;
    }

    byte[] body() {
        return body;
    }

    int bodyLength() {
        return bodyLength;
    }

    String bodyText() {
        return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
    }

    /** Bytes of the last response on the wire: status line, headers and body. */
    int responseBytes() {
        return responseBytes;
    }

    /**
     * The first {@code "id":} number in the last body, or -1 (the daemon's session responses put the
     * id first; reading it this way avoids a JSON parser on the client's hot path).
     */
    long idField() {
        byte[] key = {'"', 'i', 'd', '"', ':'};
        outer:
        for (int i = 0; i + key.length < bodyLength; i++) {
            for (int k = 0; k < key.length; k++) {
                if (body[i + k] != key[k]) {
                    continue outer;
                }
            }
            int j = i + key.length;
            while (j < bodyLength && body[j] == ' ') {
                j++;
            }
            long v = 0;
            int start = j;
            while (j < bodyLength && body[j] >= '0' && body[j] <= '9') {
                v = v * 10 + (body[j] - '0');
                j++;
            }
            return j > start ? v : -1;
        }
        return -1;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
