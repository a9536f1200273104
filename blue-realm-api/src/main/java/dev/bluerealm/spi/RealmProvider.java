package dev.bluerealm.spi;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.RealmOptions;
import dev.bluerealm.admin.InitRequest;
import java.nio.file.Path;

/**
 * The engine behind {@link Realm}. Implementations register in
 * {@code META-INF/services/dev.bluerealm.spi.RealmProvider}; {@link Realm#open} finds exactly one
 * (the system property {@code blue.realm.provider}, a class name, picks one among several; the class it
 * names is loaded directly, which spares a look through every jar of the class path).
 *
 * @since 0.1
 */
public interface RealmProvider {
    /** Opens the realm the options point at. */
    Realm open(RealmOptions options) throws RealmException;

    /** Creates a realm, pushes its realm.yaml and opens its managed clone. */
    Realm init(InitRequest request, RealmOptions options) throws RealmException;

    /**
     * Creates a git repository with one commit on {@code main} holding {@code files} (demos and
     * examples use it to set up sample repos).
     */
    void createRepository(Path dir, java.util.Map<String, String> files, String authorEmail) throws RealmException;

    /** The engine's schema compatibility checker. */
    dev.bluerealm.contract.SchemaCompatibility schemaCompatibility();

    /** Reads a JSON or YAML file as a JSON value. */
    dev.bluerealm.json.JsonValue readDocument(Path file) throws RealmException;

    /** The participating repo's {@code .blue/config.yaml} the options point at, if any (see {@link Realm#repoConfig}). */
    java.util.Optional<dev.bluerealm.model.RepoConfig> repoConfig(RealmOptions options) throws RealmException;

    /** The RFC the checkout the options point at works on, if any (see {@link Realm#activeRfc}). */
    java.util.Optional<String> activeRfc(RealmOptions options) throws RealmException;
}
