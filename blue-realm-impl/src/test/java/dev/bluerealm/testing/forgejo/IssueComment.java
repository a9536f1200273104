package dev.bluerealm.testing.forgejo;

import java.time.Instant;

/** A comment on a pull request (an issue) of a repository. */
record IssueComment(long id, long index, Account user, String body, Instant created) {}
