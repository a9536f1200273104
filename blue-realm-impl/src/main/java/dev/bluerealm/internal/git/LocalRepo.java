package dev.bluerealm.internal.git;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.RealmException;
import dev.bluerealm.RemoteException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** A participating repo's git facts: its root, origin URL and the identity configured in it. */
public final class LocalRepo {
    private LocalRepo() {}

    /** The work tree root of the git repository containing {@code dir}, or null when there is none. */
    public static Path root(Path dir) {
        FileRepositoryBuilder b = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        if (b.getGitDir() == null) {
            return null;
        }
        try (Repository r = b.setMustExist(true).build()) {
            return r.isBare() ? null : r.getWorkTree().toPath().toAbsolutePath().normalize();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The repo's {@code remote.origin.url}, or null. */
    public static String originUrl(Path root) {
        try (Repository r = open(root)) {
            return r.getConfig().getString("remote", "origin", "url");
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code user.email} as git sees it in this repo (repo, then global config), or null. */
    public static String email(Path root) {
        if (root == null) {
            return null;
        }
        try (Repository r = open(root)) {
            String email = r.getConfig().getString("user", null, "email");
            return email == null || email.isBlank() ? null : email.trim();
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code user.name} in this repo, or null. */
    public static String userName(Path root) {
        if (root == null) {
            return null;
        }
        try (Repository r = open(root)) {
            return r.getConfig().getString("user", null, "name");
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Clones {@code url} (its default branch checked out, {@code origin} set to {@code url}) into
     * {@code dir}, which must not exist, through {@code transports} (SSH keys and HTTP credentials as
     * for the realm). The clone is made in a hidden folder beside {@code dir} and moved into place
     * once complete, so a failed or interrupted clone never leaves {@code dir} half made.
     *
     * @throws RealmException REMOTE_ERROR when the clone fails (the URL's password and any secret
     *     redacted), ALREADY_EXISTS when {@code dir} appeared meanwhile, IO_ERROR for the local folders
     */
    public static void cloneInto(String url, Path dir, Transports transports) throws RealmException {
        Path parent = dir.toAbsolutePath().getParent();
        Path tmp;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + dir.getFileName() + ".clone-");
        } catch (IOException e) {
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot create a folder in " + parent + ": " + e.getMessage(),
                    e);
        }
        try {
            try (Git git = Git.cloneRepository().setURI(url).setDirectory(tmp.toFile())
                    .setTransportConfigCallback(transports).call()) {
                transports.succeeded();
            } catch (GitAPIException | RuntimeException e) {
                throw transports.failure("cannot clone " + url + " into " + dir, e);
            }
            try {
                Files.move(tmp, dir); // a rename: the same folder, so the same file system
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new InvalidRequestException(ErrorCode.ALREADY_EXISTS, dir + " appeared while "
                        + transports.redact(url) + " was being cloned; it was left as it is");
            } catch (IOException e) {
                throw new RemoteException(ErrorCode.IO_ERROR, "cannot move the clone into " + dir + ": "
                        + e.getMessage(), e);
            }
        } finally {
            Files2.deleteQuietly(tmp); // gone once moved; otherwise what the failed clone left
        }
    }

    private static Repository open(Path root) throws IOException {
        return new FileRepositoryBuilder().findGitDir(root.toFile()).setMustExist(true).build();
    }

    /** Creates a repository with one commit on main holding {@code files}. */
    public static void create(Path dir, Map<String, String> files, PersonIdent author) throws RealmException {
        if (Files.exists(dir.resolve(".git"))) {
            throw new InvalidRequestException(ErrorCode.ALREADY_EXISTS, dir + " is a git repository already");
        }
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch(RealmStore.BRANCH).call()) {
            git.getRepository().getConfig().setString("user", null, "email", author.getEmailAddress());
            git.getRepository().getConfig().setString("user", null, "name", author.getName());
            git.getRepository().getConfig().save();
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = dir.resolve(f.getKey()).normalize();
                if (!file.startsWith(dir)) {
                    throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, f.getKey() + " is outside " + dir);
                }
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
            }
            git.add().addFilepattern(".").call();
            git.commit().setMessage("Initial commit").setAuthor(author).setCommitter(author).setSign(false).call();
        } catch (GitAPIException | IOException e) {
            throw new InvalidRequestException(ErrorCode.NOT_A_REPOSITORY, "cannot create a git repository at " + dir
                    + ": " + e.getMessage(), e);
        }
    }
}
