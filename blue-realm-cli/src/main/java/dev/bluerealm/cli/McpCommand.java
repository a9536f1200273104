package dev.bluerealm.cli;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.cli.mcp.McpServerRunner;
import dev.bluerealm.daemon.CommandSession;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code blue mcp}: the realm for AI coding agents (RFC 0002 phase 1) over MCP's stdio transport.
 * A long-lived client: in a participating repo it holds one daemon session for as long as it serves.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = {"Serve the realm tools to an AI agent over MCP (stdio): realm_status, realm_check, contract_get.",
                "Only JSON-RPC goes to stdout; it runs until the client closes stdin."},
        footer = {"", "Example:", "  npx -y @modelcontextprotocol/inspector --cli blue mcp --method tools/list",
                "", "An agent's MCP configuration:",
                "  {\"mcpServers\": {\"blue\": {\"command\": \"blue\", \"args\": [\"mcp\"]}}}"})
final class McpCommand implements Callable<Integer> {
    private final CliContext context;
    @Spec CommandSpec spec;

    McpCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException, java.io.IOException {
        try {
            Realm.repoConfig(context.options().build()).ifPresent(r -> context.session().open(CommandSession.begin(
                    CommandSession.Request.of(context.options().build().resolvedBlueHome(), context.env(), r.repo(),
                            r.realm().name()))));
        } catch (RealmException e) {
            // a broken config: each tool call reports it
        }
        String version = new BlueCommand.Version().getVersion()[0].replaceFirst("^blue ", "").replaceFirst(" .*", "");
        new McpServerRunner(new RealmViews(context), context.cwd(), version).serve(System.in, System.out);
        return 0;
    }
}
