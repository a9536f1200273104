package dev.bluerealm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.admin.InitRequest;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.spi.RealmProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engine discovery with several engines on the class path (STYLE: zero or several throw, never null). */
class ProvidersTest {

    /** Engines that do nothing: only discovery is under test. */
    public static class FirstEngine implements RealmProvider {
        @Override
        public Realm open(RealmOptions options) {
            throw new AssertionError("not under test");
        }

        @Override
        public Realm init(InitRequest request, RealmOptions options) {
            throw new AssertionError("not under test");
        }

        @Override
        public void createRepository(Path dir, Map<String, String> files, String authorEmail) {
            throw new AssertionError("not under test");
        }

        @Override
        public dev.bluerealm.contract.SchemaCompatibility schemaCompatibility() {
            throw new AssertionError("not under test");
        }

        @Override
        public JsonValue readDocument(Path file) {
            throw new AssertionError("not under test");
        }

        @Override
        public java.util.Optional<dev.bluerealm.model.RepoConfig> repoConfig(RealmOptions options) {
            throw new AssertionError("not under test");
        }

        @Override
        public java.util.Optional<String> activeRfc(RealmOptions options) {
            throw new AssertionError("not under test");
        }
    }

    public static class SecondEngine extends FirstEngine {}

    private static ClassLoader withServices(Path dir, String... providers) throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(RealmProvider.class.getName()), String.join("\n", providers) + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, ProvidersTest.class.getClassLoader());
    }

    @Test
    void find_twoEngines_throwsMultipleProvidersNamingBoth(@TempDir Path dir) throws Exception {
        ClassLoader loader = withServices(dir, FirstEngine.class.getName(), SecondEngine.class.getName());
        ProviderException e = assertThrows(ProviderException.class, () -> Providers.find(loader));
        assertEquals(ErrorCode.MULTIPLE_PROVIDERS, e.code());
        assertTrue(e.getMessage().contains("FirstEngine") && e.getMessage().contains("SecondEngine"), e.getMessage());
        assertTrue(e.getMessage().contains("-D" + Providers.PROPERTY), e.getMessage());
    }

    @Test
    void find_twoEnginesAndTheProperty_picksTheNamedOne(@TempDir Path dir) throws Exception {
        ClassLoader loader = withServices(dir, FirstEngine.class.getName(), SecondEngine.class.getName());
        System.setProperty(Providers.PROPERTY, SecondEngine.class.getName());
        try {
            assertSame(SecondEngine.class, Providers.find(loader).getClass());
        } finally {
            System.clearProperty(Providers.PROPERTY);
        }
    }

    @Test
    void find_theProperty_loadsTheNamedEngineWithoutLookingForRegistrations(@TempDir Path dir) throws Exception {
        ClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, ProvidersTest.class.getClassLoader());
        System.setProperty(Providers.PROPERTY, SecondEngine.class.getName());
        try {
            assertSame(SecondEngine.class, Providers.find(loader).getClass());
        } finally {
            System.clearProperty(Providers.PROPERTY);
        }
    }

    @Test
    void find_thePropertyNamingNoEngine_saysWhichWereFound(@TempDir Path dir) throws Exception {
        ClassLoader loader = withServices(dir, FirstEngine.class.getName());
        System.setProperty(Providers.PROPERTY, String.class.getName()); // a class, but no engine
        try {
            ProviderException e = assertThrows(ProviderException.class, () -> Providers.find(loader));
            assertEquals(ErrorCode.NO_PROVIDER, e.code());
            assertTrue(e.getMessage().contains("FirstEngine"), e.getMessage());
        } finally {
            System.clearProperty(Providers.PROPERTY);
        }
    }

    @Test
    void find_oneEngine_returnsIt(@TempDir Path dir) throws Exception {
        assertSame(FirstEngine.class, Providers.find(withServices(dir, FirstEngine.class.getName())).getClass());
    }
}
