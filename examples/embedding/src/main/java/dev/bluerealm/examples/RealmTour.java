package dev.bluerealm.examples;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.DomainModel;
import java.nio.file.Path;

/**
 * Prints, for a participating repo, every domain it belongs to and each contract's version.
 * Run it with the path of a repo that has joined a realm (e.g. the demo's aperture).
 */
public final class RealmTour {
    public static void main(String[] args) throws RealmException {
        try (Realm realm = Realm.open(Path.of(args.length > 0 ? args[0] : "."))) {
            print(realm);
        }
    }

    static void print(Realm realm) {
        String me = realm.repo().orElseThrow();
        System.out.println(me + " in realm " + realm.name());
        for (DomainModel domain : realm.model().domainsOf(me)) {
            String role = domain.binding(me).map(b -> b.role().yaml()).orElse("member");
            System.out.println("  " + domain.name() + " (" + role + ")");
            for (Contract c : domain.contracts().values()) {
                System.out.println("    " + c.name() + " v" + c.version() + ", owned by " + c.owner());
            }
        }
    }
}
