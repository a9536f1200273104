///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DESCRIPTION Forwards the daemon's contract-change notifications to a chat webhook (Slack, Mattermost, Rocket.Chat, Discord or raw JSON), each once, resuming where it stopped
//DEPS dev.bluerealm:blue-realm-daemon:${blue.realm.version:0.1.0-SNAPSHOT}
//DEPS org.slf4j:slf4j-nop:2.0.18

import dev.bluerealm.daemon.DaemonStatus;
import dev.bluerealm.daemon.Daemons;
import dev.bluerealm.daemon.client.DaemonClient;
import dev.bluerealm.daemon.client.DaemonClientException;
import dev.bluerealm.daemon.client.Notification;
import dev.bluerealm.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code notify-webhook URL [--realm R] [--repo REPO] [--format slack|discord|json] [--interval S] [--once]}:
 * posts every new notification of this machine's daemon ({@code BLUE_HOME}) to a chat webhook.
 * {@code --repo} forwards what that repo has not acknowledged (its own changes left out). The last
 * forwarded id is kept in {@code $BLUE_HOME/notify-webhook/<name>.last}, written only after the
 * webhook accepted the message, so a restart neither loses nor repeats one. A thin consumer of the
 * daemon's client.
 */
class notify_webhook {
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--once")) {
                opts.put("once", "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                opts.put(args[i].substring(2), args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        if (rest.size() != 1 || !rest.get(0).matches("https?://.+")) {
            System.err.println("usage: notify-webhook URL [--realm R] [--repo REPO] [--format slack|discord|json]"
                    + " [--interval SECONDS] [--once]");
            System.exit(64);
        }
        URI webhook = URI.create(rest.get(0));
        String format = opts.getOrDefault("format", "slack");
        if (!List.of("slack", "discord", "json").contains(format)) {
            System.err.println("--format must be slack, discord or json");
            System.exit(64);
        }
        long interval = Math.max(1, Long.parseLong(opts.getOrDefault("interval", "5")));
        Map<String, String> env = System.getenv();
        Path blueHome = dev.bluerealm.daemon.DaemonConfig.blueHome(env);
        Path state = blueHome.resolve("notify-webhook").resolve(stateName(webhook, opts) + ".last");
        long last = Files.exists(state) ? Long.parseLong(Files.readString(state).trim()) : 0;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        while (true) {
            DaemonStatus daemon = Daemons.status(blueHome, env);
            if (!daemon.running()) {
                System.err.println("no daemon running for " + blueHome + " (start one with `blue daemon start`)");
                System.exit(1);
            }
            DaemonClient client = DaemonClient.of(blueHome, daemon.port());
            try {
                List<Notification> fresh = client.notifications(opts.get("realm"), opts.get("repo"), opts.containsKey("repo"));
                for (Notification n : fresh) {
                    if (n.id() <= last) {
                        continue;
                    }
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(20))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body(n, format), StandardCharsets.UTF_8)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() / 100 != 2) {
                        System.err.println("the webhook answered " + r.statusCode() + " for notification " + n.id()
                                + "; trying again later");
                        break; // keep order: nothing after it is sent before it
                    }
                    last = n.id();
                    Files.createDirectories(state.getParent());
                    Path tmp = state.resolveSibling(state.getFileName() + ".tmp");
                    Files.writeString(tmp, Long.toString(last));
                    Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    System.out.println("forwarded #" + n.id() + ": " + headline(n));
                }
            } catch (DaemonClientException e) {
                System.err.println("the daemon did not answer: " + e.getMessage());
            } catch (java.io.IOException e) {
                System.err.println("the webhook could not be reached: " + e.getMessage() + "; trying again later");
            }
            if (opts.containsKey("once")) {
                return;
            }
            Thread.sleep(interval * 1000);
        }
    }

    /** One state file per webhook and filter, so two forwarders on one machine do not share a position. */
    static String stateName(URI webhook, Map<String, String> opts) throws Exception {
        String key = webhook + "|" + opts.getOrDefault("realm", "") + "|" + opts.getOrDefault("repo", "");
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(d, 0, 8);
    }

    static String headline(Notification n) {
        String what = n.changeType().equals("new") ? "proposed" : n.changeType().equals("breaking")
                ? "changed incompatibly to" : "updated to";
        return n.realm() + ": " + n.fromRepo() + " " + what + " " + n.contract() + " " + n.version()
                + (n.pullRequest() == null ? "" : " (PR #" + n.pullRequest() + ")");
    }

    static String body(Notification n, String format) {
        String text = "🔔 " + headline(n) + (n.diff().isEmpty() ? "" : "\n" + String.join("\n", n.diff()));
        return switch (format) {
            case "discord" -> JsonValue.object(Map.of("content", JsonValue.string(text))).toJson();
            case "json" -> {
                Map<String, JsonValue> m = new java.util.LinkedHashMap<>();
                m.put("id", JsonValue.number(n.id()));
                m.put("realm", JsonValue.string(n.realm()));
                m.put("domain", JsonValue.string(n.domain()));
                m.put("contract", JsonValue.string(n.contract()));
                m.put("version", JsonValue.string(n.version()));
                m.put("change_type", JsonValue.string(n.changeType()));
                m.put("from_repo", JsonValue.string(n.fromRepo()));
                m.put("pull_request", n.pullRequest() == null ? JsonValue.NULL : JsonValue.number(n.pullRequest()));
                m.put("diff", JsonValue.array(n.diff().stream().map(JsonValue::string).toList()));
                m.put("created_at", JsonValue.string(n.createdAt().toString()));
                yield JsonValue.object(m).toJson();
            }
            default -> JsonValue.object(Map.of("text", JsonValue.string(text))).toJson();
        };
    }
}
