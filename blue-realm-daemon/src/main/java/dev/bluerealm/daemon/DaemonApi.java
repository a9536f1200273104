package dev.bluerealm.daemon;

import com.sun.net.httpserver.HttpExchange;
import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.RealmNotFoundException;
import dev.bluerealm.RealmOptions;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.RepoEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/** The endpoints of DESIGN §6 (shapes in docs/daemon.md). */
final class DaemonApi {
    /** A session without activity for this long shows as {@code idle}. */
    static final Duration IDLE_AFTER = Duration.ofMinutes(5);

    private final DaemonStore store;
    private final NotificationFeed feed;
    private final RealmWatcher watcher;
    private final Path blueHome;
    private final Map<String, String> environment;
    private final Clock clock;
    private final IntSupplier port;

    DaemonApi(DaemonStore store, NotificationFeed feed, RealmWatcher watcher, Path blueHome,
              Map<String, String> environment, Clock clock, IntSupplier port) {
        this.store = store;
        this.feed = feed;
        this.watcher = watcher;
        this.blueHome = blueHome;
        this.environment = environment;
        this.clock = clock;
        this.port = port;
    }

    Router router() {
        return new Router()
                .add("GET", "/health", (ex, p) -> health(ex))
                .add("GET", "/realms", (ex, p) -> realms(ex))
                .add("GET", "/realms/{name}", (ex, p) -> realm(ex, p.get(0)))
                .add("POST", "/realms/{name}/sync", (ex, p) -> sync(ex, p.get(0)))
                .add("GET", "/sessions", (ex, p) -> sessions(ex))
                .add("POST", "/sessions", (ex, p) -> register(ex))
                .add("DELETE", "/sessions/{id}", (ex, p) -> deregister(ex, Fields.id(p.get(0))))
                .add("POST", "/sessions/{id}/activity", (ex, p) -> touch(ex, Fields.id(p.get(0))))
                .add("GET", "/notifications", (ex, p) -> notifications(ex))
                .add("POST", "/notifications", (ex, p) -> notify(ex))
                .add("POST", "/notifications/{id}/ack", (ex, p) -> ack(ex, Fields.id(p.get(0))));
    }

    static String version() {
        String v = DaemonApi.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    private void health(HttpExchange ex) throws Exception {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("status", JsonValue.string("ok"));
        m.put("version", JsonValue.string(version()));
        m.put("pid", JsonValue.number(ProcessHandle.current().pid()));
        m.put("port", JsonValue.number(port.getAsInt()));
        m.put("blue_home", JsonValue.string(blueHome.toString()));
        Exchanges.send(ex, 200, JsonValue.object(m));
    }

    // ------------------------------------------------------------------ realms

    private void realms(HttpExchange ex) throws Exception {
        List<JsonValue> out = new ArrayList<>();
        List<DaemonStore.SessionRow> sessions = store.sessions();
        for (String name : watcher.realms()) {
            var row = store.realm(name);
            Map<String, JsonValue> m = new LinkedHashMap<>();
            m.put("name", JsonValue.string(name));
            m.put("url", JsonValue.stringOrNull(row.map(DaemonStore.RealmRow::url).filter(u -> !u.isEmpty()).orElse(null)));
            m.put("local_path", JsonValue.string(blueHome.resolve("realms").resolve(name).toString()));
            m.put("last_sync", JsonValue.stringOrNull(row.map(DaemonStore.RealmRow::lastSync).orElse(null)));
            m.put("status", JsonValue.string(row.map(DaemonStore.RealmRow::status).orElse("active")));
            m.put("sessions", JsonValue.number(sessions.stream().filter(s -> s.realm().equals(name)).count()));
            out.add(JsonValue.object(m));
        }
        Exchanges.send(ex, 200, JsonValue.object(Map.of("realms", JsonValue.array(out))));
    }

    private void realm(HttpExchange ex, String name) throws Exception {
        Fields.name("realm", name);
        RealmOptions options = RealmOptions.builder().realm(name).blueHome(blueHome).environment(environment)
                .clock(clock).offline(true).build();
        try (Realm r = Realm.open(options)) {
            Map<String, JsonValue> m = new LinkedHashMap<>();
            m.put("name", JsonValue.string(r.name()));
            m.put("url", JsonValue.stringOrNull(r.url()));
            m.put("commit", JsonValue.stringOrNull(r.commit()));
            m.put("last_sync", JsonValue.stringOrNull(store.realm(name).map(DaemonStore.RealmRow::lastSync).orElse(null)));
            List<JsonValue> repos = new ArrayList<>();
            for (RepoEntry repo : r.model().repos().values()) {
                Map<String, JsonValue> rm = new LinkedHashMap<>();
                rm.put("name", JsonValue.string(repo.name()));
                rm.put("org", JsonValue.stringOrNull(repo.org()));
                rm.put("url", JsonValue.stringOrNull(repo.url()));
                repos.add(JsonValue.object(rm));
            }
            m.put("repos", JsonValue.array(repos));
            List<JsonValue> domains = new ArrayList<>();
            for (DomainModel d : r.model().domains().values()) {
                Map<String, JsonValue> dm = new LinkedHashMap<>();
                dm.put("name", JsonValue.string(d.name()));
                dm.put("members", JsonValue.array(d.domain().members().stream().map(JsonValue::string).toList()));
                List<JsonValue> contracts = new ArrayList<>();
                for (Contract c : d.contracts().values()) {
                    Map<String, JsonValue> cm = new LinkedHashMap<>();
                    cm.put("name", JsonValue.string(c.name()));
                    cm.put("version", JsonValue.string(c.version().toString()));
                    cm.put("owner", JsonValue.stringOrNull(c.owner()));
                    contracts.add(JsonValue.object(cm));
                }
                dm.put("contracts", JsonValue.array(contracts));
                domains.add(JsonValue.object(dm));
            }
            m.put("domains", JsonValue.array(domains));
            Exchanges.send(ex, 200, JsonValue.object(m));
        } catch (RealmNotFoundException e) {
            throw HttpError.notFound("realm '" + name + "' is not known to this daemon");
        } catch (RealmException e) {
            throw new HttpError(502, "REALM_ERROR", e.getMessage());
        }
    }

    private void sync(HttpExchange ex, String name) throws Exception {
        Fields.name("realm", name);
        Exchanges.body(ex);
        try {
            RealmWatcher.Scan scan = watcher.scan(name);
            Map<String, JsonValue> m = new LinkedHashMap<>();
            m.put("realm", JsonValue.string(name));
            m.put("commit", JsonValue.stringOrNull(scan.commit()));
            m.put("notifications", JsonValue.array(scan.created().stream().map(DaemonApi::notificationJson).toList()));
            Exchanges.send(ex, 200, JsonValue.object(m));
        } catch (RealmNotFoundException e) {
            throw HttpError.notFound("realm '" + name + "' is not known to this daemon");
        } catch (RealmException e) {
            store.realmStatus(name, "error");
            throw new HttpError(502, "REALM_ERROR", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ sessions

    private void sessions(HttpExchange ex) throws Exception {
        Map<String, String> q = Router.query(ex);
        String realm = q.get("realm");
        List<JsonValue> out = new ArrayList<>();
        for (DaemonStore.SessionRow s : store.sessions()) {
            if (realm == null || realm.equals(s.realm())) {
                out.add(sessionJson(s));
            }
        }
        Exchanges.send(ex, 200, JsonValue.object(Map.of("sessions", JsonValue.array(out))));
    }

    private JsonValue sessionJson(DaemonStore.SessionRow s) {
        boolean idle = Duration.between(s.lastActivity(), clock.instant()).compareTo(IDLE_AFTER) >= 0;
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("id", JsonValue.number(s.id()));
        m.put("repo", JsonValue.string(s.repo()));
        m.put("realm", JsonValue.string(s.realm()));
        m.put("client_id", JsonValue.stringOrNull(s.clientId()));
        m.put("pid", JsonValue.number(s.pid()));
        m.put("active_rfc", JsonValue.stringOrNull(s.activeRfc()));
        m.put("started_at", JsonValue.string(s.startedAt().toString()));
        m.put("last_activity", JsonValue.string(s.lastActivity().toString()));
        m.put("status", JsonValue.string(idle ? "idle" : "active"));
        return JsonValue.object(m);
    }

    private void register(HttpExchange ex) throws Exception {
        JsonValue.JsonObject body = Exchanges.jsonObject(ex, false);
        Fields.only(body, "repo", "realm", "client_id", "pid", "active_rfc");
        String repo = Fields.name(body, "repo", "repo");
        String realm = Fields.name(body, "realm", "realm");
        String clientId = Fields.text(body, "client_id", true, 128);
        long pid = Fields.integer(body, "pid", true, 1, Long.MAX_VALUE);
        String rfc = Fields.text(body, "active_rfc", false, 256);
        DaemonStore.SessionRow s = store.addSession(repo, realm, clientId, pid, rfc, clock.instant());
        store.ensureRealm(realm, blueHome.resolve("realms").resolve(realm).toString());
        Exchanges.send(ex, 201, sessionJson(s));
    }

    private void deregister(HttpExchange ex, long id) throws Exception {
        Exchanges.body(ex);
        if (!store.removeSession(id)) {
            throw HttpError.notFound("no session " + id);
        }
        Exchanges.send(ex, 200, JsonValue.object("id", JsonValue.number(id), "removed", JsonValue.bool(true)));
    }

    private void touch(HttpExchange ex, long id) throws Exception {
        JsonValue.JsonObject body = Exchanges.jsonObject(ex, true);
        Fields.only(body, "active_rfc");
        String rfc = Fields.text(body, "active_rfc", false, 256);
        if (!store.touchSession(id, rfc, clock.instant())) {
            throw HttpError.notFound("no session " + id);
        }
        Exchanges.send(ex, 200, sessionJson(store.session(id).orElseThrow()));
    }

    // ------------------------------------------------------------------ notifications

    private void notifications(HttpExchange ex) throws Exception {
        Map<String, String> q = Router.query(ex);
        NotificationFilter filter = NotificationFilter.of(q);
        String repo = filter.repo();
        boolean unacknowledged = Fields.bool(q, "unacknowledged");
        List<JsonValue> out = new ArrayList<>();
        for (DaemonStore.NotificationRow n : store.notifications(filter.realm())) {
            if (!filter.shows(n)) {
                continue;
            }
            boolean acked = n.acknowledgedBy().contains("*")
                    || (repo == null ? !n.acknowledgedBy().isEmpty() : n.acknowledgedBy().contains(repo));
            if (unacknowledged && acked) {
                continue;
            }
            out.add(notificationJson(n));
        }
        Exchanges.send(ex, 200, JsonValue.object(Map.of("notifications", JsonValue.array(out))));
    }

    static JsonValue notificationJson(DaemonStore.NotificationRow n) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("id", JsonValue.number(n.id()));
        m.put("realm", JsonValue.string(n.realm()));
        m.put("domain", JsonValue.string(n.domain()));
        m.put("contract", JsonValue.string(n.contract()));
        m.put("version", JsonValue.string(n.version()));
        m.put("change_type", JsonValue.string(n.changeType()));
        m.put("from_repo", JsonValue.string(n.fromRepo()));
        m.put("diff", JsonValue.array(n.diff().stream().map(JsonValue::string).toList()));
        m.put("pull_request", n.pullRequest() == null ? JsonValue.NULL : JsonValue.number(n.pullRequest()));
        m.put("created_at", JsonValue.string(n.createdAt().toString()));
        m.put("acknowledged_by", JsonValue.array(n.acknowledgedBy().stream().map(JsonValue::string).toList()));
        return JsonValue.object(m);
    }

    private void notify(HttpExchange ex) throws Exception {
        JsonValue.JsonObject body = Exchanges.jsonObject(ex, false);
        Fields.only(body, "realm", "domain", "contract", "version", "change_type", "from_repo", "diff", "pull_request");
        String realm = Fields.name(body, "realm", "realm");
        String domain = Fields.name(body, "domain", "domain");
        String contract = Fields.name(body, "contract", "contract");
        String version = Fields.text(body, "version", true, 128);
        String changeType = Fields.text(body, "change_type", true, 16);
        if (!List.of("new", "updated", "breaking").contains(changeType)) {
            throw HttpError.badRequest("'change_type' must be new, updated or breaking");
        }
        String from = Fields.name(body, "from_repo", "repo");
        List<String> diff = Fields.strings(body, "diff");
        Long pr = Fields.integer(body, "pull_request", false, 1, Integer.MAX_VALUE);
        var created = store.addNotification(realm, domain, contract, version, from, changeType, diff,
                pr == null ? null : pr.intValue(), clock.instant());
        store.ensureRealm(realm, blueHome.resolve("realms").resolve(realm).toString());
        if (created.isPresent()) {
            feed.publish(created.get());
            Exchanges.send(ex, 201, notificationJson(created.get()));
            return;
        }
        DaemonStore.NotificationRow existing = store.notifications(realm).stream()
                .filter(n -> n.domain().equals(domain) && n.contract().equals(contract) && n.version().equals(version)
                        && n.changeType().equals(changeType))
                .findFirst().orElseThrow();
        Exchanges.send(ex, 200, notificationJson(existing));
    }

    private void ack(HttpExchange ex, long id) throws Exception {
        JsonValue.JsonObject body = Exchanges.jsonObject(ex, true);
        Fields.only(body, "repo");
        String repo = body.get("repo") == null ? "*" : Fields.name(body, "repo", "repo");
        var row = store.acknowledge(id, repo);
        if (row.isEmpty()) {
            throw HttpError.notFound("no notification " + id);
        }
        Exchanges.send(ex, 200, notificationJson(row.get()));
    }
}
