package dev.bluerealm.daemon;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The systemd user unit {@code blue-daemon.service}. Quoting follows systemd.service(5) "Command lines"
 * and systemd.exec(5) {@code Environment=}, as systemd 252 parses them (checked with
 * {@code systemd-analyze verify}): {@code %} starts a specifier everywhere, so it is doubled; a word
 * with white space is double-quoted, and inside quotes {@code \} and {@code "} are C-escaped;
 * {@code $} expands variables in arguments (doubled there) but not in the executable, which systemd
 * refuses outright when it holds quotes, backslashes or control characters.
 */
final class SystemdUnit {
    static final String FILE_NAME = "blue-daemon.service";

    private SystemdUnit() {}

    /** {@code $XDG_CONFIG_HOME/systemd/user/blue-daemon.service}, else under {@code ~/.config}. */
    static Path file(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        // the XDG base directory spec: a relative value is invalid and ignored
        Path config = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : ServiceUnit.home(env).resolve(".config");
        return config.resolve("systemd").resolve("user").resolve(FILE_NAME).normalize();
    }

    static String render(DaemonLaunch launch, Path blueHome, Map<String, String> environment) {
        StringBuilder exec = new StringBuilder();
        List<String> command = launch.command();
        for (int i = 0; i < command.size(); i++) {
            exec.append(i == 0 ? executable(command.get(0)) : " " + argument(command.get(i)));
        }
        StringBuilder env = new StringBuilder();
        environment.forEach((k, v) -> env.append("Environment=").append(assignment(k, v)).append('\n'));
        return "# The blue-realm daemon of BLUE_HOME " + comment(blueHome.toString()) + ", written by `blue daemon install`.\n"
                + "# `blue daemon install --force` rewrites it; `systemctl --user disable --now " + FILE_NAME
                + "` turns it off.\n"
                + "[Unit]\n"
                + "Description=blue-realm daemon\n"
                + "\n"
                + "[Service]\n"
                + "Type=simple\n"
                + "ExecStart=" + exec + "\n"
                + env
                + "Restart=on-failure\n"
                + "RestartSec=5\n"
                + "# the JVM exits with 143 after SIGTERM (`blue daemon stop`, `systemctl stop`): a clean stop\n"
                + "SuccessExitStatus=143\n"
                + "\n"
                + "[Install]\n"
                + "WantedBy=default.target\n";
    }

    static String executable(String path) {
        refuseControlCharacters(path);
        if (path.indexOf('"') >= 0 || path.indexOf('\'') >= 0 || path.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("systemd does not run programs whose path holds quotes or backslashes: "
                    + path);
        }
        String escaped = path.replace("%", "%%");
        return needsQuotes(path) ? "\"" + escaped + "\"" : escaped;
    }

    static String argument(String word) {
        refuseControlCharacters(word);
        String escaped = word.replace("%", "%%").replace("$", "$$");
        if (!needsQuotes(word)) {
            return escaped;
        }
        return "\"" + escaped.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** {@code NAME=value}, the whole assignment quoted when the value needs it (no {@code $} expansion here). */
    static String assignment(String name, String value) {
        refuseControlCharacters(value);
        String escaped = (name + "=" + value).replace("%", "%%");
        if (!needsQuotes(value)) {
            return escaped;
        }
        return "\"" + escaped.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean needsQuotes(String word) {
        return word.isEmpty() || word.chars().anyMatch(c -> Character.isWhitespace(c) || "\"'\\;".indexOf(c) >= 0);
    }

    private static String comment(String text) {
        refuseControlCharacters(text);
        return text;
    }

    static void refuseControlCharacters(String text) {
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a service unit cannot hold control characters (a line break in a path?): "
                    + text.replaceAll("\\p{Cntrl}", "?"));
        }
    }
}
