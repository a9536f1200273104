package dev.bluerealm.daemon;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How to run the daemon in the foreground: what {@link Daemons#start} spawns and what a service unit
 * runs ({@link ServiceUnit}).
 *
 * <pre>{@code
 * DaemonLaunch launch = DaemonLaunch.forService(System.getProperty(DaemonLaunch.LAUNCHER_PROPERTY));
 * }</pre>
 *
 * @param command the program (an absolute path) and its arguments
 * @param environment what the command needs besides {@code BLUE_HOME}, sorted by name
 * @since 0.1
 */
public record DaemonLaunch(List<String> command, Map<String, String> environment) {
    /** The system property {@code bin/blue} sets to its own absolute path. */
    public static final String LAUNCHER_PROPERTY = "blue.launcher";
    /** The system property {@code bin/blue} sets to its class-data-sharing archive, which {@link #sameJava} passes on. */
    public static final String CDS_ARCHIVE_PROPERTY = "blue.cds.archive";

    public DaemonLaunch {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the daemon's command is empty");
        }
        // sorted, so that a unit written twice for the same launch is the same file
        environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
    }

    /**
     * {@code <launcher> daemon run}. The launcher takes {@code JAVA_HOME} before the {@code java} on
     * {@code PATH}, and a service manager's {@code PATH} is short (launchd's has no JDK at all), so
     * the JDK is pinned to {@code javaHome}.
     */
    public static DaemonLaunch launcher(Path launcher, Path javaHome) {
        return new DaemonLaunch(List.of(launcher.toAbsolutePath().normalize().toString(), "daemon", "run"),
                Map.of("JAVA_HOME", javaHome.toAbsolutePath().normalize().toString()));
    }

    /**
     * This JVM's {@code java} running {@code DaemonMain run} on this class path (absolute entries), with the
     * class-data archive ({@link #CDS_ARCHIVE_PROPERTY}) and sqlite-jdbc library folder this JVM was given.
     */
    public static DaemonLaunch sameJava() {
        return sameJava(System.getProperty(CDS_ARCHIVE_PROPERTY), System.getProperty("org.sqlite.lib.path"));
    }

    /** {@link #sameJava()} with that archive and library folder (null: none), each passed on only if it exists. */
    static DaemonLaunch sameJava(String archive, String sqlite) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isEmpty())
                .map(e -> Path.of(e).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
        // a heap that starts small (the JVM's default start is 1/64 of the machine's memory: 384 MB of 24 GB) and
        // grows with the commands the daemon runs; its live data is a few MB
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Dsun.net.httpserver.nodelay=true", "-Xss512k",
                "-XX:+UseSerialGC", "-Xms16m"));
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED"); // sqlite-jdbc's library, without a warning in daemon.out
        }
        // what bin/blue gave this JVM to start fast, so the daemon's first commands (DaemonRunHost) start fast too:
        // its class-data archive (made for this class path) and sqlite-jdbc's extracted native library
        if (archive != null && Files.isRegularFile(Path.of(archive))) {
            command.addAll(List.of("-Xshare:auto", "-Xlog:cds=off", "-XX:SharedArchiveFile=" + archive));
        }
        if (sqlite != null && Files.isDirectory(Path.of(sqlite))) {
            command.add("-Dorg.sqlite.lib.path=" + sqlite);
        }
        command.addAll(List.of("-cp", classPath, DaemonMain.class.getName(), "run"));
        return new DaemonLaunch(command, Map.of());
    }

    /**
     * The launcher when {@code launcherPath} (the {@link #LAUNCHER_PROPERTY}) names an executable file,
     * else {@link #sameJava()} (jbang, an IDE, tests).
     */
    public static DaemonLaunch forService(String launcherPath) {
        if (launcherPath != null && !launcherPath.isBlank() && Files.isExecutable(Path.of(launcherPath))) {
            return launcher(Path.of(launcherPath), Path.of(System.getProperty("java.home")));
        }
        return sameJava();
    }

    /** The command as one line a POSIX shell would run (for people to read). */
    public String display() {
        return command.stream().map(DaemonLaunch::shellWord).collect(Collectors.joining(" "));
    }

    static String shellWord(String word) {
        Objects.requireNonNull(word, "word");
        if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "/._-+=:,@%".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
