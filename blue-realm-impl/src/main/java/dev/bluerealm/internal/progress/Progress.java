package dev.bluerealm.internal.progress;

import dev.bluerealm.progress.ProgressListener;
import dev.bluerealm.progress.ProgressTask;
import java.util.Objects;

/**
 * Reports tasks to a {@link ProgressListener}. Every task is reported, however short: what is worth
 * showing is for the listener to decide (the CLI shows nothing for work that ends within a moment),
 * since only it knows the clock and the screen. A listener that throws is ignored for that call, so
 * a broken display never breaks a clone.
 *
 * <pre>{@code
 * try (Progress.Task task = progress.start("Checking contracts", contracts.size())) {
 *     for (Contract c : contracts) { check(c); task.advance(1); }
 *     task.complete();
 * } // ended: completed only if complete() was reached
 * }</pre>
 */
public final class Progress {
    private static final Progress NONE = new Progress(null);

    private final ProgressListener listener; // null: reporting nowhere, and allocating nothing for it

    private Progress(ProgressListener listener) {
        this.listener = listener;
    }

    /** Progress reported to {@code listener}. */
    public static Progress of(ProgressListener listener) {
        Objects.requireNonNull(listener, "listener");
        return listener == ProgressListener.none() ? NONE : new Progress(listener);
    }

    /** Progress that goes nowhere. */
    public static Progress none() {
        return NONE;
    }

    /** Starts a task of {@code total} units ({@link ProgressTask#UNKNOWN} when not known). */
    public Task start(String label, long total) {
        return listener == null ? Task.NONE : new Task(listener, null, label, total);
    }

    /** Starts a task for a JGit operation, whose phases become its children. */
    public GitMonitor git(String label) {
        return listener == null ? GitMonitor.NONE : new GitMonitor(start(label, ProgressTask.UNKNOWN));
    }

    /** A started task; {@link #close()} ends it, completed only after {@link #complete()}. */
    public static final class Task implements AutoCloseable {
        /** The task of progress that goes nowhere: every call does nothing. */
        static final Task NONE = new Task();

        private final ProgressListener listener; // null for NONE
        private final ProgressTask task;
        private long done;
        private boolean completed;
        private boolean ended;

        private Task() {
            this.listener = null;
            this.task = null;
        }

        private Task(ProgressListener listener, Task parent, String label, long total) {
            this.listener = listener;
            this.task = new ProgressTask(parent == null ? null : parent.task, oneLine(label), total);
            try {
                listener.started(task);
            } catch (RuntimeException e) {
                // the listener's problem, not the work's: see the class comment
            }
        }

        /** Starts a phase of this task. */
        public Task child(String label, long total) {
            return listener == null ? NONE : new Task(listener, this, label, total);
        }

        /** {@code units} more are done (safe from several threads; the listener sees a rising count). */
        public synchronized void advance(long units) {
            if (listener == null || ended || units <= 0) {
                return;
            }
            done += units;
            try {
                listener.advanced(task, done);
            } catch (RuntimeException e) {
                // see the class comment
            }
        }

        /** The work succeeded: closing ends the task as completed. */
        public synchronized void complete() {
            completed = true;
        }

        /** Ends the task (once; later calls do nothing). */
        @Override
        public synchronized void close() {
            if (listener == null || ended) {
                return;
            }
            ended = true;
            try {
                listener.ended(task, completed);
            } catch (RuntimeException e) {
                // see the class comment
            }
        }

        synchronized boolean completed() {
            return completed;
        }

        /** The task as the listener sees it; null for a task of {@link Progress#none()}. */
        public ProgressTask task() {
            return task;
        }
    }

    /** Labels name scripts and URLs from realm content: a line break in one must not break the work. */
    private static String oneLine(String label) {
        String line = label == null ? "" : label.replaceAll("[\\r\\n]+", " ").strip();
        return line.isEmpty() ? "Working" : line;
    }
}
