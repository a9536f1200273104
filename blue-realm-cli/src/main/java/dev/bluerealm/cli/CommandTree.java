package dev.bluerealm.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command tree: the subcommands of each group, in the order usage help lists them. It lives here
 * rather than in {@code @Command(subcommands = ...)} so that a run can build only the commands its
 * arguments name: picocli reflects over every command class it is handed, and the whole tree (about
 * 40 commands) is over 100 ms of a cold start, while {@code blue realm status} needs three of them.
 * A command class may still list subcommands in its annotation; those are then always built.
 */
final class CommandTree {
    private CommandTree() {}

    private record Node(Class<?> type, List<Node> children) {
        boolean named(String token) {
            Command c = type.getAnnotation(Command.class);
            return c != null && (c.name().equals(token) || List.of(c.aliases()).contains(token));
        }
    }

    private static Node node(Class<?> type, Node... children) {
        return new Node(type, List.of(children));
    }

    private static final Node ROOT = node(BlueCommand.class,
            node(RealmCommand.class,
                    node(StatusCommand.class), node(SyncCommand.class), node(CheckCommand.class),
                    node(WorktreeCommand.class), node(PrCommand.class), node(ApproveCommand.class),
                    node(GraphCommand.class), node(WatchCommand.class),
                    node(AdminCommand.class,
                            node(AdminCommand.Init.class), node(AdminCommand.Join.class),
                            node(AdminCommand.DomainGroup.class,
                                    node(AdminCommand.DomainCreate.class), node(AdminCommand.DomainList.class)),
                            node(AdminCommand.Invite.class), node(AdminCommand.Leave.class),
                            node(CacheCommand.class, node(CacheCommand.Stats.class), node(CacheCommand.Clear.class)))),
            node(SchemaCommand.class, node(SchemaCommand.Compat.class)),
            node(DaemonCommand.class,
                    node(DaemonCommand.Start.class), node(DaemonCommand.Stop.class), node(DaemonCommand.Status.class),
                    node(DaemonCommand.Run.class), node(DaemonCommand.Install.class)),
            node(McpCommand.class), node(DemoCommand.class), node(CompletionCommand.class),
            node(CommandLine.HelpCommand.class));

    /** Commands that read the tree itself (the completion script, help on another command): always the whole tree. */
    private static final List<Class<?>> WHOLE_TREE = List.of(CompletionCommand.class, CommandLine.HelpCommand.class);

    /** Every command. */
    static CommandLine whole(CommandLine.IFactory factory) {
        return build(ROOT, factory);
    }

    /**
     * Only the commands on the path {@code args} name, when that path ends at a command without
     * subcommands and nothing in {@code args} asks for help (or {@code args} is a lone version
     * request); empty when the whole tree is needed. For such arguments the smaller tree parses and
     * runs the same as the whole one; a usage error is reported by the whole tree (see {@link Main#run}),
     * so that its suggestions are the same too.
     */
    static Optional<CommandLine> along(String[] args, CommandLine.IFactory factory) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return Optional.of(new CommandLine(ROOT.type(), factory));
        }
        for (String a : args) {
            if (a.startsWith("@") || a.equals("--help") || a.equals("--version")
                    || a.startsWith("-") && !a.startsWith("--") && (a.indexOf('h') > 0 || a.indexOf('V') > 0)) {
                return Optional.empty(); // help, version or an @file (picocli reads arguments from it)
            }
        }
        return path(ROOT, args, 0, factory);
    }

    private static Optional<CommandLine> path(Node node, String[] args, int i, CommandLine.IFactory factory) {
        if (WHOLE_TREE.contains(node.type())) {
            return Optional.empty();
        }
        CommandLine command = new CommandLine(node.type(), factory);
        if (node.children().isEmpty()) {
            return Optional.of(command);
        }
        if (i >= args.length) {
            return Optional.empty();
        }
        for (Node child : node.children()) {
            if (child.named(args[i])) {
                Optional<CommandLine> sub = path(child, args, i + 1, factory);
                sub.ifPresent(command::addSubcommand);
                return sub.map(s -> command);
            }
        }
        return Optional.empty();
    }

    private static CommandLine build(Node node, CommandLine.IFactory factory) {
        CommandLine command = new CommandLine(node.type(), factory);
        for (Node child : node.children()) {
            command.addSubcommand(build(child, factory));
        }
        return command;
    }
}
