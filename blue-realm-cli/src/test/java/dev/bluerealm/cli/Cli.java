package dev.bluerealm.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code blue} through its entry point in a test machine: its own BLUE_HOME, HOME and clock. */
final class Cli {
    static final Instant NOW = Instant.parse("2026-01-24T10:00:00Z");

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private final Map<String, String> env = new HashMap<>();

    Cli(Path blueHome, Path home) {
        env.put("BLUE_HOME", blueHome.toString());
        env.put("HOME", home.toString());
        env.put("NO_COLOR", "1");
        env.put("BLUE_DAEMON", "off"); // tests that want a daemon say so (withDaemon): none starts one by accident
    }

    /**
     * The same machine with daemons wanted: auto-start on, a run directory of its own under
     * {@code runDir} and a free port, so no test meets the machine's daemon.
     */
    Cli withDaemon(Path runDir) {
        env.remove("BLUE_DAEMON");
        env.put("BLUE_DAEMON_PORT", "0");
        env.put("BLUE_DAEMON_RUN_DIR", runDir.toString());
        return this;
    }

    /** The same machine with one more environment variable. */
    Cli with(String name, String value) {
        env.put(name, value);
        return this;
    }

    Result run(Path cwd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new CliContext(cwd, env, Clock.fixed(NOW, ZoneOffset.UTC)), new PrintWriter(out),
                new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }
}
