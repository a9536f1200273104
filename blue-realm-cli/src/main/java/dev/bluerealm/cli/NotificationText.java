package dev.bluerealm.cli;

import dev.bluerealm.daemon.client.Notification;
import dev.bluerealm.json.JsonValue;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A daemon notification as {@code realm status} and {@code realm watch} print it (the RFC's 🔔 lines). */
final class NotificationText {
    private NotificationText() {}

    static void print(PrintWriter out, Notification n, Instant now) {
        long minutes = Duration.between(n.createdAt(), now).toMinutes();
        out.println("🔔 Notification from " + n.fromRepo() + " (" + (minutes <= 0 ? "just now" : minutes + " min ago")
                + "):");
        out.println("  Contract '" + n.contract() + "' " + (n.changeType().equals("new") ? "proposed at "
                : n.changeType().equals("breaking") ? "changed incompatibly to " : "updated to ") + n.version()
                + (n.pullRequest() == null ? "" : " (PR #" + n.pullRequest() + ")"));
        n.diff().forEach(l -> out.println("    " + l));
    }

    static JsonValue json(Notification n) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("id", JsonValue.number(n.id()));
        m.put("realm", JsonValue.string(n.realm()));
        m.put("from_repo", JsonValue.string(n.fromRepo()));
        m.put("domain", JsonValue.string(n.domain()));
        m.put("contract", JsonValue.string(n.contract()));
        m.put("version", JsonValue.string(n.version()));
        m.put("change_type", JsonValue.string(n.changeType()));
        m.put("pull_request", n.pullRequest() == null ? JsonValue.NULL : JsonValue.number(n.pullRequest()));
        m.put("diff", JsonValue.array(n.diff().stream().map(JsonValue::string).toList()));
        m.put("created_at", JsonValue.string(n.createdAt().toString()));
        return JsonValue.object(m);
    }
}
