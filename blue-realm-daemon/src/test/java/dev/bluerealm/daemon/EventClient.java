package dev.bluerealm.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A server-sent events client over HttpURLConnection (which undoes the chunked framing): one block at a time. */
final class EventClient implements AutoCloseable {
    /** The fields of one block (lines up to a blank line); null for fields it does not have. */
    record Block(String event, String id, String data, String retry, List<String> comments) {
        boolean isNotification() {
            return "notification".equals(event);
        }
    }

    private final HttpURLConnection connection;
    private final BufferedReader reader;

    private EventClient(HttpURLConnection connection, BufferedReader reader) {
        this.connection = connection;
        this.reader = reader;
    }

    /** Opens {@code GET /events{query}}; {@code lastEventId} null for none. */
    static EventClient open(int port, String query, String lastEventId) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/events" + query).openConnection();
        c.setReadTimeout(30_000); // a test that waits for an event that never comes fails instead of hanging
        c.setUseCaches(false);
        if (lastEventId != null) {
            c.setRequestProperty("Last-Event-ID", lastEventId);
        }
        InputStream in = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream();
        return new EventClient(c, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    }

    int status() throws IOException {
        return connection.getResponseCode();
    }

    String header(String name) {
        return connection.getHeaderField(name);
    }

    /** The rest of the body (an error response). */
    String body() throws IOException {
        StringBuilder b = new StringBuilder();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    /** The next block, or null at the clean end of the stream (an abrupt end throws). */
    Block next() throws IOException {
        String event = null;
        String id = null;
        String retry = null;
        List<String> data = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        boolean any = false;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty()) {
                if (any) {
                    return new Block(event, id, data.isEmpty() ? null : String.join("\n", data), retry, comments);
                }
                continue;
            }
            any = true;
            if (line.startsWith(":")) {
                comments.add(line.substring(1).trim());
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
            switch (field) {
                case "event" -> event = value;
                case "id" -> id = value;
                case "retry" -> retry = value;
                case "data" -> data.add(value);
                default -> throw new AssertionError("unexpected field: " + line);
            }
        }
        if (any) {
            throw new AssertionError("the stream ended inside a block");
        }
        return null;
    }

    /** The next notification event, past pings and cursors; null at the end. */
    Block nextNotification() throws IOException {
        for (Block b = next(); b != null; b = next()) {
            if (b.isNotification()) {
                return b;
            }
        }
        return null;
    }

    /** The notifications sent before the cursor block (retry and id, no data), and the cursor block last. */
    List<Block> catchUp() throws IOException {
        List<Block> out = new ArrayList<>();
        for (Block b = next(); b != null; b = next()) {
            out.add(b);
            if (b.retry() != null) {
                return out;
            }
        }
        throw new AssertionError("the stream ended before its cursor: " + out);
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
