package dev.bluerealm;

/**
 * Stable, machine-readable codes carried by every {@link RealmException}. The CLI prints them in
 * {@code --json} output and the MCP server returns them as tool errors; they never change meaning.
 *
 * @since 0.1
 */
public enum ErrorCode {
    /** No engine ({@code RealmProvider}) on the class path. */
    NO_PROVIDER,
    /** Several engines on the class path and no {@code blue.realm.provider} property to pick one. */
    MULTIPLE_PROVIDERS,
    /** The working folder is not inside a participating repo nor a realm checkout. */
    NOT_IN_REALM,
    /** A realm named by the caller is not known here and no URL was given. */
    REALM_NOT_FOUND,
    /** One or more realm files cannot be read as what they claim to be. */
    LOAD_ERROR,
    /** A realm, repo, domain or contract name does not match {@code [a-z0-9][a-z0-9._-]{0,63}}. */
    INVALID_NAME,
    /** An argument is malformed or contradicts another. */
    INVALID_ARGUMENT,
    /** The thing to create exists already. */
    ALREADY_EXISTS,
    /** The thing named does not exist. */
    NOT_FOUND,
    /** The folder is not a git repository. */
    NOT_A_REPOSITORY,
    /** The change would create a dependency cycle between repos. */
    CYCLE,
    /** The realm's governance does not let this identity join. */
    ADMISSION_REFUSED,
    /** Leaving is refused while other repos import a contract this repo owns. */
    LEAVE_REFUSED,
    /** The pull request is merged or closed already: it can no longer be merged, acknowledged or approved. */
    NOT_OPEN,
    /** The pull request's branch and its base changed the same lines: it must be updated before it can merge. */
    MERGE_CONFLICT,
    /** The git identity of the acting repo is unknown ({@code user.email} not set). */
    IDENTITY_UNKNOWN,
    /** The realm remote could not be reached, read or written. */
    REMOTE_ERROR,
    /** The remote kept moving: the push was rejected after every retry. */
    PUSH_REJECTED,
    /** A local file could not be read or written. */
    IO_ERROR,
    /** A change to a contract by a repo that does not own it. */
    NOT_OWNER,
    /** An approval by someone who is not among the governance approvers. */
    NOT_APPROVER,
    /** A sync plan made before the realm or the repo changed: plan again. */
    PLAN_STALE,
    /**
     * The forge will not merge the pull request as it stands: approvals or status checks are missing, it
     * is a work in progress, the merge style is disabled, or the token's user may not merge.
     */
    MERGE_BLOCKED
}
