package dev.bluerealm.testing.forgejo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.http.server.GitServlet;
import tools.jackson.databind.JsonNode;

/**
 * A Forgejo-compatible server for tests, on 127.0.0.1 and a free port: the REST operations
 * blue-realm uses under {@code /api/v1} and git smart HTTP at {@code /{owner}/{repo}.git} on the
 * same port, as Forgejo serves them. Every request it receives and every response it sends is
 * checked against Forgejo's own API description; departures are collected as {@link #violations()}
 * (in strict mode, the default, a request no operation matches is one too).
 *
 * <p>Accounts, organizations, tokens and collaborators are set up directly (Forgejo's admin API is
 * not served); everything else goes through HTTP.
 *
 * <pre>{@code
 * try (ForgejoServer forgejo = ForgejoServer.builder(tempDir).start()) {
 *     forgejo.createUser("alice");
 *     String token = forgejo.createToken("alice", "write:repository", "write:user", "write:issue");
 *     // ... POST forgejo.apiUrl() + "/user/repos", clone forgejo.cloneUrl("alice", "realm") ...
 *     forgejo.assertNoViolations();
 * }
 * }</pre>
 */
public final class ForgejoServer implements AutoCloseable {
    /** Changes a JSON body just before it is sent: how a test simulates a server bug. */
    @FunctionalInterface
    public interface ResponseTamperer {
        JsonNode tamper(String operationId, JsonNode body);
    }

    private final Server server;
    private final Forge forge;
    private final String url;
    private final List<Violation> violations;
    private final SecureRandom random = new SecureRandom();

    private ForgejoServer(Server server, Forge forge, String url, List<Violation> violations) {
        this.server = server;
        this.forge = forge;
        this.url = url;
        this.violations = violations;
    }

    /** A builder for a server keeping its bare repositories under {@code root}. */
    public static Builder builder(Path root) {
        return new Builder(root);
    }

    /**
     * Forgejo's API description, or skips the calling test (JUnit assumption) when the file is
     * absent; see {@link ForgejoApiDescription#locate()}.
     */
    public static ForgejoApiDescription descriptionOrSkip() throws IOException {
        Optional<Path> file = ForgejoApiDescription.locate();
        assumeTrue(file.isPresent(), "Forgejo's API description (../shared/forgejo/swagger.v1.json from the repository"
                + " root, or -D" + ForgejoApiDescription.LOCATION_PROPERTY + " / $" + ForgejoApiDescription.LOCATION_VARIABLE
                + ") is absent: skipping the tests that need the Forgejo test server");
        return ForgejoApiDescription.load(file.get());
    }

    /** Configures a server; {@link #start()} starts it. */
    public static final class Builder {
        private final Path root;
        private Clock clock = Clock.systemUTC();
        private boolean strict = true;
        private ForgejoApiDescription description;
        private ResponseTamperer tamperer = (operationId, body) -> body;

        private Builder(Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        /** The clock for timestamps and commit times (default: the system's, UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Whether a request no operation of the description matches is a violation (default true). */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** The description to check against (default: {@link #descriptionOrSkip()}). */
        public Builder description(ForgejoApiDescription description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** A test-only hook applied to every JSON response body before it is checked and sent. */
        public Builder tamperResponses(ResponseTamperer tamperer) {
            this.tamperer = Objects.requireNonNull(tamperer, "tamperer");
            return this;
        }

        /**
         * Starts the server (skipping the calling test when the description is absent and none was given).
         *
         * @throws Exception when Jetty cannot start
         */
        public ForgejoServer start() throws Exception {
            ForgejoApiDescription api = description != null ? description : descriptionOrSkip();
            HttpConfiguration http = new HttpConfiguration();
            // Forgejo routes branch names with "/" sent as %2F; Jetty refuses such paths by default
            http.setUriCompliance(UriCompliance.UNSAFE);
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            try {
                connector.open(); // binds the port now: the URLs in the JSON need it
                String url = "http://127.0.0.1:" + connector.getLocalPort();
                Forge forge = new Forge(clock, root);
                JsonViews views = new JsonViews(url);
                Map<String, Endpoint> routes = new LinkedHashMap<>();
                new RepoEndpoints(forge, views).register(routes);
                new PullEndpoints(forge, views).register(routes);
                List<Violation> violations = new CopyOnWriteArrayList<>();

                ServletContextHandler context = new ServletContextHandler("/");
                context.getServletHandler().setDecodeAmbiguousURIs(true);
                context.addServlet(new ServletHolder(new ApiServlet(api, forge, views, routes, violations::add, tamperer,
                        strict, url)), api.basePath() + "/*");
                GitAccess access = new GitAccess(forge);
                GitServlet git = new GitServlet();
                git.setRepositoryResolver(access.resolver());
                git.setReceivePackFactory(access.receivePacks());
                context.addServlet(new ServletHolder(git), "/*");
                context.addFilter(new FilterHolder(access), "/*", EnumSet.of(DispatcherType.REQUEST));
                server.setHandler(context);
                server.start();
                return new ForgejoServer(server, forge, url, violations);
            } catch (Exception e) {
                server.stop();
                throw e;
            }
        }
    }

    /** {@code http://127.0.0.1:PORT}, Forgejo's ROOT_URL. */
    public String url() {
        return url;
    }

    /** {@code http://127.0.0.1:PORT/api/v1}. */
    public String apiUrl() {
        return url + "/api/v1";
    }

    /** The clone URL of {@code owner/repo}, {@code http://127.0.0.1:PORT/owner/repo.git}. */
    public String cloneUrl(String owner, String repo) {
        return url + "/" + owner + "/" + repo + ".git";
    }

    /** Adds a user (no password: it authenticates with tokens). */
    public void createUser(String login) {
        forge.addAccount(login, false, Set.of());
    }

    /** Adds an organization whose owners are the given users. */
    public void createOrganization(String name, String... owners) {
        forge.addAccount(name, true, Set.of(owners));
    }

    /** A new access token of {@code login} with {@code scopes} ({@code write:repository}, {@code all}, ...). */
    public String createToken(String login, String... scopes) {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        forge.addToken(new Token(secret, login, Set.of(scopes)));
        return secret;
    }

    /** Gives {@code login} {@code permission} on {@code owner/repo} (Forgejo's collaborators). */
    public void addCollaborator(String owner, String repo, String login, Permission permission) {
        synchronized (forge) {
            Repo r = forge.repo(owner, repo).orElseThrow(() -> new IllegalArgumentException("no repo " + owner + "/" + repo));
            Account a = forge.account(login).orElseThrow(() -> new IllegalArgumentException("no user " + login));
            r.collaborators.put(a.login(), permission);
        }
    }

    /**
     * Makes the conflict check of new pull requests (and of open ones after a push to their head or
     * base) take {@code observations} looks to finish: until then a GET of the pull request says
     * {@code mergeable: false} and a merge answers 405 "Please try again later", each counting as
     * one look. 0 (the default) computes mergeability at once.
     */
    public void conflictCheckDelay(int observations) {
        if (observations < 0) {
            throw new IllegalArgumentException("observations must be >= 0, was " + observations);
        }
        forge.conflictCheckDelay(observations);
    }

    /** The departures from Forgejo's API description seen so far, in order. */
    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** Forgets the violations seen so far (after a test provoked some on purpose). */
    public void clearViolations() {
        violations.clear();
    }

    /**
     * Fails (with an {@link AssertionError} listing them) when any request or response departed from
     * Forgejo's API description.
     */
    public void assertNoViolations() {
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " departure(s) from Forgejo's API description:\n"
                    + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n")));
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
