package dev.bluerealm.daemon.client;

import java.nio.file.Path;

/**
 * {@code GET /health}.
 *
 * @since 0.1
 */
public record Health(String status, String version, long pid, int port, Path blueHome) {}
