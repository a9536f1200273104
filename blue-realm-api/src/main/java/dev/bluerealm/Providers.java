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
        String named = System.getProperty(PROPERTY);
        if (named != null) {
            // the engine named: loaded directly, without ServiceLoader opening every jar on the class path to
            // look for registrations (tens of milliseconds of a command's start); when that fails, the lookup
            // below says why
            try {
                Class<?> type = Class.forName(named, true, loader);
                if (RealmProvider.class.isAssignableFrom(type)) {
                    return (RealmProvider) type.getConstructor().newInstance();
                }
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                // not there, or not an engine: reported below
            }
        }
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
