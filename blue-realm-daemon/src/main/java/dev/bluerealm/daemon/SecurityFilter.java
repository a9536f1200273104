package dev.bluerealm.daemon;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The localhost lock-down: a {@code Host} that is not a loopback name with the daemon's port is
 * refused (DNS rebinding), any {@code Origin} is refused (browsers; no CORS, ever), and mutating
 * requests need {@code Authorization: Bearer <daemon.token>}.
 */
final class SecurityFilter extends Filter {
    private final IntSupplier port;
    private final byte[] token;

    SecurityFilter(IntSupplier port, String token) {
        this.port = port;
        this.token = token.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void doFilter(HttpExchange ex, Chain chain) throws IOException {
        HttpError refusal = check(ex);
        if (refusal != null) {
            try (ex) {
                Exchanges.drain(ex);
                Exchanges.sendError(ex, refusal);
            }
            return;
        }
        chain.doFilter(ex);
    }

    private HttpError check(HttpExchange ex) {
        var headers = ex.getRequestHeaders();
        var hosts = headers.get("Host");
        int p = port.getAsInt();
        Set<String> allowed = Set.of("127.0.0.1:" + p, "localhost:" + p, "[::1]:" + p);
        if (hosts == null || hosts.size() != 1 || !allowed.contains(hosts.get(0).toLowerCase(java.util.Locale.ROOT))) {
            return new HttpError(403, "FORBIDDEN_HOST", "Host must be 127.0.0.1:" + p + " or localhost:" + p);
        }
        if (headers.containsKey("Origin")) {
            return new HttpError(403, "FORBIDDEN_ORIGIN", "requests from web pages are not accepted");
        }
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD") && !authorized(headers.getFirst("Authorization"))) {
            return new HttpError(401, "UNAUTHORIZED", method + " needs Authorization: Bearer <token from daemon.token>");
        }
        return null;
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, token);
    }

    @Override
    public String description() {
        return "loopback Host, no Origin, bearer token for mutations";
    }
}
