package dev.bluerealm.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.RealmOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTaskTest {
    @Test
    void path_joinsTheParentsLabels() {
        ProgressTask clone = new ProgressTask(null, "Cloning realm letemcook", ProgressTask.UNKNOWN);
        ProgressTask receive = new ProgressTask(clone, "Receiving objects", 1200);
        assertEquals("Cloning realm letemcook: Receiving objects", receive.path());
        assertTrue(receive.hasTotal());
        assertFalse(clone.hasTotal());
        assertSame(clone, receive.parent());
    }

    @Test
    void tasks_areComparedByIdentity() {
        assertNotEquals(new ProgressTask(null, "Checking contracts", 3), new ProgressTask(null, "Checking contracts", 3));
    }

    @Test
    void constructor_badLabelOrTotal_isRefused() {
        assertThrows(NullPointerException.class, () -> new ProgressTask(null, null, 1));
        assertThrows(IllegalArgumentException.class, () -> new ProgressTask(null, " ", 1));
        assertThrows(IllegalArgumentException.class, () -> new ProgressTask(null, "two\nlines", 1));
        assertThrows(IllegalArgumentException.class, () -> new ProgressTask(null, "Checking", -2));
        assertEquals(0, new ProgressTask(null, "Checking", 0).total());
    }

    @Test
    void realmOptions_progress_defaultsToNone_andTheOldConstructorStillWorks() {
        assertSame(ProgressListener.none(), RealmOptions.builder().build().progress());
        RealmOptions old = new RealmOptions(null, null, null, null, Path.of("."), Map.of(), Clock.systemUTC(), null, false);
        assertSame(ProgressListener.none(), old.progress());
        ProgressListener mine = new ProgressListener() {};
        RealmOptions with = RealmOptions.builder().progress(mine).build();
        assertSame(mine, with.progress());
        assertSame(mine, with.toBuilder().build().progress());
        assertThrows(NullPointerException.class, () -> RealmOptions.builder().progress(null));
    }
}
