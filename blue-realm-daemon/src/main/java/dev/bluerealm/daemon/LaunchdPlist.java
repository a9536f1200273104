package dev.bluerealm.daemon;

import java.nio.file.Path;
import java.util.Map;

/**
 * The launchd agent {@code ~/Library/LaunchAgents/dev.bluerealm.daemon.plist}. Every string is XML
 * text (so {@code &}, {@code <} and {@code >} are escaped); control characters cannot be written in
 * XML 1.0 and are refused.
 */
final class LaunchdPlist {
    static final String LABEL = "dev.bluerealm.daemon";

    private LaunchdPlist() {}

    static Path file(Map<String, String> env) {
        return ServiceUnit.home(env).resolve("Library").resolve("LaunchAgents").resolve(LABEL + ".plist").normalize();
    }

    static String render(DaemonLaunch launch, Path blueHome, Map<String, String> environment) {
        StringBuilder args = new StringBuilder();
        launch.command().forEach(a -> args.append("    <string>").append(text(a)).append("</string>\n"));
        StringBuilder env = new StringBuilder();
        environment.forEach((k, v) -> env.append("    <key>").append(text(k)).append("</key>\n")
                .append("    <string>").append(text(v)).append("</string>\n"));
        String out = text(blueHome.resolve("daemon.out").toString());
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                // XML comments may not hold "--", so the comment names no option
                + "<!-- The blue-realm daemon, written by `blue daemon install`. -->\n"
                + "<plist version=\"1.0\">\n"
                + "<dict>\n"
                + "  <key>Label</key>\n"
                + "  <string>" + LABEL + "</string>\n"
                + "  <key>ProgramArguments</key>\n"
                + "  <array>\n"
                + args
                + "  </array>\n"
                + "  <key>EnvironmentVariables</key>\n"
                + "  <dict>\n"
                + env
                + "  </dict>\n"
                + "  <key>RunAtLoad</key>\n"
                + "  <true/>\n"
                // restarted when it exits with an error, not after a clean exit ("already running" is one)
                + "  <key>KeepAlive</key>\n"
                + "  <dict>\n"
                + "    <key>SuccessfulExit</key>\n"
                + "    <false/>\n"
                + "  </dict>\n"
                + "  <key>StandardOutPath</key>\n"
                + "  <string>" + out + "</string>\n"
                + "  <key>StandardErrorPath</key>\n"
                + "  <string>" + out + "</string>\n"
                + "</dict>\n"
                + "</plist>\n";
    }

    static String text(String s) {
        if (s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a launchd plist cannot hold control characters (a line break in a path?): "
                    + s.replaceAll("\\p{Cntrl}", "?"));
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
