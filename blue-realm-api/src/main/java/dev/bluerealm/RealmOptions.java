package dev.bluerealm;

import dev.bluerealm.progress.ProgressListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * How to find and open a realm, and the machine it runs on. Build with {@link #builder()}; every
 * field has a default taken from the process ({@code user.dir}, the environment, the system clock).
 *
 * <pre>{@code
 * RealmOptions options = RealmOptions.builder().location(Path.of("aperture")).build();
 * }</pre>
 *
 * @param location a participating repo (any folder inside it) or a realm checkout; null for the working directory
 * @param realm a realm name known in {@code $BLUE_HOME}, or null
 * @param url a realm URL to clone, or null
 * @param blueHome {@code $BLUE_HOME}, or null for {@code BLUE_HOME} from the environment, else {@code ~/.blue}
 * @param workingDirectory the folder relative paths are resolved against
 * @param environment the environment variables the engine may read, and the whole environment that the hooks
 *     and extract commands it runs get (besides the variables the engine sets for them)
 * @param identity the acting identity, or null for the repo's git {@code user.email}
 * @param offline true to use the managed clone as it is, without fetching
 * @param progress hears the progress of long work (clone, fetch, push, hooks, large checks); {@link
 *     ProgressListener#none()} by default
 * @since 0.1
 */
public record RealmOptions(Path location, String realm, String url, Path blueHome, Path workingDirectory,
                           Map<String, String> environment, Clock clock, String identity, boolean offline,
                           ProgressListener progress) {
    public RealmOptions {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(progress, "progress");
        if (realm != null && url == null && location != null) {
            throw new IllegalArgumentException("give either a realm name or a location, not both");
        }
    }

    /** Options without progress reporting (as before {@code progress} was added). */
    public RealmOptions(Path location, String realm, String url, Path blueHome, Path workingDirectory,
                        Map<String, String> environment, Clock clock, String identity, boolean offline) {
        this(location, realm, url, blueHome, workingDirectory, environment, clock, identity, offline,
                ProgressListener.none());
    }

    /** A builder with the process's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.location = location;
        b.realm = realm;
        b.url = url;
        b.blueHome = blueHome;
        b.workingDirectory = workingDirectory;
        b.environment = environment;
        b.clock = clock;
        b.identity = identity;
        b.offline = offline;
        b.progress = progress;
        return b;
    }

    /**
     * {@code $BLUE_HOME}: the explicit one, else {@code BLUE_HOME} from the environment, else
     * {@code ~/.blue} ({@code HOME} from the environment, else {@code user.home}).
     */
    public Path resolvedBlueHome() {
        if (blueHome != null) {
            return blueHome.toAbsolutePath().normalize();
        }
        String env = environment.get("BLUE_HOME");
        if (env != null && !env.isBlank()) {
            return workingDirectory.resolve(env).toAbsolutePath().normalize();
        }
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".blue").toAbsolutePath().normalize();
    }

    /** Builds {@link RealmOptions}. */
    public static final class Builder {
        private Path location;
        private String realm;
        private String url;
        private Path blueHome;
        private Path workingDirectory = Path.of(System.getProperty("user.dir"));
        private Map<String, String> environment = System.getenv();
        private Clock clock = Clock.systemUTC();
        private String identity;
        private boolean offline;
        private ProgressListener progress = ProgressListener.none();

        private Builder() {}

        public Builder location(Path location) {
            this.location = location;
            return this;
        }

        public Builder realm(String realm) {
            this.realm = realm;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder blueHome(Path blueHome) {
            this.blueHome = blueHome;
            return this;
        }

        public Builder workingDirectory(Path workingDirectory) {
            this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder identity(String identity) {
            this.identity = identity;
            return this;
        }

        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /**
         * Who hears the progress of long work; {@link ProgressListener#none()} to hear nothing.
         *
         * @throws NullPointerException if {@code progress} is null
         */
        public Builder progress(ProgressListener progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        public RealmOptions build() {
            return new RealmOptions(location, realm, url, blueHome, workingDirectory, environment, clock, identity,
                    offline, progress);
        }
    }
}
