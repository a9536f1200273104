package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.cli.mcp.McpServerRunner;
import dev.bluerealm.json.JsonParser;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.testing.RfcWorkspace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code blue mcp} in-process: JSON-RPC over pipes as an MCP client speaks it, against the RFC's
 * realm with a pending pull request and an uncommitted change in the exporter.
 */
class McpServerTest {
    @TempDir Path tmp;
    private RfcWorkspace w;
    private PipedOutputStream toServer;
    private BufferedReader fromServer;
    private Thread serving;
    private int nextId = 1;

    @BeforeEach
    void start() throws Exception {
        w = RfcWorkspace.create(tmp, "fiona@example.com");
        Map<String, String> env = Map.of("BLUE_HOME", w.machine().blueHome().toString(),
                "HOME", tmp.resolve("home").toString(), "BLUE_DAEMON", "off");
        CliContext context = new CliContext(w.fungal(), env, Clock.systemUTC());
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        toServer = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 20);
        OutputStream serverOut = new PipedOutputStream(clientIn);
        fromServer = new BufferedReader(new InputStreamReader(clientIn, StandardCharsets.UTF_8));
        McpServerRunner runner = new McpServerRunner(new RealmViews(context), w.fungal(), "test");
        serving = new Thread(() -> {
            try {
                runner.serve(serverIn, serverOut);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mcp-under-test");
        serving.start();
        JsonValue.JsonObject init = request("initialize", "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}");
        assertEquals("blue", ((JsonValue.JsonString) ((JsonValue.JsonObject) ((JsonValue.JsonObject) init.get("result"))
                .get("serverInfo")).get("name")).value());
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    @AfterEach
    void stop() throws Exception {
        toServer.close(); // the client closes stdin: the server ends
        serving.join(TimeUnit.SECONDS.toMillis(10));
        assertTrue(!serving.isAlive(), "the server did not end when its input closed");
    }

    private void send(String line) throws Exception {
        toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        toServer.flush();
    }

    private JsonValue.JsonObject request(String method, String params) throws Exception {
        int id = nextId++;
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
        while (true) {
            String line = fromServer.readLine();
            if (line == null) {
                throw new AssertionError("the server closed its output");
            }
            JsonValue.JsonObject o = (JsonValue.JsonObject) JsonParser.parse(line, 64);
            if (o.get("id") instanceof JsonValue.JsonNumber n && n.value().intValue() == id) {
                return o;
            }
        }
    }

    /** tools/call; returns the tool's JSON document and whether it is an error. */
    private Map.Entry<JsonValue.JsonObject, Boolean> call(String tool, String arguments) throws Exception {
        JsonValue.JsonObject r = (JsonValue.JsonObject) request("tools/call",
                "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}").get("result");
        List<JsonValue> content = ((JsonValue.JsonArray) r.get("content")).items();
        assertEquals(1, content.size(), r.toJson());
        String text = ((JsonValue.JsonString) ((JsonValue.JsonObject) content.get(0)).get("text")).value();
        boolean error = r.get("isError") instanceof JsonValue.JsonBoolean b && b.value();
        return Map.entry((JsonValue.JsonObject) JsonParser.parse(text, 64), error);
    }

    private static String str(JsonValue v, String... path) {
        for (String p : path) {
            v = ((JsonValue.JsonObject) v).get(p);
        }
        return v instanceof JsonValue.JsonString s ? s.value() : String.valueOf(v == null ? null : v.toJson());
    }

    @Test
    void toolsList_namesTheThreeToolsWithTheirArguments() throws Exception {
        JsonValue.JsonObject r = (JsonValue.JsonObject) request("tools/list", "{}").get("result");
        List<String> names = ((JsonValue.JsonArray) r.get("tools")).items().stream()
                .map(t -> str(t, "name")).toList();
        assertEquals(List.of("realm_status", "realm_check", "contract_get"), names);
        assertTrue(r.toJson().contains("\"required\":[\"contract\"]"), r.toJson());
    }

    @Test
    void realmStatus_isTheStatusJson_forTheServersRepo_orTheOneInCwd() throws Exception {
        var fungal = call("realm_status", "{}");
        assertEquals(false, fungal.getValue());
        assertEquals("fungal-image-analysis", str(fungal.getKey(), "repo"));
        assertEquals("letemcook", str(fungal.getKey(), "realm"));
        assertTrue(fungal.getKey().toJson().contains("\"status\":\"current\""), fungal.getKey().toJson());
        var aperture = call("realm_status", "{\"cwd\":\"" + w.aperture() + "\"}");
        assertEquals("aperture", str(aperture.getKey(), "repo"));
    }

    @Test
    void realmCheck_reportsFindings_andWhatUncommittedChangesWouldDoToEachImporter() throws Exception {
        Files.writeString(w.aperture().resolve("models/training/s3_paths.py"),
                "EXPERIMENTS = \"training-metrics/experiments/*\"  # blue:export s3-permissions.read\n",
                StandardOpenOption.APPEND);
        var check = call("realm_check", "{\"cwd\":\"" + w.aperture() + "\",\"mode\":\"exporter\"}");
        String doc = check.getKey().toJson();
        assertTrue(doc.contains("\"code\":\"VALUE_MISMATCH\""), doc); // the code no longer matches the contract
        assertTrue(doc.contains("\"summary\":{\"errors\":1"), doc);
        JsonValue.JsonObject change = (JsonValue.JsonObject) ((JsonValue.JsonArray) ((JsonValue.JsonObject) check.getKey()
                .get("local_changes")).get("changes")).items().get(0);
        assertEquals("s3-permissions", str(change, "contract"));
        assertEquals("1.5.0", str(change, "to"));
        assertEquals("[\"+ training-metrics/experiments/*\"]", change.get("added").toJson());
        assertTrue(change.get("importers").toJson().contains("\"repo\":\"fungal-image-analysis\""), change.toJson());
        assertTrue(change.get("importers").toJson().contains("\"takes_new_version\":true"), change.toJson());
        var bad = call("realm_check", "{\"cwd\":\"" + tmp.resolve("no-such-folder") + "\"}");
        assertEquals(true, bad.getValue());
        assertEquals("INVALID_ARGUMENT", str(bad.getKey(), "code"));
    }

    @Test
    void contractGet_valueSchemaBindingsHistory_andPendingPullRequests() throws Exception {
        Files.writeString(w.aperture().resolve("models/training/s3_paths.py"),
                "EXPERIMENTS = \"training-metrics/experiments/*\"  # blue:export s3-permissions.read\n",
                StandardOpenOption.APPEND);
        Cli.Result sync = new Cli(w.machine().blueHome(), tmp.resolve("home")).run(w.aperture(), "realm", "sync");
        assertEquals(0, sync.code(), sync.toString());
        var c = call("contract_get", "{\"contract\":\"s3-permissions\"}");
        assertEquals(false, c.getValue());
        assertEquals("1.4.0", str(c.getKey(), "version"));
        assertEquals("aperture", str(c.getKey(), "owner"));
        String doc = c.getKey().toJson();
        assertTrue(doc.contains("{\"repo\":\"fungal-image-analysis\",\"direction\":\"imports\""), doc);
        assertTrue(doc.contains("\"pending\":[{\"pull_request\":1,"), doc);
        assertTrue(doc.contains("\"to\":\"1.5.0\""), doc);
        var missing = call("contract_get", "{\"contract\":\"nope\"}");
        assertEquals(true, missing.getValue());
        assertEquals("NOT_FOUND", str(missing.getKey(), "code"));
    }
}
