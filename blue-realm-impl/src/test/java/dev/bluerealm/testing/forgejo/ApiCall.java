package dev.bluerealm.testing.forgejo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A request routed to an endpoint.
 *
 * @param operationId the operation it matched
 * @param path decoded path parameters
 * @param query decoded query parameters
 * @param body the JSON body, or a missing node
 * @param user who the token belongs to, or empty when anonymous
 * @param url the request URL as received (for {@code Link} headers)
 */
record ApiCall(String operationId, Map<String, String> path, Map<String, List<String>> query, JsonNode body,
        Optional<Account> user, String url) {

    String path(String name) {
        return path.get(name);
    }

    long index() {
        try {
            return Long.parseLong(path.get("index"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound();
        }
    }

    Account signedIn() {
        return user.orElseThrow(() -> new ApiException(401, "token is required"));
    }

    Optional<String> query(String name) {
        List<String> values = query.getOrDefault(name, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    int queryInt(String name, int fallback) {
        try {
            return query(name).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback; // Forgejo's ctx.FormInt: a malformed number reads as the default
        }
    }

    /** A body member looked up as Go's JSON decoding does: exact name first, then ignoring case. */
    JsonNode field(String name) {
        if (body.has(name)) {
            return body.get(name);
        }
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return MissingNode.getInstance();
    }

    String text(String name) {
        JsonNode n = field(name);
        return n.isString() ? n.asString() : "";
    }

    boolean flag(String name) {
        JsonNode n = field(name);
        return n.isBoolean() && n.asBoolean();
    }

    /** A body member Forgejo's binding marks {@code Required}: 422 {@code [Name]: Required} when empty. */
    String required(String name) {
        String v = text(name);
        if (v.isEmpty()) {
            throw new ApiException(422, "[" + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "]: Required");
        }
        return v;
    }
}
