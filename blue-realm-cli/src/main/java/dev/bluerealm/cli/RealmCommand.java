package dev.bluerealm.cli;

import picocli.CommandLine.Command;

/** {@code blue realm ...} (its subcommands are listed in {@link CommandTree}). */
@Command(name = "realm", mixinStandardHelpOptions = true,
        description = "Work with the realm this repo belongs to.",
        footer = {"", "Example:", "  blue realm status --json"})
public final class RealmCommand {}
