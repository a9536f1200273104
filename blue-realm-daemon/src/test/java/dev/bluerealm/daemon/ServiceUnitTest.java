package dev.bluerealm.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The systemd unit and the launchd plist {@code blue daemon install} writes: place, content and quoting. */
class ServiceUnitTest {
    @TempDir
    Path tmp;

    static final DaemonLaunch LAUNCHER = DaemonLaunch.launcher(Path.of("/opt/blue/bin/blue"), Path.of("/usr/lib/jvm/jdk-17"));

    Map<String, String> env(String... pairs) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", "/home/eric");
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    // ------------------------------------------------------------------ systemd

    @Test
    void systemd_launcher_runsItsDaemonRunWithBlueHomeAndPinnedJdk() {
        ServiceUnit unit = ServiceUnit.of(ServiceSystem.SYSTEMD, LAUNCHER, Path.of("/home/eric/.blue"), env());
        assertEquals(Path.of("/home/eric/.config/systemd/user/blue-daemon.service"), unit.file());
        assertEquals("""
                # The blue-realm daemon of BLUE_HOME /home/eric/.blue, written by `blue daemon install`.
                # `blue daemon install --force` rewrites it; `systemctl --user disable --now blue-daemon.service` turns it off.
                [Unit]
                Description=blue-realm daemon

                [Service]
                Type=simple
                ExecStart=/opt/blue/bin/blue daemon run
                Environment=BLUE_HOME=/home/eric/.blue
                Environment=JAVA_HOME=/usr/lib/jvm/jdk-17
                Restart=on-failure
                RestartSec=5
                # the JVM exits with 143 after SIGTERM (`blue daemon stop`, `systemctl stop`): a clean stop
                SuccessExitStatus=143

                [Install]
                WantedBy=default.target
                """, unit.content());
        assertEquals("systemctl --user daemon-reload && systemctl --user enable --now blue-daemon.service",
                unit.enableCommand());
    }

    @Test
    void systemd_file_xdgConfigHomeWins_relativeOrEmptyIsIgnored() {
        assertEquals(Path.of("/cfg/systemd/user/blue-daemon.service"), SystemdUnit.file(env("XDG_CONFIG_HOME", "/cfg")));
        assertEquals(Path.of("/home/eric/.config/systemd/user/blue-daemon.service"),
                SystemdUnit.file(env("XDG_CONFIG_HOME", "cfg")));
        assertEquals(Path.of("/home/eric/.config/systemd/user/blue-daemon.service"),
                SystemdUnit.file(env("XDG_CONFIG_HOME", "")));
        assertEquals(Path.of("/home/o'neil/.config/systemd/user/blue-daemon.service"),
                SystemdUnit.file(Map.of("HOME", "/home/o'neil")));
    }

    @Test
    void systemd_pathsWithSpacesPercentAndDollar_areQuotedAndEscaped() {
        DaemonLaunch launch = DaemonLaunch.launcher(Path.of("/opt/my apps/100%/bin/blue"), Path.of("/jdk $17"));
        ServiceUnit unit = ServiceUnit.of(ServiceSystem.SYSTEMD, launch, Path.of("/home/eric/blue \"home\"\\x"), env());
        String c = unit.content();
        // the program: % doubled, no $ expansion there; arguments and values: C escapes inside quotes
        assertTrue(c.contains("\nExecStart=\"/opt/my apps/100%%/bin/blue\" daemon run\n"), c);
        assertTrue(c.contains("\nEnvironment=\"BLUE_HOME=/home/eric/blue \\\"home\\\"\\\\x\"\n"), c);
        assertTrue(c.contains("\nEnvironment=\"JAVA_HOME=/jdk $17\"\n"), c);
        assertEquals("\"/a b/$$HOME/%%n\"", SystemdUnit.argument("/a b/$HOME/%n"));
        assertEquals("-cp", SystemdUnit.argument("-cp"));
        assertEquals("/x/$$y", SystemdUnit.argument("/x/$y"));
    }

    @Test
    void systemd_programPathWithQuoteOrLineBreak_isRefusedSayingWhy() {
        DaemonLaunch quote = DaemonLaunch.launcher(Path.of("/opt/o'neil/bin/blue"), Path.of("/jdk"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServiceUnit.of(ServiceSystem.SYSTEMD, quote, Path.of("/b"), env()));
        assertTrue(e.getMessage().contains("quotes or backslashes"), e.getMessage());
        IllegalArgumentException nl = assertThrows(IllegalArgumentException.class,
                () -> ServiceUnit.of(ServiceSystem.SYSTEMD, LAUNCHER, Path.of("/b\nExecStartPre=/bin/evil"), env()));
        assertTrue(nl.getMessage().contains("control characters"), nl.getMessage());
    }

    @Test
    void systemd_daemonVariablesOfTheInstallingShell_arePassedOn_othersNot() {
        ServiceUnit unit = ServiceUnit.of(ServiceSystem.SYSTEMD, LAUNCHER, Path.of("/b"),
                env("BLUE_DAEMON_PORT", "7999", "BLUE_DAEMON_RUN_DIR", "/run/b", "PATH", "/usr/bin", "BLUE_DAEMON", "off"));
        assertTrue(unit.content().contains("Environment=BLUE_DAEMON_PORT=7999\nEnvironment=BLUE_DAEMON_RUN_DIR=/run/b\n"
                + "Environment=BLUE_HOME=/b\nEnvironment=JAVA_HOME=/usr/lib/jvm/jdk-17\n"), unit.content());
        assertTrue(!unit.content().contains("PATH=") && !unit.content().contains("BLUE_DAEMON="), unit.content());
    }

    @Test
    void systemd_withoutLauncher_runsThisJavaWithAbsoluteClassPath() {
        DaemonLaunch launch = DaemonLaunch.forService(null);
        List<String> cmd = launch.command();
        assertTrue(Path.of(cmd.get(0)).isAbsolute(), cmd.toString());
        assertEquals(List.of(DaemonMain.class.getName(), "run"), cmd.subList(cmd.size() - 2, cmd.size()));
        String cp = cmd.get(cmd.indexOf("-cp") + 1);
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            assertTrue(Path.of(entry).isAbsolute(), entry);
        }
        assertEquals(Map.of(), launch.environment());
        assertEquals(launch, DaemonLaunch.forService(tmp.resolve("no-such-launcher").toString()));
    }

    @Test
    void sameJava_passesOnTheArchiveAndSqliteLibraryItWasGiven_onlyWhenTheyExist() throws Exception {
        Path archive = Files.writeString(tmp.resolve("blue.jsa"), "archive");
        Path sqlite = Files.createDirectories(tmp.resolve("native/sqlite-jdbc-3"));
        List<String> with = DaemonLaunch.sameJava(archive.toString(), sqlite.toString()).command();
        assertTrue(with.containsAll(List.of("-Xshare:auto", "-Xlog:cds=off", "-XX:SharedArchiveFile=" + archive,
                "-Dorg.sqlite.lib.path=" + sqlite)), with.toString());
        assertTrue(with.indexOf("-XX:SharedArchiveFile=" + archive) < with.indexOf("-cp"), "JVM options come first");
        for (List<String> without : List.of(DaemonLaunch.sameJava(null, null).command(),
                DaemonLaunch.sameJava(tmp.resolve("gone.jsa").toString(), tmp.resolve("gone").toString()).command())) {
            assertTrue(without.stream().noneMatch(o -> o.startsWith("-XX:SharedArchiveFile") || o.startsWith("-Dorg.sqlite")),
                    without.toString());
        }
    }

    @Test
    void systemd_sameInputs_sameContent() {
        Map<String, String> a = env("BLUE_DAEMON_WATCH_SECONDS", "30", "BLUE_DAEMON_PORT", "7999");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("BLUE_DAEMON_PORT", "7999");
        b.put("HOME", "/home/eric");
        b.put("BLUE_DAEMON_WATCH_SECONDS", "30");
        assertEquals(ServiceUnit.of(ServiceSystem.SYSTEMD, LAUNCHER, Path.of("/b"), a),
                ServiceUnit.of(ServiceSystem.SYSTEMD, LAUNCHER, Path.of("/b"), b));
    }

    /** systemd itself reads the unit: verify fails unless the quoted program path unescapes to the real file. */
    @Test
    void systemd_unitWithAwkwardLauncherPath_passesSystemdAnalyzeVerify() throws Exception {
        Path analyze = which("systemd-analyze");
        Assumptions.assumeTrue(analyze != null, "systemd-analyze is not installed; the unit is not checked by systemd");
        Path probe = tmp.resolve("probe.service");
        Files.writeString(probe, "[Service]\nExecStart=/bin/sh -c true\n");
        String works = run(List.of(analyze.toString(), "verify", probe.toString()));
        Assumptions.assumeTrue(works.equals("exit 0\n"), "systemd-analyze verify does not work here: " + works);

        Path launcher = tmp.resolve("my apps/100%s $HOME;x/bin/blue");
        Files.createDirectories(launcher.getParent());
        Files.writeString(launcher, "#!/bin/sh\n");
        launcher.toFile().setExecutable(true);
        ServiceUnit unit = ServiceUnit.of(ServiceSystem.SYSTEMD, DaemonLaunch.launcher(launcher, Path.of("/jdk")),
                tmp.resolve("blue home %h"), env("HOME", tmp.toString()));
        Path file = tmp.resolve(SystemdUnit.FILE_NAME);
        Files.writeString(file, unit.content());
        String out = run(List.of(analyze.toString(), "verify", file.toString()));
        assertEquals("exit 0\n", out, unit.content());

        Files.delete(launcher); // proves verify looks at the program: now it must complain
        String missing = run(List.of(analyze.toString(), "verify", file.toString()));
        assertTrue(missing.contains("is not executable") && missing.contains(launcher.toString()), missing);
    }

    private static Path which(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private String run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // verify needs a runtime directory in user mode and none in system mode; give it one anyway
        pb.environment().put("XDG_RUNTIME_DIR", Files.createDirectories(tmp.resolve("runtime")).toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "systemd-analyze did not finish");
        return output + "exit " + p.exitValue() + "\n";
    }

    // ------------------------------------------------------------------ launchd

    @Test
    void launchd_launcher_plistWithProgramArgumentsEnvironmentRunAtLoadKeepAlive() throws Exception {
        ServiceUnit unit = ServiceUnit.of(ServiceSystem.LAUNCHD, LAUNCHER, Path.of("/Users/eric/.blue"),
                env("HOME", "/Users/eric"));
        assertEquals(Path.of("/Users/eric/Library/LaunchAgents/dev.bluerealm.daemon.plist"), unit.file());
        assertEquals("launchctl bootstrap gui/$(id -u) /Users/eric/Library/LaunchAgents/dev.bluerealm.daemon.plist",
                unit.enableCommand());
        Element dict = plistDict(unit.content());
        assertEquals("dev.bluerealm.daemon", value(dict, "Label").getTextContent());
        assertEquals(List.of("/opt/blue/bin/blue", "daemon", "run"), strings(value(dict, "ProgramArguments")));
        assertEquals(Map.of("BLUE_HOME", "/Users/eric/.blue", "JAVA_HOME", "/usr/lib/jvm/jdk-17"),
                stringDict(value(dict, "EnvironmentVariables")));
        assertEquals("true", value(dict, "RunAtLoad").getTagName());
        assertEquals("false", value((Element) value(dict, "KeepAlive"), "SuccessfulExit").getTagName());
        assertEquals("/Users/eric/.blue/daemon.out", value(dict, "StandardOutPath").getTextContent());
    }

    @Test
    void launchd_xmlSpecialCharactersAndSpaces_roundTripThroughAnXmlParser() throws Exception {
        Path launcher = Path.of("/Applications/R&D <tools>/\"blue\" it's/bin/blue");
        Path home = Path.of("/Users/o'neil & co/.blue <x>");
        ServiceUnit unit = ServiceUnit.of(ServiceSystem.LAUNCHD, DaemonLaunch.launcher(launcher, Path.of("/jdk")), home,
                env("HOME", "/Users/o'neil & co"));
        assertTrue(unit.content().contains("<string>/Applications/R&amp;D &lt;tools&gt;/\"blue\" it's/bin/blue</string>"),
                unit.content());
        Element dict = plistDict(unit.content());
        assertEquals(List.of(launcher.toString(), "daemon", "run"), strings(value(dict, "ProgramArguments")));
        assertEquals(home.toString(), stringDict(value(dict, "EnvironmentVariables")).get("BLUE_HOME"));
        assertEquals("launchctl bootstrap gui/$(id -u) '/Users/o'\\''neil & co/Library/LaunchAgents/dev.bluerealm.daemon.plist'",
                unit.enableCommand());
    }

    @Test
    void launchd_controlCharacter_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> ServiceUnit.of(ServiceSystem.LAUNCHD, LAUNCHER,
                Path.of("/b\u0001"), env()));
    }

    private static Element plistDict(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // no network
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals("plist", doc.getDocumentElement().getTagName());
        return children(doc.getDocumentElement()).get(0);
    }

    /** The element after {@code <key>name</key>} in a plist dict. */
    private static Element value(Element dict, String name) {
        List<Element> c = children(dict);
        for (int i = 0; i + 1 < c.size(); i += 2) {
            if (c.get(i).getTagName().equals("key") && c.get(i).getTextContent().equals(name)) {
                return c.get(i + 1);
            }
        }
        throw new AssertionError("no key " + name);
    }

    private static List<String> strings(Element array) {
        return children(array).stream().map(Node::getTextContent).toList();
    }

    private static Map<String, String> stringDict(Element dict) {
        Map<String, String> m = new LinkedHashMap<>();
        List<Element> c = children(dict);
        for (int i = 0; i + 1 < c.size(); i += 2) {
            m.put(c.get(i).getTextContent(), c.get(i + 1).getTextContent());
        }
        return m;
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = e.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element el) {
                out.add(el);
            }
        }
        return out;
    }
}
