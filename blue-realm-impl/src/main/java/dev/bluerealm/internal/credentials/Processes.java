package dev.bluerealm.internal.credentials;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The child processes credential sources run ({@code git credential}, {@code secret-tool},
 * {@code security}): found on the {@code PATH} of the given environment, run with exactly that
 * environment (never the JVM's), stdin fed and closed, stdout kept up to a limit, stderr discarded
 * (it may echo what it was given), and the whole process tree killed at the deadline.
 */
final class Processes {
    static final int MAX_OUTPUT = 64 * 1024;

    private Processes() {}

    /** How a process ended: its exit code (-1 on timeout) and what it printed (at most {@link #MAX_OUTPUT} bytes). */
    record Result(int exitCode, boolean timedOut, String stdout) {
        boolean ok() {
            return !timedOut && exitCode == 0;
        }

        @Override
        public String toString() { // stdout may be a secret
            return "Result[exitCode=" + exitCode + ", timedOut=" + timedOut + ", stdout=" + stdout.length() + " chars]";
        }
    }

    /** {@code name} on the environment's {@code PATH}, if there is one and it is executable. */
    static Optional<Path> find(Map<String, String> environment, String name) {
        String path = environment.get("PATH");
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String candidate : windows ? List.of(name + ".exe", name + ".cmd", name) : List.of(name)) {
                try {
                    Path p = Path.of(dir, candidate);
                    if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                        return Optional.of(p);
                    }
                } catch (RuntimeException e) {
                    // an unusable PATH entry: skip it
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code command} in {@code dir} with exactly {@code environment}.
     *
     * @throws IOException when it cannot be started (no such program, or an environment the OS refuses)
     */
    static Result run(List<String> command, Map<String, String> environment, Path dir, byte[] stdin, Duration timeout)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        Process p;
        try {
            pb.environment().putAll(environment);
            p = pb.start();
        } catch (IllegalArgumentException e) { // a variable name or value the OS cannot take
            throw new IOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> pump(p.getInputStream(), out), "credential-stdout");
        reader.setDaemon(true);
        reader.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // it exited or does not read its input: fine
        }
        boolean finished;
        try {
            finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(p);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command.get(0), e);
        }
        if (!finished) {
            killTree(p);
        }
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String text;
        synchronized (out) {
            text = out.toString(StandardCharsets.UTF_8);
        }
        return new Result(finished ? p.exitValue() : -1, !finished, text);
    }

    private static void pump(InputStream in, ByteArrayOutputStream into) {
        byte[] buf = new byte[4096];
        try (InputStream s = in) {
            int n;
            while ((n = s.read(buf)) > 0) {
                synchronized (into) {
                    into.write(buf, 0, Math.min(n, Math.max(0, MAX_OUTPUT - into.size())));
                }
            }
        } catch (IOException e) {
            // the pipe closed: what was read is kept
        }
    }

    /** Kills the process and all its descendants (a helper may run a shell that runs something slow). */
    private static void killTree(Process p) {
        List<ProcessHandle> descendants = p.descendants().toList();
        p.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            p.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
