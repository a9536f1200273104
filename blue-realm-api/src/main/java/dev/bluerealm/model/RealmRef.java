package dev.bluerealm.model;

/**
 * The {@code realm} block of .blue/config.yaml: which realm, and where its repository is.
 *
 * @since 0.1
 */
public record RealmRef(String name, String url) {
    public RealmRef {
        Names.require("realm", name);
        Values.nonBlank("realm.url", url);
    }
}
