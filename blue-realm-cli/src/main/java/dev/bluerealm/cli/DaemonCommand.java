package dev.bluerealm.cli;

import dev.bluerealm.daemon.DaemonLaunch;
import dev.bluerealm.daemon.DaemonMain;
import dev.bluerealm.daemon.DaemonStatus;
import dev.bluerealm.daemon.Daemons;
import dev.bluerealm.daemon.InstallResult;
import dev.bluerealm.daemon.ServiceInstaller;
import dev.bluerealm.daemon.ServiceSystem;
import dev.bluerealm.daemon.ServiceUnit;
import dev.bluerealm.daemon.StartResult;
import dev.bluerealm.json.JsonValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code blue daemon start|stop|status|run|install}: the per-machine daemon of this {@code BLUE_HOME} (DESIGN §6);
 * subcommands listed in {@link CommandTree}.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "Start, stop, inspect and install the daemon that tells every session on this machine what changed.",
        footer = {"", "Example:", "  blue daemon status"})
final class DaemonCommand {

    private static Path blueHome(CliContext context) {
        return context.options().build().resolvedBlueHome();
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the daemon detached; returns once it answers /health.",
            footer = {"", "Example:", "  blue daemon start"})
    static final class Start implements Callable<Integer> {
        private final CliContext context;
        @Spec CommandSpec spec;
        @Mixin Common common;

        Start(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            StartResult r = Daemons.start(blueHome(context), context.env());
            PrintWriter out = spec.commandLine().getOut();
            if (common.json) {
                Map<String, JsonValue> m = new LinkedHashMap<>();
                m.put("started", JsonValue.bool(r.started()));
                m.put("pid", JsonValue.number(r.pid()));
                m.put("port", JsonValue.number(r.port()));
                out.println(JsonValue.object(m).toPrettyJson());
            } else {
                out.println((r.started() ? Output.OK + " " : "") + r.message());
            }
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the daemon; returns once the process has exited and its PID file is gone.",
            footer = {"", "Example:", "  blue daemon stop"})
    static final class Stop implements Callable<Integer> {
        private final CliContext context;
        @Spec CommandSpec spec;
        @Mixin Common common;

        Stop(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            boolean stopped = Daemons.stop(blueHome(context), context.env());
            PrintWriter out = spec.commandLine().getOut();
            if (common.json) {
                out.println(JsonValue.object(Map.of("stopped", JsonValue.bool(stopped))).toPrettyJson());
            } else {
                out.println(stopped ? Output.OK + " daemon stopped" : "no daemon running for " + blueHome(context));
            }
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Whether the daemon runs, its pid and port.",
            footer = {"", "Example:", "  blue daemon status --json"})
    static final class Status implements Callable<Integer> {
        private final CliContext context;
        @Spec CommandSpec spec;
        @Mixin Common common;

        Status(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            DaemonStatus s = Daemons.status(blueHome(context), context.env());
            PrintWriter out = spec.commandLine().getOut();
            if (common.json) {
                Map<String, JsonValue> m = new LinkedHashMap<>();
                m.put("running", JsonValue.bool(s.running()));
                m.put("pid", s.running() ? JsonValue.number(s.pid()) : JsonValue.NULL);
                m.put("port", s.running() ? JsonValue.number(s.port()) : JsonValue.NULL);
                m.put("version", JsonValue.stringOrNull(s.version()));
                m.put("blue_home", JsonValue.string(String.valueOf(s.blueHome())));
                m.put("pid_file", JsonValue.stringOrNull(s.pidFile() == null ? null : s.pidFile().toString()));
                out.println(JsonValue.object(m).toPrettyJson());
            } else if (s.running()) {
                out.println(Output.OK + " daemon running on 127.0.0.1:" + s.port() + " (pid " + s.pid() + ", version "
                        + s.version() + ")");
                out.println("  BLUE_HOME " + s.blueHome() + ", PID file " + s.pidFile());
            } else {
                out.println("no daemon running for " + s.blueHome() + " (start one with `blue daemon start`)");
            }
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the daemon in the foreground (what a systemd or launchd unit calls); Ctrl-C stops it.",
            footer = {"", "Example:", "  blue daemon run --port 7865"})
    static final class Run implements Callable<Integer> {
        @Option(names = "--port", paramLabel = "PORT", description = "Port on 127.0.0.1 (default: BLUE_DAEMON_PORT or 7865).")
        Integer port;

        @Override
        public Integer call() {
            DaemonMain.main(port == null ? new String[] {"run"} : new String[] {"run", "--port", String.valueOf(port)});
            return 0;
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Write a systemd user unit (Linux) or a launchd agent (macOS) that runs the daemon at login,"
                    + " and print the command that enables it.",
            footer = {"", "Example:", "  blue daemon install",
                    "  blue daemon install --print --system launchd > blue.plist"})
    static final class Install implements Callable<Integer> {
        private final CliContext context;
        @Spec CommandSpec spec;
        @Mixin Common common;

        @Option(names = "--system", paramLabel = "SYSTEM",
                description = "systemd or launchd (default: systemd on Linux, launchd on macOS).")
        String system;

        @Option(names = "--print", description = "Print the unit on stdout instead of writing it.")
        boolean print;

        @Option(names = "--force", description = "Overwrite an existing unit that has other content.")
        boolean force;

        Install(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            ServiceSystem target = system == null ? ServiceSystem.forOs(System.getProperty("os.name"))
                    : ServiceSystem.parse(system);
            // bin/blue passes its own path; without it (jbang, an IDE) the unit runs this java and class path
            DaemonLaunch launch = DaemonLaunch.forService(System.getProperty(DaemonLaunch.LAUNCHER_PROPERTY));
            PrintWriter out = spec.commandLine().getOut();
            ServiceUnit unit;
            try {
                unit = ServiceUnit.of(target, launch, blueHome(context), context.env());
            } catch (IllegalArgumentException e) {
                return fail("IO_ERROR", "cannot write a " + target.description() + ": " + e.getMessage());
            }
            if (print) {
                if (common.json) {
                    Map<String, JsonValue> m = unitJson(unit, launch);
                    m.put("content", JsonValue.string(unit.content()));
                    out.println(JsonValue.object(m).toPrettyJson());
                } else {
                    out.print(unit.content());
                }
                return 0;
            }
            InstallResult r;
            try {
                r = ServiceInstaller.install(unit, force);
            } catch (ServiceInstaller.ConflictException e) {
                return fail("ALREADY_EXISTS", e.getMessage() + "; run `blue daemon install --force` to overwrite it"
                        + " (`--print` shows the new unit)");
            } catch (IOException e) {
                return fail("IO_ERROR", "cannot write " + unit.file() + ": " + e.getMessage());
            }
            if (common.json) {
                Map<String, JsonValue> m = unitJson(unit, launch);
                m.put("outcome", JsonValue.string(r.outcome().name().toLowerCase(java.util.Locale.ROOT)));
                out.println(JsonValue.object(m).toPrettyJson());
                return 0;
            }
            switch (r.outcome()) {
                case CREATED -> out.println(Output.OK + " Wrote " + unit.file() + " (" + target.description() + ")");
                case REPLACED -> out.println(Output.OK + " Replaced " + unit.file() + " (" + target.description() + ")");
                case UNCHANGED -> out.println(Output.OK + " Already installed: " + unit.file() + " (same content)");
            }
            out.println("  runs " + launch.display() + " with BLUE_HOME=" + blueHome(context));
            out.println("Enable and start it:");
            out.println("  " + unit.enableCommand());
            DaemonStatus running = Daemons.status(blueHome(context), context.env());
            if (running.running() && r.outcome() != InstallResult.Outcome.UNCHANGED) {
                // the service's daemon would find this one holding the lock and exit at once
                out.println("A daemon already runs (pid " + running.pid() + "): `blue daemon stop` it first, so that the"
                        + " service starts its own.");
            }
            return 0;
        }

        private static Map<String, JsonValue> unitJson(ServiceUnit unit, DaemonLaunch launch) {
            Map<String, JsonValue> m = new LinkedHashMap<>();
            m.put("system", JsonValue.string(unit.system().id()));
            m.put("file", JsonValue.string(unit.file().toString()));
            m.put("command", JsonValue.array(launch.command().stream().map(JsonValue::string).toList()));
            m.put("enable", JsonValue.string(unit.enableCommand()));
            return m;
        }

        /** Errors as every command reports them: {@code Error: …} on stderr, or {@code {error, code}} with --json. */
        private int fail(String code, String message) {
            if (common.json) {
                Map<String, JsonValue> m = new LinkedHashMap<>();
                m.put("error", JsonValue.string(message));
                m.put("code", JsonValue.string(code));
                spec.commandLine().getOut().println(JsonValue.object(m).toPrettyJson());
            } else {
                spec.commandLine().getErr().println("Error: " + message);
            }
            return 1;
        }
    }
}
