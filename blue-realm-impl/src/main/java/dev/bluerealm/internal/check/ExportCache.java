package dev.bluerealm.internal.check;

import dev.bluerealm.internal.cache.CacheDb;
import dev.bluerealm.internal.extract.FileScan;
import dev.bluerealm.internal.extract.Json;
import dev.bluerealm.internal.extract.Marker;
import dev.bluerealm.internal.extract.Problem;
import dev.bluerealm.internal.extract.ScanCache;
import dev.bluerealm.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The export_cache table as a {@link ScanCache}: a source file's marker scan, kept with its mtime and
 * content hash (the RFC's rule: invalidate when the file's mtime changes, and here only if its
 * content changed too). A scan is specific to the set of contracts the binding exports.
 */
final class ExportCache implements ScanCache {
    private final CacheDb db;
    private Map<String, CacheDb.ExportRow> rows; // read in one query on first use
    // most files carry no marker and share one cached text: decode each distinct text once
    private final Map<String, Optional<FileScan>> decoded = new java.util.HashMap<>();

    ExportCache(CacheDb db) {
        this.db = db;
    }

    /** The cached exports of a file whose mtime, or else content hash, is unchanged. */
    private Optional<String> lookup(String file, long mtime, Path real) {
        if (rows == null) {
            rows = db.allExports();
        }
        CacheDb.ExportRow row = rows.get(file);
        if (row != null) {
            if (row.mtime() == mtime) {
                db.countExport(true);
                return Optional.ofNullable(row.exports());
            }
            String hash = hash(real);
            if (hash != null && hash.equals(row.contentHash())) {
                db.putExports(file, mtime, hash, row.exports()); // touched, not changed
                rows.put(file, new CacheDb.ExportRow(mtime, hash, row.exports()));
                db.countExport(true);
                return Optional.ofNullable(row.exports());
            }
        }
        db.countExport(false);
        return Optional.empty();
    }

    @Override
    public FileScan get(String file, Path real, long knownMtime, Collection<String> exported, Supplier<FileScan> scan) {
        long mtime = knownMtime;
        if (mtime < 0) {
            try {
                mtime = Files.getLastModifiedTime(real).toMillis();
            } catch (IOException e) {
                return scan.get(); // missing or unreadable: the scan reports it; nothing to cache
            }
        }
        String names = String.join(",", new TreeSet<>(exported));
        Optional<String> cached = lookup(file, mtime, real);
        if (cached.isPresent()) {
            String json = cached.get();
            Optional<FileScan> known = decoded.computeIfAbsent(names + "\n" + json, key -> decode(json, names));
            if (known.isPresent()) {
                return at(file, known.get());
            }
        }
        FileScan fresh = scan.get();
        String hash = hash(real);
        if (hash != null) {
            String json = encode(fresh, names).toJson();
            db.putExports(file, mtime, hash, json);
            rows.put(file, new CacheDb.ExportRow(mtime, hash, json));
        }
        return fresh;
    }

    private static String hash(Path real) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(real), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    private static JsonValue encode(FileScan scan, String names) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("exported", JsonValue.string(names));
        m.put("markers", JsonValue.array(scan.markers().stream().map(mk -> {
            Map<String, JsonValue> x = new LinkedHashMap<>();
            x.put("line", JsonValue.number(mk.line()));
            x.put("contract", JsonValue.string(mk.contract()));
            x.put("path", JsonValue.array(mk.path().stream().map(JsonValue::string).toList()));
            x.put("value", mk.value());
            return JsonValue.object(x);
        }).toList()));
        m.put("problems", JsonValue.array(scan.problems().stream().map(p -> {
            Map<String, JsonValue> x = new LinkedHashMap<>();
            x.put("file", JsonValue.string(p.file()));
            x.put("line", JsonValue.number(p.line()));
            x.put("message", JsonValue.string(p.message()));
            return JsonValue.object(x);
        }).toList()));
        return JsonValue.object(m);
    }

    /** The scan of {@code file}: a decoded scan is kept without its file name, which the row's key gives. */
    private static FileScan at(String file, FileScan scan) {
        if (scan.markers().isEmpty() && scan.problems().isEmpty()) {
            return new FileScan(file, List.of(), List.of());
        }
        return new FileScan(file, scan.markers().stream().map(m -> new Marker(file, m.line(), m.contract(), m.path(),
                m.value())).toList(), scan.problems().stream().map(p -> new Problem(file, p.line(), p.message())).toList());
    }

    /** The cached scan (its file to be filled in), or empty when it was made for other exports or cannot be read. */
    private static Optional<FileScan> decode(String json, String names) {
        try {
            JsonValue.JsonObject o = (JsonValue.JsonObject) Json.parse(json);
            if (!o.get("exported").equals(JsonValue.string(names))) {
                return Optional.empty();
            }
            String file = "";
            List<Marker> markers = new ArrayList<>();
            for (JsonValue v : ((JsonValue.JsonArray) o.get("markers")).items()) {
                JsonValue.JsonObject mk = (JsonValue.JsonObject) v;
                List<String> path = ((JsonValue.JsonArray) mk.get("path")).items().stream()
                        .map(p -> ((JsonValue.JsonString) p).value()).toList();
                markers.add(new Marker(file, ((JsonValue.JsonNumber) mk.get("line")).value().intValueExact(),
                        ((JsonValue.JsonString) mk.get("contract")).value(), path, mk.get("value")));
            }
            List<Problem> problems = new ArrayList<>();
            for (JsonValue v : ((JsonValue.JsonArray) o.get("problems")).items()) {
                JsonValue.JsonObject p = (JsonValue.JsonObject) v;
                problems.add(new Problem(((JsonValue.JsonString) p.get("file")).value(),
                        ((JsonValue.JsonNumber) p.get("line")).value().intValueExact(),
                        ((JsonValue.JsonString) p.get("message")).value()));
            }
            return Optional.of(new FileScan(file, markers, problems));
        } catch (Json.SyntaxException | ClassCastException | NullPointerException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
