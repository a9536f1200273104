package dev.bluerealm.testing;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.RealmOptions;
import dev.bluerealm.admin.InitRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * A machine for tests: a {@code BLUE_HOME}, a workspace of repos with their own git identities,
 * and a fixed clock. Everything lives under one temp folder.
 *
 * <pre>{@code
 * TestRealm t = new TestRealm(tempDir);
 * Path aperture = t.repo("aperture", "eric@example.com");
 * try (Realm r = t.init("letemcook", aperture)) { ... }
 * }</pre>
 */
public final class TestRealm {
    public static final Instant NOW = Instant.parse("2026-01-24T10:00:00Z");
    public static final String ERIC = "eric@example.com";

    private final Path root;
    private final Path blueHome;
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    public TestRealm(Path root) {
        this.root = root;
        this.blueHome = root.resolve("blue-home");
    }

    public Path root() {
        return root;
    }

    public Path blueHome() {
        return blueHome;
    }

    public TestRealm clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** A git repo {@code name} in the workspace with one commit, whose {@code user.email} is {@code email}. */
    public Path repo(String name, String email) throws RealmException {
        Path dir = root.resolve("work").resolve(name);
        Realm.createRepository(dir, Map.of("README.md", "# " + name + "\n"), email);
        return dir;
    }

    /** Options for a command run in {@code dir}. */
    public RealmOptions.Builder options(Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", root.resolve("home").toString());
        return RealmOptions.builder().workingDirectory(dir).environment(env).blueHome(blueHome).clock(clock);
    }

    /** {@code init --name NAME} run from {@code dir} (whose git identity becomes the first approver). */
    public Realm init(String name, Path dir) throws RealmException {
        return Realm.init(new InitRequest(name, null), options(dir).build());
    }

    /** The embedded default remote of a realm. */
    public Path remote(String realm) {
        return blueHome.resolve("remotes").resolve(realm + ".git");
    }

    /** The remote's main, or null. */
    public static ObjectId head(Path bare) throws IOException {
        try (Repository r = Git.open(bare.toFile()).getRepository()) {
            return r.resolve("refs/heads/main");
        }
    }

    /** Reads a file of the remote's main through a fresh clone (what another machine would see). */
    public String remoteFile(Path bare, String path) throws Exception {
        Path dir = Files.createTempDirectory(root, "peek");
        try (Git g = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(dir.toFile()).call()) {
            Path f = dir.resolve(path);
            return Files.exists(f) ? Files.readString(f) : null;
        }
    }

    /** A file at a ref of a bare repository (read from its objects), or null when the ref or the file is absent. */
    public String remoteFileAt(Path bare, String ref, String path) throws IOException {
        try (Repository r = Git.open(bare.toFile()).getRepository()) {
            ObjectId id = r.resolve(ref);
            if (id == null) {
                return null;
            }
            try (org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(r);
                 org.eclipse.jgit.treewalk.TreeWalk tree = org.eclipse.jgit.treewalk.TreeWalk.forPath(r, path,
                         walk.parseCommit(id).getTree())) {
                return tree == null ? null : new String(r.open(tree.getObjectId(0)).getBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * Commits files straight to a realm's remote, as another org (or a realm maintainer by hand)
     * would: path → content, null content deletes. Returns the new commit.
     */
    public ObjectId commitToRemote(String realm, Map<String, String> files, String message) throws Exception {
        return commitTo(remote(realm), files, message);
    }

    /** {@link #commitToRemote} for any bare repository on disk. */
    public ObjectId commitTo(Path bare, Map<String, String> files, String message) throws Exception {
        Path dir = Files.createTempDirectory(root, "edit");
        try (Git g = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(dir.toFile()).call()) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = dir.resolve(f.getKey());
                if (f.getValue() == null) {
                    Files.deleteIfExists(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, f.getValue());
                }
            }
            g.add().addFilepattern(".").call();
            g.add().addFilepattern(".").setUpdate(true).call();
            ObjectId id = g.commit().setMessage(message).setAuthor("editor", "editor@example.com")
                    .setCommitter("editor", "editor@example.com").setSign(false).call();
            g.push().call();
            return id;
        }
    }

    /** A fresh clone of the realm's remote: a realm checkout, as the realm repo's own CI has. */
    public Path realmCheckout(String realm) throws Exception {
        Path dir = Files.createTempDirectory(root, "realm-checkout");
        Git.cloneRepository().setURI(remote(realm).toUri().toString()).setDirectory(dir.toFile()).call().close();
        return dir;
    }

    /** Commits files in a participating repo (hooks and sources must be committed code). */
    public static void commit(Path repo, Map<String, String> files, boolean executable) throws Exception {
        try (Git g = Git.open(repo.toFile())) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = repo.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue());
                if (executable) {
                    file.toFile().setExecutable(true);
                }
            }
            g.add().addFilepattern(".").call();
            g.commit().setMessage("edit").setSign(false).call();
        }
    }
}
