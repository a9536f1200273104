package dev.bluerealm.cli;

import dev.bluerealm.progress.ProgressListener;

/**
 * The progress display of one command run, if it has one: set by {@link Main#run} only on a terminal
 * (see {@link CliContext#showsProgress}), read by every {@link CliContext#options()} the command builds.
 */
final class ProgressSlot {
    private volatile ProgressListener listener;

    void set(ProgressListener listener) {
        this.listener = listener;
    }

    /** The display, or null when progress is not shown. */
    ProgressListener get() {
        return listener;
    }
}
