/**
 * Credentials for remotes (DESIGN §5). {@link dev.bluerealm.internal.credentials.CredentialChain}
 * asks its sources in order and the first credential found wins: {@code BLUE_REALM_TOKEN} /
 * {@code BLUE_FORGEJO_TOKEN} ({@code EnvTokenSource}), {@code git credential fill}
 * ({@code GitCredentialSource}), the OS keychain ({@code SecretToolSource},
 * {@code MacKeychainSource}) and {@code $BLUE_HOME/credentials.yaml} ({@code CredentialsFileSource},
 * refused unless mode 0600). Everything is read from the environment map the engine is given,
 * never from the JVM's.
 *
 * <p>{@code ChainCredentialsProvider} hands the chain's answers to JGit's HTTP transport (wired in
 * {@code dev.bluerealm.internal.git.Transports}) and reports back to git's helpers whether they
 * worked. Secrets never reach a message: {@link dev.bluerealm.internal.credentials.Credential}
 * masks its secret in {@code toString}, and {@link dev.bluerealm.internal.credentials.Redaction}
 * masks URL passwords and known secrets in every message built from a remote URL or transport error.
 */
package dev.bluerealm.internal.credentials;
