package dev.bluerealm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code java -cp 'lib/*' dev.bluerealm.cli.SqliteNative DIR}: copies sqlite-jdbc's native library for
 * this machine out of its jar into DIR once, at install time ({@code libexec/make-cds}), and prints
 * its path. Without it sqlite-jdbc writes the library to a new temporary file on every start (and
 * runs {@code uname} to choose it); {@code bin/blue} points it at this copy instead
 * ({@code -Dorg.sqlite.lib.path}), and sqlite-jdbc falls back to its own way if the copy cannot be
 * loaded. Exit code 1 when there is no library for this machine in the jar.
 */
public final class SqliteNative {
    private SqliteNative() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SqliteNative DIR");
            System.exit(64);
        }
        // sqlite-jdbc's own choice (os/arch folder, file name), looked up the way it loads it
        Class<?> util = Class.forName("org.sqlite.util.LibraryLoaderUtil");
        String folder = (String) util.getMethod("getNativeLibResourcePath").invoke(null);
        Method name = util.getMethod("getNativeLibName");
        String file = (String) name.invoke(null);
        Path dir = Path.of(args[0]).toAbsolutePath();
        Path target = dir.resolve(file);
        try (InputStream in = SqliteNative.class.getResourceAsStream(folder + "/" + file)) {
            if (in == null) {
                System.err.println("sqlite-jdbc has no native library for this machine (" + folder + ")");
                System.exit(1);
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file, ".tmp");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            System.err.println("cannot write " + target + ": " + e.getMessage());
            System.exit(1);
        }
        System.out.println(target);
    }
}
