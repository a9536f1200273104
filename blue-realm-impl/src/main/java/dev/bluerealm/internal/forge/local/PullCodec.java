package dev.bluerealm.internal.forge.local;

import dev.bluerealm.RealmLoadException;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.LoadError;
import dev.bluerealm.sync.PullRequest;
import dev.bluerealm.sync.PullRequest.Acknowledgement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bytes of the files on {@code refs/blue/pulls}: one JSON document per pull request and one
 * for the ref itself ({@code meta.json}). Writing is deterministic: keys sorted, two-space
 * indentation, one trailing newline, timestamps in ISO-8601 UTC, so equal records give identical
 * blobs. Reading is strict: duplicate or unknown keys, wrong types and missing keys are load errors
 * naming the file as {@code refs/blue/pulls:pulls/3.json}.
 */
final class PullCodec {
    /** The format this code writes and reads; {@code meta.json} of a newer one is refused. */
    static final int FORMAT = 1;
    /** The largest file read; a pull request whose record would be larger is refused when written. */
    static final int MAX_BYTES = 1024 * 1024;

    private static final Set<String> RECORD_KEYS = Set.of("number", "title", "body", "head", "base", "author_repo",
            "opened_by", "opened_at", "state", "reviewers", "acknowledgements", "approvals", "breaking",
            "grace_deadline", "merge_commit", "merged_at");
    private static final Set<String> ACK_KEYS = Set.of("repo", "by", "at", "version");
    private static final Set<String> APPROVAL_KEYS = Set.of("by", "at");
    private static final Set<String> META_KEYS = Set.of("format", "next");

    /** The ref's own file: the format, and the number the next pull request gets. */
    record Meta(int format, int next) {
        static final Meta EMPTY = new Meta(FORMAT, 1);
    }

    /**
     * Built on the first record read: Jackson's mapper costs a cold command tens of milliseconds, and a
     * realm without pull requests has none to read ({@code blue realm status}).
     */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    byte[] encode(PullRecord r) {
        Map<String, JsonValue> m = new TreeMap<>();
        m.put("number", JsonValue.number(r.number()));
        m.put("title", JsonValue.string(r.title()));
        m.put("body", JsonValue.string(r.body()));
        m.put("head", JsonValue.string(r.head()));
        m.put("base", JsonValue.string(r.base()));
        m.put("author_repo", JsonValue.string(r.authorRepo()));
        m.put("opened_by", JsonValue.string(r.openedBy()));
        m.put("opened_at", time(r.openedAt()));
        m.put("state", JsonValue.string(r.state().name().toLowerCase(Locale.ROOT)));
        m.put("reviewers", JsonValue.array(r.reviewers().stream().map(JsonValue::string).toList()));
        List<JsonValue> acks = new ArrayList<>();
        for (Acknowledgement a : r.acknowledgements()) {
            Map<String, JsonValue> am = new TreeMap<>();
            am.put("repo", JsonValue.string(a.repo()));
            am.put("by", JsonValue.string(a.by()));
            am.put("at", time(a.at()));
            am.put("version", JsonValue.string(a.version()));
            acks.add(JsonValue.object(am));
        }
        m.put("acknowledgements", JsonValue.array(acks));
        List<JsonValue> approvals = new ArrayList<>();
        for (Approval a : r.approvals()) {
            Map<String, JsonValue> am = new TreeMap<>();
            am.put("by", JsonValue.string(a.by()));
            am.put("at", time(a.at()));
            approvals.add(JsonValue.object(am));
        }
        m.put("approvals", JsonValue.array(approvals));
        m.put("breaking", JsonValue.bool(r.breaking()));
        m.put("grace_deadline", time(r.graceDeadline()));
        m.put("merge_commit", JsonValue.stringOrNull(r.mergeCommit()));
        m.put("merged_at", time(r.mergedAt()));
        return bytes(m);
    }

    byte[] encode(Meta meta) {
        Map<String, JsonValue> m = new TreeMap<>();
        m.put("format", JsonValue.number(meta.format()));
        m.put("next", JsonValue.number(meta.next()));
        return bytes(m);
    }

    private static byte[] bytes(Map<String, JsonValue> sorted) {
        return (JsonValue.object(sorted).toPrettyJson() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static JsonValue time(Instant t) {
        return t == null ? JsonValue.NULL : JsonValue.string(t.toString());
    }

    /**
     * Reads one pull request file.
     *
     * @param file the file as shown in errors, e.g. {@code refs/blue/pulls:pulls/3.json}
     * @param number the number its path says it holds
     */
    PullRecord decode(String file, int number, byte[] bytes) throws RealmLoadException {
        Reader in = new Reader(file);
        JsonNode root = in.parse(Json.MAPPER, bytes);
        PullRecord record = null;
        if (in.object(root, "a pull request", RECORD_KEYS)) {
            Integer n = in.integer(root, "number");
            String title = in.string(root, "title");
            String body = in.string(root, "body");
            String head = in.string(root, "head");
            String base = in.string(root, "base");
            String authorRepo = in.string(root, "author_repo");
            String openedBy = in.string(root, "opened_by");
            Instant openedAt = in.time(root, "opened_at", false);
            PullRequest.State state = in.state(root, "state");
            List<String> reviewers = in.list(root, "reviewers", item -> in.text(item, "reviewers entry"));
            List<Acknowledgement> acks = in.list(root, "acknowledgements", item -> in.object(item, "an acknowledgement", ACK_KEYS)
                    ? nonNull(in.string(item, "repo"), in.string(item, "by"), in.time(item, "at", false),
                            in.string(item, "version")) : null);
            List<Approval> approvals = in.list(root, "approvals", item -> in.object(item, "an approval", APPROVAL_KEYS)
                    ? approval(in.string(item, "by"), in.time(item, "at", false)) : null);
            Boolean breaking = in.bool(root, "breaking");
            Instant grace = in.time(root, "grace_deadline", true);
            String mergeCommit = in.optionalString(root, "merge_commit");
            Instant mergedAt = in.time(root, "merged_at", true);
            if (n != null && n != number) {
                in.error("holds number " + n + " but is the file of pull request " + number);
            }
            if (in.ok()) {
                try {
                    record = new PullRecord(n, title, body, head, base, authorRepo, openedBy, openedAt, state, reviewers,
                            acks, approvals, breaking, grace, mergeCommit, mergedAt);
                } catch (IllegalArgumentException | NullPointerException e) {
                    in.error(e.getMessage());
                }
            }
        }
        in.throwIfFailed();
        return record;
    }

    Meta decodeMeta(String file, byte[] bytes) throws RealmLoadException {
        Reader in = new Reader(file);
        JsonNode root = in.parse(Json.MAPPER, bytes);
        Meta meta = null;
        if (in.object(root, "the pull requests' meta file", META_KEYS)) {
            Integer format = in.integer(root, "format");
            Integer next = in.integer(root, "next");
            if (format != null && format > FORMAT) {
                in.error("written in format " + format + " by a newer blue-realm; this one reads format " + FORMAT
                        + " (upgrade blue-realm)");
            } else if (format != null && format < 1 || next != null && next < 1) {
                in.error("'format' and 'next' must be 1 or more");
            }
            if (in.ok()) {
                meta = new Meta(format, next);
            }
        }
        in.throwIfFailed();
        return meta;
    }

    private static Acknowledgement nonNull(String repo, String by, Instant at, String version) {
        return repo == null || by == null || at == null || version == null ? null : new Acknowledgement(repo, by, at, version);
    }

    private static Approval approval(String by, Instant at) {
        return by == null || at == null ? null : new Approval(by, at);
    }

    /** Reads fields of a parsed document, collecting every error; each method returns null after one. */
    private static final class Reader {
        private final String file;
        private final List<LoadError> errors = new ArrayList<>();

        Reader(String file) {
            this.file = file;
        }

        JsonNode parse(JsonMapper mapper, byte[] bytes) {
            try {
                return mapper.readTree(bytes);
            } catch (JacksonException e) {
                int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
                int column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
                errors.add(new LoadError(file, line, column, "not valid JSON: " + e.getOriginalMessage()));
                return null;
            }
        }

        boolean ok() {
            return errors.isEmpty();
        }

        void error(String message) {
            errors.add(new LoadError(file, 0, 0, message));
        }

        void throwIfFailed() throws RealmLoadException {
            if (!errors.isEmpty()) {
                throw new RealmLoadException(errors);
            }
        }

        boolean object(JsonNode node, String what, Set<String> keys) {
            if (node == null) {
                return false;
            }
            if (!node.isObject()) {
                error("expected " + what + " to be a JSON object, found " + node.getNodeType().name().toLowerCase(Locale.ROOT));
                return false;
            }
            boolean ok = true;
            for (String key : node.propertyNames()) {
                if (!keys.contains(key)) {
                    error("unknown key '" + key + "' in " + what + "; expected " + String.join(", ", new java.util.TreeSet<>(keys)));
                    ok = false;
                }
            }
            for (String key : new java.util.TreeSet<>(keys)) {
                if (!node.has(key)) {
                    error("missing key '" + key + "' in " + what);
                    ok = false;
                }
            }
            return ok;
        }

        String string(JsonNode parent, String key) {
            return text(parent.get(key), key);
        }

        String text(JsonNode node, String what) {
            if (node == null || !node.isString()) {
                error("expected '" + what + "' to be a string, found " + type(node));
                return null;
            }
            return node.asString();
        }

        String optionalString(JsonNode parent, String key) {
            JsonNode node = parent.get(key);
            return node == null || node.isNull() ? null : text(node, key);
        }

        Integer integer(JsonNode parent, String key) {
            JsonNode node = parent.get(key);
            if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
                error("expected '" + key + "' to be an integer, found " + type(node));
                return null;
            }
            return node.intValue();
        }

        Boolean bool(JsonNode parent, String key) {
            JsonNode node = parent.get(key);
            if (node == null || !node.isBoolean()) {
                error("expected '" + key + "' to be true or false, found " + type(node));
                return null;
            }
            return node.booleanValue();
        }

        Instant time(JsonNode parent, String key, boolean nullable) {
            JsonNode node = parent.get(key);
            if (nullable && (node == null || node.isNull())) {
                return null;
            }
            String s = text(node, key);
            if (s == null) {
                return null;
            }
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                error("expected '" + key + "' to be a UTC timestamp like 2026-01-24T10:00:00Z, found '" + s + "'");
                return null;
            }
        }

        PullRequest.State state(JsonNode parent, String key) {
            String s = string(parent, key);
            if (s == null) {
                return null;
            }
            for (PullRequest.State state : PullRequest.State.values()) {
                if (state.name().toLowerCase(Locale.ROOT).equals(s)) {
                    return state;
                }
            }
            error("expected '" + key + "' to be open, merged or closed, found '" + s + "'");
            return null;
        }

        <T> List<T> list(JsonNode parent, String key, Function<JsonNode, T> item) {
            JsonNode node = parent.get(key);
            if (node == null || !node.isArray()) {
                error("expected '" + key + "' to be a list, found " + type(node));
                return null;
            }
            List<T> out = new ArrayList<>();
            boolean ok = true;
            for (JsonNode n : node) {
                T t = item.apply(n);
                ok &= t != null;
                out.add(t);
            }
            return ok ? out : null;
        }

        private static String type(JsonNode node) {
            return node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
        }
    }
}
