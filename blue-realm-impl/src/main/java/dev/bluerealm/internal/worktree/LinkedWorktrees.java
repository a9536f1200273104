package dev.bluerealm.internal.worktree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FileUtils;

/**
 * The linked worktrees of one repository, laid out as gitrepository-layout describes, so that
 * {@code git worktree list} and JGit both see them: {@code $GIT_COMMON_DIR/worktrees/<id>/} holds
 * {@code HEAD}, {@code commondir}, {@code gitdir} and the index; the worktree's {@code .git} file
 * points back with {@code gitdir: ...}.
 */
final class LinkedWorktrees implements AutoCloseable {
    private final Repository repo;
    private final Path commonDir;

    private LinkedWorktrees(Repository repo) throws IOException {
        this.repo = repo;
        this.commonDir = repo.getCommonDirectory().toPath().toRealPath();
    }

    /** The repository whose work tree (main or linked) contains {@code dir}, or empty when none does. */
    static Optional<LinkedWorktrees> open(Path dir) {
        FileRepositoryBuilder b = new FileRepositoryBuilder().findGitDir(dir.toFile());
        if (b.getGitDir() == null) {
            return Optional.empty();
        }
        try {
            Repository r = b.setMustExist(true).build();
            if (r.isBare()) {
                r.close();
                return Optional.empty();
            }
            return Optional.of(new LinkedWorktrees(r));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The main work tree: the folder holding the common {@code .git} directory. From inside a
     * linked worktree this is the repo the worktree belongs to, so worktrees never nest.
     */
    Path mainWorkTree() throws IOException {
        if (commonDir.getFileName().toString().equals(Constants.DOT_GIT)) {
            return commonDir.getParent();
        }
        return repo.getWorkTree().toPath().toRealPath();
    }

    /** A worktree of this repository: its folder, admin directory and HEAD (a ref name, or a commit id when detached). */
    record Linked(Path folder, Path adminDir, String head) {}

    /** {@code folder} as a linked worktree of this repository, or empty when it is not one. */
    Optional<Linked> linked(Path folder) throws IOException {
        Path dotGit = folder.resolve(Constants.DOT_GIT);
        if (!Files.isRegularFile(dotGit)) {
            return Optional.empty();
        }
        String text = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
        if (!text.startsWith(Constants.GITDIR)) {
            return Optional.empty();
        }
        Path admin = folder.resolve(text.substring(Constants.GITDIR.length()).trim()).normalize();
        if (!Files.isRegularFile(admin.resolve(Constants.HEAD))) {
            return Optional.empty();
        }
        admin = admin.toRealPath();
        if (!admin.getParent().equals(commonDir.resolve("worktrees"))) {
            return Optional.empty(); // a worktree of another repository
        }
        return Optional.of(new Linked(folder, admin, head(admin.resolve(Constants.HEAD))));
    }

    /** A HEAD file's branch (a ref name), or its commit id when detached. */
    private static String head(Path headFile) throws IOException {
        String head = Files.readString(headFile, StandardCharsets.UTF_8).trim();
        return head.startsWith("ref: ") ? head.substring("ref: ".length()).trim() : head;
    }

    /** The default branch: HEAD's branch in the main work tree unless it is {@code avoid}, else {@code main}. */
    String defaultBranch(String avoid) throws IOException {
        Path mainHead = commonDir.resolve(Constants.HEAD); // the main work tree's, wherever we were opened from
        String target = Files.isRegularFile(mainHead) ? head(mainHead) : null;
        if (target != null && target.startsWith(Constants.R_HEADS) && !target.equals(avoid)) {
            return target;
        }
        return Constants.R_HEADS + "main";
    }

    /** The commit a ref points at, or null. */
    ObjectId resolve(String ref) throws IOException {
        Ref r = repo.exactRef(ref);
        return r == null ? null : r.getObjectId();
    }

    /** Where {@code branch} is checked out (the main work tree or a linked one), or empty. */
    Optional<Path> checkedOutAt(String branch) throws IOException {
        if (Files.isRegularFile(commonDir.resolve(Constants.HEAD)) && head(commonDir.resolve(Constants.HEAD)).equals(branch)) {
            return Optional.of(mainWorkTree());
        }
        Path worktrees = commonDir.resolve("worktrees");
        if (!Files.isDirectory(worktrees)) {
            return Optional.empty();
        }
        try (Stream<Path> admins = Files.list(worktrees)) {
            for (Path admin : admins.sorted().toList()) {
                if (Files.isRegularFile(admin.resolve(Constants.HEAD)) && head(admin.resolve(Constants.HEAD)).equals(branch)) {
                    Path gitdir = admin.resolve("gitdir");
                    return Optional.of(Files.isRegularFile(gitdir)
                            ? Path.of(Files.readString(gitdir, StandardCharsets.UTF_8).trim()).getParent() : admin);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Makes {@code folder} (absent or empty) a worktree on {@code branch}, creating the branch at
     * {@code start} when it does not exist. Anything half made is removed again on failure.
     */
    Linked add(Path folder, String branch, ObjectId start) throws IOException {
        boolean newBranch = resolve(branch) == null;
        Path admin = null;
        boolean madeFolder = !Files.exists(folder);
        try {
            if (newBranch) {
                RefUpdate create = repo.updateRef(branch);
                create.setNewObjectId(start);
                create.setExpectedOldObjectId(ObjectId.zeroId());
                create.setRefLogMessage("branch: Created from " + Repository.shortenRefName(defaultBranch(branch)), false);
                RefUpdate.Result r = create.update();
                if (r != RefUpdate.Result.NEW) {
                    throw new IOException("cannot create branch " + branch + ": " + r);
                }
            }
            admin = freeAdminDir(folder.getFileName().toString());
            Files.createDirectories(admin);
            // git's own guard while a worktree is half made: `git worktree prune` leaves it alone
            Files.writeString(admin.resolve("locked"), "initializing\n", StandardCharsets.UTF_8);
            Files.createDirectories(folder);
            Path realFolder = folder.toRealPath();
            Files.writeString(admin.resolve("commondir"), "../..\n", StandardCharsets.UTF_8);
            Files.writeString(admin.resolve(Constants.HEAD), "ref: " + branch + "\n", StandardCharsets.UTF_8);
            Files.writeString(admin.resolve("gitdir"), realFolder.resolve(Constants.DOT_GIT) + "\n",
                    StandardCharsets.UTF_8);
            Files.writeString(realFolder.resolve(Constants.DOT_GIT), Constants.GITDIR + admin + "\n",
                    StandardCharsets.UTF_8);
            checkOut(admin, realFolder, resolve(branch));
            Files.delete(admin.resolve("locked"));
            return new Linked(realFolder, admin, branch);
        } catch (IOException | RuntimeException e) {
            if (madeFolder) {
                FileUtils.delete(folder.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
            }
            if (admin != null) {
                FileUtils.delete(admin.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
            }
            if (newBranch) {
                deleteBranch(branch);
            }
            throw e;
        }
    }

    /** git names the admin directory after the folder, adding a number when the name is taken. */
    private Path freeAdminDir(String name) {
        Path worktrees = commonDir.resolve("worktrees");
        Path admin = worktrees.resolve(name);
        for (int n = 1; Files.exists(admin); n++) {
            admin = worktrees.resolve(name + n);
        }
        return admin;
    }

    /** Fills the empty worktree and its index with the commit's tree, through the worktree's own repository. */
    private static void checkOut(Path admin, Path folder, ObjectId commit) throws IOException {
        try (Repository wt = new FileRepositoryBuilder().setGitDir(admin.toFile()).setWorkTree(folder.toFile())
                .setMustExist(true).build();
             RevWalk walk = new RevWalk(wt)) {
            RevCommit c = walk.parseCommit(commit);
            DirCacheCheckout checkout = new DirCacheCheckout(wt, wt.lockDirCache(), c.getTree());
            checkout.setFailOnConflict(true);
            if (!checkout.checkout()) {
                throw new IOException("cannot check out " + commit.name() + " into " + folder + ": "
                        + checkout.getConflicts());
            }
        }
    }

    /** The worktree has no uncommitted change and no untracked file (what {@code git worktree remove} asks too). */
    static boolean isClean(Linked worktree) throws IOException {
        try (Git git = Git.open(worktree.folder().toFile())) {
            return git.status().call().isClean();
        } catch (GitAPIException e) {
            throw new IOException("cannot read the status of " + worktree.folder() + ": " + e.getMessage(), e);
        }
    }

    /** Removes the worktree's folder and its admin directory (the branch stays). */
    void remove(Linked worktree) throws IOException {
        FileUtils.delete(worktree.folder().toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        FileUtils.delete(worktree.adminDir().toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        Path parent = worktree.folder().getParent();
        try (Stream<Path> left = Files.list(parent)) {
            if (left.findAny().isEmpty()) {
                Files.delete(parent); // the .worktrees folder, once its last worktree is gone
            }
        }
    }

    /** True when {@code branch}'s tip is reachable from {@code into}'s. */
    boolean isMerged(String branch, String into) throws IOException {
        ObjectId tip = resolve(branch);
        ObjectId base = resolve(into);
        if (tip == null || base == null) {
            return false;
        }
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.isMergedInto(walk.parseCommit(tip), walk.parseCommit(base));
        }
    }

    void deleteBranch(String branch) throws IOException {
        RefUpdate delete = repo.updateRef(branch);
        delete.setForceUpdate(true);
        RefUpdate.Result r = delete.delete();
        if (r != RefUpdate.Result.FORCED && r != RefUpdate.Result.NO_CHANGE && r != RefUpdate.Result.FAST_FORWARD) {
            throw new IOException("cannot delete branch " + branch + ": " + r);
        }
    }

    /**
     * Adds {@code pattern} to the repository's {@code info/exclude} (once), so its worktrees never show
     * as untracked files in the main checkout.
     */
    void exclude(String pattern) throws IOException {
        Path file = commonDir.resolve("info").resolve("exclude");
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        if (lines.stream().anyMatch(l -> l.trim().equals(pattern))) {
            return;
        }
        Files.createDirectories(file.getParent());
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
        Files.writeString(file, text + sep + pattern + "\n", StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        repo.close();
    }
}
