package dev.bluerealm.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;

/**
 * Writes a {@link ServiceUnit}: creates it, leaves an identical one alone, and overwrites one with
 * other content only when told to. The file is written next to its place and moved there, so a
 * service manager never reads half a unit.
 *
 * @since 0.1
 */
public final class ServiceInstaller {
    private ServiceInstaller() {}

    /** Thrown when the unit's file exists with other content and {@code force} was not given. */
    public static final class ConflictException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Path file;
        private final String difference;

        ConflictException(Path file, String difference) {
            super(file + " exists with other content (" + difference + ")");
            this.file = file;
            this.difference = difference;
        }

        public Path file() {
            return file;
        }

        /** The first difference, e.g. {@code line 7: `ExecStart=/old/blue daemon run` there, `…` in the new unit}. */
        public String difference() {
            return difference;
        }
    }

    /**
     * Writes {@code unit} to its file unless that file already holds it.
     *
     * @param force overwrite a file with other content
     * @throws ConflictException when the file holds other content and {@code force} is false
     * @throws IOException when the file cannot be read or written
     */
    public static InstallResult install(ServiceUnit unit, boolean force) throws ConflictException, IOException {
        Objects.requireNonNull(unit, "unit");
        Path file = unit.file();
        boolean exists = Files.exists(file);
        if (exists) {
            String existing = Files.readString(file, StandardCharsets.UTF_8);
            if (existing.equals(unit.content())) {
                return new InstallResult(unit, InstallResult.Outcome.UNCHANGED);
            }
            if (!force) {
                throw conflict(file, existing, unit.content());
            }
        }
        writeAtomically(file, unit.content());
        return new InstallResult(unit, exists ? InstallResult.Outcome.REPLACED : InstallResult.Outcome.CREATED);
    }

    private static ConflictException conflict(Path file, String existing, String wanted) {
        List<String> a = existing.lines().toList();
        List<String> b = wanted.lines().toList();
        int i = 0;
        while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
            i++;
        }
        if (i == a.size() && i == b.size()) {
            return new ConflictException(file, "the same lines with other line endings");
        }
        return new ConflictException(file, "line " + (i + 1) + ": " + quote(a, i) + " there, " + quote(b, i)
                + " in the new unit");
    }

    private static String quote(List<String> lines, int i) {
        return i < lines.size() ? "`" + lines.get(i) + "`" : "nothing";
    }

    static void writeAtomically(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // a dot name ending in .tmp: neither systemd nor launchd loads it if it is ever left behind
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its defaults apply
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
