package dev.bluerealm.daemon.client;

import java.time.Instant;

/**
 * A session as the daemon lists it.
 *
 * @param activeRfc the RFC being worked on, or null
 * @param idle true when there was no activity for 5 minutes
 * @since 0.1
 */
public record Session(long id, String repo, String realm, String clientId, long pid, String activeRfc,
                      Instant startedAt, Instant lastActivity, boolean idle) {}
