package dev.bluerealm.internal.credentials;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a credential is looked up for, in the terms of git-credential(1): a protocol, a host (and
 * port), a path and, when the URL names one, a user.
 *
 * <p>Only HTTP(S) remotes carry credentials over git; for an SSH remote ({@code ssh://} or
 * {@code git@host:org/repo.git}) the credential wanted is the forge's API token, which is looked up
 * for {@code https://host/path} (the SSH port and user are dropped: the forge's web port and
 * account are not the SSH ones). Local paths, {@code file://} and {@code git://} need none.
 *
 * @param protocol {@code http} or {@code https}
 * @param host the host name, lower-case ({@code [::1]} for IPv6)
 * @param port the port, or -1 for the protocol's default
 * @param path the path without its leading slash, decoded; may be empty
 * @param username the user named in the URL, or null
 */
public record CredentialTarget(String protocol, String host, int port, String path, String username) {
    private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*)://(.*)", Pattern.DOTALL);
    private static final Pattern SCP = Pattern.compile("(?:([^@/]+)@)?(\\[[^\\]/]+\\]|[^:/\\[\\]]+):(.*)", Pattern.DOTALL);

    public CredentialTarget {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        if (!protocol.equals("http") && !protocol.equals("https")) {
            throw new IllegalArgumentException("credentials are for http or https, not " + protocol);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("a credential target needs a host");
        }
        if (port != -1 && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        host = host.toLowerCase(Locale.ROOT);
        path = path.startsWith("/") ? path.substring(1) : path;
        if (username != null && username.isEmpty()) {
            username = null;
        }
    }

    /**
     * The target of a remote URL, or empty when the remote needs no credentials (a local path,
     * {@code file://}, {@code git://}) or the URL cannot be read.
     */
    public static Optional<CredentialTarget> parse(String url) {
        Objects.requireNonNull(url, "url");
        String u = url.trim();
        Matcher scheme = SCHEME.matcher(u);
        if (scheme.matches()) {
            String protocol = scheme.group(1).toLowerCase(Locale.ROOT);
            boolean ssh = protocol.equals("ssh") || protocol.equals("git+ssh") || protocol.equals("ssh+git");
            if (!ssh && !protocol.equals("http") && !protocol.equals("https")) {
                return Optional.empty();
            }
            return hierarchical(ssh ? "https" : protocol, scheme.group(2), ssh);
        }
        Matcher scp = SCP.matcher(u);
        // git's rule: a colon before the first slash makes it scp-like; a one-letter "host" is a Windows drive
        if (scp.matches() && scp.group(2).length() > 1) {
            return build("https", scp.group(2), -1, decode(scp.group(3)), null);
        }
        return Optional.empty();
    }

    private static Optional<CredentialTarget> hierarchical(String protocol, String rest, boolean ssh) {
        int end = indexOfAny(rest, "/?#");
        String authority = end < 0 ? rest : rest.substring(0, end);
        String path = "";
        if (end >= 0 && rest.charAt(end) == '/') {
            int stop = indexOfAny(rest.substring(end), "?#");
            path = stop < 0 ? rest.substring(end + 1) : rest.substring(end + 1, end + stop);
        }
        String user = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userinfo = authority.substring(0, at);
            int colon = userinfo.indexOf(':');
            user = decode(colon < 0 ? userinfo : userinfo.substring(0, colon));
            authority = authority.substring(at + 1);
        }
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = authority.substring(0, close + 1);
            String after = authority.substring(close + 1);
            if (after.startsWith(":")) {
                portText = after.substring(1);
            } else if (!after.isEmpty()) {
                return Optional.empty();
            }
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
        }
        int port = -1;
        if (portText != null && !portText.isEmpty()) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (ssh) {
            return build(protocol, host, -1, decode(path), null); // the forge's web side, not the SSH port and user
        }
        return build(protocol, host, port, decode(path), user);
    }

    private static Optional<CredentialTarget> build(String protocol, String host, int port, String path, String user) {
        try {
            return Optional.of(new CredentialTarget(protocol, host, port, path, user));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The git-credential {@code host} value: {@code host} or {@code host:port}. */
    public String hostAndPort() {
        return port == -1 ? host : host + ":" + port;
    }

    /** {@code protocol://host[:port]/path}, never with a user or password: safe to show. */
    public String url() {
        return protocol + "://" + hostAndPort() + "/" + path;
    }

    /** The user named in the URL, else {@code fallback}. */
    String usernameOr(String fallback) {
        return username != null ? username : fallback;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Percent-decoding as in a URL path ({@code +} stays {@code +}); malformed escapes are kept as they are. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }

    @Override
    public String toString() {
        return url();
    }
}
