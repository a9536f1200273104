package dev.bluerealm.internal.realm;

import dev.bluerealm.model.Names;

/** Where each realm file lives (DESIGN §3). Every name is checked before it becomes a path. */
public final class RealmPaths {
    public static final String REALM_YAML = "realm.yaml";

    private RealmPaths() {}

    public static String repo(String repo) {
        return "repos/" + Names.require("repo", repo) + ".yaml";
    }

    public static String domain(String domain) {
        return "domains/" + Names.require("domain", domain) + "/domain.yaml";
    }

    public static String contract(String domain, String contract) {
        return "domains/" + Names.require("domain", domain) + "/contracts/" + Names.require("contract", contract)
                + ".yaml";
    }

    public static String binding(String domain, String repo) {
        return "domains/" + Names.require("domain", domain) + "/bindings/" + Names.require("repo", repo) + ".yaml";
    }
}
