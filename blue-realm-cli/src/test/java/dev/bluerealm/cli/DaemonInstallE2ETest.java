package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.json.JsonParser;
import dev.bluerealm.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code blue daemon install} on a HOME of its own: the unit file, its idempotence and the --force rule. */
class DaemonInstallE2ETest {
    @TempDir Path tmp;

    Cli blue() {
        return new Cli(tmp.resolve("blue-home"), tmp.resolve("home")).with("BLUE_DAEMON_RUN_DIR", tmp.resolve("run").toString());
    }

    Path systemdUnit() {
        return tmp.resolve("home/.config/systemd/user/blue-daemon.service");
    }

    @Test
    void install_systemd_writesTheUnitAndSaysHowToEnableIt_thenAlreadyInstalled() throws Exception {
        Cli.Result r = blue().run(tmp, "daemon", "install", "--system", "systemd");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("✓ Wrote " + systemdUnit() + " (systemd user unit)\n  runs "), r.out());
        assertTrue(r.out().endsWith(" with BLUE_HOME=" + tmp.resolve("blue-home") + "\nEnable and start it:\n"
                + "  systemctl --user daemon-reload && systemctl --user enable --now blue-daemon.service\n"), r.out());
        String unit = Files.readString(systemdUnit());
        assertTrue(unit.contains("\nExecStart=") && unit.contains(" dev.bluerealm.daemon.DaemonMain run\n"), unit);
        assertTrue(unit.contains("\nEnvironment=BLUE_HOME=" + tmp.resolve("blue-home") + "\n"), unit);
        assertTrue(unit.contains("\nEnvironment=BLUE_DAEMON_RUN_DIR=" + tmp.resolve("run") + "\n"), unit);

        Cli.Result again = blue().run(tmp, "daemon", "install", "--system", "systemd");
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().startsWith("✓ Already installed: " + systemdUnit() + " (same content)\n"), again.out());
        assertEquals(unit, Files.readString(systemdUnit()));
    }

    @Test
    void install_xdgConfigHome_putsTheUnitThere() {
        Cli.Result r = blue().with("XDG_CONFIG_HOME", tmp.resolve("cfg").toString()).run(tmp, "daemon", "install",
                "--system", "systemd");
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.exists(tmp.resolve("cfg/systemd/user/blue-daemon.service")));
        assertFalse(Files.exists(systemdUnit()));
    }

    @Test
    void install_otherUnitThere_isRefusedSayingWhatDiffers_andForceReplacesIt() throws Exception {
        Files.createDirectories(systemdUnit().getParent());
        Files.writeString(systemdUnit(), "[Service]\nExecStart=/usr/local/bin/blue daemon run\n");
        Cli.Result refused = blue().run(tmp, "daemon", "install", "--system", "systemd");
        assertEquals(1, refused.code(), refused.toString());
        assertEquals("", refused.out());
        assertEquals("Error: " + systemdUnit() + " exists with other content (line 1: `[Service]` there,"
                + " `# The blue-realm daemon of BLUE_HOME " + tmp.resolve("blue-home") + ", written by `blue daemon install`.`"
                + " in the new unit); run `blue daemon install --force` to overwrite it (`--print` shows the new unit)\n",
                refused.err());
        assertEquals("[Service]\nExecStart=/usr/local/bin/blue daemon run\n", Files.readString(systemdUnit()));

        Cli.Result forced = blue().run(tmp, "daemon", "install", "--system", "systemd", "--force");
        assertEquals(0, forced.code(), forced.toString());
        assertTrue(forced.out().startsWith("✓ Replaced " + systemdUnit() + " (systemd user unit)\n"), forced.out());
        assertTrue(Files.readString(systemdUnit()).contains("Restart=on-failure"));
    }

    @Test
    void install_refusedWithJson_isAnErrorDocumentOnStdout() throws Exception {
        Files.createDirectories(systemdUnit().getParent());
        Files.writeString(systemdUnit(), "mine\n");
        Cli.Result r = blue().run(tmp, "daemon", "install", "--system", "systemd", "--json");
        assertEquals(1, r.code(), r.toString());
        JsonValue.JsonObject doc = (JsonValue.JsonObject) JsonParser.parse(r.out());
        assertEquals(JsonValue.string("ALREADY_EXISTS"), doc.get("code"));
        assertTrue(((JsonValue.JsonString) doc.get("error")).value().contains("--force"), r.out());
    }

    @Test
    void install_printLaunchd_writesThePlistToStdoutOnly() {
        Cli.Result r = blue().run(tmp, "daemon", "install", "--system", "launchd", "--print");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"), r.out());
        assertTrue(r.out().contains("<key>BLUE_HOME</key>\n    <string>" + tmp.resolve("blue-home") + "</string>"), r.out());
        assertTrue(r.out().endsWith("</plist>\n"), r.out());
        assertFalse(Files.exists(tmp.resolve("home/Library")));
    }

    @Test
    void install_json_givesSystemFileCommandEnableAndOutcome() {
        Cli.Result r = blue().run(tmp, "daemon", "install", "--system", "launchd", "--json");
        assertEquals(0, r.code(), r.toString());
        JsonValue.JsonObject doc = (JsonValue.JsonObject) JsonParser.parse(r.out());
        Path plist = tmp.resolve("home/Library/LaunchAgents/dev.bluerealm.daemon.plist");
        assertEquals(JsonValue.string("launchd"), doc.get("system"));
        assertEquals(JsonValue.string(plist.toString()), doc.get("file"));
        assertEquals(JsonValue.string("created"), doc.get("outcome"));
        assertEquals(JsonValue.string("launchctl bootstrap gui/$(id -u) " + plist), doc.get("enable"));
        assertTrue(doc.get("command") instanceof JsonValue.JsonArray a && a.items().size() > 2, r.out());
        assertTrue(Files.exists(plist));
    }

    @Test
    void install_unknownSystem_isAUsageError() {
        Cli.Result r = blue().run(tmp, "daemon", "install", "--system", "upstart");
        assertEquals(Main.USAGE, r.code(), r.toString());
        assertEquals("Error: --system must be systemd or launchd, was 'upstart'\n", r.err());
    }

    @Test
    void install_help_showsTheOptionsAndAnExample() {
        Cli.Result r = blue().run(tmp, "daemon", "install", "--help");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("--system=SYSTEM") && r.out().contains("--print") && r.out().contains("--force")
                && r.out().contains("--json"), r.out());
        assertTrue(r.out().contains("Example:\n  blue daemon install\n"), r.out());
        assertTrue(blue().run(tmp, "daemon", "--help").out().contains("install"));
    }
}
