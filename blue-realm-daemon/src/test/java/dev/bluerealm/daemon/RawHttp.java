package dev.bluerealm.daemon;

import dev.bluerealm.json.JsonParser;
import dev.bluerealm.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A tiny HTTP/1.1 client over a socket, so tests control every header (Host and Origin included). */
final class RawHttp {
    record Response(int status, Map<String, String> headers, String body) {
        JsonValue.JsonObject json() {
            return (JsonValue.JsonObject) JsonParser.parse(body);
        }

        String field(String name) {
            JsonValue v = json().get(name);
            return v instanceof JsonValue.JsonString s ? s.value() : v == null ? null : v.toJson();
        }
    }

    private final int port;
    private final String token;

    RawHttp(int port, String token) {
        this.port = port;
        this.token = token;
    }

    Response get(String path) throws IOException {
        return send("GET", path, null, Map.of());
    }

    Response post(String path, String body) throws IOException {
        return send("POST", path, body, Map.of("Authorization", "Bearer " + token));
    }

    Response delete(String path) throws IOException {
        return send("DELETE", path, null, Map.of("Authorization", "Bearer " + token));
    }

    /** Sends with {@code Host: 127.0.0.1:port} unless {@code headers} gives another Host. */
    Response send(String method, String path, String body, Map<String, String> headers) throws IOException {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", "127.0.0.1:" + port);
        h.putAll(headers);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            h.put("Content-Type", "application/json");
            h.put("Content-Length", String.valueOf(bytes.length));
        }
        h.put("Connection", "close");
        StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        h.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        req.append("\r\n");
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // the server may answer (413) and close before reading it all
            }
            return read(s.getInputStream());
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        try {
            while ((n = in.read(buf)) > 0) {
                all.write(buf, 0, n);
            }
        } catch (IOException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim());
        }
        return new Response(status, headers, text.substring(end + 4));
    }
}
