package dev.bluerealm.internal.pr;

import dev.bluerealm.RealmException;
import dev.bluerealm.internal.forge.local.LocalForge;
import dev.bluerealm.internal.forge.local.PullRecord;
import dev.bluerealm.internal.git.Transports;
import dev.bluerealm.sync.Forge;
import dev.bluerealm.sync.PullRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A repo's coordinated pull requests on the local forge: records on {@code refs/blue/pulls} of the
 * repo's own {@code origin}, so a change spanning repos needs nothing but their git remotes. Merging
 * is the local forge's (compare-and-swap push of the base, head branch deleted).
 */
public final class LocalRepoPulls implements RepoPulls {
    private final FeatureBranch clone;
    private final LocalForge forge;

    private LocalRepoPulls(FeatureBranch clone, LocalForge forge) {
        this.clone = clone;
        this.forge = forge;
    }

    /** The repo checked out at {@code root}, when it has an {@code origin}; empty otherwise. */
    public static Optional<LocalRepoPulls> open(Path root, Transports transports, PersonIdent actor, Clock clock)
            throws RealmException {
        Optional<FeatureBranch> clone = FeatureBranch.open(root, transports);
        // a coordinated change merges when its order allows, not after a grace period: none applies
        return clone.map(c -> new LocalRepoPulls(c, new LocalForge(c.remote(), actor, clock, Duration.ZERO,
                (merged, fastForward) -> { })));
    }

    /** {@code origin/HEAD} when the clone knows it, else the main work tree's branch, else {@code main}. */
    @Override
    public String base() throws RealmException {
        return clone.localBase();
    }

    @Override
    public Push push(String branch) throws RealmException {
        return clone.push(branch, base());
    }

    @Override
    public List<Pull> pulls(String branch) throws RealmException {
        return forge.records(null).stream().filter(r -> r.head().equals(branch)).map(LocalRepoPulls::pull).toList();
    }

    @Override
    public Pull open(String title, String body, String head, String authorRepo) throws RealmException {
        PullRequest pr = forge.open(new Forge.Draft(title, body, head, base(), authorRepo, List.of(), false));
        return new Pull(pr.number(), pr.state(), pr.base(), body);
    }

    @Override
    public void editBody(int number, String body) throws RealmException {
        forge.editBody(number, body);
    }

    @Override
    public void merge(int number) throws RealmException {
        forge.merge(number);
    }

    private static Pull pull(PullRecord r) {
        return new Pull(r.number(), r.state(), r.base(), r.body());
    }

    @Override
    public void close() {
        clone.close();
    }
}
