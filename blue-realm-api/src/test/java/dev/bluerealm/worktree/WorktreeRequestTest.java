package dev.bluerealm.worktree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WorktreeRequestTest {
    @Test
    void create_validName_branchAndFolderFromIt() {
        WorktreeRequest r = WorktreeRequest.create("training-metrics-v2");
        assertEquals("feat/training-metrics-v2", r.branch());
        assertEquals(".worktrees/feat-training-metrics-v2", r.folder());
    }

    @Test
    void new_namesGitCannotUseOrPathsCouldEscapeWith_refused() {
        for (String bad : new String[] {"", "Training", "a/b", "../x", "a..b", "x.", "x.lock", "-x", ".x", "a b",
                "a".repeat(65)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> WorktreeRequest.create(bad), bad);
            assertTrue(e.getMessage().contains("invalid RFC name"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new WorktreeRequest("ok", "Bad Domain", false));
    }

    @Test
    void outcome_json_isTheLowerCaseName() {
        assertEquals("skipped_dirty", WorktreeResult.Outcome.SKIPPED_DIRTY.json());
        assertTrue(WorktreeResult.Outcome.SKIPPED_NO_LOCAL_CLONE.skipped());
        assertTrue(!WorktreeResult.Outcome.BRANCH_KEPT_UNMERGED.skipped());
    }
}
