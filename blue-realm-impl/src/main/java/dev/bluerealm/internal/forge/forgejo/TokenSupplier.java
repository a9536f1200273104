package dev.bluerealm.internal.forge.forgejo;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.RealmException;
import dev.bluerealm.RemoteException;
import dev.bluerealm.internal.credentials.Credential;
import dev.bluerealm.internal.credentials.CredentialChain;
import dev.bluerealm.internal.credentials.CredentialUse;
import java.util.Objects;

/**
 * Where {@link ForgejoClient} gets its API token. Asked once per client, on the first request; the
 * credential's {@code source} names where it came from in messages, its secret never appears.
 */
@FunctionalInterface
public interface TokenSupplier {
    /** How a user provides a token, for messages. */
    String HOW_TO_PROVIDE = "provide one with BLUE_FORGEJO_TOKEN (or BLUE_REALM_TOKEN), a git credential helper,"
            + " the OS keychain, or ~/.blue/credentials.yaml (mode 0600)";

    /**
     * The token to send.
     *
     * @throws RealmException when there is none, or a source must not be used
     */
    Credential token() throws RealmException;

    /** The first token the credentials chain has for the forge at {@code forgeUrl}, for the Forgejo API. */
    static TokenSupplier fromChain(CredentialChain chain, String forgeUrl) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(forgeUrl, "forgeUrl");
        return () -> chain.find(forgeUrl, CredentialUse.FORGEJO_API).orElseThrow(() -> new RemoteException(
                ErrorCode.REMOTE_ERROR, "no Forgejo token for " + forgeUrl + " (looked in: " + chain.describe() + "); "
                        + HOW_TO_PROVIDE));
    }
}
