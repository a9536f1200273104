package dev.bluerealm.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheDbTest {
    @TempDir Path tmp;
    final Clock clock = Clock.systemUTC();

    private CacheDb open(List<String> warnings) throws Exception {
        return CacheDb.open(tmp.resolve(".blue/cache.db"), clock, warnings::add);
    }

    @Test
    void exports_sameMtime_isAHitWithoutHashing() throws Exception {
        try (CacheDb db = open(new ArrayList<>())) {
            db.putExports("a.py", 100, "h1", "[1]");
            AtomicInteger hashed = new AtomicInteger();
            assertEquals(Optional.of("[1]"), db.exports("a.py", 100, () -> {
                hashed.incrementAndGet();
                return "h1";
            }));
            assertEquals(0, hashed.get());
        }
    }

    @Test
    void exports_newMtimeSameContent_isAHit_newContent_isAMiss() throws Exception {
        try (CacheDb db = open(new ArrayList<>())) {
            db.putExports("a.py", 100, "h1", "[1]");
            assertEquals(Optional.of("[1]"), db.exports("a.py", 200, () -> "h1"));
            assertEquals(Optional.of("[1]"), db.exports("a.py", 200, () -> "unused"), "mtime was refreshed");
            assertEquals(Optional.empty(), db.exports("a.py", 300, () -> "h2"));
            assertEquals(Optional.empty(), db.exports("b.py", 300, () -> "h2"));
            CacheDb.TableStats s = db.stats().get(0);
            assertEquals(CacheDb.Table.EXPORT, s.table());
            assertEquals(1, s.entries());
            assertEquals(2, s.hits());
            assertEquals(2, s.misses());
        }
    }

    @Test
    void contractSchema_otherRealmCommit_isAMiss() throws Exception {
        try (CacheDb db = open(new ArrayList<>())) {
            db.putContractSchema("s3-access", "s3-permissions", "1.4.0", "c1", "{}");
            assertEquals(Optional.of("{}"), db.contractSchema("s3-access", "s3-permissions", "1.4.0", "c1"));
            assertEquals(Optional.empty(), db.contractSchema("s3-access", "s3-permissions", "1.4.0", "c2"));
        }
    }

    @Test
    void validation_keyedByVersionAndBindingHash() throws Exception {
        try (CacheDb db = open(new ArrayList<>())) {
            db.putValidation("s3-permissions", "1.4.0", "b1", 0, "ok");
            assertEquals(Optional.of(new CacheDb.ValidationRow(0, "ok")), db.validation("s3-permissions", "1.4.0", "b1"));
            assertEquals(Optional.empty(), db.validation("s3-permissions", "1.5.0", "b1"));
            assertEquals(Optional.empty(), db.validation("s3-permissions", "1.4.0", "b2"));
        }
    }

    @Test
    void clear_emptiesTablesAndStats_andStatsSurviveReopen() throws Exception {
        try (CacheDb db = open(new ArrayList<>())) {
            db.putExports("a.py", 1, "h", "[]");
            db.exports("a.py", 1, () -> "h");
        }
        try (CacheDb db = open(new ArrayList<>())) {
            assertEquals(1, db.stats().get(0).hits(), "hit counts are kept across processes");
            db.clear();
            assertEquals(0, db.stats().get(0).entries());
            assertEquals(0, db.stats().get(0).hits());
        }
    }

    @Test
    void open_garbageFile_isMovedAsideAndRebuiltWithAWarning() throws Exception {
        Files.createDirectories(tmp.resolve(".blue"));
        Files.writeString(tmp.resolve(".blue/cache.db"), "this is not sqlite at all, just text\n".repeat(100));
        List<String> warnings = new ArrayList<>();
        try (CacheDb db = open(warnings)) {
            db.putExports("a.py", 1, "h", "[]");
            assertEquals(Optional.of("[]"), db.exports("a.py", 1, () -> "h"));
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("not a usable cache"), warnings.get(0));
        assertTrue(Files.exists(tmp.resolve(".blue/cache.db.corrupt")));
    }

    @Test
    void open_foreignSqliteDatabase_isMovedAsideNotMixedWith() throws Exception {
        Files.createDirectories(tmp.resolve(".blue"));
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve(".blue/cache.db"))) {
            c.createStatement().execute("CREATE TABLE customers (id INTEGER)");
        }
        List<String> warnings = new ArrayList<>();
        try (CacheDb db = open(warnings)) {
            assertEquals(3, db.stats().size());
        }
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("not blue's"), warnings.get(0));
    }

    @Test
    void open_setUpCache_writesNothing_aDroppedTableOrStatsRowIsMadeAgain() throws Exception {
        open(new ArrayList<>()).close();
        Path file = tmp.resolve(".blue/cache.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(1, c.createStatement().executeQuery("PRAGMA user_version").getInt(1));
        }
        String changes = totalChanges(file);
        open(new ArrayList<>()).close(); // already set up: a read-only open
        assertEquals(changes, totalChanges(file));
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("DROP TABLE validation_cache");
            c.createStatement().execute("DELETE FROM cache_stats WHERE table_name = 'export_cache'");
        }
        List<String> warnings = new ArrayList<>();
        try (CacheDb db = open(warnings)) {
            db.putValidation("c", "1.0.0", "b", 0, "ok");
            assertEquals(Optional.of(new CacheDb.ValidationRow(0, "ok")), db.validation("c", "1.0.0", "b"));
            db.exports("a.py", 1, () -> "h");
            assertEquals(1, db.stats().get(0).misses(), "the export_cache stats row is back");
        }
        assertEquals(List.of(), warnings);
    }

    /** The database file as a closed cache leaves it: every write committed since changes its header. */
    private static String totalChanges(Path file) throws Exception {
        return Files.getLastModifiedTime(file) + " " + java.util.Arrays.hashCode(Files.readAllBytes(file));
    }

    @Test
    void concurrentWriters_bothSucceed() throws Exception {
        open(new ArrayList<>()).close();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int id = w;
                results.add(pool.submit(() -> {
                    try (CacheDb db = open(new ArrayList<>())) {
                        int found = 0;
                        for (int i = 0; i < 200; i++) {
                            db.putExports("f" + id + "-" + i, i, "h", "[]");
                            found += db.exports("f" + id + "-" + i, i, () -> "h").isPresent() ? 1 : 0;
                        }
                        return found;
                    }
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(200, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        try (CacheDb db = open(new ArrayList<>())) {
            assertEquals(400, db.stats().get(0).entries());
        }
    }
}
