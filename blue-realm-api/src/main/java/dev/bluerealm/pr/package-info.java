/**
 * Coordinated pull requests (RFC "Coordinated Changes", {@code blue realm pr}): one pull request per
 * repo of a change on branch {@code feat/NAME}, merged in the realm's dependency order, exporters first.
 * {@link dev.bluerealm.pr.PullRequestSetRequest} says what to do with the set for
 * {@code Realm.pullRequestSet}, and {@link dev.bluerealm.pr.PullRequestSet} is the set as it then stands.
 * {@link dev.bluerealm.pr.MergeOrderRefresh} is what {@code Realm.refreshMergeOrder} found and changed of
 * every open set's merge-order statuses on Forgejo (what sync and the daemon run).
 */
package dev.bluerealm.pr;
