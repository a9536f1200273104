package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.progress.ProgressTask;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The terminal's progress line, drawn into a StringWriter on a clock the test moves. */
class ProgressLineTest {
    static final String ERASE = "\u001b[K";

    /** A clock that stands still until the test moves it. */
    static final class TestClock extends Clock {
        long millis = 1_000_000;

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        void advance(long ms) {
            millis += ms;
        }
    }

    final TestClock clock = new TestClock();
    final StringWriter screen = new StringWriter();
    final ProgressLine line = new ProgressLine(screen, clock, ProgressLine.DELAY_MS, 80);

    @Test
    void shortWork_endingWithinTheDelay_printsNothing() {
        ProgressTask clone = new ProgressTask(null, "Cloning realm letemcook", ProgressTask.UNKNOWN);
        line.started(clone);
        clock.advance(100);
        ProgressTask receive = new ProgressTask(clone, "Receiving objects", 50);
        line.started(receive);
        line.advanced(receive, 50);
        clock.advance(150);
        line.tick();
        line.ended(receive, true);
        line.ended(clone, true);
        line.close();
        assertEquals("", screen.toString());
    }

    @Test
    void longWork_appearsAfterTheDelay_showsTheInnermostTaskWithItsCount_andIsErasedAtTheEnd() {
        ProgressTask clone = new ProgressTask(null, "Cloning realm letemcook", ProgressTask.UNKNOWN);
        ProgressTask receive = new ProgressTask(clone, "Receiving objects", 1200);
        line.started(clone);
        line.started(receive);
        clock.advance(299);
        line.advanced(receive, 100);
        assertEquals("", screen.toString(), "not before 300 ms");
        clock.advance(1);
        line.advanced(receive, 540);
        assertEquals("\r⏳ Cloning realm letemcook: Receiving objects  45% (540/1200)" + ERASE, screen.toString());
        line.ended(receive, true);
        line.ended(clone, true);
        assertTrue(screen.toString().endsWith("\r" + ERASE), "erased once nothing runs: " + screen);
    }

    @Test
    void manyUpdates_areThrottledToOneRedrawPerInterval() {
        ProgressTask t = new ProgressTask(null, "Checking contracts", 10_000);
        line.started(t);
        clock.advance(300);
        for (int i = 1; i <= 10_000; i++) {
            line.advanced(t, i);
            if (i % 100 == 0) {
                clock.advance(10); // 10,000 updates over one second
            }
        }
        long redraws = screen.toString().chars().filter(c -> c == '\r').count();
        assertTrue(redraws >= 9 && redraws <= 11, "about ten redraws in a second, not " + redraws);
    }

    @Test
    void silentTask_showsItsSecondsOnTicks() {
        line.started(new ProgressTask(null, "Running hook scripts/validate.sh (s3-permissions)", ProgressTask.UNKNOWN));
        clock.advance(300);
        line.tick();
        clock.advance(2_000);
        line.tick();
        assertEquals("\r⏳ Running hook scripts/validate.sh (s3-permissions)" + ERASE
                + "\r⏳ Running hook scripts/validate.sh (s3-permissions) 2s" + ERASE, screen.toString());
    }

    @Test
    void output_erasesTheLineFirst_andTheLineComesBackOnlyAfterAWholeLine() throws Exception {
        StringWriter out = new StringWriter();
        ProgressLine shared = new ProgressLine(out, clock, 0, 80); // one screen: stdout and stderr alike
        PrintWriter guarded = new PrintWriter(shared.guard(out), true);
        ProgressTask push = new ProgressTask(null, "Pushing main to letemcook", ProgressTask.UNKNOWN);
        shared.started(push);
        guarded.print("✓ Registered");
        clock.advance(1_000);
        shared.tick(); // mid-line: not drawn over the command's text
        guarded.println(" aperture");
        clock.advance(1_000);
        shared.tick();
        shared.ended(push, true);
        assertEquals("\r⏳ Pushing main to letemcook" + ERASE + "\r" + ERASE + "✓ Registered aperture"
                + System.lineSeparator() + "\r⏳ Pushing main to letemcook 2s" + ERASE + "\r" + ERASE, out.toString());
    }

    @Test
    void longLabel_isCutToTheTerminalsWidth_keepingTheCount() {
        ProgressLine narrow = new ProgressLine(screen, clock, 0, 40);
        ProgressTask t = new ProgressTask(null, "Extracting a-very-long-contract-name-indeed from source files", 7);
        narrow.started(t);
        clock.advance(ProgressLine.INTERVAL_MS);
        narrow.advanced(t, 3);
        String[] draws = screen.toString().split("\r");
        String text = draws[draws.length - 1].replace(ERASE, "");
        assertTrue(text.endsWith("…  42% (3/7)"), text);
        assertTrue(text.codePointCount(0, text.length()) + 1 <= 39, "fits in 39 columns with the wide icon: " + text);
    }

    @Test
    void afterClose_nothingIsDrawn() {
        ProgressTask t = new ProgressTask(null, "Fetching realm letemcook", ProgressTask.UNKNOWN);
        line.started(t);
        line.close();
        clock.advance(1_000);
        line.tick();
        line.ended(t, false);
        assertFalse(screen.toString().contains("Fetching"), screen.toString());
    }
}
