package dev.bluerealm.daemon.client;

import dev.bluerealm.json.JsonParseException;
import dev.bluerealm.json.JsonParser;
import dev.bluerealm.json.JsonValue;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The CLI's view of the daemon of one {@code BLUE_HOME}. Before its first request it checks that
 * the daemon on the port serves the same {@code BLUE_HOME} ({@code GET /health}); mutations send the
 * token of {@code $BLUE_HOME/daemon.token}. Timeouts are short (connect 300 ms, request 2 s; a realm
 * sync 30 s) so no command hangs on a daemon.
 *
 * <pre>{@code
 * DaemonClient d = DaemonClient.of(blueHome, 7865);
 * long id = d.registerSession("aperture", "letemcook", "cli-4711", ProcessHandle.current().pid(), null);
 * try { ... } finally { d.deregister(id); }
 * }</pre>
 *
 * @since 0.1
 */
public final class DaemonClient {
    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(300);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);

    private final Path blueHome;
    private final int port;
    private volatile boolean verified;

    private DaemonClient(Path blueHome, int port) {
        this.blueHome = blueHome.toAbsolutePath().normalize();
        this.port = port;
    }

    /**
     * A client for the daemon of {@code blueHome} on {@code 127.0.0.1:port}; nothing is sent yet.
     *
     * @throws NullPointerException when {@code blueHome} is null
     * @throws IllegalArgumentException when {@code port} is not 1..65535
     */
    public static DaemonClient of(Path blueHome, int port) {
        Objects.requireNonNull(blueHome, "blueHome");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        return new DaemonClient(blueHome, port);
    }

    public int port() {
        return port;
    }

    /** {@code GET /health}, without the BLUE_HOME check. */
    public Health health() throws DaemonClientException {
        JsonValue.JsonObject o = send("GET", "/health", null, REQUEST_TIMEOUT, false);
        return new Health(str(o, "status"), str(o, "version"), num(o, "pid"), (int) num(o, "port"),
                Path.of(str(o, "blue_home")));
    }

    /**
     * Registers a session; returns its id.
     *
     * @param activeRfc the RFC being worked on, or null
     */
    public long registerSession(String repo, String realm, String clientId, long pid, String activeRfc)
            throws DaemonClientException {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("repo", JsonValue.string(repo));
        m.put("realm", JsonValue.string(realm));
        m.put("client_id", JsonValue.string(clientId));
        m.put("pid", JsonValue.number(pid));
        if (activeRfc != null) {
            m.put("active_rfc", JsonValue.string(activeRfc));
        }
        return num(send("POST", "/sessions", JsonValue.object(m), REQUEST_TIMEOUT, true), "id");
    }

    /** Removes the session. */
    public void deregister(long id) throws DaemonClientException {
        send("DELETE", "/sessions/" + id, null, REQUEST_TIMEOUT, true);
    }

    /** Reports activity on the session (and the RFC now worked on, when not null). */
    public Session touch(long id, String activeRfc) throws DaemonClientException {
        JsonValue body = activeRfc == null ? JsonValue.object(Map.of())
                : JsonValue.object(Map.of("active_rfc", JsonValue.string(activeRfc)));
        return session(send("POST", "/sessions/" + id + "/activity", body, REQUEST_TIMEOUT, true));
    }

    public List<Session> sessions() throws DaemonClientException {
        List<Session> out = new ArrayList<>();
        for (JsonValue v : items(send("GET", "/sessions", null, REQUEST_TIMEOUT, true), "sessions")) {
            out.add(session((JsonValue.JsonObject) v));
        }
        return out;
    }

    /**
     * Notifications, oldest first.
     *
     * @param realm only this realm's, or null
     * @param repo as seen by this repo (its own changes left out), or null
     * @param unacknowledged only those not acknowledged (by {@code repo} when given)
     */
    public List<Notification> notifications(String realm, String repo, boolean unacknowledged)
            throws DaemonClientException {
        List<String> q = new ArrayList<>();
        if (realm != null) {
            q.add("realm=" + URLEncoder.encode(realm, StandardCharsets.UTF_8));
        }
        if (repo != null) {
            q.add("repo=" + URLEncoder.encode(repo, StandardCharsets.UTF_8));
        }
        if (unacknowledged) {
            q.add("unacknowledged=true");
        }
        String path = "/notifications" + (q.isEmpty() ? "" : "?" + String.join("&", q));
        return notificationList(items(send("GET", path, null, REQUEST_TIMEOUT, true), "notifications"));
    }

    /** Acknowledges the notification for {@code repo} (null: for every repo). */
    public Notification ack(long id, String repo) throws DaemonClientException {
        JsonValue body = repo == null ? JsonValue.object(Map.of()) : JsonValue.object(Map.of("repo", JsonValue.string(repo)));
        return notification(send("POST", "/notifications/" + id + "/ack", body, REQUEST_TIMEOUT, true));
    }

    /**
     * Marks as acknowledged by {@code repo} the notifications of {@code realm} about {@code contract}
     * of {@code domain} at {@code version} or older (acknowledging 1.6.0 also settles the news of
     * 1.5.0); returns how many.
     */
    public int acknowledgeUpTo(String realm, String repo, String domain, String contract, String version)
            throws DaemonClientException {
        dev.bluerealm.version.Version upTo;
        try {
            upTo = dev.bluerealm.version.Version.parse(version);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a version: " + version, e);
        }
        int n = 0;
        for (Notification note : notifications(realm, repo, true)) {
            if (!note.domain().equals(domain) || !note.contract().equals(contract)) {
                continue;
            }
            boolean covered;
            try {
                covered = dev.bluerealm.version.Version.parse(note.version()).compareTo(upTo) <= 0;
            } catch (RuntimeException e) {
                covered = false; // not a version: not this acknowledgement's to settle
            }
            if (covered) {
                ack(note.id(), repo);
                n++;
            }
        }
        return n;
    }

    /**
     * Reports a change (what a sync did); the daemon keeps one per (realm, domain, contract,
     * version, change type) and answers the existing one for a repeat.
     *
     * @param pullRequest the pull request number, or null
     */
    public Notification notify(String realm, String domain, String contract, String version, String changeType,
                               String fromRepo, List<String> diff, Integer pullRequest) throws DaemonClientException {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("realm", JsonValue.string(realm));
        m.put("domain", JsonValue.string(domain));
        m.put("contract", JsonValue.string(contract));
        m.put("version", JsonValue.string(version));
        m.put("change_type", JsonValue.string(changeType));
        m.put("from_repo", JsonValue.string(fromRepo));
        m.put("diff", JsonValue.array(diff.stream().map(JsonValue::string).toList()));
        if (pullRequest != null) {
            m.put("pull_request", JsonValue.number(pullRequest));
        }
        return notification(send("POST", "/notifications", JsonValue.object(m), REQUEST_TIMEOUT, true));
    }

    /** Has the daemon fetch the realm now; returns the notifications this created. */
    public List<Notification> syncRealm(String name) throws DaemonClientException {
        String path = "/realms/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/sync";
        return notificationList(items(send("POST", path, JsonValue.object(Map.of()), SYNC_TIMEOUT, true), "notifications"));
    }

    // ------------------------------------------------------------------ plumbing

    private void verify() throws DaemonClientException {
        if (verified) {
            return;
        }
        Health h = health();
        if (!h.blueHome().equals(blueHome)) {
            throw new DaemonClientException("the daemon on port " + port + " serves BLUE_HOME " + h.blueHome()
                    + ", not " + blueHome, 0, "OTHER_BLUE_HOME", null);
        }
        verified = true;
    }

    private String token() throws DaemonClientException {
        try {
            return Files.readString(blueHome.resolve("daemon.token"), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new DaemonClientException("cannot read " + blueHome.resolve("daemon.token") + ": " + e.getMessage(),
                    0, "NO_TOKEN", e);
        }
    }

    private JsonValue.JsonObject send(String method, String path, JsonValue body, Duration timeout, boolean check)
            throws DaemonClientException {
        if (check) {
            verify();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (!method.equals("GET")) {
            headers.put("Authorization", "Bearer " + token());
        }
        byte[] bytes = null;
        if (body != null) {
            headers.put("Content-Type", "application/json");
            bytes = body.toJson().getBytes(StandardCharsets.UTF_8);
        } else if (!method.equals("GET")) {
            bytes = new byte[0];
        }
        LoopbackHttp.Response r;
        try {
            r = LoopbackHttp.exchange(port, method, path, headers, bytes, CONNECT_TIMEOUT, timeout);
        } catch (IOException e) {
            throw new DaemonClientException("daemon not reachable on 127.0.0.1:" + port + ": " + e, 0, "UNREACHABLE", e);
        }
        JsonValue.JsonObject o;
        try {
            o = (JsonValue.JsonObject) JsonParser.parse(r.body(), 16);
        } catch (JsonParseException | ClassCastException e) {
            throw new DaemonClientException("the daemon answered " + r.status() + " without a JSON object",
                    r.status(), "BAD_RESPONSE", e);
        }
        if (r.status() >= 400) {
            throw new DaemonClientException(str(o, "error"), r.status(), str(o, "code"), null);
        }
        return o;
    }

    private static List<JsonValue> items(JsonValue.JsonObject o, String field) {
        return ((JsonValue.JsonArray) o.get(field)).items();
    }

    private static String str(JsonValue.JsonObject o, String field) {
        JsonValue v = o.get(field);
        return v instanceof JsonValue.JsonString s ? s.value() : null;
    }

    private static long num(JsonValue.JsonObject o, String field) {
        return ((JsonValue.JsonNumber) o.get(field)).value().longValueExact();
    }

    private static List<String> strings(JsonValue.JsonObject o, String field) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : items(o, field)) {
            out.add(((JsonValue.JsonString) v).value());
        }
        return out;
    }

    private static Session session(JsonValue.JsonObject o) {
        return new Session(num(o, "id"), str(o, "repo"), str(o, "realm"), str(o, "client_id"), num(o, "pid"),
                str(o, "active_rfc"), Instant.parse(str(o, "started_at")), Instant.parse(str(o, "last_activity")),
                "idle".equals(str(o, "status")));
    }

    private static List<Notification> notificationList(List<JsonValue> items) {
        List<Notification> out = new ArrayList<>();
        for (JsonValue v : items) {
            out.add(notification((JsonValue.JsonObject) v));
        }
        return out;
    }

    private static Notification notification(JsonValue.JsonObject o) {
        Integer pr = o.get("pull_request") instanceof JsonValue.JsonNumber n ? n.value().intValueExact() : null;
        return new Notification(num(o, "id"), str(o, "realm"), str(o, "domain"), str(o, "contract"),
                str(o, "version"), str(o, "change_type"), str(o, "from_repo"), strings(o, "diff"), pr,
                Instant.parse(str(o, "created_at")), strings(o, "acknowledged_by"));
    }
}
