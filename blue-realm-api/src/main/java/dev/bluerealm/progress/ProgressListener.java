package dev.bluerealm.progress;

/**
 * Hears the progress of the engine's long work: each {@link ProgressTask} is started once, advanced
 * any number of times and ended exactly once, also when the work fails. Every method has an empty
 * default, so a listener overrides what it needs.
 *
 * <p>Tasks may run on several threads at once (a check works on every core), and a task may have a
 * parent (a clone's "Receiving objects" phase): calls come from the engine's threads, so an
 * implementation must be thread-safe and quick, as it runs inside the work it reports.
 *
 * <pre>{@code
 * ProgressListener log = new ProgressListener() {
 *     @Override
 *     public void ended(ProgressTask task, boolean completed) {
 *         System.err.println(task.path() + (completed ? " done" : " failed"));
 *     }
 * };
 * try (Realm realm = Realm.open(RealmOptions.builder().progress(log).build())) { ... }
 * }</pre>
 *
 * @since 0.1
 */
public interface ProgressListener {
    /** The listener that ignores everything: the default of {@code RealmOptions}. */
    static ProgressListener none() {
        return NoProgress.INSTANCE;
    }

    /** {@code task} began; nothing of it is done yet. */
    default void started(ProgressTask task) {}

    /**
     * {@code task} has {@code done} units done (of {@link ProgressTask#total()} when known); for one
     * task, {@code done} never decreases from one call to the next.
     */
    default void advanced(ProgressTask task, long done) {}

    /**
     * {@code task} ended: {@code completed} when its work succeeded, false when it failed or was
     * abandoned. A task's children have ended before it.
     */
    default void ended(ProgressTask task, boolean completed) {}
}
