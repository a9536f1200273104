package dev.bluerealm.testing.forgejo;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.internal.credentials.Credential;
import dev.bluerealm.internal.forge.forgejo.ForgejoClient;
import dev.bluerealm.internal.forge.forgejo.ForgejoCommitStatus;
import dev.bluerealm.internal.forge.forgejo.MergeRequest;
import dev.bluerealm.internal.forge.forgejo.NewRepository;
import dev.bluerealm.testing.TestRealm;
import dev.bluerealm.testing.ThreeRepoRealm;
import dev.bluerealm.worktree.WorktreeRequest;
import dev.bluerealm.worktree.WorktreeResult;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The RFC's three repos ({@link ThreeRepoRealm}) on a realm whose realm.yaml names the Forgejo test
 * server, eric's token in hand: each code repo {@link #host hosted} there as {@code eric/NAME} is its
 * clone's {@code origin}. The realm itself stays on its embedded remote, with an empty
 * {@code eric/letemcook} on the Forgejo for the realm's own (sync) pull requests. Skips the calling
 * test when Forgejo's API description is absent; {@link #close} checks that every request and answer
 * kept to it.
 *
 * <pre>{@code
 * try (ForgejoThreeRepos f = ForgejoThreeRepos.start(tmp)) {
 *     f.host(f.realm().aperture(), f.realm().fungal(), f.realm().mlInfra());
 *     f.worktreesWithCommits();
 * }
 * }</pre>
 */
public final class ForgejoThreeRepos implements AutoCloseable {
    public static final String RFC = "training-metrics-v2";
    public static final String FOLDER = ".worktrees/feat-" + RFC;
    /** What eric's token may do: repositories, pull requests and their statuses, reviews. */
    public static final String[] SCOPES = {"write:repository", "write:user", "write:issue", "read:user"};

    private final ForgejoServer server;
    private final ThreeRepoRealm realm;
    private final String token;
    private final ForgejoClient eric;

    private ForgejoThreeRepos(ForgejoServer server, ThreeRepoRealm realm, String token, ForgejoClient eric) {
        this.server = server;
        this.realm = realm;
        this.token = token;
        this.eric = eric;
    }

    /** The server under {@code tmp/forgejo}, the repos under {@code tmp/machine}. */
    public static ForgejoThreeRepos start(Path tmp) throws Exception {
        ForgejoServer server = ForgejoServer.builder(tmp.resolve("forgejo")).start();
        try {
            server.createUser("eric");
            String token = server.createToken("eric", SCOPES);
            ForgejoClient eric = ForgejoClient.builder(server.url(), () -> new Credential("eric", token, "test")).build();
            eric.createUserRepository(new NewRepository("letemcook", "", true, false, "main"));
            ThreeRepoRealm w = ThreeRepoRealm.create(tmp.resolve("machine"));
            String realmYaml = w.machine().remoteFileAt(w.machine().remote("letemcook"), "refs/heads/main",
                    "realm.yaml");
            w.machine().commitToRemote("letemcook", Map.of("realm.yaml", realmYaml + "forge:\n  type: forgejo\n  url: "
                    + server.url() + "\n  repo: eric/letemcook\n"), "the realm's pull requests live on Forgejo");
            return new ForgejoThreeRepos(server, w, token, eric);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    public ForgejoServer server() {
        return server;
    }

    public ThreeRepoRealm realm() {
        return realm;
    }

    public String token() {
        return token;
    }

    /** An API client acting as eric, for what a test does on Forgejo's own pages. */
    public ForgejoClient eric() {
        return eric;
    }

    /** HOME, and the token for the API and for git over HTTP to this Forgejo (BLUE_FORGEJO_TOKEN, BLUE_FORGEJO_URL). */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", realm.machine().root().resolve("home").toString());
        env.put("BLUE_FORGEJO_TOKEN", token);
        env.put("BLUE_FORGEJO_URL", server.url());
        return env;
    }

    /** The realm opened from {@code dir} with {@link #environment}. */
    public Realm open(Path dir) throws RealmException {
        return Realm.open(realm.machine().options(dir).environment(environment()).build());
    }

    /** Hosts each repo on the Forgejo as a public eric/NAME, its origin, with its main pushed. */
    public void host(Path... repos) throws Exception {
        for (Path repo : repos) {
            host(repo, false);
        }
    }

    /** Hosts {@code repo} as eric/NAME ({@code isPrivate}: only a token may read it), its origin, main pushed. */
    public void host(Path repo, boolean isPrivate) throws Exception {
        String name = repo.getFileName().toString();
        eric.createUserRepository(new NewRepository(name, "", isPrivate, false, "main"));
        try (Git git = Git.open(repo.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", server.cloneUrl("eric", name));
            config.setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
            config.save();
            git.push().setRemote("origin").setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main"))
                    .setCredentialsProvider(new UsernamePasswordCredentialsProvider("eric", token)).call();
        }
    }

    /** Worktrees for {@link #RFC} made from fungal-image-analysis, and a commit in each of the three. */
    public void worktreesWithCommits() throws Exception {
        try (Realm r = open(realm.fungal())) {
            WorktreeResult made = r.worktrees(WorktreeRequest.create(RFC));
            if (made.count(WorktreeResult.Outcome.CREATED) != 3) {
                throw new AssertionError("three worktrees expected: " + made);
            }
        }
        commitInEachWorktree();
    }

    /** A commit in each repo's worktree of {@link #RFC}. */
    public void commitInEachWorktree() throws Exception {
        TestRealm.commit(realm.aperture().resolve(FOLDER), Map.of("s3.json", "{\"paths\": [\"metrics/*\"]}\n"), false);
        TestRealm.commit(realm.fungal().resolve(FOLDER), Map.of("train.py", "metrics = 'v2'\n"), false);
        TestRealm.commit(realm.mlInfra().resolve(FOLDER), Map.of("infra.tf", "# v2\n"), false);
    }

    /** Merges pull #1 of eric/REPO through the API, as its merge button on Forgejo does (no blue involved). */
    public void mergeOnForgejo(String repo) throws RealmException {
        eric.merge("eric", repo, 1, MergeRequest.mergeCommit(eric.pull("eric", repo, 1).headSha()));
    }

    /** The newest {@code blue/merge-order} status on the head of pull #1 of eric/REPO. */
    public ForgejoCommitStatus mergeOrder(String repo) throws RealmException {
        String head = eric.pull("eric", repo, 1).headSha();
        return eric.statuses("eric", repo, head).stream().filter(s -> s.context().equals("blue/merge-order"))
                .findFirst().orElseThrow(() -> new AssertionError("no blue/merge-order on " + repo));
    }

    /** Checks that every request and answer kept to Forgejo's API description, then stops the server. */
    @Override
    public void close() throws Exception {
        try {
            server.assertNoViolations();
        } finally {
            server.close();
        }
    }
}
