package dev.bluerealm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.bluerealm.progress.ProgressListener;
import dev.bluerealm.progress.ProgressTask;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A {@link ProgressListener} that keeps every call, in order, and checks the listener's contract: each
 * task starts once, after its parent; advances only while running, never going back nor past a known
 * total; ends exactly once, after its children.
 */
public final class RecordingProgress implements ProgressListener {
    /** One call: {@code kind} is "start", "advance" or "end"; {@code done} the count (advance) or 1/0 (end: completed). */
    public record Event(String kind, ProgressTask task, long done) {
        @Override
        public String toString() {
            return kind + " " + task.path() + (kind.equals("start") ? " /" + task.total() : " " + done);
        }
    }

    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void started(ProgressTask task) {
        events.add(new Event("start", task, 0));
    }

    @Override
    public synchronized void advanced(ProgressTask task, long done) {
        events.add(new Event("advance", task, done));
    }

    @Override
    public synchronized void ended(ProgressTask task, boolean completed) {
        events.add(new Event("end", task, completed ? 1 : 0));
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    public synchronized void clear() {
        events.clear();
    }

    /** The top-level tasks whose label starts with {@code prefix}, in the order they started. */
    public List<ProgressTask> roots(String prefix) {
        return events().stream().filter(e -> e.kind.equals("start") && e.task.parent() == null
                && e.task.label().startsWith(prefix)).map(Event::task).toList();
    }

    /** The tasks that are {@code parent}'s phases, in the order they started. */
    public List<ProgressTask> children(ProgressTask parent) {
        return events().stream().filter(e -> e.kind.equals("start") && e.task.parent() == parent).map(Event::task)
                .toList();
    }

    /** Whether {@code task} ended as completed. */
    public boolean completed(ProgressTask task) {
        return events().stream().filter(e -> e.kind.equals("end") && e.task == task).findFirst()
                .orElseThrow(() -> new AssertionError(task + " never ended: " + events())).done == 1;
    }

    /** The counts {@code task} was advanced to. */
    public List<Long> advances(ProgressTask task) {
        return events().stream().filter(e -> e.kind.equals("advance") && e.task == task).map(Event::done).toList();
    }

    /** Asserts the listener's contract over every call so far (see the class comment). */
    public void assertWellFormed() {
        List<Event> all = events();
        Map<ProgressTask, Integer> state = new IdentityHashMap<>(); // 1 running, 2 ended
        Map<ProgressTask, Long> done = new IdentityHashMap<>();
        for (Event e : all) {
            Integer s = state.get(e.task);
            switch (e.kind) {
                case "start":
                    assertEquals(null, s, "started twice: " + e + " in " + all);
                    if (e.task.parent() != null) {
                        assertEquals(1, state.get(e.task.parent()), "started outside its running parent: " + e + " in " + all);
                    }
                    state.put(e.task, 1);
                    break;
                case "advance":
                    assertEquals(1, s, "advanced while not running: " + e + " in " + all);
                    long before = done.getOrDefault(e.task, 0L);
                    assertTrue(e.done >= before, "went back: " + e + " in " + all);
                    assertTrue(!e.task.hasTotal() || e.done <= e.task.total(), "past its total: " + e + " in " + all);
                    done.put(e.task, e.done);
                    break;
                default:
                    assertEquals(1, s, "ended while not running: " + e + " in " + all);
                    for (Map.Entry<ProgressTask, Integer> other : state.entrySet()) {
                        if (other.getKey().parent() == e.task && other.getValue() == 1) {
                            fail("ended before its child " + other.getKey() + ": " + all);
                        }
                    }
                    state.put(e.task, 2);
            }
        }
        List<ProgressTask> running = state.entrySet().stream().filter(x -> x.getValue() == 1).map(Map.Entry::getKey)
                .toList();
        assertTrue(running.isEmpty(), "never ended: " + running + " in " + all);
        assertFalse(all.isEmpty(), "no progress at all");
    }

    /** The first event matching {@code p}'s index, or -1. */
    public int indexOf(Predicate<Event> p) {
        List<Event> all = events();
        for (int i = 0; i < all.size(); i++) {
            if (p.test(all.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
