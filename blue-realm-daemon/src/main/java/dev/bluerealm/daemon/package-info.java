/**
 * The per-machine daemon: a JDK {@code HttpServer} on 127.0.0.1 with SQLite {@code daemon.db}, tracking
 * sessions and notifications for every client on the machine and fetching its realms (DESIGN §6;
 * endpoints in docs/daemon.md). Public: {@link dev.bluerealm.daemon.Daemons} (start, status, stop),
 * {@link dev.bluerealm.daemon.DaemonServer} (in-process), {@link dev.bluerealm.daemon.DaemonMain}
 * ({@code run}), and {@link dev.bluerealm.daemon.ServiceUnit} with
 * {@link dev.bluerealm.daemon.ServiceInstaller} (a systemd or launchd unit that runs it at login). The
 * module compiles against the API only; the engine is on the runtime class path.
 *
 * @since 0.1
 */
package dev.bluerealm.daemon;
