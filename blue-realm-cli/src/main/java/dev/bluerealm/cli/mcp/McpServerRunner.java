package dev.bluerealm.cli.mcp;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.RealmException;
import dev.bluerealm.json.JsonValue;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code blue mcp}: the MCP server over stdio with the realm tools. Only JSON-RPC goes to the output
 * stream; it serves until the client closes the input.
 */
public final class McpServerRunner {
    private static final String CWD = "\"cwd\":{\"type\":\"string\",\"description\":"
            + "\"The repo (or a folder in it) to answer for; default: the server's working folder\"}";

    private final RealmTools tools;
    private final Path workingDirectory;
    private final String version;

    public McpServerRunner(RealmTools tools, Path workingDirectory, String version) {
        this.tools = tools;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.version = version;
    }

    /** Serves {@code in}/{@code out} until {@code in} ends; returns then. */
    public void serve(InputStream in, OutputStream out) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        InputStream watched = new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                return ended(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return ended(super.read(b, off, len));
            }

            private int ended(int n) {
                if (n < 0) {
                    ended.countDown();
                }
                return n;
            }
        };
        McpJsonMapper json = McpJsonDefaults.getMapper();
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(json, watched, out))
                .serverInfo("blue", version)
                .capabilities(ServerCapabilities.builder().tools(true).build())
                .tools(statusTool(json), checkTool(json), contractTool(json))
                .build();
        try {
            ended.await();
        } finally {
            server.closeGracefully();
        }
    }

    private SyncToolSpecification statusTool(McpJsonMapper json) {
        return SyncToolSpecification.builder()
                .tool(Tool.builder().name("realm_status")
                        .description("Realm overview for this repo: its domains and role in each, contracts with versions"
                                + " and import status, the other repos, open pull requests, active sessions and"
                                + " unacknowledged notifications. Same JSON as `blue realm status --json`.")
                        .inputSchema(json, "{\"type\":\"object\",\"properties\":{" + CWD + "}}").build())
                .callHandler((exchange, request) -> answer(() -> tools.status(cwd(request.arguments()))))
                .build();
    }

    private SyncToolSpecification checkTool(McpJsonMapper json) {
        return SyncToolSpecification.builder()
                .tool(Tool.builder().name("realm_check")
                        .description("Validate contracts and bindings: findings (errors, warnings) with the CLI's codes, as"
                                + " `blue realm check --json`, plus `local_changes`: what this repo's uncommitted changes to"
                                + " exported files would do to each importer (value diff, compatibility, whether each"
                                + " importer's range takes the new version).")
                        .inputSchema(json, "{\"type\":\"object\",\"properties\":{" + CWD
                                + ",\"mode\":{\"type\":\"string\",\"enum\":[\"exporter\",\"importer\",\"contract\","
                                + "\"compatibility\"],\"description\":\"Only this mode (default: every mode that applies)\"},"
                                + "\"domain\":{\"type\":\"string\",\"description\":\"Only this domain\"},"
                                + "\"contract\":{\"type\":\"string\",\"description\":\"Only this contract\"}}}").build())
                .callHandler((exchange, request) -> answer(() -> tools.check(cwd(request.arguments()),
                        string(request.arguments(), "mode"), string(request.arguments(), "domain"),
                        string(request.arguments(), "contract"))))
                .build();
    }

    private SyncToolSpecification contractTool(McpJsonMapper json) {
        return SyncToolSpecification.builder()
                .tool(Tool.builder().name("contract_get")
                        .description("One contract: version, owner, value, schema, compatibility rules, history, who exports"
                                + " and imports it (ranges, resolved versions, status) and changes waiting in open pull"
                                + " requests.")
                        .inputSchema(json, "{\"type\":\"object\",\"properties\":{"
                                + "\"contract\":{\"type\":\"string\",\"description\":\"The contract's name\"},"
                                + "\"domain\":{\"type\":\"string\",\"description\":\"Its domain, when the name is in several\"},"
                                + CWD + "},\"required\":[\"contract\"]}").build())
                .callHandler((exchange, request) -> answer(() -> tools.contract(cwd(request.arguments()),
                        string(request.arguments(), "contract"), string(request.arguments(), "domain"))))
                .build();
    }

    private interface ToolCall {
        JsonValue call() throws RealmException;
    }

    /** One text content with the JSON; a failure is a tool error carrying the CLI's {@code {error, code}}. */
    static CallToolResult answer(ToolCall call) {
        try {
            return CallToolResult.builder().addTextContent(call.call().toPrettyJson()).isError(false).build();
        } catch (RealmException e) {
            return error(e.getMessage(), e.code().name());
        } catch (IllegalArgumentException e) {
            return error(e.getMessage(), ErrorCode.INVALID_ARGUMENT.name());
        } catch (RuntimeException e) {
            return error("internal error: " + e, "INTERNAL");
        }
    }

    private static CallToolResult error(String message, String code) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("error", JsonValue.string(String.valueOf(message)));
        m.put("code", JsonValue.string(code));
        return CallToolResult.builder().addTextContent(JsonValue.object(m).toPrettyJson()).isError(true).build();
    }

    private Path cwd(Map<String, Object> arguments) {
        String given = string(arguments, "cwd");
        if (given == null) {
            return workingDirectory;
        }
        Path p = workingDirectory.resolve(given).normalize();
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException("cwd '" + given + "' is not a folder");
        }
        return p;
    }

    private static String string(Map<String, Object> arguments, String name) {
        Object v = arguments == null ? null : arguments.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("'" + name + "' must be a string");
        }
        return s.isBlank() ? null : s;
    }
}
