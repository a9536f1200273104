package dev.bluerealm.internal.credentials;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.RealmException;
import dev.bluerealm.RealmLoadException;
import dev.bluerealm.RemoteException;
import dev.bluerealm.internal.yaml.Decoder;
import dev.bluerealm.internal.yaml.YamlDocument;
import dev.bluerealm.internal.yaml.YamlLimits;
import dev.bluerealm.internal.yaml.YamlNode;
import dev.bluerealm.internal.yaml.YamlReader;
import dev.bluerealm.model.LoadError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tokens kept in {@code $BLUE_HOME/credentials.yaml}, per host (the format is in docs/formats.md):
 *
 * <pre>{@code
 * hosts:
 *   git.example.com:          # any port of this host
 *     username: eric          # optional: else the user in the remote URL, else "token"
 *     token: 0123abcd…
 *   git.example.com:8443:     # this port only; wins over the entry without a port
 *     token: 4567ef01…
 * }</pre>
 *
 * <p>The file is refused, with a {@link RealmLoadException} that says to run {@code chmod 600}, when
 * its POSIX permissions give the group or others any access (on a file system without POSIX
 * permissions it is read as it is). It is read with the project's YAML reader under tight bounds
 * (64 KiB, 8 levels, 10 aliases); every error names {@code file:line:column}, never a token. A
 * missing file: the source finds nothing.
 */
public final class CredentialsFileSource implements CredentialSource {
    public static final String FILE_NAME = "credentials.yaml";
    static final YamlLimits LIMITS = new YamlLimits(64 * 1024, 8, 10, 1_000);
    private static final Pattern HOST = Pattern.compile("(\\[[0-9a-f:.]+\\]|[a-z0-9_.-]+)(:[0-9]{1,5})?");

    private final Path file;

    /** The credentials file of {@code blueHome}. */
    public CredentialsFileSource(Path blueHome) {
        this.file = Objects.requireNonNull(blueHome, "blueHome").resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    @Override
    public String name() {
        return file.toString();
    }

    @Override
    public Optional<Credential> find(CredentialTarget target, CredentialUse use) throws RealmException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Map<String, Entry> hosts = read();
        String key = target.hostAndPort();
        Entry entry = hosts.get(key);
        if (entry == null && target.port() != -1) {
            key = target.host();
            entry = hosts.get(key);
        }
        if (entry == null) {
            return Optional.empty();
        }
        String username = entry.username() != null ? entry.username() : target.usernameOr(EnvTokenSource.TOKEN_USER);
        return Optional.of(new Credential(username, entry.token(), file + " (" + key + ")"));
    }

    /** One host's entry. */
    record Entry(String username, String token) {
        @Override
        public String toString() {
            return "Entry[username=" + username + ", token=****]";
        }
    }

    /** The file's entries by host key, after the permission check. */
    Map<String, Entry> read() throws RealmException {
        checkPrivate(file);
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > LIMITS.maxBytes()) {
                throw refused("file is " + size + " bytes; the limit is " + LIMITS.maxBytes() + " (64 KiB)");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), bytes);
    }

    /** Parses the file's bytes; {@code name} is the file name in errors. */
    static Map<String, Entry> parse(String name, byte[] bytes) throws RealmLoadException {
        YamlDocument doc = new YamlReader(LIMITS).read(name, bytes);
        if (!doc.ok()) {
            throw new RealmLoadException(doc.errors());
        }
        Map<String, Entry> hosts = new LinkedHashMap<>();
        if (doc.root() == null) {
            return hosts; // an empty file
        }
        Decoder d = new Decoder(name);
        Decoder.Fields f = d.fields(doc.root(), FILE_NAME, Set.of("hosts"), Set.of());
        if (f != null && f.has("hosts")) {
            YamlNode node = f.get("hosts");
            if (!(node instanceof YamlNode.Mapping)) {
                d.error(node, "expected 'hosts' to be a mapping of host to username and token, found " + node.describe());
            } else {
                Map<String, YamlNode> seen = new LinkedHashMap<>();
                for (YamlNode.Mapping.Entry e : ((YamlNode.Mapping) node).entries()) {
                    String host = e.key().text().toLowerCase(Locale.ROOT);
                    if (!HOST.matcher(host).matches()) {
                        d.error(e.key(), "'" + e.key().text() + "' is not a host; write it as git.example.com or "
                                + "git.example.com:8443, without a scheme or path");
                        continue;
                    }
                    YamlNode first = seen.putIfAbsent(host, e.key());
                    if (first != null) {
                        d.error(e.key(), "host '" + host + "' is listed twice (first at line " + first.line() + ")");
                        continue;
                    }
                    Decoder.Fields entry = d.fields(e.value(), "the entry for " + host, Set.of("token"), Set.of("username"));
                    if (entry == null || !entry.has("token")) {
                        if (entry != null && entry.get("token") != null) {
                            d.error(entry.get("token"), "'token' of " + host + " is empty");
                        }
                        continue;
                    }
                    String token = d.string(entry.get("token"), "token");
                    String username = d.optionalString(entry, "username");
                    if (token != null && token.isBlank()) {
                        d.error(entry.get("token"), "'token' of " + host + " is empty");
                    } else if (token != null) {
                        hosts.put(host, new Entry(username, token.strip()));
                    }
                }
            }
        }
        if (!d.ok()) {
            throw new RealmLoadException(d.errors());
        }
        return hosts;
    }

    /** Refuses a file whose group or others have any access. */
    static void checkPrivate(Path file) throws RealmException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return; // no POSIX permissions on this file system: nothing to check
        } catch (IOException e) {
            throw new RemoteException(ErrorCode.IO_ERROR, "cannot read the permissions of " + file + ": " + e.getMessage(), e);
        }
        for (PosixFilePermission p : permissions) {
            if (p != PosixFilePermission.OWNER_READ && p != PosixFilePermission.OWNER_WRITE
                    && p != PosixFilePermission.OWNER_EXECUTE) {
                throw new RealmLoadException(List.of(new LoadError(file.toString(), 0, 0, "refused: its mode is "
                        + mode(permissions) + ", which lets other users read or change the tokens in it. Make it private with `chmod 600 "
                        + file + "` (and replace the tokens if others may have read them)")));
            }
        }
    }

    private RealmLoadException refused(String message) {
        return new RealmLoadException(List.of(new LoadError(file.toString(), 0, 0, message)));
    }

    /** The permissions as an octal mode such as {@code 0644}. */
    static String mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 1 << (8 - p.ordinal()); // OWNER_READ is ordinal 0 and bit 0400
        }
        return String.format("0%03o", mode);
    }
}
