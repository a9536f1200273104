package dev.bluerealm.daemon;

import com.sun.net.httpserver.HttpExchange;
import dev.bluerealm.json.JsonParseException;
import dev.bluerealm.json.JsonParser;
import dev.bluerealm.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading bounded JSON request bodies and writing JSON responses. */
final class Exchanges {
    /** The largest request body accepted (413 above). */
    static final int MAX_BODY = 64 * 1024;
    /** The deepest JSON request body accepted. */
    static final int MAX_DEPTH = 8;

    private Exchanges() {}

    /** Reads the whole body, at most {@link #MAX_BODY} bytes; the empty string when there is none. */
    static String body(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > MAX_BODY) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("invalid Content-Length");
            }
        }
        InputStream in = ex.getRequestBody();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            if (out.size() > MAX_BODY) {
                throw tooLarge();
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new HttpError(400, "BAD_JSON", "request body is not UTF-8");
        }
    }

    private static HttpError tooLarge() {
        return new HttpError(413, "PAYLOAD_TOO_LARGE", "request body larger than " + MAX_BODY + " bytes");
    }

    /** The body as a JSON object; an empty body is an empty object when {@code emptyAllowed}. */
    static JsonValue.JsonObject jsonObject(HttpExchange ex, boolean emptyAllowed) throws IOException {
        String text = body(ex);
        if (text.isBlank() && emptyAllowed) {
            return new JsonValue.JsonObject(Map.of());
        }
        JsonValue v;
        try {
            v = JsonParser.parse(text, MAX_DEPTH);
        } catch (JsonParseException e) {
            throw new HttpError(400, "BAD_JSON", "request body is not valid JSON: " + e.getMessage());
        }
        if (!(v instanceof JsonValue.JsonObject o)) {
            throw new HttpError(400, "BAD_JSON", "request body must be a JSON object");
        }
        return o;
    }

    /** Discards whatever is left of the request body (bounded), so the connection can be reused. */
    static void drain(HttpExchange ex) {
        // read, not skip: the JDK's request stream inherits FilterInputStream.skip, which skips on the
        // raw connection past the end of the body and blocks
        try (InputStream in = ex.getRequestBody()) {
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while (total <= MAX_BODY && (n = in.read(buf)) > 0) {
                total += n;
            }
        } catch (IOException e) {
            // the connection is gone; nothing to drain
        }
    }

    static void send(HttpExchange ex, int status, JsonValue body) throws IOException {
        byte[] bytes = (body.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void sendError(HttpExchange ex, HttpError e) throws IOException {
        if (!e.allow.isEmpty()) {
            ex.getResponseHeaders().set("Allow", String.join(", ", e.allow));
        }
        if (e.status == 401) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        }
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("error", JsonValue.string(e.getMessage()));
        m.put("code", JsonValue.string(e.code));
        send(ex, e.status, JsonValue.object(m));
    }
}
