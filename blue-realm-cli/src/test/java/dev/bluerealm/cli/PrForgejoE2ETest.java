package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.internal.forge.forgejo.ForgejoPull;
import dev.bluerealm.json.JsonParser;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.testing.ThreeRepoRealm;
import dev.bluerealm.testing.forgejo.ForgejoThreeRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RFC's coordinated change through {@code blue} on a realm whose realm.yaml names a Forgejo (the
 * Forgejo test server): aperture and fungal-image-analysis are cloned here, ml-infra is a private
 * repository there that the realm knows only by its URL, so {@code worktree} clones it with the token;
 * {@code pr} opens the set, {@code --status} shows it, and after aperture is merged on Forgejo itself,
 * {@code sync} turns fungal's {@code blue/merge-order} status to success.
 */
class PrForgejoE2ETest {
    private static final String RFC = ForgejoThreeRepos.RFC;
    private static final String FOLDER = ForgejoThreeRepos.FOLDER;

    @TempDir Path tmp;
    ForgejoThreeRepos f;
    ThreeRepoRealm w;
    Path workspace;
    String mlInfraUrl;

    @BeforeEach
    void realmOnForgejo() throws Exception {
        f = ForgejoThreeRepos.start(tmp);
        w = f.realm();
        f.host(w.aperture(), w.fungal());
        f.host(w.mlInfra(), true);
        mlInfraUrl = f.server().cloneUrl("eric", "ml-infra");
        w.recordByUrl("ml-infra", mlInfraUrl);
        workspace = w.fungal().getParent();
        FileUtils.delete(w.mlInfra().toFile(), FileUtils.RECURSIVE); // ml-infra is not cloned on this machine
    }

    @AfterEach
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    /** {@code blue} on this machine, with eric's token for the Forgejo or without one. */
    private Cli blue(boolean token) {
        Cli cli = new Cli(w.machine().blueHome(), w.machine().root().resolve("home"));
        return token ? cli.with("BLUE_FORGEJO_TOKEN", f.token()).with("BLUE_FORGEJO_URL", f.server().url()) : cli;
    }

    private List<String> workspaceFolders() throws Exception {
        try (Stream<Path> list = Files.list(workspace)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void worktree_privateRepoKnownByUrl_failsCleanlyWithoutTheToken_thenIsClonedWithIt() throws Exception {
        Cli.Result without = blue(false).run(w.fungal(), "realm", "worktree", "--rfc", RFC);

        assertEquals(2, without.code(), without.toString());
        assertTrue(without.out().contains("\n⚠️ ml-infra: cannot clone " + mlInfraUrl + " into "
                + workspace.resolve("ml-infra") + ": "), without.toString());
        assertFalse(without.out().contains(f.token()));
        assertEquals(List.of("aperture", "fungal-image-analysis"), workspaceFolders(), "nothing half cloned is left");

        Cli.Result with = blue(true).run(w.fungal(), "realm", "worktree", "--rfc", RFC);

        assertEquals(0, with.code(), with.toString());
        Path clone = workspace.resolve("ml-infra").toRealPath();
        assertEquals("""
                Creating unified worktree 'feat/training-metrics-v2':
                ✓ fungal-image-analysis: .worktrees/feat-training-metrics-v2/ (exists)
                ✓ aperture: .worktrees/feat-training-metrics-v2/ (exists)
                ✓ ml-infra: .worktrees/feat-training-metrics-v2/ (cloned into %s)
                Branch 'feat/training-metrics-v2' created in 1 repo, already in 2 repos.
                """.formatted(clone), with.out());
        assertTrue(Files.isRegularFile(clone.resolve(FOLDER).resolve(".blue/config.yaml")));

        Cli.Result json = blue(true).run(w.fungal(), "realm", "worktree", "--rfc", RFC, "--json");
        JsonValue.JsonObject ml = (JsonValue.JsonObject) ((JsonValue.JsonArray) ((JsonValue.JsonObject)
                JsonParser.parse(json.out(), 64)).get("repos")).items().get(2);
        assertEquals("exists", ((JsonValue.JsonString) ml.get("outcome")).value(), json.out());
        assertEquals(JsonValue.bool(false), ml.get("cloned"), "cloned before, not now");
    }

    @Test
    void pr_onForgejo_opensInOrder_statusShowsTheSet_andSyncUnblocksTheImporterOnceItsExporterMergedThere()
            throws Exception {
        Cli blue = blue(true);
        assertEquals(0, blue.run(w.fungal(), "realm", "worktree", "--rfc", RFC).code());
        f.commitInEachWorktree();
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
        assertTrue(f.eric().pull("eric", "ml-infra", 1).body().contains("\nBlocked by: eric/fungal-image-analysis#1\n"));

        Cli.Result refused = blue.run(here, "realm", "pr", "--merge", "--repo", "fungal-image-analysis");

        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.err().contains("fungal-image-analysis#1 is blocked by aperture#1 (not merged yet)"),
                refused.toString());
        assertEquals("pending", f.mergeOrder("fungal-image-analysis").state());

        Cli.Result status = blue.run(here, "realm", "pr", "--status");

        assertEquals(0, status.code(), status.toString());
        assertEquals("""
                Coordinated PRs for 'feat/training-metrics-v2':
                ✓ aperture#1 open, ready to merge
                ⏳ fungal-image-analysis#1 open, blocked by aperture#1
                ⏳ ml-infra#1 open, blocked by fungal-image-analysis#1
                Merge order: aperture#1 → fungal-image-analysis#1 → ml-infra#1
                """, status.out());

        f.mergeOnForgejo("aperture"); // its merge button on Forgejo: no blue command involved
        assertEquals("pending", f.mergeOrder("fungal-image-analysis").state());

        Cli.Result sync = blue.run(workspace.resolve("ml-infra"), "realm", "sync");

        assertEquals(0, sync.code(), sync.toString());
        assertTrue(sync.out().contains("\n✓ blue/merge-order: fungal-image-analysis#1 (feat/training-metrics-v2)"
                + " ready to merge\n"), sync.toString());
        assertEquals("success", f.mergeOrder("fungal-image-analysis").state());
        assertEquals("pending", f.mergeOrder("ml-infra").state());
        assertEquals("""
                Coordinated PRs for 'feat/training-metrics-v2':
                ✓ aperture#1 merged
                ✓ fungal-image-analysis#1 open, ready to merge
                ⏳ ml-infra#1 open, blocked by fungal-image-analysis#1
                Merge order: aperture#1 → fungal-image-analysis#1 → ml-infra#1
                """, blue.run(here, "realm", "pr", "--status").out());

        Cli.Result again = blue.run(workspace.resolve("ml-infra"), "realm", "sync", "--json");

        assertEquals(0, again.code(), again.toString());
        JsonValue.JsonObject mergeOrder = (JsonValue.JsonObject) ((JsonValue.JsonObject) JsonParser.parse(again.out(),
                64)).get("merge_order");
        assertEquals(List.of(), ((JsonValue.JsonArray) mergeOrder.get("updated")).items(), "nothing changed since");
        assertEquals(List.of(), ((JsonValue.JsonArray) mergeOrder.get("problems")).items());

        Cli.Result merged = blue.run(here, "realm", "pr", "--merge");

        assertEquals(0, merged.code(), merged.toString());
        assertEquals("""
                Merging coordinated PRs for 'feat/training-metrics-v2':
                ✓ aperture#1 merged
                ✓ fungal-image-analysis#1 merged into main
                ✓ ml-infra#1 merged into main
                Merge order: aperture#1 → fungal-image-analysis#1 → ml-infra#1
                """, merged.out());
        assertTrue(f.eric().pull("eric", "fungal-image-analysis", 1).merged());
        assertTrue(f.eric().pull("eric", "ml-infra", 1).merged(), "in order: its blocker merged first in the same run");
    }

    @Test
    void sync_mergeOrderItCannotRead_isAWarning_andTheSyncStillSucceeds() throws Exception {
        Cli blue = blue(true);
        assertEquals(0, blue.run(w.fungal(), "realm", "worktree", "--rfc", RFC).code());
        f.commitInEachWorktree();
        assertEquals(0, blue.run(w.fungal(), "realm", "pr", "--rfc", RFC, "--title", "t").code());
        ForgejoPull fungal = f.eric().pull("eric", "fungal-image-analysis", 1);
        f.eric().editPull("eric", "fungal-image-analysis", 1, fungal.title(), // edited by hand on Forgejo
                fungal.body().replace("blocked_by: aperture#1", "blocked_by: aperture#1, ghost#3"));

        Cli.Result sync = blue.run(workspace.resolve("ml-infra"), "realm", "sync");

        assertEquals(0, sync.code(), sync.toString());
        assertTrue(sync.out().contains("\n⚠️ blue/merge-order not refreshed: ghost: it is not a repository on "
                + f.server().url() + ", so whether ghost#3 merged is unknown: counted as not merged\n"), sync.toString());
        assertTrue(sync.out().contains("\n⏳ blue/merge-order: fungal-image-analysis#1 (feat/training-metrics-v2)"
                + " blocked by aperture#1, ghost#3\n"), sync.toString());
    }
}
