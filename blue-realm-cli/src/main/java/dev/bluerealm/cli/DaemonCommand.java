package dev.bluerealm.cli;

import dev.bluerealm.daemon.DaemonMain;
import dev.bluerealm.daemon.DaemonStatus;
import dev.bluerealm.daemon.Daemons;
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

/** {@code blue daemon start|stop|status|run}: the per-machine daemon of this {@code BLUE_HOME} (DESIGN §6). */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "Start, stop and inspect the daemon that tells every session on this machine what changed.",
        subcommands = {DaemonCommand.Start.class, DaemonCommand.Stop.class, DaemonCommand.Status.class,
                DaemonCommand.Run.class},
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
}
