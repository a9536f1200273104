package dev.bluerealm.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class Common {
    @Option(names = "--json", description = "Print one JSON document (stable shape, see docs/cli/realm.md).")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces on errors.")
    boolean verbose;
}
