package dev.bluerealm.daemon;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A service unit that runs the daemon at login: where it goes, what it holds, and the command that
 * enables it. {@link ServiceInstaller#install} writes it.
 *
 * <pre>{@code
 * ServiceUnit unit = ServiceUnit.of(ServiceSystem.forOs(System.getProperty("os.name")),
 *         DaemonLaunch.forService(System.getProperty(DaemonLaunch.LAUNCHER_PROPERTY)), blueHome, System.getenv());
 * InstallResult r = ServiceInstaller.install(unit, false);
 * }</pre>
 *
 * @param file where it is written
 * @param content the whole file
 * @param enableCommand the shell command that loads and starts it
 * @since 0.1
 */
public record ServiceUnit(ServiceSystem system, Path file, String content, String enableCommand) {
    /** The daemon's variables passed on from the installing environment, so both agree on port and PID file. */
    static final List<String> PASSED_ON = List.of("BLUE_DAEMON_PORT", "BLUE_DAEMON_RUN_DIR", "BLUE_DAEMON_WATCH_SECONDS");

    public ServiceUnit {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(enableCommand, "enableCommand");
    }

    /**
     * The unit for {@code system} that runs {@code launch} with {@code BLUE_HOME=blueHome}.
     *
     * @param env the installing environment: {@code HOME} and {@code XDG_CONFIG_HOME} place the file;
     *            {@code BLUE_DAEMON_PORT}, {@code BLUE_DAEMON_RUN_DIR} and {@code BLUE_DAEMON_WATCH_SECONDS}
     *            are passed on when set
     * @throws IllegalArgumentException when a path cannot be written into the unit (control characters;
     *         for systemd also quotes or backslashes in the program's path)
     */
    public static ServiceUnit of(ServiceSystem system, DaemonLaunch launch, Path blueHome, Map<String, String> env) {
        Path home = blueHome.toAbsolutePath().normalize();
        Map<String, String> environment = new TreeMap<>(launch.environment());
        environment.put("BLUE_HOME", home.toString());
        for (String name : PASSED_ON) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                environment.put(name, value);
            }
        }
        Path file = system.file(env);
        return new ServiceUnit(system, file, system.render(launch, home, environment), system.enableCommand(file));
    }

    /** {@code HOME}, else {@code user.home}. */
    static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home).toAbsolutePath();
    }
}
