package dev.bluerealm.cli;

import dev.bluerealm.ErrorCode;
import dev.bluerealm.RealmException;
import dev.bluerealm.RealmLoadException;
import dev.bluerealm.json.JsonValue;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code blue}: exit codes 0 success, 1 errors, 2 warnings only, 64 usage error. Errors print what
 * went wrong and what to do, never a stack trace unless {@code --verbose}.
 */
public final class Main {
    /** Exit code for a usage error (sysexits' EX_USAGE). */
    public static final int USAGE = 64;
    /** Set by {@code bin/blue} when its small JVM has asked the daemon to run the command, and it did not. */
    static final String RELAY_TRIED = "blue.relay.tried";

    private Main() {}

    public static void main(String[] args) {
        // start-up: `realm status` and `realm check` run in the daemon's warm JVM when one runs (DaemonRun),
        // unless bin/blue has asked the daemon already (and got no)
        java.util.OptionalInt relayed = System.getProperty(RELAY_TRIED) != null ? java.util.OptionalInt.empty()
                : DaemonRun.relay(args, System.getenv(), java.nio.file.Path.of(System.getProperty("user.dir")), System.out, System.err);
        if (relayed.isPresent()) {
            System.out.flush();
            System.exit(relayed.getAsInt());
        }
        startupDefaults();
        CliContext context = CliContext.system();
        // Ctrl-C (or a kill) ends the daemon session too; a normal exit has closed it already
        Runtime.getRuntime().addShutdownHook(new Thread(context.session()::close, "blue-session-end"));
        // UTF-8 whatever the locale (as git does): the RFC's icons are not lost to a C locale's ASCII
        System.exit(run(args, context, utf8(System.out), utf8(System.err)));
    }

    /**
     * Start-up (issue 8): the libraries' defaults that cost a command's start and that this process does
     * not need; each can still be set otherwise with {@code -D} (BLUE_JAVA_OPTS).
     */
    private static void startupDefaults() {
        // picocli: no look for Groovy on the class path
        defaultProperty("picocli.disable.closures", "true");
        // the engine and the logging binding this distribution ships, each loaded directly rather than found by
        // ServiceLoader, which opens every jar on the class path to look for registrations
        defaultProperty("blue.realm.provider", "dev.bluerealm.internal.realm.Engine");
        defaultProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
        defaultProperty("slf4j.internal.verbosity", "WARN"); // without a line on stderr saying so
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    private static PrintWriter utf8(java.io.PrintStream stream) {
        return new PrintWriter(new java.io.OutputStreamWriter(stream, java.nio.charset.StandardCharsets.UTF_8), true);
    }

    /**
     * Runs one command line and returns its exit code. A realm command run in a participating repo
     * holds a daemon session while it runs (DESIGN §6); if the daemon cannot be had, one line on
     * {@code err} says so and the command works the same.
     */
    public static int run(String[] args, CliContext context, PrintWriter out, PrintWriter err) {
        // Start-up: build only the commands the arguments name. A usage error found while parsing them
        // is reported by the whole tree instead, so that its message and suggestions are the same.
        java.util.Optional<CommandLine> few = CommandTree.along(args, factory(context));
        if (few.isPresent()) {
            boolean[] retry = {false};
            int code = run(configure(few.get()), args, context, out, err, retry);
            if (!retry[0]) {
                return code;
            }
        }
        return run(commandLine(context), args, context, out, err, null);
    }

    /** @param retry null, or set (and nothing printed) when the arguments do not parse */
    private static int run(CommandLine cli, String[] args, CliContext context, PrintWriter out, PrintWriter err,
                           boolean[] retry) {
        cli.setOut(out);
        cli.setErr(err);
        boolean[] began = {false};
        if (retry != null) {
            CommandLine.IParameterExceptionHandler report = cli.getParameterExceptionHandler();
            cli.setParameterExceptionHandler((ex, a) -> {
                if (began[0]) {
                    return report.handleParseException(ex, a); // thrown by the command itself
                }
                retry[0] = true;
                return USAGE;
            });
        }
        cli.setExecutionStrategy(parsed -> {
            began[0] = true;
            Sessions.begin(context, parsed);
            ProgressLine progress = context.showsProgress(parsed) ? ProgressLine.attach(cli, context, out, err) : null;
            try {
                return new CommandLine.RunLast().execute(parsed);
            } finally {
                if (progress != null) {
                    progress.close();
                }
                context.session().close().flatMap(dev.bluerealm.daemon.CommandSession::problem)
                        .ifPresent(p -> err.println(Output.INFO + "  daemon: " + p));
            }
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The whole command tree, ready to run. */
    static CommandLine commandLine(CliContext context) {
        return configure(CommandTree.whole(factory(context)));
    }

    /** Commands get the context through a constructor taking it, when they have one. */
    private static CommandLine.IFactory factory(CliContext context) {
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                try {
                    return cls.getDeclaredConstructor(CliContext.class).newInstance(context);
                } catch (NoSuchMethodException e) {
                    return CommandLine.defaultFactory().create(cls);
                }
            }
        };
    }

    private static CommandLine configure(CommandLine cli) {
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("Error: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
                err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            }
            return USAGE;
        });
        return cli;
    }

    private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        boolean json = matched(parsed, "--json");
        boolean verbose = matched(parsed, "--verbose");
        if (e instanceof IllegalArgumentException && !(e instanceof NumberFormatException)) {
            cmd.getErr().println("Error: " + e.getMessage());
            return USAGE;
        }
        if (!(e instanceof RealmException)) {
            cmd.getErr().println("Error: " + e);
            if (verbose) {
                e.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("(this is a bug in blue; run again with --verbose and report the stack trace)");
            }
            return 1;
        }
        RealmException re = (RealmException) e;
        if (json) {
            Map<String, JsonValue> doc = new LinkedHashMap<>();
            doc.put("error", JsonValue.string(re.getMessage()));
            doc.put("code", JsonValue.string(re.code().name()));
            if (re instanceof RealmLoadException) {
                doc.put("errors", JsonValue.array(((RealmLoadException) re).errors().stream()
                        .map(Output::json).toList()));
            }
            cmd.getOut().println(JsonValue.object(doc).toPrettyJson());
        } else {
            cmd.getErr().println(Output.error(re));
        }
        if (verbose) {
            e.printStackTrace(cmd.getErr());
        }
        return re.code() == ErrorCode.INVALID_ARGUMENT ? USAGE : 1;
    }

    private static boolean matched(CommandLine.ParseResult parsed, String option) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(option)) {
                return true;
            }
        }
        return false;
    }
}
