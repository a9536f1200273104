package dev.bluerealm.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The letemcook example: the RFC's three repos and the realm files their maintainers commit, as kept
 * in {@code examples/letemcook} of the source tree. The build copies that folder into the CLI's jar
 * (next to this class, under {@code letemcook/}), so {@code blue demo} runs on the very files a reader
 * finds there: there is no second copy.
 *
 * @param files each top folder ({@link #REPOS}, {@link #REALM}) → its files (path with {@code /} → text)
 */
record LetemcookExample(Map<String, Map<String, String>> files) {
    /** The sample repos, in the order the demo makes them. */
    static final List<String> REPOS = List.of("aperture", "fungal-image-analysis", "ml-infra");
    /** The folder of realm files committed after {@code domain create}: contracts and bindings. */
    static final String REALM = "realm";
    private static final String ANCHOR = "letemcook/README.md";

    /** The files of one top folder (path → text); empty when there is no such folder. */
    Map<String, String> of(String folder) {
        return files.getOrDefault(folder, Map.of());
    }

    /** Reads the example from the class path (the CLI's jar, or target/classes in a build). */
    static LetemcookExample load() throws IOException {
        URL anchor = LetemcookExample.class.getResource(ANCHOR);
        if (anchor == null) {
            throw new IOException("the letemcook example is missing from blue's jar (" + ANCHOR
                    + "); rebuild blue with `mvn install`");
        }
        URI uri;
        try {
            uri = anchor.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("cannot read the letemcook example at " + anchor + ": " + e.getMessage(), e);
        }
        if (!"jar".equals(uri.getScheme())) {
            return read(Path.of(uri).getParent());
        }
        FileSystem opened = null;
        try {
            try {
                opened = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                // someone else's: leave it open
            }
            return read(Path.of(uri).getParent());
        } finally {
            if (opened != null) {
                opened.close();
            }
        }
    }

    private static LetemcookExample read(Path root) throws IOException {
        Map<String, Map<String, String>> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path rel = root.relativize(file);
                if (rel.getNameCount() < 2) {
                    continue; // README.md: about the example, not part of it
                }
                String top = rel.getName(0).toString();
                String path = rel.subpath(1, rel.getNameCount()).toString().replace(rel.getFileSystem().getSeparator(), "/");
                files.computeIfAbsent(top, k -> new TreeMap<>()).put(path, Files.readString(file));
            }
        }
        return new LetemcookExample(files);
    }
}
