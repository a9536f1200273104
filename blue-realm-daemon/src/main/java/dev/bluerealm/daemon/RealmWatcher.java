package dev.bluerealm.daemon;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.RealmOptions;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.pr.MergeOrderRefresh;
import dev.bluerealm.sync.PendingChange;
import dev.bluerealm.version.Version;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fetches the realms the daemon knows and turns what changed into notifications: a contract version
 * not seen before ({@code updated}, or {@code breaking} when the major grew; {@code new} for a new
 * contract) and each contract change of an open pull request not seen before ({@code new}, or
 * {@code breaking}, with its +/- lines). The first scan of a realm only records what is there. Each scan
 * also brings the realm's coordinated pull requests' {@code blue/merge-order} statuses up to date.
 */
final class RealmWatcher {
    private static final Logger LOG = Logger.getLogger(RealmWatcher.class.getName());

    /** What one scan did. */
    record Scan(String realm, String commit, List<DaemonStore.NotificationRow> created) {}

    private final DaemonStore store;
    private final NotificationFeed feed;
    private final Path blueHome;
    private final Map<String, String> environment;
    private final Clock clock;
    /** What the last merge-order refresh of each realm could not do, so a lasting problem is logged once. */
    private final Map<String, List<String>> mergeOrderProblems = new java.util.concurrent.ConcurrentHashMap<>();

    RealmWatcher(DaemonStore store, NotificationFeed feed, Path blueHome, Map<String, String> environment, Clock clock) {
        this.store = store;
        this.feed = feed;
        this.blueHome = blueHome;
        this.environment = environment;
        this.clock = clock;
    }

    /** The realms to watch: those in the realms table and those of sessions. */
    Set<String> realms() throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        store.realms().forEach(r -> out.add(r.name()));
        out.addAll(store.sessionRealms());
        return out;
    }

    /** Scans every known realm; failures are logged and leave the other realms unaffected. */
    void scanAll() {
        try {
            for (String realm : realms()) {
                try {
                    scan(realm);
                } catch (RealmException | RuntimeException e) {
                    LOG.log(Level.WARNING, "fetching realm " + realm + " failed: " + e.getMessage());
                    store.realmStatus(realm, "error");
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "daemon.db: " + e.getMessage(), e);
        }
    }

    /** Fetches {@code realm} now and records the notifications for what is new. */
    synchronized Scan scan(String realm) throws RealmException, SQLException {
        store.ensureRealm(realm, blueHome.resolve("realms").resolve(realm).toString());
        boolean baseline = !store.realm(realm).map(DaemonStore.RealmRow::scanned).orElse(false);
        RealmOptions options = RealmOptions.builder().realm(realm).blueHome(blueHome).environment(environment)
                .clock(clock).build();
        List<DaemonStore.NotificationRow> created = new ArrayList<>();
        try (Realm r = Realm.open(options)) {
            for (DomainModel domain : r.model().domains().values()) {
                for (Contract c : domain.contracts().values()) {
                    String version = c.version().toString();
                    Optional<String> seen = store.seenVersion(realm, domain.name(), c.name());
                    if (seen.isPresent() && seen.get().equals(version)) {
                        continue;
                    }
                    store.seeVersion(realm, domain.name(), c.name(), version);
                    if (baseline) {
                        continue;
                    }
                    String type = seen.isEmpty() ? "new" : changeType(seen.get(), c.version());
                    List<String> diff = seen.map(v -> List.of(c.name() + ": " + v + " -> " + version))
                            .orElse(List.of(c.name() + ": " + version));
                    store.addNotification(realm, domain.name(), c.name(), version, c.owner(), type, diff, null,
                            clock.instant()).ifPresent(n -> announce(n, created));
                }
            }
            // what open pull requests propose, as a sync on this machine reports it (same change type, so
            // the daemon's deduplication keeps one notification whichever saw it first, and an updated
            // pull request's new version is news); pull requests open before the first scan stay quiet
            for (PendingChange c : r.pendingChanges()) {
                if (baseline) {
                    store.seePullRequest(realm, c.pullRequest());
                    continue;
                }
                if (store.pullRequestSeen(realm, c.pullRequest())) {
                    continue;
                }
                String from = c.authorRepo() == null ? "" : c.authorRepo();
                store.addNotification(realm, c.domain(), c.contract(), c.toVersion(), from,
                        c.breaking() ? "breaking" : "new", c.diff(), c.pullRequest(), clock.instant())
                        .ifPresent(n -> announce(n, created));
            }
            store.realmScanned(realm, r.url(), clock.instant(), "active");
            refreshMergeOrder(realm, r);
            return new Scan(realm, r.commit(), created);
        }
    }

    /**
     * Brings the {@code blue/merge-order} statuses of the realm's open coordinated pull request sets up to
     * date (a realm on Forgejo; nothing elsewhere), so a blocker merged on Forgejo's own page unblocks its
     * importers without anyone running {@code blue realm pr --refresh}. Never fails the scan: what goes
     * wrong is logged, once until it changes.
     */
    private void refreshMergeOrder(String realm, Realm r) {
        List<String> problems;
        try {
            MergeOrderRefresh m = r.refreshMergeOrder();
            if (!m.updated().isEmpty()) {
                LOG.info("realm " + realm + ": blue/merge-order updated on " + String.join(", ", m.updated()));
            }
            problems = m.problems();
        } catch (RealmException | RuntimeException e) {
            problems = List.of(String.valueOf(e.getMessage()));
        }
        if (!problems.equals(mergeOrderProblems.put(realm, problems)) && !problems.isEmpty()) {
            LOG.warning("realm " + realm + ": blue/merge-order statuses not refreshed: " + String.join("; ", problems));
        }
    }

    /** A row this scan created (not a deduplicated repeat): part of its result, and pushed to listeners. */
    private void announce(DaemonStore.NotificationRow n, List<DaemonStore.NotificationRow> created) {
        created.add(n);
        feed.publish(n);
    }

    static String changeType(String before, Version after) {
        try {
            Version b = Version.parse(before);
            return Long.compareUnsigned(after.major(), b.major()) > 0 ? "breaking" : "updated";
        } catch (RuntimeException e) {
            return "updated";
        }
    }
}
