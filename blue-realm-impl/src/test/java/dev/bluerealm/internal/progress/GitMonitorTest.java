package dev.bluerealm.internal.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.bluerealm.progress.ProgressListener;
import dev.bluerealm.progress.ProgressTask;
import dev.bluerealm.testing.RecordingProgress;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitMonitorTest {
    final RecordingProgress progress = new RecordingProgress();

    private List<String> events() {
        return progress.events().stream().map(Object::toString).toList();
    }

    @Test
    void phases_becomeChildTasks_endedInTurn() {
        try (GitMonitor m = Progress.of(progress).git("Fetching realm letemcook")) {
            m.start(2);
            m.beginTask("Receiving objects", 3);
            m.update(2);
            m.update(1);
            m.endTask();
            m.beginTask("Updating references", 0);
            m.complete();
        }
        progress.assertWellFormed();
        assertEquals(List.of("start Fetching realm letemcook /-1",
                "start Fetching realm letemcook: Receiving objects /3",
                "advance Fetching realm letemcook: Receiving objects 2",
                "advance Fetching realm letemcook: Receiving objects 3",
                "end Fetching realm letemcook: Receiving objects 1",
                "start Fetching realm letemcook: Updating references /-1",
                "end Fetching realm letemcook: Updating references 1",
                "end Fetching realm letemcook 1"), events());
    }

    @Test
    void close_withoutComplete_endsTheOpenPhaseThenTheOperation_notCompleted() {
        try (GitMonitor m = Progress.of(progress).git("Pushing main to letemcook")) {
            m.beginTask("Writing objects", 10);
            m.update(4); // JGit throws here and never calls endTask
        }
        progress.assertWellFormed();
        assertEquals(List.of("start Pushing main to letemcook /-1", "start Pushing main to letemcook: Writing objects /10",
                "advance Pushing main to letemcook: Writing objects 4",
                "end Pushing main to letemcook: Writing objects 0", "end Pushing main to letemcook 0"), events());
    }

    @Test
    void labelWithALineBreak_isOneLine_andAThrowingListenerIsIgnored() {
        ProgressListener throwing = new ProgressListener() {
            @Override
            public void started(ProgressTask task) {
                progress.started(task);
                throw new IllegalStateException("display gone");
            }
        };
        try (Progress.Task t = Progress.of(throwing).start("Running hook scripts/a\nb.sh", ProgressTask.UNKNOWN)) {
            t.advance(1);
        }
        assertEquals("Running hook scripts/a b.sh", progress.events().get(0).task().label());
    }

    @Test
    void none_reportsNothingAndMakesNoTasks() {
        try (Progress.Task t = Progress.of(ProgressListener.none()).start("Checking contracts", 3)) {
            t.advance(1);
            assertNull(t.task());
        }
        assertEquals(Progress.none(), Progress.of(ProgressListener.none()));
    }
}
