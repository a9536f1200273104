package dev.bluerealm.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.daemon.client.DaemonClient;
import dev.bluerealm.daemon.client.Session;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command's session against real daemon processes: auto-start, BLUE_SESSION, BLUE_DAEMON=off. */
class CommandSessionTest {
    @TempDir Path tmp;

    Path home() {
        return tmp.resolve("blue-home");
    }

    Map<String, String> env(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("BLUE_HOME", home().toString(), "BLUE_DAEMON_PORT", "0",
                "BLUE_DAEMON_RUN_DIR", tmp.resolve("run").toString(), "BLUE_DAEMON_WATCH_SECONDS", "0"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @AfterEach
    void stopDaemon() throws Exception {
        Daemons.stop(home(), env());
    }

    private List<Session> sessions() throws Exception {
        DaemonStatus s = Daemons.status(home(), env());
        return DaemonClient.of(home(), s.port()).sessions();
    }

    @Test
    void begin_noDaemon_startsOneDetached_registersAndDeregistersOnClose() throws Exception {
        assertFalse(Daemons.status(home(), env()).running());
        long id;
        try (CommandSession s = CommandSession.begin(CommandSession.Request.of(home(), env(), "aperture", "letemcook"))) {
            assertTrue(s.daemon().isPresent(), () -> s.problem().orElse("no problem given"));
            assertEquals(java.util.Optional.empty(), s.problem());
            id = s.id().orElseThrow();
            List<Session> live = sessions();
            assertEquals(1, live.size(), live.toString());
            assertEquals(id, live.get(0).id());
            assertEquals("aperture", live.get(0).repo());
            assertEquals("letemcook", live.get(0).realm());
            assertEquals("cli-" + ProcessHandle.current().pid(), live.get(0).clientId());
        }
        assertTrue(Daemons.status(home(), env()).running(), "the daemon outlives the command");
        assertEquals(List.of(), sessions());
    }

    @Test
    void begin_daemonOff_neverStartsOne_andSaysNothing() {
        try (CommandSession s = CommandSession.begin(
                CommandSession.Request.of(home(), env("BLUE_DAEMON", "off"), "aperture", "letemcook"))) {
            assertTrue(s.daemon().isEmpty());
            assertTrue(s.problem().isEmpty());
        }
        assertFalse(Daemons.status(home(), env()).running());
    }

    @Test
    void begin_noAutoStart_noDaemon_saysSoInOneLine() {
        CommandSession.Request r = CommandSession.Request.of(home(), env(), "aperture", "letemcook");
        r = new CommandSession.Request(r.blueHome(), r.env(), r.repo(), r.realm(), r.clientId(), r.pid(), null, false);
        try (CommandSession s = CommandSession.begin(r)) {
            assertTrue(s.daemon().isEmpty());
            assertEquals("no daemon running (start one with `blue daemon start`)", s.problem().orElseThrow());
        }
        assertFalse(Daemons.status(home(), env()).running());
    }

    @Test
    void blueSession_reportsActivityOnThatSession_andLeavesItOpen() throws Exception {
        StartResult d = Daemons.start(home(), env());
        DaemonClient client = DaemonClient.of(home(), d.port());
        long gui = client.registerSession("fungal-image-analysis", "letemcook", "gui-1", ProcessHandle.current().pid(), null);
        CommandSession.Request r = CommandSession.Request.of(home(), env("BLUE_SESSION", Long.toString(gui)),
                "fungal-image-analysis", "letemcook");
        r = new CommandSession.Request(r.blueHome(), r.env(), r.repo(), r.realm(), r.clientId(), r.pid(),
                "training-metrics-v2", true);
        try (CommandSession s = CommandSession.begin(r)) {
            assertEquals(gui, s.id().orElseThrow());
            assertTrue(s.problem().isEmpty());
        }
        List<Session> live = client.sessions();
        assertEquals(1, live.size(), live.toString());
        assertEquals("training-metrics-v2", live.get(0).activeRfc(), "the activity carried the RFC");
    }

    @Test
    void blueSession_unknownId_registersItsOwn_andSaysSo() throws Exception {
        Daemons.start(home(), env());
        try (CommandSession s = CommandSession.begin(
                CommandSession.Request.of(home(), env("BLUE_SESSION", "424242"), "aperture", "letemcook"))) {
            assertTrue(s.id().isPresent());
            assertTrue(s.id().getAsLong() != 424242L);
            assertEquals("BLUE_SESSION=424242 is not a session of the daemon; using a new one", s.problem().orElseThrow());
            assertEquals(1, sessions().size());
        }
        assertEquals(List.of(), sessions());
    }

    @Test
    void autoStartedDaemon_ignoresCtrlCAndHangup_butStopsOnTerm() throws Exception {
        StartResult d = Daemons.start(home(), env());
        assertTrue(d.started());
        for (String signal : List.of("INT", "HUP")) {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(d.pid())).start();
            assertEquals(0, kill.waitFor());
        }
        Thread.sleep(500); // a signal that stopped it would have done so by now
        assertTrue(ProcessHandle.of(d.pid()).map(ProcessHandle::isAlive).orElse(false), "SIGINT/SIGHUP stopped it");
        assertEquals("ok", DaemonClient.of(home(), d.port()).health().status());
        assertTrue(Daemons.stop(home(), env()));
        ProcessHandle.of(d.pid()).ifPresent(p -> p.onExit().orTimeout(5, TimeUnit.SECONDS).join());
    }
}
