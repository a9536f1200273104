package dev.bluerealm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;

/** The root command (its subcommands are listed in {@link CommandTree}). */
@Command(name = "blue", mixinStandardHelpOptions = true, versionProvider = BlueCommand.Version.class,
        description = "Declare, check and evolve the contracts between repositories owned by different teams.",
        exitCodeOnInvalidInput = Main.USAGE, exitCodeOnExecutionException = 1,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:errors", "2:warnings only", "64:usage error"},
        footer = {"", "Example:", "  blue realm status"})
public final class BlueCommand {

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = BlueCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"blue " + p.getProperty("version", "unknown") + " (Java "
                    + System.getProperty("java.version") + ")"};
        }
    }
}
