package dev.bluerealm.cli;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code blue demo}: the RFC's whole workflow (Initial Setup, Daily Development, Consumer Response,
 * Coordinated Changes) on the embedded local realm, in a folder of its own, on the letemcook example's
 * repos. Every {@code blue} step is the real command, run in-process and printed as the RFC prints it;
 * what a developer does by hand (edit a file, commit, push) is done with git and printed too. The
 * folder is left for the user to keep trying commands in.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the RFC's workflow in a fresh folder, on a local realm remote: Initial Setup (realm "
                + "letemcook; repos aperture, fungal-image-analysis and ml-infra from the letemcook example; domains "
                + "s3-access and training-pipeline), Daily Development (a new exported path, status, sync opening a "
                + "pull request), Consumer Response (the importer updates its binding and acknowledges; the pull "
                + "request merges) and Coordinated Changes (worktrees and ordered pull requests).",
                "The folder is left as it is, to keep trying commands in. Needs git on the PATH."},
        footer = {"", "Example:", "  blue demo --dir /tmp/letemcook-demo"})
final class DemoCommand implements Callable<Integer> {
    static final String EMAIL = "eric@example.com";
    static final String RFC = "training-metrics-v2";

    /** Daily Development: aperture's new exported path. */
    static final Edit EXPERIMENTS = Edit.after("aperture", "models/training/metrics_exporter.py", "METRICS_PREFIX = ",
            "EXPERIMENTS_PREFIX = \"training-metrics/experiments/*\"  # blue:export s3-permissions.write");
    /** Consumer Response: fungal-image-analysis grants it. */
    static final Edit GRANT_EXPERIMENTS = Edit.atEndOfList("fungal-image-analysis", "cdk/training_tools_access_stack.py",
            "WRITE_PATHS = [", "    \"training-metrics/experiments/*\",");
    /** Coordinated Changes: in the worktrees, a v2 path exported and granted in one change. */
    static final Edit V2 = Edit.after("aperture", "models/training/metrics_exporter.py", "EXPERIMENTS_PREFIX = ",
            "V2_PREFIX = \"training-metrics/v2/*\"  # blue:export s3-permissions.write");
    static final Edit GRANT_V2 = Edit.atEndOfList("fungal-image-analysis", "cdk/training_tools_access_stack.py",
            "WRITE_PATHS = [", "    \"training-metrics/v2/*\",");

    private final CliContext context;
    @Spec CommandSpec spec;

    @Option(names = "--dir", description = "Folder to create the demo in (must not exist or be empty; default: a new temp folder).")
    Path dir;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    /**
     * One line added to a file of the example: after the first line starting with {@code anchor}, or, when
     * {@code endOfList}, before the {@code ]} that closes the list the anchor line opens.
     */
    record Edit(String repo, String file, String anchor, boolean endOfList, String line) {
        static Edit after(String repo, String file, String anchor, String line) {
            return new Edit(repo, file, anchor, false, line);
        }

        static Edit atEndOfList(String repo, String file, String anchor, String line) {
            return new Edit(repo, file, anchor, true, line);
        }

        /** {@code text} with the line added. */
        String apply(String text) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            int at = -1;
            for (int i = 0; i < lines.size() && at < 0; i++) {
                if (lines.get(i).startsWith(anchor)) {
                    at = i + 1;
                }
            }
            if (at > 0 && endOfList) {
                while (at < lines.size() && !lines.get(at).equals("]")) {
                    at++;
                }
                if (at == lines.size()) {
                    at = -1;
                }
            }
            if (at < 0) {
                throw new IllegalStateException(file + " has no line starting with '" + anchor + "'"
                        + (endOfList ? " followed by a closing ']'" : "") + ": the letemcook example and the demo differ");
            }
            lines.add(at, line);
            return String.join("\n", lines);
        }
    }

    /** A step that did not succeed: the demo stops with {@code code}. */
    private static final class StepFailed extends Exception {
        final int code;

        StepFailed(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    @Override
    public Integer call() throws IOException, RealmException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LetemcookExample example = LetemcookExample.load();
        Git git = new Git(context);
        try {
            git.run(context.cwd(), "--version");
        } catch (StepFailed e) {
            err.println("Error: blue demo runs git for what a developer does by hand (commit, push), and git "
                    + "cannot be run here: " + e.getMessage());
            err.println("Install git (or put it on the PATH) and try again.");
            return 1;
        }
        Path root = prepare();
        Script script = new Script(out, err, root, git,
                // the demo's BLUE_HOME is a folder of its own: it does not start a daemon that would outlive it
                context.with("BLUE_HOME", root.resolve(".blue").toString()).with("NO_COLOR", "1")
                        .with("BLUE_DAEMON", "off"));
        try {
            script.play(example);
        } catch (StepFailed e) {
            out.flush();
            err.println("Demo stopped at step '" + script.step + "': " + e.getMessage());
            err.println("What it did until then is in " + root + ".");
            return e.code == 0 ? 1 : e.code;
        }
        return 0;
    }

    private Path prepare() throws IOException {
        if (dir == null) {
            return Files.createTempDirectory("blue-demo-").toAbsolutePath();
        }
        Path root = context.cwd().resolve(dir).toAbsolutePath().normalize();
        if (Files.exists(root)) {
            try (var entries = Files.list(root)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(root + " is not empty; give a new folder with --dir");
                }
            }
        }
        Files.createDirectories(root);
        return root;
    }

    /** The story, step by step. */
    private final class Script {
        final PrintWriter out;
        final PrintWriter err;
        final Path root;
        final Git git;
        final CliContext demo;
        final Path blueHome;
        final Path aperture;
        final Path fungal;
        final Path mlInfra;
        final Path realmCheckout;
        Path here;
        String step = "make the example's repos";

        Script(PrintWriter out, PrintWriter err, Path root, Git git, CliContext demo) {
            this.out = out;
            this.err = err;
            this.root = root;
            this.git = git;
            this.demo = demo;
            this.blueHome = root.resolve(".blue");
            this.aperture = root.resolve("aperture");
            this.fungal = root.resolve("fungal-image-analysis");
            this.mlInfra = root.resolve("ml-infra");
            this.realmCheckout = root.resolve("letemcook");
            this.here = root;
        }

        void play(LetemcookExample example) throws StepFailed {
            out.println("Demo folder: " + root + " (BLUE_HOME=" + blueHome + ")");
            makeRepos(example);
            List<String> repos = LetemcookExample.REPOS;
            out.println("Made the letemcook example's repos there (examples/letemcook in blue's source):");
            out.println(String.join(", ", repos.subList(0, repos.size() - 1)) + " and " + repos.get(repos.size() - 1)
                    + ", each a git repo with its origin in remotes/.");
            initialSetup(example);
            dailyDevelopment();
            consumerResponse();
            coordinatedChanges();
            keepGoing();
        }

        /** Each sample repo: one commit of the example's files on main, and a bare origin under remotes/ holding it. */
        private void makeRepos(LetemcookExample example) throws StepFailed {
            for (String repo : LetemcookExample.REPOS) {
                Path dir = root.resolve(repo);
                try {
                    Realm.createRepository(dir, example.of(repo), EMAIL);
                } catch (RealmException e) {
                    throw new StepFailed(1, "cannot make the repo " + dir + ": " + e.getMessage());
                }
                Path origin = root.resolve("remotes").resolve(repo + ".git");
                git.run(root, "clone", "-q", "--bare", dir.toString(), origin.toString()); // local: hard links, no pack
                git.run(dir, "remote", "add", "origin", "file://" + origin);
                git.run(dir, "fetch", "-q", "origin");
                git.run(dir, "branch", "-q", "--set-upstream-to=origin/main");
            }
        }

        private void initialSetup(LetemcookExample example) throws StepFailed {
            section("Initial Setup");
            step("1. Create realm (one-time)");
            cd(aperture);
            blue("realm", "admin", "init", "--name", "letemcook");

            step("2. Register aperture in realm");
            blue("realm", "admin", "join", "letemcook");
            commitMembership();

            step("3. Create the s3-access domain");
            blue("realm", "admin", "domain", "create", "s3-access", "--repos", "aperture,fungal-image-analysis",
                    "--contract", "s3-permissions");

            step("4. Register fungal in realm");
            cd(fungal);
            blue("realm", "admin", "join", "letemcook");
            commitMembership();

            step("5. Create the training-pipeline domain (fungal exports its training datasets to ml-infra)");
            blue("realm", "admin", "domain", "create", "training-pipeline", "--repos", "fungal-image-analysis,ml-infra",
                    "--contract", "training-datasets");

            step("6. Register ml-infra in realm");
            cd(mlInfra);
            blue("realm", "admin", "join", "letemcook");
            commitMembership();

            step("7. Describe the contracts in the realm repo",
                    "   (schema, value, importer hook, and the files each repo keeps its side in:",
                    "   realm files are reviewed and committed like code)");
            cd(root);
            gitShown(List.of("clone", "-q", root.relativize(blueHome.resolve("remotes/letemcook.git")).toString(),
                    root.relativize(realmCheckout).toString()));
            cd(realmCheckout);
            comment("Wrote, from the letemcook example's realm/ folder:");
            Map<String, String> realmFiles = example.of(LetemcookExample.REALM);
            for (Map.Entry<String, String> f : realmFiles.entrySet()) {
                write(realmCheckout.resolve(f.getKey()), f.getValue());
                comment("  " + f.getKey());
            }
            gitShown(List.of("add", "domains"),
                    List.of("commit", "-qm", "Describe the contracts: schemas, values, hooks, bindings"),
                    List.of("push", "-q"));
            blue("realm", "check", "--mode=contract");

            step("8. Check status");
            cd(aperture);
            blue("realm", "status");
        }

        /** The team commits its membership ({@code .blue/}), so every worktree carries it. */
        private void commitMembership() throws StepFailed {
            gitShown(List.of("add", ".blue"), List.of("commit", "-qm", "Join realm letemcook"));
        }

        private void dailyDevelopment() throws StepFailed {
            section("Daily Development");
            step("Developer in aperture adds new S3 path");
            cd(aperture);
            edit(aperture, EXPERIMENTS, "Added: s3://bucket/training-metrics/experiments/*");
            gitShown(List.of("commit", "-qam", "Write experiment metrics to training-metrics/experiments/"));

            step("Check status");
            blue("realm", "status");

            step("Sync changes");
            blue("realm", "sync");
        }

        private void consumerResponse() throws StepFailed {
            section("Consumer Response");
            step("Maintainer in fungal sees notification");
            cd(fungal);
            blue("realm", "status");

            step("Update binding");
            edit(fungal, GRANT_EXPERIMENTS, "Add new path to IAM policy (WRITE_PATHS):");
            gitShown(List.of("commit", "-qam", "Grant aperture training-metrics/experiments/*"));

            step("Sync to acknowledge",
                    "(the contract's importer hook, scripts/validate-iam-policy.sh, checks the IAM policy first;",
                    " the pull request merges once every importer has acknowledged)");
            blue("realm", "sync");

            step("The binding is current");
            blue("realm", "check", "--mode=importer");
        }

        private void coordinatedChanges() throws StepFailed {
            section("Coordinated Changes (Unified Worktrees)");
            step("Start cross-repo change");
            cd(aperture);
            blue("realm", "worktree", "--rfc", RFC);

            step("Make changes in both worktrees...");
            Path apertureTree = aperture.resolve(".worktrees/feat-" + RFC);
            Path fungalTree = fungal.resolve(".worktrees/feat-" + RFC);
            cd(apertureTree);
            edit(apertureTree, V2, "Added: s3://bucket/training-metrics/v2/*");
            gitShown(List.of("commit", "-qam", "feat: write training metrics v2"));
            cd(fungalTree);
            edit(fungalTree, GRANT_V2, "Add the v2 path to IAM policy (WRITE_PATHS):");
            gitShown(List.of("commit", "-qam", "feat: grant aperture training-metrics/v2/*"));

            step("Create coordinated PRs");
            cd(apertureTree);
            blue("realm", "pr", "--title", "feat: training metrics v2");

            step("Where they stand");
            blue("realm", "pr", "--status");
        }

        private void keepGoing() {
            section("Keep going");
            String worktree = ".worktrees/feat-" + RFC;
            out.println("The realm and the repos stay in " + root + ":");
            out.println("  aperture/ fungal-image-analysis/ ml-infra/   the repos (their origins are in remotes/)");
            out.println("  letemcook/                                   a checkout of the realm repo (git pull to update it)");
            out.println("  .blue/                                       BLUE_HOME: the realm's remote and blue's clone of it");
            out.println();
            out.println("Keep trying commands there, for example:");
            launcherHint();
            out.println("  export BLUE_HOME=" + blueHome);
            out.println("  cd " + aperture.resolve(worktree));
            out.println("  blue realm status        # the v2 path is a contract change on this branch");
            out.println("  blue realm pr --merge    # merges aperture#1, then fungal-image-analysis#1");
            out.println("  cd " + aperture + " && git pull -q && blue realm sync");
            out.println("  cd " + fungal + " && git pull -q && blue realm sync");
            out.println("  blue realm check");
            out.println("  blue realm graph");
            out.flush();
        }

        /** How to reach blue when the launcher that runs this is not on the PATH. */
        private void launcherHint() {
            String launcher = System.getProperty("blue.launcher");
            if (launcher == null) {
                return;
            }
            Path bin = Path.of(launcher).toAbsolutePath().getParent();
            String path = context.env().getOrDefault("PATH", "");
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isEmpty() && Path.of(entry).toAbsolutePath().normalize().equals(bin.normalize())) {
                    return;
                }
            }
            out.println("  export PATH=" + bin + File.pathSeparator + "$PATH");
        }

        // --- printing and running -----------------------------------------------------------------

        private void section(String title) {
            out.println();
            out.println("== " + title + " ==");
        }

        private void step(String... comment) {
            step = comment[0];
            out.println();
            for (String line : comment) {
                comment(line);
            }
        }

        private void comment(String line) {
            out.println("# " + line);
        }

        private void cd(Path dir) {
            if (!dir.equals(here)) {
                out.println("$ cd " + here.relativize(dir));
                here = dir;
            }
        }

        private void blue(String... args) throws StepFailed {
            out.println("$ " + Shell.wrap("blue", List.of(args)));
            out.flush();
            int rc = Main.run(args, demo.in(here), out, err);
            err.flush();
            if (rc != 0) {
                throw new StepFailed(rc, "`" + Shell.line("blue", List.of(args)) + "` exited with " + rc);
            }
        }

        /** Git commands a developer runs, printed as one line joined with {@code &&}, run one by one. */
        @SafeVarargs
        private void gitShown(List<String>... commands) throws StepFailed {
            List<String> shown = new ArrayList<>();
            for (List<String> c : commands) {
                shown.add(Shell.line("git", c));
            }
            out.println("$ " + String.join(" && ", shown));
            for (List<String> c : commands) {
                String printed = git.run(here, c.toArray(String[]::new));
                out.print(printed);
            }
            out.flush();
        }

        /** Makes an edit as a developer would in their editor, and prints what changed. */
        private void edit(Path repo, Edit edit, String what) throws StepFailed {
            Path file = repo.resolve(edit.file());
            out.println("$ vim " + edit.file());
            try {
                write(file, edit.apply(Files.readString(file)));
            } catch (IOException | IllegalStateException e) {
                throw new StepFailed(1, "cannot edit " + file + ": " + e.getMessage());
            }
            comment(what);
            comment("  " + edit.line().strip());
        }

        private void write(Path file, String text) throws StepFailed {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text);
            } catch (IOException e) {
                throw new StepFailed(1, "cannot write " + file + ": " + e.getMessage());
            }
        }
    }

    /** Runs git as the demo's developer (eric), apart from the user's own git configuration. */
    private static final class Git {
        private final CliContext context;

        Git(CliContext context) {
            this.context = context;
        }

        /**
         * git as found on the context's PATH: a process looks a bare program name up on its own PATH,
         * which may not be the context's. Plain {@code git} when the context has no PATH.
         */
        private String executable() throws StepFailed {
            String path = context.env().get("PATH");
            if (path == null) {
                return "git";
            }
            for (String entry : path.split(File.pathSeparator)) {
                if (entry.isEmpty()) {
                    continue;
                }
                try {
                    Path git = Path.of(entry).resolve("git");
                    if (Files.isRegularFile(git) && Files.isExecutable(git)) {
                        return git.toString();
                    }
                } catch (java.nio.file.InvalidPathException e) {
                    // not a folder on this machine: look on
                }
            }
            throw new StepFailed(1, "no git on the PATH (" + path + ")");
        }

        /** Runs {@code git args} in {@code dir} and returns what it printed; a failure is a {@link StepFailed}. */
        String run(Path dir, String... args) throws StepFailed {
            List<String> command = new ArrayList<>();
            command.add(executable());
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("GIT_")); // not the caller's GIT_DIR, GIT_INDEX_FILE, ...
            String path = context.env().get("PATH");
            if (path != null) {
                env.put("PATH", path);
            }
            env.put("GIT_CONFIG_NOSYSTEM", "1");
            env.put("GIT_CONFIG_GLOBAL", "/dev/null"); // no signing, hooks path or aliases of the user's
            env.put("GIT_AUTHOR_NAME", "eric");
            env.put("GIT_AUTHOR_EMAIL", EMAIL);
            env.put("GIT_COMMITTER_NAME", "eric");
            env.put("GIT_COMMITTER_EMAIL", EMAIL);
            env.put("GIT_TERMINAL_PROMPT", "0");
            env.put("LC_ALL", "C");
            String output;
            int rc;
            try {
                Process p = pb.start();
                p.getOutputStream().close();
                output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                rc = p.waitFor();
            } catch (IOException e) {
                throw new StepFailed(1, "cannot run git: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailed(1, "interrupted while git ran");
            }
            if (rc != 0) {
                throw new StepFailed(rc, "`" + Shell.line("git", List.of(args)) + "` exited with " + rc
                        + (output.isBlank() ? "" : ":\n" + output.stripTrailing()));
            }
            return output;
        }
    }

    /** Command lines as a shell user would type them. */
    static final class Shell {
        private Shell() {}

        /** {@code program args}, each argument quoted when the shell would need it. */
        static String line(String program, List<String> args) {
            StringBuilder b = new StringBuilder(program);
            for (String a : args) {
                b.append(' ').append(quote(a));
            }
            return b.toString();
        }

        /** As {@link #line}, broken before each option as the RFC does when it is longer than 80 characters. */
        static String wrap(String program, List<String> args) {
            String one = line(program, args);
            if (one.length() <= 80) {
                return one;
            }
            StringBuilder b = new StringBuilder(program);
            for (String a : args) {
                b.append(a.startsWith("--") ? " \\\n    " : " ").append(quote(a));
            }
            return b.toString();
        }

        static String quote(String arg) {
            if (!arg.isEmpty() && arg.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_=.,/:@+%".indexOf(c) >= 0)) {
                return arg;
            }
            return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`") + "\"";
        }
    }
}
