package dev.bluerealm.internal.realm;

import dev.bluerealm.RealmOptions;
import dev.bluerealm.internal.credentials.CredentialChain;
import dev.bluerealm.internal.forge.forgejo.ForgejoClient;
import dev.bluerealm.internal.forge.forgejo.TokenSupplier;

/** A Forgejo client for a realm's options: the token is the credentials chain's first for that URL. */
final class ForgejoAccess {
    private ForgejoAccess() {}

    static ForgejoClient client(String url, RealmOptions options) {
        CredentialChain chain = CredentialChain.standard(options.environment(), options.resolvedBlueHome());
        return ForgejoClient.builder(url, TokenSupplier.fromChain(chain, url)).clock(options.clock()).build();
    }
}
