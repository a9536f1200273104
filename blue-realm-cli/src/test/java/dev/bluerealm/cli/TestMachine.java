package dev.bluerealm.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment of a machine for tests that run real {@code blue} processes under {@code tmp}: its own
 * BLUE_HOME and HOME, no colour, no system git config, and a daemon of its own (any free port, its PID file
 * in {@code tmp/run}), fetching realms every {@code watchSeconds} (0: never).
 */
final class TestMachine {
    private TestMachine() {}

    static Path blueHome(Path tmp) {
        return tmp.resolve("blue-home");
    }

    static Map<String, String> env(Path tmp, int watchSeconds) {
        Map<String, String> env = new HashMap<>();
        env.put("BLUE_HOME", blueHome(tmp).toString());
        env.put("HOME", tmp.resolve("home").toString());
        env.put("NO_COLOR", "1");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("BLUE_DAEMON_PORT", "0");
        env.put("BLUE_DAEMON_RUN_DIR", tmp.resolve("run").toString());
        env.put("BLUE_DAEMON_WATCH_SECONDS", Integer.toString(watchSeconds));
        return env;
    }
}
