package dev.bluerealm.progress;

import java.util.Objects;

/**
 * One piece of long work the engine reports to a {@link ProgressListener}: what it is ({@link
 * #label()}, e.g. "Cloning file:///srv/realm.git", "Running hook scripts/validate.sh", "Checking
 * contracts") and how many units it has ({@link #total()}, or {@link #UNKNOWN}). A phase of a larger
 * task names it as its {@link #parent()}: a clone's "Receiving objects" has the clone as parent.
 *
 * <p>Tasks are compared by identity: two tasks with the same label are two tasks.
 *
 * <pre>{@code
 * ProgressTask clone = new ProgressTask(null, "Cloning file:///srv/realm.git", ProgressTask.UNKNOWN);
 * ProgressTask receive = new ProgressTask(clone, "Receiving objects", 1200);
 * receive.path();  // "Cloning file:///srv/realm.git: Receiving objects"
 * }</pre>
 *
 * @since 0.1
 */
public final class ProgressTask {
    /** The {@link #total()} of a task whose size is not known. */
    public static final long UNKNOWN = -1;

    private final ProgressTask parent;
    private final String label;
    private final long total;

    /**
     * @param parent the task this one is a phase of, or null
     * @param label what the task does, for people: one line, not blank
     * @param total how many units it has, or {@link #UNKNOWN}
     * @throws NullPointerException if {@code label} is null
     * @throws IllegalArgumentException if {@code label} is blank or holds a line break, or {@code total} is
     *     negative and not {@link #UNKNOWN}
     */
    public ProgressTask(ProgressTask parent, String label, long total) {
        Objects.requireNonNull(label, "label");
        if (label.isBlank() || label.indexOf('\n') >= 0 || label.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a task's label is one line of text, not '" + label + "'");
        }
        if (total < 0 && total != UNKNOWN) {
            throw new IllegalArgumentException("a task's total is at least 0, or UNKNOWN; not " + total);
        }
        this.parent = parent;
        this.label = label;
        this.total = total;
    }

    /** The task this one is a phase of, or null. */
    public ProgressTask parent() {
        return parent;
    }

    /** What the task does. */
    public String label() {
        return label;
    }

    /** How many units the task has, or {@link #UNKNOWN}. */
    public long total() {
        return total;
    }

    /** Whether {@link #total()} is known. */
    public boolean hasTotal() {
        return total != UNKNOWN;
    }

    /** The labels from the outermost parent down to this task, joined with ": ". */
    public String path() {
        return parent == null ? label : parent.path() + ": " + label;
    }

    @Override
    public String toString() {
        return path() + (hasTotal() ? " (" + total + ")" : "");
    }
}
