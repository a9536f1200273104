package dev.bluerealm.daemon;

import java.util.Map;

/**
 * Which notifications a client sees, from the {@code realm} and {@code repo} query parameters of
 * {@code GET /notifications} and {@code GET /events}: those of {@code realm} (all when null), and
 * none of {@code repo}'s own changes.
 *
 * @param realm a realm name, or null for all realms
 * @param repo the repo asking, or null
 */
record NotificationFilter(String realm, String repo) {
    /** The filter of a request's query parameters; invalid names are 400. */
    static NotificationFilter of(Map<String, String> query) {
        String realm = query.containsKey("realm") ? Fields.name("realm", query.get("realm")) : null;
        String repo = query.containsKey("repo") ? Fields.name("repo", query.get("repo")) : null;
        return new NotificationFilter(realm, repo);
    }

    boolean shows(DaemonStore.NotificationRow n) {
        return (realm == null || realm.equals(n.realm()))
                && (repo == null || !repo.equals(n.fromRepo())); // a repo is not notified of its own changes
    }
}
