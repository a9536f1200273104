package dev.bluerealm.testing.forgejo;

import java.time.Instant;

/** A commit status posted on a SHA. */
record CommitStatus(long id, String sha, String state, String context, String description, String targetUrl,
        Account creator, Instant created) {}
