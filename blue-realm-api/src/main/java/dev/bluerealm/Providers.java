package dev.bluerealm;

import dev.bluerealm.spi.RealmProvider;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds the one engine through ServiceLoader; never returns null. */
final class Providers {
    static final String PROPERTY = "blue.realm.provider";

    private Providers() {}

    static RealmProvider find() throws ProviderException {
        return find(Realm.class.getClassLoader());
    }

    static RealmProvider find(ClassLoader loader) throws ProviderException {
        List<RealmProvider> found = ServiceLoader.load(RealmProvider.class, loader).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toList());
        String wanted = System.getProperty(PROPERTY);
        if (wanted != null) {
            return found.stream().filter(p -> p.getClass().getName().equals(wanted)).findFirst()
                    .orElseThrow(() -> new ProviderException(ErrorCode.NO_PROVIDER, "the engine " + wanted
                            + " named by -D" + PROPERTY + " is not on the class path (found: " + names(found) + ")"));
        }
        if (found.isEmpty()) {
            throw new ProviderException(ErrorCode.NO_PROVIDER, "no blue-realm engine on the class path: add "
                    + "dev.bluerealm:blue-realm-impl (runtime scope) next to blue-realm-api");
        }
        if (found.size() > 1) {
            throw new ProviderException(ErrorCode.MULTIPLE_PROVIDERS, "several blue-realm engines on the class path ("
                    + names(found) + "): keep one, or pick one with -D" + PROPERTY + "=<class>");
        }
        return found.get(0);
    }

    private static String names(List<RealmProvider> found) {
        return found.stream().map(p -> p.getClass().getName()).collect(Collectors.joining(", "));
    }
}
