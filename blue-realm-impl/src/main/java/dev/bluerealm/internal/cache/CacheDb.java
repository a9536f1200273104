package dev.bluerealm.internal.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A participating repo's {@code .blue/cache.db}: the RFC's three tables with their invalidation
 * rules. SQLite in WAL mode with a busy timeout, so concurrent {@code blue} processes share it; a
 * corrupt or foreign file is moved aside and rebuilt with a warning, never a crash. A cache is an
 * optimisation only: every failure to use it degrades to a miss.
 */
public final class CacheDb implements AutoCloseable {
    static final int SCHEMA_VERSION = 1;
    private static final String[] DDL = {
        "CREATE TABLE IF NOT EXISTS export_cache (file_path TEXT PRIMARY KEY, mtime INTEGER NOT NULL,"
                + " content_hash TEXT NOT NULL, exports JSON, cached_at INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS contract_cache (domain TEXT NOT NULL, contract TEXT NOT NULL, version TEXT NOT NULL,"
                + " schema JSON, realm_commit TEXT, cached_at INTEGER NOT NULL, PRIMARY KEY (domain, contract, version))",
        "CREATE TABLE IF NOT EXISTS validation_cache (contract TEXT NOT NULL, version TEXT NOT NULL,"
                + " binding_hash TEXT NOT NULL, valid INTEGER NOT NULL, output TEXT, validated_at INTEGER NOT NULL,"
                + " PRIMARY KEY (contract, version, binding_hash))",
        "CREATE TABLE IF NOT EXISTS cache_stats (table_name TEXT PRIMARY KEY, hits INTEGER NOT NULL DEFAULT 0,"
                + " misses INTEGER NOT NULL DEFAULT 0)",
    };

    /** The three caches. */
    public enum Table {
        EXPORT("export_cache"), CONTRACT("contract_cache"), VALIDATION("validation_cache");

        final String sql;

        Table(String sql) {
            this.sql = sql;
        }

        public String tableName() {
            return sql;
        }
    }

    /** Entries, hits and misses of one table (hits and misses since the cache was created or cleared). */
    public record TableStats(Table table, long entries, long hits, long misses) {}

    /** An export_cache row. */
    public record ExportRow(long mtime, String contentHash, String exports) {}

    /** A validation_cache row. */
    public record ValidationRow(int valid, String output) {}

    private final Connection db;
    private final Clock clock;
    // statements are prepared once per connection: a warm export check asks once per source file
    private final Map<String, PreparedStatement> statements = new java.util.HashMap<>();
    private final Map<Table, long[]> counts = new EnumMap<>(Table.class);

    private CacheDb(Connection db, Clock clock) {
        this.db = db;
        this.clock = clock;
        for (Table t : Table.values()) {
            counts.put(t, new long[2]);
        }
    }

    /**
     * Opens (creating) the cache at {@code file}. A file that is not a cache of ours is moved aside
     * to {@code cache.db.corrupt} and a fresh one is made; {@code warn} hears about it.
     */
    public static CacheDb open(Path file, Clock clock, Consumer<String> warn) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            return connect(file, clock);
        } catch (SQLException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
            warn.accept(file + " is not a usable cache (" + e.getMessage().lines().findFirst().orElse("")
                    + "); moved it to " + aside.getFileName() + " and started a new one");
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
            try {
                return connect(file, clock);
            } catch (SQLException again) {
                throw new IOException("cannot create the cache at " + file + ": " + again.getMessage(), again);
            }
        }
    }

    private static CacheDb connect(Path file, Clock clock) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA journal_mode = WAL");
            // a cache: losing the last writes to a power cut costs a re-scan, never correctness
            s.execute("PRAGMA synchronous = NORMAL");
            int version;
            try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
                version = r.next() ? r.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new SQLException("written by a newer blue (cache schema " + version + ")");
            }
            if (version != 0 && version != SCHEMA_VERSION) {
                throw new SQLException("unknown cache schema " + version);
            }
            List<String> tables = tables(s);
            if (!KNOWN_TABLES.containsAll(tables)) {
                throw new SQLException("it holds tables that are not blue's");
            }
            // set up unless it already is: each of these statements is a write, which a read-only run can skip
            if (version != SCHEMA_VERSION || tables.size() != KNOWN_TABLES.size() || statsRows(s) != Table.values().length) {
                for (String ddl : DDL) {
                    s.execute(ddl);
                }
                for (Table t : Table.values()) {
                    s.execute("INSERT OR IGNORE INTO cache_stats (table_name) VALUES ('" + t.sql + "')");
                }
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            }
            return new CacheDb(c, clock);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    private static final List<String> KNOWN_TABLES = List.of("export_cache", "contract_cache", "validation_cache",
            "cache_stats");

    private static List<String> tables(Statement s) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    private static int statsRows(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM cache_stats")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement p = statements.get(sql);
        if (p == null) {
            p = db.prepareStatement(sql);
            statements.put(sql, p);
        }
        return p;
    }

    private void count(Table t, boolean hit) {
        counts.get(t)[hit ? 0 : 1]++;
    }

    // ---------------------------------------------------------------- export_cache

    /** The cached exports of a source file, when its mtime or its content hash is unchanged. */
    public Optional<String> exports(String path, long mtime, java.util.function.Supplier<String> contentHash) {
        try {
            PreparedStatement p = statement("SELECT mtime, content_hash, exports FROM export_cache WHERE file_path = ?");
            p.setString(1, path);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    if (r.getLong(1) == mtime) {
                        count(Table.EXPORT, true);
                        return Optional.ofNullable(r.getString(3));
                    }
                    String hash = contentHash.get();
                    if (hash.equals(r.getString(2))) {
                        String exports = r.getString(3);
                        putExports(path, mtime, hash, exports); // touched, not changed
                        count(Table.EXPORT, true);
                        return Optional.ofNullable(exports);
                    }
                }
            }
        } catch (SQLException e) {
            // a cache that cannot be read is a miss
        }
        count(Table.EXPORT, false);
        return Optional.empty();
    }

    /**
     * Every export_cache row, read in one query: a check over thousands of source files asks for
     * each, and one query beats thousands. Hits and misses are then counted with {@link #countExport}.
     */
    public Map<String, ExportRow> allExports() {
        Map<String, ExportRow> rows = new java.util.HashMap<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT file_path, mtime, content_hash, exports FROM export_cache")) {
            while (r.next()) {
                rows.put(r.getString(1), new ExportRow(r.getLong(2), r.getString(3), r.getString(4)));
            }
        } catch (SQLException e) {
            rows.clear(); // unreadable: every lookup is a miss
        }
        return rows;
    }

    /** Counts an export_cache lookup answered from {@link #allExports}. */
    public void countExport(boolean hit) {
        count(Table.EXPORT, hit);
    }

    public void putExports(String path, long mtime, String contentHash, String exports) {
        update("INSERT OR REPLACE INTO export_cache (file_path, mtime, content_hash, exports, cached_at)"
                + " VALUES (?, ?, ?, ?, ?)", path, mtime, contentHash, exports, clock.millis());
    }

    // ---------------------------------------------------------------- contract_cache

    /** The cached schema (JSON text) of a contract version, valid only for the realm commit it was cached at. */
    public Optional<String> contractSchema(String domain, String contract, String version, String realmCommit) {
        try {
            PreparedStatement p = statement("SELECT schema, realm_commit FROM contract_cache"
                    + " WHERE domain = ? AND contract = ? AND version = ?");
            p.setString(1, domain);
            p.setString(2, contract);
            p.setString(3, version);
            try (ResultSet r = p.executeQuery()) {
                if (r.next() && realmCommit.equals(r.getString(2))) {
                    count(Table.CONTRACT, true);
                    return Optional.ofNullable(r.getString(1));
                }
            }
        } catch (SQLException e) {
            // a miss
        }
        count(Table.CONTRACT, false);
        return Optional.empty();
    }

    public void putContractSchema(String domain, String contract, String version, String realmCommit, String schema) {
        update("INSERT OR REPLACE INTO contract_cache (domain, contract, version, schema, realm_commit, cached_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", domain, contract, version, schema, realmCommit, clock.millis());
    }

    // ---------------------------------------------------------------- validation_cache

    /** A cached hook result for a contract version and binding (hook, binding file and value) hash. */
    public Optional<ValidationRow> validation(String contract, String version, String bindingHash) {
        try {
            PreparedStatement p = statement("SELECT valid, output FROM validation_cache"
                    + " WHERE contract = ? AND version = ? AND binding_hash = ?");
            p.setString(1, contract);
            p.setString(2, version);
            p.setString(3, bindingHash);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    count(Table.VALIDATION, true);
                    return Optional.of(new ValidationRow(r.getInt(1), r.getString(2)));
                }
            }
        } catch (SQLException e) {
            // a miss
        }
        count(Table.VALIDATION, false);
        return Optional.empty();
    }

    public void putValidation(String contract, String version, String bindingHash, int valid, String output) {
        update("INSERT OR REPLACE INTO validation_cache (contract, version, binding_hash, valid, output, validated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", contract, version, bindingHash, valid, output, clock.millis());
    }

    // ---------------------------------------------------------------- admin

    /** Entries and hit counts per table (this process's counts included). */
    public List<TableStats> stats() throws SQLException {
        flushCounts();
        List<TableStats> out = new ArrayList<>();
        try (Statement s = db.createStatement()) {
            for (Table t : Table.values()) {
                long entries;
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + t.sql)) {
                    entries = r.next() ? r.getLong(1) : 0;
                }
                try (ResultSet r = s.executeQuery("SELECT hits, misses FROM cache_stats WHERE table_name = '"
                        + t.sql + "'")) {
                    out.add(r.next() ? new TableStats(t, entries, r.getLong(1), r.getLong(2))
                            : new TableStats(t, entries, 0, 0));
                }
            }
        }
        return out;
    }

    /** Empties every table and resets the hit counts. */
    public void clear() throws SQLException {
        counts.values().forEach(c -> {
            c[0] = 0;
            c[1] = 0;
        });
        try (Statement s = db.createStatement()) {
            for (Table t : Table.values()) {
                s.execute("DELETE FROM " + t.sql);
            }
            s.execute("UPDATE cache_stats SET hits = 0, misses = 0");
        }
    }

    private void update(String sql, Object... args) {
        try {
            PreparedStatement p = statement(sql);
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            p.executeUpdate();
        } catch (SQLException e) {
            // the cache is an optimisation: a write that fails (disk full, locked too long) is skipped
        }
    }

    private void flushCounts() {
        for (Map.Entry<Table, long[]> e : counts.entrySet()) {
            long[] c = e.getValue();
            if (c[0] != 0 || c[1] != 0) {
                update("UPDATE cache_stats SET hits = hits + ?, misses = misses + ? WHERE table_name = ?", c[0], c[1],
                        e.getKey().sql);
                c[0] = 0;
                c[1] = 0;
            }
        }
    }

    @Override
    public void close() {
        flushCounts();
        try {
            for (PreparedStatement p : statements.values()) {
                p.close();
            }
            db.close();
        } catch (SQLException e) {
            // nothing left to do with it
        }
    }
}
