package dev.bluerealm.daemon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Maps (method, path pattern) to endpoints; answers 404 for unknown paths, 405 with {@code Allow}
 * for known paths with another method, and turns {@link HttpError}s into JSON {@code {error, code}}.
 * Pattern segments written {@code {x}} match one non-empty path segment, handed to the endpoint.
 */
final class Router implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(Router.class.getName());

    /** An endpoint: the exchange and the values of the pattern's {@code {x}} segments. */
    interface Endpoint {
        void handle(HttpExchange ex, List<String> params) throws Exception;
    }

    private record Route(String method, String[] pattern, Endpoint endpoint) {}

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String pattern, Endpoint endpoint) {
        routes.add(new Route(method, split(pattern), endpoint));
        return this;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            try {
                dispatch(ex);
            } catch (HttpError e) {
                Exchanges.drain(ex);
                Exchanges.sendError(ex, e);
            } catch (Exception e) {
                LOG.log(Level.WARNING, ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + " failed", e);
                Exchanges.drain(ex);
                Exchanges.sendError(ex, new HttpError(500, "INTERNAL", "internal error: " + e.getClass().getSimpleName()));
            }
        }
    }

    private void dispatch(HttpExchange ex) throws Exception {
        String path = ex.getRequestURI().getRawPath();
        if (path.length() > 1024) {
            throw new HttpError(414, "URI_TOO_LONG", "path too long");
        }
        String[] segments = split(path);
        TreeSet<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            List<String> params = match(r.pattern, segments);
            if (params == null) {
                continue;
            }
            if (r.method.equals(ex.getRequestMethod())) {
                r.endpoint.handle(ex, params);
                return;
            }
            allowed.add(r.method);
        }
        if (allowed.isEmpty()) {
            throw HttpError.notFound("no such endpoint: " + path);
        }
        throw new HttpError(405, "METHOD_NOT_ALLOWED",
                ex.getRequestMethod() + " is not allowed on " + path, List.copyOf(allowed));
    }

    private static List<String> match(String[] pattern, String[] segments) {
        if (pattern.length != segments.length) {
            return null;
        }
        List<String> params = new ArrayList<>();
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].startsWith("{")) {
                String value = URLDecoder.decode(segments[i], StandardCharsets.UTF_8);
                if (value.isEmpty()) {
                    return null;
                }
                params.add(value);
            } else if (!pattern[i].equals(segments[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    /** The query parameters (last one wins), bounded in size. */
    static Map<String, String> query(HttpExchange ex) {
        String raw = ex.getRequestURI().getRawQuery();
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        if (raw.length() > 2048) {
            throw HttpError.badRequest("query string too long");
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }
}
