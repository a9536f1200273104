package dev.bluerealm.internal.credentials;

import dev.bluerealm.RealmException;
import java.util.Optional;

/** One place a credential may come from. A source that does not apply (tool absent, file missing) finds nothing. */
public interface CredentialSource {
    /** What this source is, for messages ("env BLUE_REALM_TOKEN", "git credential fill", …). */
    String name();

    /**
     * The credential this source holds for {@code target}, or empty.
     *
     * @throws RealmException when the source exists but must not be used (a credentials file others can read, or
     *     one that does not parse)
     */
    Optional<Credential> find(CredentialTarget target, CredentialUse use) throws RealmException;

    /** Reports that {@code credential}, which this source found, worked. Nothing by default. */
    default void approve(CredentialTarget target, Credential credential) {}

    /** Reports that {@code credential}, which this source found, was refused. Nothing by default. */
    default void reject(CredentialTarget target, Credential credential) {}
}
