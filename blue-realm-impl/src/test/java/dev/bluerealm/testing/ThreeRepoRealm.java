package dev.bluerealm.testing;

import dev.bluerealm.Realm;
import dev.bluerealm.admin.DomainRequest;
import dev.bluerealm.admin.JoinRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.RefSpec;

/**
 * A realm of three repos in a chain, built through the API: aperture exports s3-permissions to
 * fungal-image-analysis (domain s3-access), which exports training-metrics to ml-infra (domain
 * ml-training). Every repo has joined (by path) and committed its {@code .blue/} files, as a team
 * does, so its worktrees carry the config too. Eric maintains them all.
 */
public record ThreeRepoRealm(TestRealm machine, Path aperture, Path fungal, Path mlInfra) {
    public static ThreeRepoRealm create(Path tmp) throws Exception {
        TestRealm t = new TestRealm(tmp);
        Path aperture = t.repo("aperture", TestRealm.ERIC);
        Path fungal = t.repo("fungal-image-analysis", TestRealm.ERIC);
        Path mlInfra = t.repo("ml-infra", TestRealm.ERIC);
        try (Realm r = t.init("letemcook", aperture)) {
            r.join(new JoinRequest(aperture, null));
        }
        for (Path repo : List.of(fungal, mlInfra)) {
            try (Realm r = Realm.open(t.options(repo).realm("letemcook").build())) {
                r.join(new JoinRequest(repo, null));
            }
        }
        try (Realm r = Realm.open(t.options(aperture).build())) {
            r.createDomain(DomainRequest.ofRepos("s3-access", List.of("aperture", "fungal-image-analysis"),
                    "s3-permissions"));
            r.createDomain(DomainRequest.ofRepos("ml-training", List.of("fungal-image-analysis", "ml-infra"),
                    "training-metrics"));
        }
        for (Path repo : List.of(aperture, fungal, mlInfra)) {
            TestRealm.commit(repo, Map.of(".blue/config.yaml", Files.readString(repo.resolve(".blue/config.yaml")),
                    ".blue/.gitignore", Files.readString(repo.resolve(".blue/.gitignore"))), false);
        }
        return new ThreeRepoRealm(t, aperture, fungal, mlInfra);
    }

    /**
     * Gives every repo an {@code origin}: a bare repository under {@code remotes/}, holding its main (where
     * {@code blue realm pr} pushes branches and the local forge keeps pull requests).
     */
    public ThreeRepoRealm withRemotes() throws Exception {
        for (Path repo : List.of(aperture, fungal, mlInfra)) {
            Path bare = remote(repo.getFileName().toString());
            Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
            try (Git git = Git.open(repo.toFile())) {
                StoredConfig config = git.getRepository().getConfig();
                config.setString("remote", "origin", "url", bare.toUri().toString());
                config.setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
                config.save();
                git.push().setRemote("origin").setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main")).call();
            }
        }
        return this;
    }

    /**
     * Records {@code repo} in the realm by {@code url} alone, in place of its path or URL (as a repo whose
     * clone had an {@code origin} joins): another machine finds it only through that URL.
     */
    public void recordByUrl(String repo, String url) throws Exception {
        String file = "repos/" + repo + ".yaml";
        String yaml = machine.remoteFileAt(machine.remote("letemcook"), "refs/heads/main", file);
        String changed = yaml.lines().map(l -> l.startsWith("path:") || l.startsWith("url:") ? "url: \"" + url + "\"" : l)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        if (changed.equals(yaml)) {
            throw new IllegalStateException(file + " has no path to replace:\n" + yaml);
        }
        machine.commitToRemote("letemcook", Map.of(file, changed), repo + " known by its url");
    }

    /** The bare remote of a repo made by {@link #withRemotes}. */
    public Path remote(String repo) {
        return machine.root().resolve("remotes").resolve(repo + ".git");
    }
}
