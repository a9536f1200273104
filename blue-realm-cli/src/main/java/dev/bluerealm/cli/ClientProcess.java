package dev.bluerealm.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process a command serves: its pid (its daemon session's) and whether its output goes to a
 * terminal. That is this JVM when {@code blue} runs a command itself, and the client's process when the
 * daemon runs it for a client ({@link DaemonRunHost}).
 *
 * @param pid the process id
 * @param stdoutTerminal whether stdin and stdout are a terminal (a console)
 * @param stderrTerminal whether stderr is a terminal
 */
public record ClientProcess(long pid, boolean stdoutTerminal, boolean stderrTerminal) {
    /** This JVM. */
    public static ClientProcess current() {
        return new ClientProcess(ProcessHandle.current().pid(), System.console() != null, stderrIsTerminal());
    }

    /**
     * The console is stdin and stdout; stderr may still be redirected ({@code 2>log}). Where
     * {@code /proc} tells (Linux), it must be a terminal device; elsewhere the console decides.
     */
    private static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return System.console() != null && !Files.exists(fd);
        }
    }
}
