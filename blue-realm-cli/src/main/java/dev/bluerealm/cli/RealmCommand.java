package dev.bluerealm.cli;

import picocli.CommandLine.Command;

/** {@code blue realm ...}. */
@Command(name = "realm", mixinStandardHelpOptions = true,
        description = "Work with the realm this repo belongs to.",
        subcommands = {StatusCommand.class, SyncCommand.class, CheckCommand.class, WorktreeCommand.class, PrCommand.class,
                ApproveCommand.class,
                GraphCommand.class, WatchCommand.class, AdminCommand.class},
        footer = {"", "Example:", "  blue realm status --json"})
public final class RealmCommand {}
