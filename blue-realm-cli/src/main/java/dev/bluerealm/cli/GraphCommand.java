package dev.bluerealm.cli;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.graph.GraphFormat;
import dev.bluerealm.json.JsonValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code blue realm graph}: the realm as the RFC draws it, as Mermaid, DOT or SVG. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Draw the realm: domains, their repos with roles, and an arrow per contract from exporter to"
                + " importer. Mermaid by default; DOT for Graphviz; SVG laid out without any external program.",
        footer = {"", "Example:", "  blue realm graph --format svg --output realm.svg"})
final class GraphCommand implements Callable<Integer> {
    private final CliContext context;
    @Spec CommandSpec spec;
    @Mixin Common common;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid",
            description = "mermaid (default), dot or svg.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Option(names = "--offline", description = "Use the realm clone as it is, without fetching.")
    boolean offline;

    GraphCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws RealmException {
        GraphFormat f;
        try {
            f = GraphFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown format '" + format
                    + "': give mermaid, dot or svg");
        }
        PrintWriter out = spec.commandLine().getOut();
        String graph;
        String realmName;
        try (Realm realm = Realm.open(context.options().offline(offline).build())) {
            graph = realm.graph(f);
            realmName = realm.name();
        }
        if (output != null) {
            Path file = context.cwd().resolve(output);
            try {
                Files.writeString(file, graph);
            } catch (IOException e) {
                throw new dev.bluerealm.RemoteException(dev.bluerealm.ErrorCode.IO_ERROR, "cannot write " + file + ": "
                        + e.getMessage(), e);
            }
        }
        if (common.json) {
            Map<String, JsonValue> m = new LinkedHashMap<>();
            m.put("realm", JsonValue.string(realmName));
            m.put("format", JsonValue.string(f.name().toLowerCase(Locale.ROOT)));
            m.put("output", output == null ? JsonValue.NULL : JsonValue.string(context.cwd().resolve(output).toString()));
            m.put("graph", JsonValue.string(graph));
            out.println(JsonValue.object(m).toPrettyJson());
        } else if (output != null) {
            out.println(Output.OK + " Wrote " + output + " (" + f.name().toLowerCase(Locale.ROOT) + ")");
        } else {
            out.print(graph);
        }
        return 0;
    }
}
