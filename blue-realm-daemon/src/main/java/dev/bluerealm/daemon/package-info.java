/**
 * The per-machine daemon: a JDK {@code HttpServer} on 127.0.0.1 with SQLite {@code daemon.db}, tracking
 * sessions and notifications for every client on the machine (DESIGN §6). Its server, handlers and
 * store land with the daemon issue; the module exists now so the layout of DESIGN §2 holds and the
 * dependency rule (compile against the API only) is enforced from the start.
 */
package dev.bluerealm.daemon;
