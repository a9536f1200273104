package dev.bluerealm.internal.forge.local;

import dev.bluerealm.internal.git.RealmStore;
import dev.bluerealm.internal.git.Transports;
import dev.bluerealm.sync.PullRequest;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A second machine, for {@link LocalForgeConcurrencyTest}: clones the realm remote, waits for the
 * start signal (a file appearing) so every process races at once, opens pull requests for branches
 * {@code sync/NAME/1..COUNT} and prints each number it got.
 *
 * <pre>java … OpenPullRequestsMain REMOTE_URL CLONE_DIR NAME COUNT START_FILE</pre>
 */
public final class OpenPullRequestsMain {
    private OpenPullRequestsMain() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path clone = Path.of(args[1]);
        String name = args[2];
        int count = Integer.parseInt(args[3]);
        Path start = Path.of(args[4]);
        try (RealmStore store = RealmStore.cloneInto(url, clone, Transports.defaults())) {
            LocalForge forge = LocalForgeTest.forge(store, name + "@example.com");
            System.out.println("ready");
            System.out.flush();
            long deadline = System.currentTimeMillis() + 60_000;
            while (!Files.exists(start) && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            for (int i = 1; i <= count; i++) {
                PullRequest pr = forge.open(LocalForgeTest.draft("sync/" + name + "/" + i));
                System.out.println("opened " + pr.number() + " " + pr.head());
            }
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
