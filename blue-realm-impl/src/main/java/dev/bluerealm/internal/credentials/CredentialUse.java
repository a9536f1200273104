package dev.bluerealm.internal.credentials;

/**
 * What a credential is wanted for. It only changes which environment variables apply
 * ({@link EnvTokenSource}): a Forgejo token is sent to the Forgejo API, never to an arbitrary git
 * host.
 */
public enum CredentialUse {
    /** git over HTTP(S): fetch, clone, push. */
    GIT,
    /** the Forgejo (or Gitea) REST API of the forge that hosts a remote. */
    FORGEJO_API
}
