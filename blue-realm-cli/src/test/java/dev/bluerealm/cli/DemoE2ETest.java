package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code blue demo} end to end: the RFC's four walkthroughs, each step's key lines as the RFC prints
 * them, exit 0; then the folder it leaves is used as its closing lines suggest.
 */
class DemoE2ETest {
    @TempDir Path tmp;

    @Test
    void demo_playsTheRfcsWorkflow_thenTheFolderItLeavesKeepsWorking() throws Exception {
        assumeTrue(realGit() != null, "git not on the PATH (install git); .ci/run installs it");
        Path root = tmp.resolve("demo");
        Cli.Result demo = new Cli(tmp.resolve("blue-home"), tmp.resolve("home")).run(tmp, "demo", "--dir", "demo");

        assertEquals(0, demo.code(), demo.toString());
        assertEquals("", demo.err(), demo.toString());
        String remote = "file://" + root.resolve(".blue/remotes/letemcook.git");
        assertInOrder(demo.out(),
                "Demo folder: " + root + " (BLUE_HOME=" + root.resolve(".blue") + ")\n",
                "aperture, fungal-image-analysis and ml-infra, each a git repo with its origin in remotes/.\n",
                // Initial Setup
                "\n== Initial Setup ==\n",
                """
                # 1. Create realm (one-time)
                $ cd aperture
                $ blue realm admin init --name letemcook
                ✓ Created realm repo: %s
                ✓ Cloned to %s/
                ✓ Created realm.yaml
                """.formatted(remote, root.resolve(".blue/realms/letemcook")),
                """
                # 2. Register aperture in realm
                $ blue realm admin join letemcook
                ✓ Created repos/aperture.yaml in realm
                ✓ Created .blue/config.yaml locally
                ✓ Pushed to %s
                $ git add .blue && git commit -qm "Join realm letemcook"
                """.formatted(remote),
                """
                # 3. Create the s3-access domain
                $ blue realm admin domain create s3-access \\
                    --repos aperture,fungal-image-analysis \\
                    --contract s3-permissions
                ✓ Created domains/s3-access/domain.yaml
                ✓ Created domains/s3-access/contracts/s3-permissions.yaml
                ✓ Created domains/s3-access/bindings/aperture.yaml (provider)
                ✓ Created domains/s3-access/bindings/fungal-image-analysis.yaml (consumer)
                """,
                """
                # 4. Register fungal in realm
                $ cd ../fungal-image-analysis
                $ blue realm admin join letemcook
                ✓ Created repos/fungal-image-analysis.yaml in realm
                ✓ Detected import: s3-permissions in domain s3-access
                ✓ Created .blue/config.yaml locally
                """,
                """
                $ blue realm admin domain create training-pipeline \\
                    --repos fungal-image-analysis,ml-infra \\
                    --contract training-datasets
                ✓ Created domains/training-pipeline/domain.yaml
                ✓ Created domains/training-pipeline/contracts/training-datasets.yaml
                ✓ Created domains/training-pipeline/bindings/fungal-image-analysis.yaml (provider)
                ✓ Created domains/training-pipeline/bindings/ml-infra.yaml (consumer)
                """,
                """
                # 6. Register ml-infra in realm
                $ cd ../ml-infra
                $ blue realm admin join letemcook
                ✓ Created repos/ml-infra.yaml in realm
                ✓ Detected import: training-datasets in domain training-pipeline
                """,
                "# 7. Describe the contracts in the realm repo\n",
                "$ git clone -q .blue/remotes/letemcook.git letemcook\n$ cd letemcook\n",
                "#   domains/s3-access/contracts/s3-permissions.yaml\n",
                """
                $ blue realm check --mode=contract
                ✓ s3-permissions: valid schema, version bump correct
                ✓ training-datasets: valid schema, version bump correct
                """,
                """
                # 8. Check status
                $ cd ../aperture
                $ blue realm status
                📊 aperture (in realm: letemcook)

                Domains:
                  s3-access (provider)
                    Contract: s3-permissions v1.4.0
                """,
                // Daily Development
                """
                == Daily Development ==

                # Developer in aperture adds new S3 path
                $ vim models/training/metrics_exporter.py
                # Added: s3://bucket/training-metrics/experiments/*
                #   EXPERIMENTS_PREFIX = "training-metrics/experiments/*"  # blue:export s3-permissions.write
                """,
                """
                # Check status
                $ blue realm status
                📊 aperture (in realm: letemcook)

                ⚠️ Contract change detected:
                  s3-permissions has local changes:
                    + training-metrics/experiments/*

                  Affected repos:
                    - fungal-image-analysis (imports >=1.0.0, <2.0.0)

                  Run 'blue realm sync' to update realm
                """,
                """
                # Sync changes
                $ blue realm sync
                📤 Syncing with realm 'letemcook'...
                Creating sync branch: sync/aperture/20260124-100000
                Contract changes detected:
                  s3-permissions: 1.4.0 → 1.5.0 (compatible)
                    + training-metrics/experiments/*
                Opening PR for review...
                ✓ PR #1: "aperture: s3-permissions 1.5.0"
                Reviewers: fungal-image-analysis maintainers
                """,
                // Consumer Response
                """
                == Consumer Response ==

                # Maintainer in fungal sees notification
                $ cd ../fungal-image-analysis
                $ blue realm status
                📊 fungal-image-analysis (in realm: letemcook)

                🔔 Pull request #1 from aperture: s3-permissions 1.4.0 → 1.5.0
                    + training-metrics/experiments/*
                  Your import (>=1.0.0, <2.0.0) is still satisfied.
                  Update binding when ready, then run 'blue realm sync' to acknowledge.
                """,
                """
                # Update binding
                $ vim cdk/training_tools_access_stack.py
                # Add new path to IAM policy (WRITE_PATHS):
                #   "training-metrics/experiments/*",
                """,
                """
                $ blue realm sync
                📤 Syncing with realm 'letemcook'...
                Binding updated:
                  s3-permissions: resolved_version 1.4.0 → 1.5.0
                ✓ Acknowledged PR #1
                ✓ PR #1 merged: "aperture: s3-permissions 1.5.0"
                """,
                """
                $ blue realm check --mode=importer
                ✓ s3-permissions: binding at 1.5.0 (current)
                """,
                // Coordinated Changes
                """
                == Coordinated Changes (Unified Worktrees) ==

                # Start cross-repo change
                $ cd ../aperture
                $ blue realm worktree --rfc training-metrics-v2
                Creating unified worktree 'feat/training-metrics-v2':
                ✓ aperture: .worktrees/feat-training-metrics-v2/
                ✓ fungal-image-analysis: .worktrees/feat-training-metrics-v2/
                Branch 'feat/training-metrics-v2' created in both repos.
                """,
                """
                # Make changes in both worktrees...
                $ cd .worktrees/feat-training-metrics-v2
                $ vim models/training/metrics_exporter.py
                """,
                "$ git commit -qam \"feat: write training metrics v2\"\n"
                        + "$ cd ../../../fungal-image-analysis/.worktrees/feat-training-metrics-v2\n",
                """
                # Create coordinated PRs
                $ cd ../../../aperture/.worktrees/feat-training-metrics-v2
                $ blue realm pr --title "feat: training metrics v2"
                Creating coordinated PRs:
                ✓ aperture PR #1 (merge first - exports)
                ✓ fungal-image-analysis PR #1 (merge second - imports)
                Blocked by: aperture#1
                Merge order: aperture#1 → fungal-image-analysis#1
                """,
                """
                $ blue realm pr --status
                Coordinated PRs for 'feat/training-metrics-v2':
                ✓ aperture#1 open, ready to merge
                ⏳ fungal-image-analysis#1 open, blocked by aperture#1
                Merge order: aperture#1 → fungal-image-analysis#1
                """,
                // where to go on
                "The realm and the repos stay in " + root + ":\n",
                "  export BLUE_HOME=" + root.resolve(".blue") + "\n"
                        + "  cd " + root.resolve("aperture/.worktrees/feat-training-metrics-v2") + "\n");

        // the folder as the user finds it, with the demo's BLUE_HOME
        Cli blue = new Cli(root.resolve(".blue"), tmp.resolve("home"));
        Path aperture = root.resolve("aperture");
        Path fungal = root.resolve("fungal-image-analysis");
        Path worktree = aperture.resolve(".worktrees/feat-training-metrics-v2");

        Cli.Result status = blue.run(aperture, "realm", "status");
        assertEquals(0, status.code(), status.toString());
        assertTrue(status.out().contains("Contract: s3-permissions v1.5.0"), status.out());
        assertFalse(status.out().contains("Contract change detected"), status.out());
        for (Path repo : List.of(aperture, fungal, root.resolve("ml-infra"))) {
            Cli.Result check = blue.run(repo, "realm", "check");
            assertEquals(0, check.code(), repo + ": " + check);
        }
        Cli.Result fungalCheck = blue.run(fungal, "realm", "check");
        assertTrue(fungalCheck.out().contains("✓ s3-permissions: binding at 1.5.0 (current)\n"
                + "✓ training-datasets: code matches contract\n"), fungalCheck.out());
        Cli.Result realmCheckout = blue.run(root.resolve("letemcook"), "realm", "status");
        assertEquals(0, realmCheckout.code(), realmCheckout.toString());
        assertTrue(realmCheckout.out().contains("Contract: training-datasets v1.1.0"), realmCheckout.out());

        // its closing lines' suggestions, as printed
        Cli.Result onBranch = blue.run(worktree, "realm", "status");
        assertTrue(onBranch.out().contains("s3-permissions has local changes:\n    + training-metrics/v2/*\n"),
                onBranch.out());
        Cli.Result merged = blue.run(worktree, "realm", "pr", "--merge");
        assertEquals(0, merged.code(), merged.toString());
        assertTrue(merged.out().contains("Merge order: aperture#1 → fungal-image-analysis#1"), merged.out());
        pull(aperture);
        Cli.Result proposed = blue.run(aperture, "realm", "sync");
        assertEquals(0, proposed.code(), proposed.toString());
        assertTrue(proposed.out().contains("s3-permissions: 1.5.0 → 1.6.0 (compatible)\n    + training-metrics/v2/*\n"),
                proposed.out());
        pull(fungal);
        Cli.Result acknowledged = blue.run(fungal, "realm", "sync");
        assertEquals(0, acknowledged.code(), acknowledged.toString());
        assertTrue(acknowledged.out().contains("✓ PR #2 merged: \"aperture: s3-permissions 1.6.0\""), acknowledged.out());
        Cli.Result after = blue.run(fungal, "realm", "check");
        assertEquals(0, after.code(), after.toString());
        Cli.Result graph = blue.run(fungal, "realm", "graph");
        assertEquals(0, graph.code(), graph.toString());
        assertTrue(graph.out().contains("training-datasets v1.1.0"), graph.out());
    }

    @Test
    void demo_stopsAtTheStepThatFails_withItsExitCode_andSaysWhich() throws Exception {
        // a git that refuses to commit, otherwise the real one
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path realGit = realGit();
        assumeTrue(realGit != null, "git not on the PATH (install git); .ci/run installs it");
        Path fake = bin.resolve("git");
        Files.writeString(fake, "#!/bin/sh\nfor a in \"$@\"; do [ \"$a\" = commit ] && { echo 'pre-commit hook said no' >&2; "
                + "exit 3; }; done\nexec " + realGit + " \"$@\"\n");
        assertTrue(fake.toFile().setExecutable(true));
        Cli blue = new Cli(tmp.resolve("blue-home"), tmp.resolve("home")).with("PATH", bin + ":" + System.getenv("PATH"));

        Cli.Result r = blue.run(tmp, "demo", "--dir", "demo");

        assertEquals(3, r.code(), r.toString());
        assertTrue(r.out().contains("✓ Created repos/aperture.yaml in realm"), r.out());
        assertFalse(r.out().contains("# 3. Create the s3-access domain"), "went on after the failed step: " + r.out());
        assertTrue(r.err().contains("Demo stopped at step '2. Register aperture in realm': "
                + "`git commit -qm \"Join realm letemcook\"` exited with 3:\npre-commit hook said no\n"), r.err());
        assertTrue(r.err().contains("What it did until then is in " + tmp.resolve("demo") + "."), r.err());
    }

    @Test
    void demo_withoutGit_saysSo_beforeMakingAnything() {
        Cli blue = new Cli(tmp.resolve("blue-home"), tmp.resolve("home")).with("PATH", tmp.resolve("empty").toString());

        Cli.Result r = blue.run(tmp, "demo", "--dir", "demo");

        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("git cannot be run here: no git on the PATH"), r.err());
        assertFalse(Files.exists(tmp.resolve("demo")), "made the folder anyway");
    }

    /** git on this process's PATH, or null. */
    private static Path realGit() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path git = Path.of(dir.isEmpty() ? "." : dir, "git");
            if (Files.isRegularFile(git) && Files.isExecutable(git)) {
                return git;
            }
        }
        return null;
    }

    private static void pull(Path repo) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            assertTrue(git.pull().call().isSuccessful(), "git pull in " + repo);
        }
    }

    /** Each part appears in {@code out}, each after the one before. */
    private static void assertInOrder(String out, String... parts) {
        int from = 0;
        for (String part : parts) {
            int at = out.indexOf(part, from);
            if (at < 0) {
                fail("not found" + (out.contains(part) ? " after the previous part" : "") + ":\n" + part
                        + "\n--- in the demo's output:\n" + out);
            }
            from = at + part.length();
        }
    }
}
