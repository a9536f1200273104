package dev.bluerealm.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ServiceInstaller}: created once, left alone when identical, overwritten only with force. */
class ServiceInstallerTest {
    @TempDir
    Path tmp;

    ServiceUnit unit(String launcher) {
        return ServiceUnit.of(ServiceSystem.SYSTEMD, DaemonLaunch.launcher(Path.of(launcher), Path.of("/jdk")),
                tmp.resolve("blue-home"), Map.of("HOME", tmp.resolve("home").toString()));
    }

    Path unitDir() {
        return tmp.resolve("home/.config/systemd/user");
    }

    @Test
    void install_noFile_createsItAndItsFolders_readableByAll() throws Exception {
        ServiceUnit u = unit("/opt/blue/bin/blue");
        InstallResult r = ServiceInstaller.install(u, false);
        assertEquals(InstallResult.Outcome.CREATED, r.outcome());
        assertEquals(u.content(), Files.readString(unitDir().resolve("blue-daemon.service")));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(u.file())));
    }

    @Test
    void install_twice_secondIsUnchangedAndWritesNothing() throws Exception {
        ServiceUnit u = unit("/opt/blue/bin/blue");
        ServiceInstaller.install(u, false);
        Files.setLastModifiedTime(u.file(), java.nio.file.attribute.FileTime.fromMillis(0));
        assertEquals(InstallResult.Outcome.UNCHANGED, ServiceInstaller.install(u, false).outcome());
        assertEquals(InstallResult.Outcome.UNCHANGED, ServiceInstaller.install(u, true).outcome());
        assertEquals(0, Files.getLastModifiedTime(u.file()).toMillis());
    }

    @Test
    void install_otherContentWithoutForce_isRefusedNamingTheFirstDifferentLine_andLeavesTheFile() throws Exception {
        ServiceInstaller.install(unit("/opt/old/bin/blue"), false);
        String before = Files.readString(unit("/opt/old/bin/blue").file());
        ServiceInstaller.ConflictException e = assertThrows(ServiceInstaller.ConflictException.class,
                () -> ServiceInstaller.install(unit("/opt/new/bin/blue"), false));
        assertEquals(unitDir().resolve("blue-daemon.service"), e.file());
        assertEquals("line 8: `ExecStart=/opt/old/bin/blue daemon run` there,"
                + " `ExecStart=/opt/new/bin/blue daemon run` in the new unit", e.difference());
        assertTrue(e.getMessage().startsWith(e.file() + " exists with other content (line 8: "), e.getMessage());
        assertEquals(before, Files.readString(e.file()));
    }

    @Test
    void install_otherContentWithForce_replacesIt() throws Exception {
        ServiceInstaller.install(unit("/opt/old/bin/blue"), false);
        ServiceUnit now = unit("/opt/new/bin/blue");
        assertEquals(InstallResult.Outcome.REPLACED, ServiceInstaller.install(now, true).outcome());
        assertEquals(now.content(), Files.readString(now.file()));
    }

    @Test
    void install_fileWithExtraLinesOrOtherLineEndings_isAConflictToo() throws Exception {
        ServiceUnit u = unit("/opt/blue/bin/blue");
        Files.createDirectories(unitDir());
        Files.writeString(u.file(), u.content() + "# mine\n");
        assertEquals("line 18: `# mine` there, nothing in the new unit",
                assertThrows(ServiceInstaller.ConflictException.class, () -> ServiceInstaller.install(u, false)).difference());
        Files.writeString(u.file(), u.content().replace("\n", "\r\n"));
        assertEquals("the same lines with other line endings",
                assertThrows(ServiceInstaller.ConflictException.class, () -> ServiceInstaller.install(u, false)).difference());
    }

    @Test
    void install_leavesNoTemporaryFileBehind() throws Exception {
        ServiceInstaller.install(unit("/opt/old/bin/blue"), false);
        ServiceInstaller.install(unit("/opt/new/bin/blue"), true);
        try (Stream<Path> files = Files.list(unitDir())) {
            assertEquals(List.of("blue-daemon.service"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void install_unitPlaceIsAFolder_failsWithIoException() throws Exception {
        ServiceUnit u = unit("/opt/blue/bin/blue");
        Files.createDirectories(u.file());
        assertThrows(java.io.IOException.class, () -> ServiceInstaller.install(u, true));
    }
}
