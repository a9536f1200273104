package dev.bluerealm.internal.progress;

import org.eclipse.jgit.lib.ProgressMonitor;

/**
 * A JGit {@link ProgressMonitor} reporting one operation (a clone, a fetch, a push) as a task
 * whose children are JGit's phases. JGit does not end its current phase when the operation fails,
 * so {@link #close()} does: used with try-with-resources, every task it started ends.
 */
public final class GitMonitor implements ProgressMonitor, AutoCloseable {
    /** The monitor of progress that goes nowhere. */
    static final GitMonitor NONE = new GitMonitor(Progress.Task.NONE);

    private final Progress.Task operation;
    private Progress.Task phase;

    GitMonitor(Progress.Task operation) {
        this.operation = operation;
    }

    @Override
    public void start(int totalTasks) {
        // the phases are reported as they begin
    }

    @Override
    public synchronized void beginTask(String title, int totalWork) {
        endPhase(true);
        phase = operation.child(title, totalWork <= 0 ? dev.bluerealm.progress.ProgressTask.UNKNOWN : totalWork);
    }

    @Override
    public synchronized void update(int completed) {
        if (phase != null) {
            phase.advance(completed);
        }
    }

    @Override
    public synchronized void endTask() {
        endPhase(true);
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public void showDuration(boolean enabled) {
        // durations are the listener's business
    }

    /** The operation succeeded: closing ends it as completed. */
    public void complete() {
        operation.complete();
    }

    /** Ends the open phase (completed if the operation is) and then the operation. */
    @Override
    public synchronized void close() {
        endPhase(operation.completed());
        operation.close();
    }

    private void endPhase(boolean completed) {
        if (phase != null) {
            if (completed) {
                phase.complete();
            }
            phase.close();
            phase = null;
        }
    }
}
