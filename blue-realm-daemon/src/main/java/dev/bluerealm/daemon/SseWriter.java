package dev.bluerealm.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code text/event-stream} format (WHATWG HTML, "Server-sent events"): UTF-8 {@code field: value}
 * lines, a blank line ending each block. Every block is flushed at once, so it leaves as one chunk.
 */
final class SseWriter {
    private final OutputStream out;

    SseWriter(OutputStream out) {
        this.out = out;
    }

    /** An event; each line of {@code data} becomes a {@code data:} line (a client joins them with line feeds). */
    void event(String type, long id, String data) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("event: ").append(type).append('\n');
        b.append("id: ").append(id).append('\n');
        for (String line : data.split("\r\n|\r|\n", -1)) {
            b.append("data: ").append(line).append('\n');
        }
        write(b.append('\n'));
    }

    /**
     * Sets the client's reconnection delay and last event id without an event (a block without
     * {@code data} dispatches nothing), so that a reconnect resumes from {@code id}.
     */
    void cursor(long retryMillis, long id) throws IOException {
        write(new StringBuilder("retry: ").append(retryMillis).append("\nid: ").append(id).append("\n\n"));
    }

    /** A comment line, which clients ignore: a keep-alive that fails once the client is gone. */
    void comment(String text) throws IOException {
        write(new StringBuilder(": ").append(text).append("\n\n"));
    }

    private void write(CharSequence block) throws IOException {
        out.write(block.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
