/**
 * Coordinated pull requests ({@code blue realm pr}): the merge order of a change's repos, and one
 * pull request per repo on its own remote, each saying what it is blocked by; and the merge-order
 * statuses of every open set kept up to date through the Forgejo API alone ({@code MergeOrderStatuses}).
 */
package dev.bluerealm.internal.pr;
