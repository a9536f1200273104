package dev.bluerealm.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The text/event-stream blocks {@link SseWriter} writes. */
class SseWriterTest {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SseWriter out = new SseWriter(bytes);

    String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void event_typeIdAndData_thenABlankLine() throws Exception {
        out.event("notification", 7, "{\"id\":7,\"diff\":[\"ä\"]}");
        assertEquals("event: notification\nid: 7\ndata: {\"id\":7,\"diff\":[\"ä\"]}\n\n", written());
    }

    @Test
    void event_dataWithLineBreaks_becomesOneDataLinePerLine() throws Exception {
        out.event("notification", 1, "a\nb\r\nc\rd");
        assertEquals("event: notification\nid: 1\ndata: a\ndata: b\ndata: c\ndata: d\n\n", written());
    }

    @Test
    void cursorAndComment() throws Exception {
        out.cursor(1000, 42);
        out.comment("ping");
        assertEquals("retry: 1000\nid: 42\n\n: ping\n\n", written());
    }
}
