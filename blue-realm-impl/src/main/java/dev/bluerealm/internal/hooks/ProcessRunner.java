package dev.bluerealm.internal.hooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs one process with a deadline and bounded capture: stdin fed from a byte array, stdout kept
 * from the start up to a limit (the JSON a command prints) or from the end (a hook's log), stderr
 * kept from the end, and on timeout the process and every process it started are killed.
 */
final class ProcessRunner {
    /** How long to wait for the output pipes to drain after the process exits (a background child may hold them). */
    private static final long DRAIN_MILLIS = 2000;

    private ProcessRunner() {}

    /** How a process ended. {@code exitCode} is -1 when it timed out. */
    record Execution(int exitCode, boolean timedOut, Capture stdout, Capture stderr) {}

    /** Keeps either the first or the last {@code limit} bytes of a stream, and counts them all. */
    static final class Capture {
        private final int limit;
        private final boolean keepHead;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private long total;

        Capture(int limit, boolean keepHead) {
            this.limit = limit;
            this.keepHead = keepHead;
        }

        synchronized void write(byte[] b, int n) {
            total += n;
            if (keepHead) {
                int room = Math.max(0, limit - buffer.size());
                buffer.write(b, 0, Math.min(room, n));
            } else {
                buffer.write(b, 0, n);
                if (buffer.size() > 2 * limit) {
                    trimTail();
                }
            }
        }

        private void trimTail() {
            byte[] all = buffer.toByteArray();
            buffer.reset();
            buffer.write(all, all.length - limit, limit);
        }

        synchronized byte[] bytes() {
            if (!keepHead && buffer.size() > limit) {
                trimTail();
            }
            return buffer.toByteArray();
        }

        synchronized long total() {
            return total;
        }

        synchronized boolean truncated() {
            return total > limit;
        }

        /** The kept bytes as text, with a note saying how much was left out. */
        String text() {
            byte[] b = bytes();
            String s = new String(b, StandardCharsets.UTF_8);
            if (!truncated()) {
                return s;
            }
            long dropped = total() - b.length;
            if (keepHead) {
                return s + "\n[… " + dropped + " more bytes not kept]";
            }
            // the cut may split a character: drop the partial one
            while (!s.isEmpty() && s.charAt(0) == '\uFFFD') {
                s = s.substring(1);
            }
            return "[… " + dropped + " earlier bytes not kept]\n" + s;
        }
    }

    /**
     * Runs {@code command} in {@code dir}.
     *
     * @param base the environment it starts from, or null for this process's
     * @param env variables to set on top (null values remove a variable)
     * @param mergeStderr whether stderr goes into {@code stdout} (interleaved) instead of {@code stderr}
     * @throws IOException when the process cannot be started
     */
    static Execution run(List<String> command, Path dir, Map<String, String> base, Map<String, String> env, byte[] stdin,
                         Duration timeout, boolean mergeStderr, int stdoutLimit, boolean stdoutKeepHead, int stderrLimit)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(mergeStderr);
        Map<String, String> environment = pb.environment();
        if (base != null) {
            environment.clear();
            environment.putAll(base);
        }
        env.forEach((k, v) -> {
            if (v == null) {
                environment.remove(k);
            } else {
                environment.put(k, v);
            }
        });
        Process p = pb.start();
        Capture out = new Capture(stdoutLimit, stdoutKeepHead);
        Capture err = new Capture(stderrLimit, false);
        Thread outReader = pump(p.getInputStream(), out, "hook-stdout");
        Thread errReader = mergeStderr ? null : pump(p.getErrorStream(), err, "hook-stderr");
        Thread writer = new Thread(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the process does not read its input, or exited: fine
            }
        }, "hook-stdin");
        writer.setDaemon(true);
        writer.start();
        boolean finished;
        try {
            finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(p);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command.get(command.size() - 1), e);
        }
        if (!finished) {
            killTree(p);
        }
        join(outReader);
        join(errReader);
        return new Execution(finished ? p.exitValue() : -1, !finished, out, err);
    }

    /** Kills the process and everything it started, parents before children so nothing new is forked. */
    static void killTree(Process p) {
        Set<ProcessHandle> seen = new LinkedHashSet<>();
        List<ProcessHandle> queue = new ArrayList<>();
        queue.add(p.toHandle());
        while (!queue.isEmpty()) {
            ProcessHandle h = queue.remove(0);
            if (!seen.add(h)) {
                continue;
            }
            List<ProcessHandle> children = h.children().collect(Collectors.toList());
            h.destroyForcibly();
            queue.addAll(children);
            // a child forked between the listing and the kill: look again
            h.children().forEach(queue::add);
        }
        // descendants that were listed late, or reparented while we worked
        for (ProcessHandle h : seen) {
            h.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread pump(InputStream in, Capture into, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream s = in) {
                int n;
                while ((n = s.read(buf)) > 0) {
                    into.write(buf, n);
                }
            } catch (IOException e) {
                // the pipe closed: what was read is kept
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void join(Thread t) {
        if (t == null) {
            return;
        }
        try {
            t.join(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
