package dev.bluerealm.daemon;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code DaemonMain run [--port P] [--detached]}: runs the daemon in the foreground until
 * SIGTERM/SIGINT (what a systemd or launchd unit calls). {@link Daemons#start} spawns it with
 * {@code --detached}: then SIGINT and SIGHUP are ignored, so a Ctrl-C meant for the command that
 * started it, or the terminal closing, does not take the machine's daemon down. Exit 0 when stopped
 * or when another daemon already runs; 1 when it cannot start; 2 on bad arguments.
 *
 * @since 0.1
 */
public final class DaemonMain {
    private DaemonMain() {}

    public static void main(String[] args) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("java.util.logging.manager", DaemonLogManager.class.getName());
        int code = run(args, System.getenv(), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs until the process is told to stop; returns the exit code. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Integer port = null;
        boolean detached = false;
        if (args.length == 0 || !args[0].equals("run")) {
            err.println("usage: DaemonMain run [--port P] [--detached]");
            return 2;
        }
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                try {
                    port = Integer.parseInt(args[++i]);
                } catch (NumberFormatException e) {
                    err.println("--port needs a number, got '" + args[i] + "'");
                    return 2;
                }
            } else if (args[i].equals("--detached")) {
                detached = true;
            } else {
                err.println("unknown argument '" + args[i] + "'; usage: DaemonMain run [--port P] [--detached]");
                return 2;
            }
        }
        DaemonConfig config;
        try {
            config = DaemonConfig.fromEnvironment(env, port);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (detached) {
            ignoreTerminalSignals();
        }
        DaemonServer daemon = DaemonServer.create(config);
        try {
            DaemonLog.install(config.blueHome());
            daemon.start();
        } catch (DaemonServer.AlreadyRunningException e) {
            out.println(e.getMessage());
            return 0;
        } catch (Exception e) {
            err.println("cannot start the daemon: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.stop();
            stopped.countDown();
        }, "blue-daemon-shutdown"));
        out.println("daemon running on 127.0.0.1:" + daemon.port() + " (pid " + ProcessHandle.current().pid() + ")");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    @SuppressWarnings("restriction")
    private static void ignoreTerminalSignals() {
        for (String name : new String[] {"INT", "HUP"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sun.misc.SignalHandler.SIG_IGN);
            } catch (IllegalArgumentException e) {
                // not a signal on this platform (HUP on Windows): nothing to ignore
            }
        }
    }
}
