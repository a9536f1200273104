package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.json.JsonParser;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.testing.TestRealm;
import dev.bluerealm.testing.ThreeRepoRealm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RFC's coordinated change end to end through {@code blue}: worktrees in three repos, a commit in
 * each, {@code realm pr} opening three pull requests exporters first, the importer's merge refused
 * until its exporter's is merged. Each repo has a real bare remote, where the local forge keeps them.
 */
class PrE2ETest {
    private static final String RFC = "training-metrics-v2";
    private static final String FOLDER = ".worktrees/feat-" + RFC;

    @TempDir Path tmp;
    Cli blue;
    ThreeRepoRealm w;

    @BeforeEach
    void change() throws Exception {
        blue = new Cli(tmp.resolve("blue-home"), tmp.resolve("home"));
        w = ThreeRepoRealm.create(tmp).withRemotes();
        Cli.Result made = blue.run(w.fungal(), "realm", "worktree", "--rfc", RFC);
        assertEquals(0, made.code(), made.toString());
        TestRealm.commit(w.aperture().resolve(FOLDER), Map.of("s3.json", "{\"paths\": [\"metrics/*\"]}\n"), false);
        TestRealm.commit(w.fungal().resolve(FOLDER), Map.of("train.py", "metrics = 'v2'\n"), false);
        TestRealm.commit(w.mlInfra().resolve(FOLDER), Map.of("infra.tf", "# v2\n"), false);
    }

    @Test
    void pr_threeRepos_opensInOrder_refusesTheImporterFirst_thenMergesOnceItsExporterIs() throws Exception {
        Path here = w.fungal().resolve(FOLDER);

        Cli.Result opened = blue.run(here, "realm", "pr", "--title", "feat: training metrics v2");

        assertEquals(0, opened.code(), opened.toString());
        assertEquals("""
                Creating coordinated PRs:
                ✓ aperture PR #1 (merge first - exports)
                ✓ fungal-image-analysis PR #1 (merge second - imports)
                Blocked by: aperture#1
                ✓ ml-infra PR #1 (merge third - imports)
                Blocked by: fungal-image-analysis#1
                Merge order: aperture#1 → fungal-image-analysis#1 → ml-infra#1
                """, opened.out());

        Cli.Result refused = blue.run(here, "realm", "pr", "--merge", "--repo", "fungal-image-analysis");

        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.err().contains("fungal-image-analysis#1 is blocked by aperture#1 (not merged yet)"),
                refused.toString());

        Cli.Result status = blue.run(here, "realm", "pr", "--status");

        assertEquals(0, status.code(), status.toString());
        assertEquals("""
                Coordinated PRs for 'feat/training-metrics-v2':
                ✓ aperture#1 open, ready to merge
                ⏳ fungal-image-analysis#1 open, blocked by aperture#1
                ⏳ ml-infra#1 open, blocked by fungal-image-analysis#1
                Merge order: aperture#1 → fungal-image-analysis#1 → ml-infra#1
                """, status.out());

        Cli.Result first = blue.run(here, "realm", "pr", "--merge", "--repo", "aperture");

        assertEquals(0, first.code(), first.toString());
        Cli.Result json = blue.run(here, "realm", "pr", "--status", "--json");
        JsonValue.JsonObject doc = (JsonValue.JsonObject) JsonParser.parse(json.out(), 64);
        List<JsonValue> pulls = ((JsonValue.JsonArray) doc.get("pull_requests")).items();
        JsonValue.JsonObject fungal = (JsonValue.JsonObject) pulls.get(1);
        assertEquals("fungal-image-analysis", ((JsonValue.JsonString) fungal.get("repo")).value());
        assertEquals(List.of(), ((JsonValue.JsonArray) fungal.get("waiting_for")).items(), "fungal is unblocked");
        assertEquals(List.of("rfc", "branch", "action", "merge_order", "pull_requests", "problems"),
                List.copyOf(doc.members().keySet()));

        Cli.Result merged = blue.run(here, "realm", "pr", "--merge");

        assertEquals(0, merged.code(), merged.toString());
        assertEquals("""
                Merging coordinated PRs for 'feat/training-metrics-v2':
                ✓ aperture#1 merged
                ✓ fungal-image-analysis#1 merged into main
                ✓ ml-infra#1 merged into main
                Merge order: aperture#1 → fungal-image-analysis#1 → ml-infra#1
                """, merged.out());
        assertEquals("# v2\n", w.machine().remoteFileAt(w.remote("ml-infra"), "refs/heads/main", "infra.tf"));
    }

    @Test
    void pr_withoutWhatToDo_isAUsageError() {
        Cli.Result r = blue.run(w.fungal().resolve(FOLDER), "realm", "pr");

        assertEquals(64, r.code(), r.toString());
        assertTrue(r.err().contains("exactly one of --title T, --status, --merge or --refresh"), r.toString());
    }
}
