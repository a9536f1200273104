package dev.bluerealm.cli;

import dev.bluerealm.progress.ProgressListener;
import dev.bluerealm.progress.ProgressTask;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The progress display on a terminal (DESIGN §7): one line on stderr, redrawn in place ({@code \r},
 * the text, then erase to the end of the line), showing the innermost running task — "⏳ Cloning
 * realm letemcook: Receiving objects  45% (540/1200)".
 *
 * <p>The engine reports every task however short; what is worth showing is decided here, where the
 * clock and the screen are: nothing until the work has gone on for {@link #DELAY_MS} (so a quick
 * command prints nothing at all), then at most one redraw per {@link #INTERVAL_MS}. A ticker thread
 * redraws meanwhile, so a hook that reports nothing between its start and end still shows its
 * seconds. The command's own output goes through {@link #guard}: the line is erased before any of it
 * is written and is drawn again only after a complete line, so the two never mix.
 */
final class ProgressLine implements ProgressListener, AutoCloseable {
    /** How long work goes on before the line appears. */
    static final long DELAY_MS = 300;
    /** The least time between two redraws. */
    static final long INTERVAL_MS = 100;
    /** Environment variable overriding {@link #DELAY_MS} (0 shows every task at once: for tests). */
    static final String DELAY_VARIABLE = "BLUE_PROGRESS_DELAY_MS";
    private static final String ERASE = "\u001b[K";

    private final Writer terminal;
    private final Clock clock;
    private final long delayMs;
    private final int width;
    private final List<Running> running = new ArrayList<>();
    private long busySince;
    private long lastDraw;
    private String shown; // the text on screen, null when the line is clear
    private boolean lineStart = true; // the command's output last ended a line
    private Thread ticker;
    private boolean closed;

    private static final class Running {
        final ProgressTask task;
        final long since;
        long done;

        Running(ProgressTask task, long since) {
            this.task = task;
            this.since = since;
        }
    }

    /**
     * @param terminal where the line is drawn (stderr)
     * @param width the terminal's columns: the line is cut to fit, as a wrapped line cannot be redrawn
     */
    ProgressLine(Writer terminal, Clock clock, long delayMs, int width) {
        this.terminal = terminal;
        this.clock = clock;
        this.delayMs = delayMs;
        this.width = Math.max(20, width);
    }

    /**
     * Shows the progress of the command {@code cli} runs: draws on {@code err}, routes the command's
     * output through {@link #guard}, hands itself to {@code context}'s options, and ticks.
     */
    static ProgressLine attach(CommandLine cli, CliContext context, PrintWriter out, PrintWriter err) {
        ProgressLine line = new ProgressLine(err, context.clock(), number(context.env().get(DELAY_VARIABLE), DELAY_MS),
                (int) number(context.env().get("COLUMNS"), 80));
        cli.setOut(new PrintWriter(line.guard(out), true));
        cli.setErr(new PrintWriter(line.guard(err), true));
        context.progress().set(line);
        line.startTicker();
        return line;
    }

    private static long number(String text, long otherwise) {
        try {
            return text == null ? otherwise : Math.max(0, Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private void startTicker() {
        ticker = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(INTERVAL_MS);
                    tick();
                }
            } catch (InterruptedException e) {
                // closed
            }
        }, "blue-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    @Override
    public synchronized void started(ProgressTask task) {
        long now = clock.millis();
        if (running.isEmpty()) {
            busySince = now;
        }
        running.add(new Running(task, now));
        draw(now);
    }

    @Override
    public synchronized void advanced(ProgressTask task, long done) {
        for (Running r : running) {
            if (r.task == task) {
                r.done = done;
            }
        }
        draw(clock.millis());
    }

    @Override
    public synchronized void ended(ProgressTask task, boolean completed) {
        running.removeIf(r -> r.task == task);
        if (running.isEmpty()) {
            clear();
        } else {
            draw(clock.millis());
        }
    }

    /** Redraws if due: the seconds of a task that reports nothing else move on. */
    synchronized void tick() {
        draw(clock.millis());
    }

    /** Erases the line and stops drawing; later output passes straight through. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            running.clear();
            clear();
            t = ticker;
        }
        if (t != null) {
            t.interrupt();
        }
    }

    /** {@code out} that erases the line before anything is written to it. */
    Writer guard(Writer out) {
        return new Writer() {
            @Override
            public void write(char[] chars, int off, int len) throws IOException {
                if (len <= 0) {
                    return;
                }
                synchronized (ProgressLine.this) {
                    clear();
                    out.write(chars, off, len);
                    out.flush(); // on screen before the line is drawn below it
                    lineStart = chars[off + len - 1] == '\n';
                }
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    private void draw(long now) {
        if (closed || running.isEmpty() || !lineStart || now - busySince < delayMs
                || shown != null && now - lastDraw < INTERVAL_MS) {
            return;
        }
        String text = text(running.get(running.size() - 1), now);
        if (text.equals(shown)) {
            return;
        }
        write("\r" + text + ERASE);
        shown = text;
        lastDraw = now;
    }

    private void clear() {
        if (shown != null) {
            write("\r" + ERASE);
            shown = null;
        }
    }

    private void write(String s) {
        try {
            terminal.write(s);
            terminal.flush();
        } catch (IOException e) {
            // a display that cannot be written to shows nothing; the work goes on
        }
    }

    /** "⏳ path  45% (540/1200)", "⏳ path (540)" or "⏳ path 3s", cut to the terminal's width. */
    String text(Running r, long now) {
        ProgressTask t = r.task;
        String count;
        if (t.hasTotal() && t.total() > 0) {
            count = String.format(" %3d%% (%d/%d)", Math.min(100, r.done * 100 / t.total()), r.done, t.total());
        } else if (r.done > 0) {
            count = " (" + r.done + ")";
        } else {
            long seconds = (now - r.since) / 1000;
            count = seconds > 0 ? " " + seconds + "s" : "";
        }
        String icon = Output.WAIT + " ";
        int room = width - 1 - 3 - count.length(); // the icon is two columns wide, and a space
        String path = t.path();
        if (path.codePointCount(0, path.length()) > room) {
            path = path.substring(0, path.offsetByCodePoints(0, Math.max(0, room - 1))) + "…";
        }
        return icon + path + count;
    }
}
