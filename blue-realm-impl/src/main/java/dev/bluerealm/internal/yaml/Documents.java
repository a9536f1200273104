package dev.bluerealm.internal.yaml;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.RealmException;
import dev.bluerealm.RealmLoadException;
import dev.bluerealm.RemoteException;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.LoadError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a JSON or YAML document (JSON is YAML) into a {@link JsonValue}, with the realm files' bounds. */
public final class Documents {
    private Documents() {}

    public static JsonValue read(Path file, String shownAs) throws RealmException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(YamlLimits.DEFAULT.maxBytes() + 1);
        } catch (IOException e) {
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot read " + shownAs + ": " + e.getMessage(), e);
        }
        YamlDocument doc = new YamlReader().read(shownAs, bytes);
        if (!doc.ok()) {
            throw new RealmLoadException(doc.errors());
        }
        if (doc.root() == null) {
            throw new RealmLoadException(List.of(new LoadError(shownAs, 0, 0, "file is empty; expected a JSON or YAML document")));
        }
        Decoder d = new Decoder(shownAs);
        JsonValue value = d.json(doc.root(), shownAs);
        if (!d.ok()) {
            throw new RealmLoadException(d.errors());
        }
        return value;
    }
}
