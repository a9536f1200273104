package dev.bluerealm.internal.realm;

import dev.bluerealm.model.RealmModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The last loaded model of a realm, kept beside its git data ({@code .git/blue/model.snapshot}) so
 * that the next process skips parsing thousands of YAML files when nothing changed. A snapshot is
 * used only when its key (the exact content of every realm file: the commit's tree id, or a digest
 * of the checkout's files) and the engine build that wrote it both match; it is checksummed, and
 * anything wrong with it means a normal load. Only a load without errors is kept.
 */
final class ModelSnapshots {
    static final String FILE = "blue/model.snapshot";
    /** How much younger than the newest file a stat-keyed snapshot must be to be trusted. */
    static final java.time.Duration RACY = java.time.Duration.ofSeconds(2);
    private static final byte[] MAGIC = "BLUESNAP".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final String build;

    /** @param gitDir the realm repository's git directory */
    ModelSnapshots(Path gitDir) {
        this(gitDir.resolve(FILE), engineBuild());
    }

    ModelSnapshots(Path file, String build) {
        this.file = file;
        this.build = build;
    }

    /** A loaded model and the blob ids of its contract files (by path), which seed the realm's history. */
    record Snapshot(RealmModel model, Map<String, ObjectId> contractBlobs) {}

    Path file() {
        return file;
    }

    /**
     * The snapshot for {@code key}, or empty when there is none, it is another's, it is damaged, or
     * it was written less than {@link #RACY} after {@code newestChange} (null: content-keyed).
     */
    Optional<Snapshot> read(String key, FileTime newestChange) {
        if (build == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (newestChange != null && Files.getLastModifiedTime(file).toMillis() - newestChange.toMillis()
                    <= RACY.toMillis()) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DataInputStream in = new DataInputStream(raw)) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC) || in.readInt() != SnapshotCodec.FORMAT
                    || !in.readUTF().equals(build) || !in.readUTF().equals(key)) {
                return Optional.empty();
            }
            byte[] payload = new byte[in.readInt()];
            in.readFully(payload);
            CRC32 crc = new CRC32();
            crc.update(payload);
            if (in.readLong() != crc.getValue()) {
                return Optional.empty();
            }
            DataInputStream body = new DataInputStream(new ByteArrayInputStream(payload));
            int n = body.readInt();
            Map<String, ObjectId> blobs = new TreeMap<>();
            byte[] id = new byte[20];
            for (int i = 0; i < n; i++) {
                String path = body.readUTF();
                body.readFully(id);
                blobs.put(path, ObjectId.fromRaw(id));
            }
            return Optional.of(new Snapshot(SnapshotCodec.read(body), blobs));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged or from an incompatible build: load normally
        }
    }

    /** Replaces the snapshot (atomically where the file system allows); failing to write is not an error. */
    void write(String key, Snapshot snapshot) {
        if (build == null) {
            return;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
            DataOutputStream body = new DataOutputStream(bytes);
            body.writeInt(snapshot.contractBlobs().size());
            byte[] id = new byte[20];
            for (Map.Entry<String, ObjectId> e : snapshot.contractBlobs().entrySet()) {
                body.writeUTF(e.getKey());
                e.getValue().copyRawTo(id, 0);
                body.write(id);
            }
            SnapshotCodec.write(body, snapshot.model());
            body.flush();
            byte[] payload = bytes.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(payload);
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "model", ".tmp");
            try {
                try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                     DataOutputStream out = new DataOutputStream(raw)) {
                    out.write(MAGIC);
                    out.writeInt(SnapshotCodec.FORMAT);
                    out.writeUTF(build);
                    out.writeUTF(key);
                    out.writeInt(payload.length);
                    out.write(payload);
                    out.writeLong(crc.getValue());
                }
                dev.bluerealm.internal.git.Files2.moveIntoPlace(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // a read-only or full disk: the next process loads normally
        }
    }

    /** Removes the snapshot; true when there was one. */
    boolean clear() throws IOException {
        return Files.deleteIfExists(file);
    }

    /**
     * This engine build's id, from the properties the build writes; null (no snapshots) when the
     * classes were not built by Maven, since then nothing tells one build from the next.
     */
    static String engineBuild() {
        Properties p = new Properties();
        try (InputStream in = ModelSnapshots.class.getResourceAsStream("engine.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no build id: snapshots are still keyed by content and format
        }
        String version = p.getProperty("version");
        String build = p.getProperty("build");
        if (version == null || build == null || version.contains("${") || build.contains("${")) {
            return null;
        }
        return version + "+" + build;
    }
}
