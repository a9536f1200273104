package dev.bluerealm.testing.forgejo;

import java.io.IOException;
import java.util.List;

/**
 * How the server answers one operation: the token scope categories it needs (the level, read or
 * write, follows from the HTTP method), whether an anonymous caller may use it, and the handler.
 */
record Endpoint(List<String> scopes, boolean anonymous, Handler handler) {
    Endpoint {
        scopes = List.copyOf(scopes);
    }

    @FunctionalInterface
    interface Handler {
        ApiReply handle(ApiCall call) throws IOException;
    }
}
