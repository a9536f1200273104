package dev.bluerealm.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** {@code $BLUE_HOME/daemon.token}: 32 random bytes as hex, created once with mode 0600. */
final class DaemonToken {
    static final String FILE = "daemon.token";

    private DaemonToken() {}

    /** Reads the token, creating the file (0600, atomically, so two starters agree) when missing. */
    static String loadOrCreate(Path blueHome) throws IOException {
        Path file = blueHome.resolve(FILE);
        if (!Files.exists(file)) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String token = HexFormat.of().formatHex(bytes);
            Files.createDirectories(blueHome);
            try {
                boolean posix = Files.getFileStore(blueHome).supportsFileAttributeView("posix");
                if (posix) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
                Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
                return token;
            } catch (FileAlreadyExistsException e) {
                // another starter won; read theirs
            }
        }
        return read(file);
    }

    static String read(Path file) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            String t = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (t.length() == 64) {
                return t;
            }
            try {
                Thread.sleep(10); // the creator is still writing it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IOException(file + " does not hold a daemon token (64 hex characters)");
    }
}
