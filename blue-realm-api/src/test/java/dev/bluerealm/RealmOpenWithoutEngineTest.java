package dev.bluerealm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.spi.RealmProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The api module's tests have no engine on their class path (blue-realm-impl is not a dependency
 * here), so every entry point must fail with NO_PROVIDER, for real, through ServiceLoader.
 */
class RealmOpenWithoutEngineTest {

    @Test
    void classPath_apiAlone_holdsNoEngine() {
        assertFalse(ServiceLoader.load(RealmProvider.class).iterator().hasNext(),
                "an engine is on the api module's test class path; these tests would not test the real thing");
    }

    @Test
    void open_path_throwsNoProvider(@TempDir Path dir) {
        ProviderException e = assertThrows(ProviderException.class, () -> Realm.open(dir));
        assertEquals(ErrorCode.NO_PROVIDER, e.code());
        assertTrue(e.getMessage().contains("blue-realm-impl"), "message says what to add: " + e.getMessage());
    }

    @Test
    void open_options_throwsNoProvider(@TempDir Path dir) {
        RealmOptions options = RealmOptions.builder().location(dir).workingDirectory(dir).environment(Map.of())
                .blueHome(dir.resolve("home")).build();
        ProviderException e = assertThrows(ProviderException.class, () -> Realm.open(options));
        assertEquals(ErrorCode.NO_PROVIDER, e.code());
    }

    @Test
    void init_withoutEngine_throwsNoProvider(@TempDir Path dir) {
        RealmOptions options = RealmOptions.builder().workingDirectory(dir).environment(Map.of()).build();
        ProviderException e = assertThrows(ProviderException.class, () -> Realm.init(null, options));
        assertEquals(ErrorCode.NO_PROVIDER, e.code());
    }

    @Test
    void createRepository_withoutEngine_throwsNoProvider(@TempDir Path dir) {
        ProviderException e = assertThrows(ProviderException.class,
                () -> Realm.createRepository(dir.resolve("r"), Map.of("a.txt", "a"), "eric@example.com"));
        assertEquals(ErrorCode.NO_PROVIDER, e.code());
    }

    @Test
    void open_providerPropertyNamesMissingClass_throwsNoProviderNamingIt(@TempDir Path dir) {
        String before = System.getProperty(Providers.PROPERTY);
        System.setProperty(Providers.PROPERTY, "com.example.NoSuchEngine");
        try {
            ProviderException e = assertThrows(ProviderException.class, () -> Realm.open(dir));
            assertEquals(ErrorCode.NO_PROVIDER, e.code());
            assertTrue(e.getMessage().contains("com.example.NoSuchEngine"), e.getMessage());
            assertTrue(e.getMessage().contains(Providers.PROPERTY), e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(Providers.PROPERTY);
            } else {
                System.setProperty(Providers.PROPERTY, before);
            }
        }
    }

    @Test
    void providerException_isARealmException() {
        RealmException e = new ProviderException(ErrorCode.NO_PROVIDER, "none");
        assertEquals(ErrorCode.NO_PROVIDER, e.code());
        assertEquals("none", e.getMessage());
    }
}
