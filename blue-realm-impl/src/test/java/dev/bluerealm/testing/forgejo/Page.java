package dev.bluerealm.testing.forgejo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Forgejo's pagination: {@code page} is 1-based, {@code limit} defaults to 30 and is silently capped
 * at 50; the answer carries {@code X-Total-Count} and a {@code Link} header with next, last, first
 * and prev (those that apply), built from the request URL.
 */
record Page(int page, int limit) {
    static final int DEFAULT_LIMIT = 30;
    static final int MAX_LIMIT = 50;

    static Page of(ApiCall call) {
        int page = Math.max(1, call.queryInt("page", 1));
        int limit = call.queryInt("limit", DEFAULT_LIMIT);
        return new Page(page, limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT));
    }

    /** Renders one element of a page. */
    @FunctionalInterface
    interface View<T> {
        JsonNode render(T item) throws IOException;
    }

    /** The answer for this page of {@code all}: only the page's elements are rendered. */
    <T> ApiReply reply(ApiCall call, List<T> all, View<T> view) throws IOException {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        int from = Math.min(all.size(), (page - 1) * limit);
        for (T t : all.subList(from, Math.min(all.size(), from + limit))) {
            items.add(view.render(t));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Total-Count", Integer.toString(all.size()));
        int last = Math.max(1, (all.size() + limit - 1) / limit);
        List<String> links = new ArrayList<>();
        if (page < last) {
            links.add(link(call.url(), page + 1, "next"));
            links.add(link(call.url(), last, "last"));
        }
        if (page > 1) {
            links.add(link(call.url(), 1, "first"));
            links.add(link(call.url(), page - 1, "prev"));
        }
        if (!links.isEmpty()) {
            headers.put("Link", String.join(",", links));
        }
        return new ApiReply(200, items, headers);
    }

    private static String link(String url, int page, String rel) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        List<String> params = new ArrayList<>();
        if (q >= 0) {
            for (String p : url.substring(q + 1).split("&")) {
                if (!p.isEmpty() && !p.startsWith("page=")) {
                    params.add(p);
                }
            }
        }
        params.add("page=" + page);
        return "<" + base + "?" + String.join("&", params) + ">; rel=\"" + rel + "\"";
    }
}
