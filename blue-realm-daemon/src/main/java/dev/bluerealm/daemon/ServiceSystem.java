package dev.bluerealm.daemon;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The service managers {@code blue daemon install} writes for: a systemd user unit (Linux) or a
 * launchd agent (macOS).
 *
 * @since 0.1
 */
public enum ServiceSystem {
    SYSTEMD("systemd user unit") {
        @Override
        Path file(Map<String, String> env) {
            return SystemdUnit.file(env);
        }

        @Override
        String render(DaemonLaunch launch, Path blueHome, Map<String, String> environment) {
            return SystemdUnit.render(launch, blueHome, environment);
        }

        @Override
        String enableCommand(Path file) {
            return "systemctl --user daemon-reload && systemctl --user enable --now " + SystemdUnit.FILE_NAME;
        }
    },
    LAUNCHD("launchd agent") {
        @Override
        Path file(Map<String, String> env) {
            return LaunchdPlist.file(env);
        }

        @Override
        String render(DaemonLaunch launch, Path blueHome, Map<String, String> environment) {
            return LaunchdPlist.render(launch, blueHome, environment);
        }

        @Override
        String enableCommand(Path file) {
            return "launchctl bootstrap gui/$(id -u) " + DaemonLaunch.shellWord(file.toString());
        }
    };

    private final String description;

    ServiceSystem(String description) {
        this.description = description;
    }

    /** {@code systemd} or {@code launchd}, as the {@code --system} option spells it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "systemd user unit" or "launchd agent". */
    public String description() {
        return description;
    }

    /**
     * The one named {@code id} ({@code systemd} or {@code launchd}, any case).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static ServiceSystem parse(String id) {
        for (ServiceSystem s : values()) {
            if (s.id().equalsIgnoreCase(id.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("--system must be systemd or launchd, was '" + id + "'");
    }

    /**
     * The one of the operating system named {@code osName} (the {@code os.name} property): systemd on
     * Linux, launchd on macOS.
     *
     * @throws IllegalArgumentException on any other system
     */
    public static ServiceSystem forOs(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            return SYSTEMD;
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return LAUNCHD;
        }
        throw new IllegalArgumentException("no service manager blue knows on " + osName
                + " (it writes systemd and launchd units); pass --system systemd or --system launchd to write one anyway");
    }

    abstract Path file(Map<String, String> env);

    abstract String render(DaemonLaunch launch, Path blueHome, Map<String, String> environment);

    abstract String enableCommand(Path file);
}
