package dev.bluerealm.internal.worktree;

import dev.bluerealm.worktree.WorktreeRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The RFC a checkout works on, read from its branch: {@code feat/NAME} (what {@link UnifiedWorktrees} makes). */
public final class ActiveRfc {
    private ActiveRfc() {}

    /** NAME when the checkout containing {@code dir} is on branch {@code feat/NAME}; else empty. */
    public static Optional<String> of(Path dir) {
        FileRepositoryBuilder b = new FileRepositoryBuilder().findGitDir(dir.toFile());
        if (b.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository r = b.setMustExist(true).build()) {
            String branch = r.getBranch();
            if (branch == null || !branch.startsWith(WorktreeRequest.BRANCH_PREFIX)) {
                return Optional.empty();
            }
            String name = branch.substring(WorktreeRequest.BRANCH_PREFIX.length());
            return Optional.of(new WorktreeRequest(name, null, false).rfc());
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // no readable repository, or a feat/ branch that is no RFC name
        }
    }
}
