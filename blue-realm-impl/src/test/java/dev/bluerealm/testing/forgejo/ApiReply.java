package dev.bluerealm.testing.forgejo;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What an endpoint answers: a status, a JSON body or none, and extra headers. */
record ApiReply(int status, JsonNode body, Map<String, String> headers) {
    ApiReply {
        headers = Map.copyOf(headers);
    }

    static ApiReply json(int status, JsonNode body) {
        return new ApiReply(status, body, Map.of());
    }

    static ApiReply empty(int status) {
        return new ApiReply(status, null, Map.of());
    }
}
