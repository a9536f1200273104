package dev.bluerealm.testing.forgejo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** Requests shaped as a Forgejo client sends them: {@code Authorization: token X}, JSON bodies. */
final class RawClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String apiUrl;
    private final String authorization;

    private RawClient(String apiUrl, String authorization) {
        this.apiUrl = apiUrl;
        this.authorization = authorization;
    }

    static RawClient anonymous(ForgejoServer server) {
        return new RawClient(server.apiUrl(), null);
    }

    static RawClient withToken(ForgejoServer server, String token) {
        return new RawClient(server.apiUrl(), "token " + token);
    }

    static RawClient withHeader(ForgejoServer server, String authorization) {
        return new RawClient(server.apiUrl(), authorization);
    }

    /** An answer: status, headers, and the body parsed as JSON (a missing node when empty). */
    record Answer(int status, HttpResponse<String> raw) {
        JsonNode json() {
            return raw.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(raw.body());
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }

        String message() {
            return json().path("message").asString("");
        }
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    Answer patch(String path, String json) throws IOException, InterruptedException {
        return send("PATCH", path, json);
    }

    Answer delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, null);
    }

    Answer send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(apiUrl + path)).header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r);
    }
}
