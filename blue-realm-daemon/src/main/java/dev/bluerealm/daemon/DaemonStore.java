package dev.bluerealm.daemon;

import dev.bluerealm.json.JsonParser;
import dev.bluerealm.json.JsonValue;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code daemon.db}: SQLite in WAL mode with a busy timeout, the RFC's {@code realms},
 * {@code sessions} and {@code notifications} tables, the watcher's memory of what it has seen,
 * and {@code schema_version} with forward migrations. One connection, used under this object's
 * lock; every statement is parameterised.
 */
final class DaemonStore implements AutoCloseable {

    /** Forward migrations; index i takes the schema from version i to i + 1. Never edit, only append. */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                """
                CREATE TABLE realms (
                  name TEXT PRIMARY KEY,
                  forgejo_url TEXT NOT NULL DEFAULT '',
                  local_path TEXT NOT NULL,
                  last_sync TEXT,
                  status TEXT DEFAULT 'active',
                  scanned INTEGER NOT NULL DEFAULT 0
                )""",
                """
                CREATE TABLE sessions (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  repo TEXT NOT NULL,
                  realm TEXT NOT NULL,
                  client_id TEXT,
                  pid INTEGER NOT NULL,
                  started_at TEXT,
                  last_activity TEXT,
                  active_rfc TEXT,
                  active_domains JSON DEFAULT '[]',
                  exports_modified JSON DEFAULT '[]',
                  imports_watching JSON DEFAULT '[]'
                )""",
                """
                CREATE TABLE notifications (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  realm TEXT NOT NULL,
                  domain TEXT NOT NULL,
                  contract TEXT NOT NULL,
                  version TEXT NOT NULL,
                  from_repo TEXT NOT NULL,
                  change_type TEXT NOT NULL CHECK (change_type IN ('new', 'updated', 'breaking')),
                  changes JSON,
                  pull_request INTEGER,
                  created_at TEXT,
                  acknowledged_by JSON DEFAULT '[]',
                  UNIQUE (realm, domain, contract, version, change_type)
                )""",
                """
                CREATE TABLE seen_versions (
                  realm TEXT NOT NULL,
                  domain TEXT NOT NULL,
                  contract TEXT NOT NULL,
                  version TEXT NOT NULL,
                  PRIMARY KEY (realm, domain, contract)
                )""",
                """
                CREATE TABLE seen_pull_requests (
                  realm TEXT NOT NULL,
                  number INTEGER NOT NULL,
                  PRIMARY KEY (realm, number)
                )"""));

    private final Connection db;

    private DaemonStore(Connection db) {
        this.db = db;
    }

    /** Opens (creating and migrating as needed) the database at {@code file}. */
    static DaemonStore open(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = NORMAL");
            s.execute("PRAGMA foreign_keys = ON");
        }
        DaemonStore store = new DaemonStore(c);
        try {
            store.migrate();
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return store;
    }

    /** The schema version this code writes. */
    static int currentVersion() {
        return MIGRATIONS.size();
    }

    synchronized int schemaVersion() throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private synchronized void migrate() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        }
        int version = schemaVersion();
        if (version > MIGRATIONS.size()) {
            throw new SQLException("daemon.db has schema version " + version + ", newer than this daemon's "
                    + MIGRATIONS.size() + "; upgrade blue");
        }
        for (int v = version; v < MIGRATIONS.size(); v++) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                for (String sql : MIGRATIONS.get(v)) {
                    s.execute(sql);
                }
                s.execute("DELETE FROM schema_version");
                s.execute("INSERT INTO schema_version (version) VALUES (" + (v + 1) + ")");
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }
    }

    // ------------------------------------------------------------------ realms

    record RealmRow(String name, String url, String localPath, String lastSync, String status, boolean scanned) {}

    synchronized void ensureRealm(String name, String localPath) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "INSERT OR IGNORE INTO realms (name, local_path) VALUES (?, ?)")) {
            p.setString(1, name);
            p.setString(2, localPath);
            p.executeUpdate();
        }
    }

    private static final String REALM_COLUMNS = "SELECT name, forgejo_url, local_path, last_sync, status, scanned"
            + " FROM realms";

    synchronized List<RealmRow> realms() throws SQLException {
        return list(REALM_COLUMNS + " ORDER BY name", DaemonStore::realmRow);
    }

    synchronized Optional<RealmRow> realm(String name) throws SQLException {
        return one(REALM_COLUMNS + " WHERE name = ?", DaemonStore::realmRow, name);
    }

    private static RealmRow realmRow(ResultSet rs) throws SQLException {
        return new RealmRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6) != 0);
    }

    synchronized void realmScanned(String name, String url, Instant at, String status) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "UPDATE realms SET forgejo_url = COALESCE(?, forgejo_url), last_sync = ?, status = ?, scanned = 1"
                        + " WHERE name = ?")) {
            p.setString(1, url);
            p.setString(2, at.toString());
            p.setString(3, status);
            p.setString(4, name);
            p.executeUpdate();
        }
    }

    synchronized void realmStatus(String name, String status) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("UPDATE realms SET status = ? WHERE name = ?")) {
            p.setString(1, status);
            p.setString(2, name);
            p.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ sessions

    record SessionRow(long id, String repo, String realm, String clientId, long pid, Instant startedAt,
                      Instant lastActivity, String activeRfc) {}

    synchronized SessionRow addSession(String repo, String realm, String clientId, long pid, String activeRfc,
                                       Instant now) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "INSERT INTO sessions (repo, realm, client_id, pid, started_at, last_activity, active_rfc)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, repo);
            p.setString(2, realm);
            p.setString(3, clientId);
            p.setLong(4, pid);
            p.setString(5, now.toString());
            p.setString(6, now.toString());
            p.setString(7, activeRfc);
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return new SessionRow(keys.getLong(1), repo, realm, clientId, pid, now, now, activeRfc);
            }
        }
    }

    private static final String SESSION_COLUMNS = "SELECT id, repo, realm, client_id, pid, started_at, last_activity,"
            + " active_rfc FROM sessions";

    synchronized List<SessionRow> sessions() throws SQLException {
        return list(SESSION_COLUMNS + " ORDER BY id", DaemonStore::sessionRow);
    }

    synchronized Optional<SessionRow> session(long id) throws SQLException {
        return one(SESSION_COLUMNS + " WHERE id = ?", DaemonStore::sessionRow, id);
    }

    private static SessionRow sessionRow(ResultSet rs) throws SQLException {
        return new SessionRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                Instant.parse(rs.getString(6)), Instant.parse(rs.getString(7)), rs.getString(8));
    }

    synchronized boolean removeSession(long id) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("DELETE FROM sessions WHERE id = ?")) {
            p.setLong(1, id);
            return p.executeUpdate() > 0;
        }
    }

    /** Sets the last activity (and the active RFC when given); false when there is no such session. */
    synchronized boolean touchSession(long id, String activeRfc, Instant now) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "UPDATE sessions SET last_activity = ?, active_rfc = COALESCE(?, active_rfc) WHERE id = ?")) {
            p.setString(1, now.toString());
            p.setString(2, activeRfc);
            p.setLong(3, id);
            return p.executeUpdate() > 0;
        }
    }

    synchronized Set<String> sessionRealms() throws SQLException {
        return new LinkedHashSet<>(list("SELECT DISTINCT realm FROM sessions ORDER BY realm", rs -> rs.getString(1)));
    }

    // ------------------------------------------------------------------ notifications

    record NotificationRow(long id, String realm, String domain, String contract, String version, String fromRepo,
                           String changeType, List<String> diff, Integer pullRequest, Instant createdAt,
                           List<String> acknowledgedBy) {}

    /** The new notification, or empty when one with the same (realm, domain, contract, version, change type) exists. */
    synchronized Optional<NotificationRow> addNotification(String realm, String domain, String contract,
            String version, String fromRepo, String changeType, List<String> diff, Integer pullRequest, Instant now)
            throws SQLException {
        String changes = JsonValue.array(diff.stream().map(JsonValue::string).toList()).toJson();
        try (PreparedStatement p = db.prepareStatement(
                "INSERT OR IGNORE INTO notifications (realm, domain, contract, version, from_repo, change_type,"
                        + " changes, pull_request, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, realm);
            p.setString(2, domain);
            p.setString(3, contract);
            p.setString(4, version);
            p.setString(5, fromRepo);
            p.setString(6, changeType);
            p.setString(7, changes);
            if (pullRequest == null) {
                p.setNull(8, java.sql.Types.INTEGER);
            } else {
                p.setInt(8, pullRequest);
            }
            p.setString(9, now.toString());
            if (p.executeUpdate() == 0) {
                return Optional.empty();
            }
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return Optional.of(new NotificationRow(keys.getLong(1), realm, domain, contract, version, fromRepo,
                        changeType, List.copyOf(diff), pullRequest, now, List.of()));
            }
        }
    }

    /** Notifications, oldest first; {@code realm} null for all realms. */
    private static final String NOTIFICATION_COLUMNS = "SELECT id, realm, domain, contract, version, from_repo,"
            + " change_type, changes, pull_request, created_at, acknowledged_by FROM notifications";

    synchronized List<NotificationRow> notifications(String realm) throws SQLException {
        return realm == null ? list(NOTIFICATION_COLUMNS + " ORDER BY id", DaemonStore::notificationRow)
                : list(NOTIFICATION_COLUMNS + " WHERE realm = ? ORDER BY id", DaemonStore::notificationRow, realm);
    }

    synchronized Optional<NotificationRow> notification(long id) throws SQLException {
        return one(NOTIFICATION_COLUMNS + " WHERE id = ?", DaemonStore::notificationRow, id);
    }

    /** Adds {@code by} to the notification's acknowledgements; empty when there is no such notification. */
    synchronized Optional<NotificationRow> acknowledge(long id, String by) throws SQLException {
        Optional<NotificationRow> row = notification(id);
        if (row.isEmpty() || row.get().acknowledgedBy().contains(by)) {
            return row;
        }
        List<String> acks = new ArrayList<>(row.get().acknowledgedBy());
        acks.add(by);
        try (PreparedStatement p = db.prepareStatement("UPDATE notifications SET acknowledged_by = ? WHERE id = ?")) {
            p.setString(1, JsonValue.array(acks.stream().map(JsonValue::string).toList()).toJson());
            p.setLong(2, id);
            p.executeUpdate();
        }
        return notification(id);
    }

    private static NotificationRow notificationRow(ResultSet rs) throws SQLException {
        int pr = rs.getInt(9);
        Integer pullRequest = rs.wasNull() ? null : pr;
        return new NotificationRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), strings(rs.getString(8)), pullRequest,
                Instant.parse(rs.getString(10)), strings(rs.getString(11)));
    }

    private static List<String> strings(String json) {
        if (json == null) {
            return List.of();
        }
        JsonValue v = JsonParser.parse(json, 2);
        List<String> out = new ArrayList<>();
        if (v instanceof JsonValue.JsonArray a) {
            for (JsonValue item : a.items()) {
                if (item instanceof JsonValue.JsonString s) {
                    out.add(s.value());
                }
            }
        }
        return List.copyOf(out);
    }

    // ------------------------------------------------------------------ the watcher's memory

    /** The last version of the contract the watcher saw, if any. */
    synchronized Optional<String> seenVersion(String realm, String domain, String contract) throws SQLException {
        return one("SELECT version FROM seen_versions WHERE realm = ? AND domain = ? AND contract = ?",
                rs -> rs.getString(1), realm, domain, contract);
    }

    synchronized void seeVersion(String realm, String domain, String contract, String version) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "INSERT INTO seen_versions (realm, domain, contract, version) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (realm, domain, contract) DO UPDATE SET version = excluded.version")) {
            p.setString(1, realm);
            p.setString(2, domain);
            p.setString(3, contract);
            p.setString(4, version);
            p.executeUpdate();
        }
    }

    /** Records the pull request as seen; true when it was not seen before. */
    synchronized boolean seePullRequest(String realm, int number) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "INSERT OR IGNORE INTO seen_pull_requests (realm, number) VALUES (?, ?)")) {
            p.setString(1, realm);
            p.setInt(2, number);
            return p.executeUpdate() > 0;
        }
    }

    /** Whether {@link #seePullRequest} recorded the pull request (at the realm's first scan). */
    synchronized boolean pullRequestSeen(String realm, int number) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "SELECT 1 FROM seen_pull_requests WHERE realm = ? AND number = ?")) {
            p.setString(1, realm);
            p.setInt(2, number);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // closing: nothing left to do with it
        }
    }

    // ------------------------------------------------------------------ queries

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Every row of a parameterised query. */
    private <T> List<T> list(String sql, Row<T> row, Object... params) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement p = prepare(sql, params); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(row.read(rs));
            }
        }
        return out;
    }

    /** The first row of a parameterised query, if any. */
    private <T> Optional<T> one(String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement p = prepare(sql, params); ResultSet rs = p.executeQuery()) {
            return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement p = db.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            return p;
        } catch (SQLException e) {
            p.close();
            throw e;
        }
    }
}
