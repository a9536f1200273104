package dev.bluerealm.cli;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.contract.CompatibilityReport;
import dev.bluerealm.json.JsonValue;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code blue schema ...} (its subcommands are listed in {@link CommandTree}). */
@Command(name = "schema", mixinStandardHelpOptions = true, description = "Work with JSON Schemas directly.")
final class SchemaCommand {

    @Command(name = "compat", mixinStandardHelpOptions = true,
            description = {"Compare two schema files (JSON or YAML), OLD → NEW: backwards (NEW ⊆ OLD) and",
                    "forwards (OLD ⊆ NEW), every change, and a witness instance for each direction that breaks.",
                    "Exit 0 when both hold, 1 when one does not, 2 when one is unknown."},
            footer = {"", "Example:", "  blue schema compat s3-permissions-1.4.schema.yaml s3-permissions-1.5.schema.yaml"})
    static final class Compat implements Callable<Integer> {
        private final CliContext context;
        @Spec CommandSpec spec;
        @Mixin Common common;

        @Parameters(index = "0", paramLabel = "OLD", description = "The old schema.")
        Path oldSchema;

        @Parameters(index = "1", paramLabel = "NEW", description = "The new schema.")
        Path newSchema;

        Compat(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws RealmException {
            JsonValue a = Realm.readDocument(context.cwd().resolve(oldSchema));
            JsonValue b = Realm.readDocument(context.cwd().resolve(newSchema));
            CompatibilityReport r = Realm.schemaCompatibility().compare(a, b);
            if (common.json) {
                spec.commandLine().getOut().println(CompatOutput.json(r).toPrettyJson());
            } else {
                spec.commandLine().getOut().println("Comparing " + oldSchema + " → " + newSchema);
                CompatOutput.print(spec.commandLine().getOut(), r, "  ");
            }
            if (r.backwards() instanceof CompatibilityReport.Verdict.DoesNotHold
                    || r.forwards() instanceof CompatibilityReport.Verdict.DoesNotHold) {
                return 1;
            }
            return r.backwards().holds() && r.forwards().holds() ? 0 : 2;
        }
    }
}
