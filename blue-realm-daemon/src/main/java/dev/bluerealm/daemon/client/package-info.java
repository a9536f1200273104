/**
 * The daemon's client, as the CLI uses it: {@link dev.bluerealm.daemon.client.DaemonClient} over
 * {@code java.net.http} with short timeouts, returning records of JDK types only.
 *
 * @since 0.1
 */
package dev.bluerealm.daemon.client;
