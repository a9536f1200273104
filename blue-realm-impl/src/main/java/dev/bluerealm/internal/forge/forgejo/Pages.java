package dev.bluerealm.internal.forge.forgejo;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.RealmException;
import dev.bluerealm.RemoteException;
import dev.bluerealm.internal.credentials.Credential;
import dev.bluerealm.internal.forge.forgejo.invoker.ApiException;
import dev.bluerealm.internal.forge.forgejo.invoker.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads every page of a list. Forgejo caps {@code limit} at its {@code MAX_RESPONSE_ITEMS} (50 by
 * default, maybe less) without saying so, so a short page alone is not trusted when the server says
 * more: the {@code Link} header's {@code rel="next"} decides when present, then {@code X-Total-Count},
 * and only then a page shorter than asked for.
 */
final class Pages {
    static final int LIMIT = 50;
    /** A server that keeps saying "next" past this many pages is broken; 50,000 items is far beyond a realm. */
    static final int MAX_PAGES = 1000;
    private static final Pattern REL_NEXT = Pattern.compile(";\\s*rel=\"?[^\"]*\\bnext\\b");

    @FunctionalInterface
    interface PageCall<T> {
        ApiResponse<List<T>> page(int page, int limit) throws ApiException;
    }

    private Pages() {}

    static <T> List<T> all(Attempts attempts, Operation op, Credential token, PageCall<T> call) throws RealmException {
        List<T> all = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            int number = page;
            ApiResponse<List<T>> response = attempts.run(op, token, () -> call.page(number, LIMIT));
            List<T> items = response.getData() == null ? List.of() : response.getData();
            all.addAll(items);
            if (items.isEmpty() || !hasMore(response.getHeaders(), items.size(), all.size())) {
                return all;
            }
        }
        throw new RemoteException(ErrorCode.REMOTE_ERROR, "Forgejo kept sending pages past " + MAX_PAGES
                + " while trying to " + op.action() + "; giving up");
    }

    private static boolean hasMore(Map<String, List<String>> headers, int pageSize, int seen) {
        Optional<String> link = header(headers, "Link");
        if (link.isPresent()) {
            return REL_NEXT.matcher(link.get()).find();
        }
        Optional<String> total = header(headers, "X-Total-Count");
        if (total.isPresent()) {
            try {
                return seen < Long.parseLong(total.get().strip());
            } catch (NumberFormatException unreadable) {
                // fall through to the page size
            }
        }
        return pageSize >= LIMIT;
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream().filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).reduce((a, b) -> a + ", " + b);
    }
}
