package dev.bluerealm.internal.pr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.bluerealm.model.Binding;
import dev.bluerealm.model.Domain;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.Extract;
import dev.bluerealm.model.Governance;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.model.RealmConfig;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.model.RepoEntry;
import dev.bluerealm.model.Role;
import dev.bluerealm.model.Trust;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The merge order against a brute-force oracle: on random realms whose contracts form a DAG, for random
 * subsets of the repos, every repo precedes each repo that depends on it (directly or through repos
 * outside the subset), and what blocks a repo is exactly the subset's repos it depends on without
 * another member between them.
 */
class MergeOrderPropertyTest {
    private static final int REPOS = 7;
    private static final long SEED = 0x0DE5_1A7EL;
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    /** A contract: its exporter and importers as positions in a random ranking of the repos (only forward). */
    private record ContractSpec(int exporter, List<Integer> importers) {}

    private static final Gen<ContractSpec> CONTRACT = integers().between(0, REPOS - 2)
            .zip(lists().of(integers().between(1, REPOS - 1)).ofSizeBetween(1, 3), ContractSpec::new);

    @Test
    void mergeOrder_randomDags_everyExporterPrecedesItsImporters() {
        qt().withFixedSeed(SEED).withExamples(500)
                .forAll(lists().of(CONTRACT).ofSizeBetween(0, 8), integers().between(0, Integer.MAX_VALUE),
                        integers().between(1, (1 << REPOS) - 1))
                .checkAssert((contracts, shuffle, subset) -> {
                    List<String> ranking = ranking(shuffle);
                    boolean[][] edge = new boolean[REPOS][REPOS];
                    RealmModel model = realm(ranking, contracts, edge);
                    List<String> members = new ArrayList<>();
                    for (int i = 0; i < REPOS; i++) {
                        if ((subset & (1 << i)) != 0) {
                            members.add(repo(i));
                        }
                    }
                    Collections.shuffle(members, new Random(shuffle));
                    String what = "contracts " + contracts + " ranking " + ranking + " members " + members;

                    MergeOrder.Ordered ordered = assertInstanceOf(MergeOrder.Ordered.class,
                            MergeOrder.of(model, members), what);

                    List<String> order = ordered.repos();
                    assertEquals(new TreeSet<>(members), new TreeSet<>(order), what);
                    assertEquals(members.size(), order.size(), what);
                    boolean[][] reach = closure(edge);
                    for (String a : members) {
                        for (String b : members) {
                            if (reach[index(a)][index(b)]) {
                                assertTrue(order.indexOf(a) < order.indexOf(b), a + " before " + b + ": " + order + "; " + what);
                            }
                        }
                    }
                    for (MergeOrder.Step step : ordered.steps()) {
                        assertEquals(oracleBlockers(edge, members, step.repo(), order), step.blockedBy(), what);
                    }
                    assertEquals(ordered, MergeOrder.of(model, new TreeSet<>(members)), "independent of the input order");
                });
    }

    /** The members m reaches {@code repo} from along a path of edges with no member strictly inside it. */
    private static List<String> oracleBlockers(boolean[][] edge, List<String> members, String repo, List<String> order) {
        boolean[][] outside = new boolean[REPOS][REPOS]; // paths whose inner repos are all outside the members
        for (int i = 0; i < REPOS; i++) {
            outside[i] = edge[i].clone();
        }
        for (int k = 0; k < REPOS; k++) {
            if (members.contains(repo(k))) {
                continue;
            }
            for (int i = 0; i < REPOS; i++) {
                for (int j = 0; j < REPOS; j++) {
                    outside[i][j] |= outside[i][k] && outside[k][j];
                }
            }
        }
        List<String> blockers = new ArrayList<>();
        for (String m : order) {
            if (outside[index(m)][index(repo)]) {
                blockers.add(m);
            }
        }
        return blockers;
    }

    /** A realm with one domain per contract: its exporter provides, its importers (ranked after it) consume. */
    private static RealmModel realm(List<String> ranking, List<ContractSpec> contracts, boolean[][] edge) {
        Map<String, RepoEntry> repos = new LinkedHashMap<>();
        for (int i = 0; i < REPOS; i++) {
            repos.put(repo(i), new RepoEntry(repo(i), null, "/tmp/" + repo(i), null, List.of("eric@example.com"), T));
        }
        Map<String, DomainModel> domains = new LinkedHashMap<>();
        for (int c = 0; c < contracts.size(); c++) {
            ContractSpec spec = contracts.get(c);
            String contract = "c" + c;
            String exporter = ranking.get(spec.exporter());
            Map<String, Binding> bindings = new LinkedHashMap<>();
            bindings.put(exporter, new Binding(exporter, Role.PROVIDER,
                    List.of(new ExportBinding(contract, List.of("x.json"), Extract.MARKERS)), List.of()));
            List<String> members = new ArrayList<>(List.of(exporter));
            for (int i : spec.importers()) {
                int rank = spec.exporter() + 1 + (i - 1) % (REPOS - 1 - spec.exporter()); // strictly after the exporter
                String importer = ranking.get(rank);
                if (bindings.containsKey(importer)) {
                    continue;
                }
                bindings.put(importer, new Binding(importer, Role.CONSUMER, List.of(),
                        List.of(new ImportBinding(contract, "^1.0", null, null, null, null))));
                members.add(importer);
                edge[index(exporter)][index(importer)] = true;
            }
            String name = "d" + c;
            domains.put(name, new DomainModel(new Domain(name, null, T, members), null, Map.of(), bindings));
        }
        RealmConfig config = new RealmConfig("r", RealmConfig.FORMAT_VERSION, T,
                Governance.defaults(List.of("eric@example.com")), Trust.DEFAULT);
        return new RealmModel(config, repos, domains);
    }

    private static List<String> ranking(int seed) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < REPOS; i++) {
            names.add(repo(i));
        }
        Collections.shuffle(names, new Random(seed));
        return names;
    }

    private static boolean[][] closure(boolean[][] edge) {
        boolean[][] reach = new boolean[REPOS][REPOS];
        for (int i = 0; i < REPOS; i++) {
            reach[i] = edge[i].clone();
        }
        for (int k = 0; k < REPOS; k++) {
            for (int i = 0; i < REPOS; i++) {
                for (int j = 0; j < REPOS; j++) {
                    reach[i][j] |= reach[i][k] && reach[k][j];
                }
            }
        }
        return reach;
    }

    private static String repo(int i) {
        return "r" + i;
    }

    private static int index(String repo) {
        return Integer.parseInt(repo.substring(1));
    }
}
