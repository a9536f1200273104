package dev.bluerealm.cli;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.cache.RepoCache;
import dev.bluerealm.json.JsonValue;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code blue realm admin cache stats|clear}: this repo's .blue/cache.db (subcommands: {@link CommandTree}). */
@Command(name = "cache", mixinStandardHelpOptions = true, description = "Show or empty this repo's cache (.blue/cache.db).")
final class CacheCommand {

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Entries and hit rates of the export, contract and validation caches.",
            footer = {"", "Example:", "  blue realm admin cache stats"})
    static final class Stats implements Callable<Integer> {
        private final CliContext context;
        @Spec CommandSpec spec;
        @Mixin Common common;

        Stats(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws RealmException {
            List<RepoCache.TableStats> stats;
            try (Realm realm = Realm.open(context.options().offline(true).build())) {
                stats = realm.cache().stats();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (common.json) {
                out.println(JsonValue.object(Map.of("tables", JsonValue.array(stats.stream().map(t -> {
                    Map<String, JsonValue> m = new LinkedHashMap<>();
                    m.put("table", JsonValue.string(t.table()));
                    m.put("entries", JsonValue.number(t.entries()));
                    m.put("hits", JsonValue.number(t.hits()));
                    m.put("misses", JsonValue.number(t.misses()));
                    m.put("hit_rate", new JsonValue.JsonNumber(java.math.BigDecimal.valueOf(t.hitRate())
                            .setScale(3, java.math.RoundingMode.HALF_UP)));
                    return JsonValue.object(m);
                }).toList()))).toPrettyJson());
                return 0;
            }
            out.printf("%-18s %8s %8s %8s %9s%n", "table", "entries", "hits", "misses", "hit rate");
            for (RepoCache.TableStats t : stats) {
                out.printf("%-18s %8d %8d %8d %8.1f%%%n", t.table(), t.entries(), t.hits(), t.misses(),
                        100 * t.hitRate());
            }
            return 0;
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Empty every cache table.",
            footer = {"", "Example:", "  blue realm admin cache clear"})
    static final class Clear implements Callable<Integer> {
        private final CliContext context;
        @Spec CommandSpec spec;
        @Mixin Common common;

        Clear(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws RealmException {
            try (Realm realm = Realm.open(context.options().offline(true).build())) {
                realm.cache().clear();
            }
            if (common.json) {
                spec.commandLine().getOut().println(JsonValue.object(Map.of("cleared", JsonValue.bool(true))).toJson());
            } else {
                spec.commandLine().getOut().println(Output.OK + " Cache cleared");
            }
            return 0;
        }
    }
}
