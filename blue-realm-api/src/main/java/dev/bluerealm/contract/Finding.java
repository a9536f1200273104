package dev.bluerealm.contract;

import java.util.Objects;

/**
 * Something a check found: a well-formed realm that says something wrong (an unknown reference,
 * a pending member, a stale binding, ...). Findings leave the realm loadable.
 *
 * @param code a stable code such as {@code PENDING_MEMBER} or {@code BINDING_STALE}
 * @param domain where it was found, or null
 * @param contract or null
 * @param repo or null
 * @param file the realm file, relative to the realm root, or null
 * @param line 1-based line in {@code file}, or 0 when unknown
 * @since 0.1
 */
public record Finding(Severity severity, String code, String message, String domain, String contract,
                      String repo, String file, int line) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
