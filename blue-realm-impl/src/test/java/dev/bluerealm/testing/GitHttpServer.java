package dev.bluerealm.testing;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * A real smart-HTTP git server for tests: JGit's {@link GitServlet} in Jetty 12 on 127.0.0.1,
 * serving every bare repository under a root folder at {@code /git/NAME.git}, pushes allowed
 * without authentication. Repositories are opened from disk per request, so one created after
 * {@link #start} is served too.
 *
 * <p>{@link #startWithBasicAuth} requires HTTP Basic authentication on every request, as a forge
 * does for a private repository: a password (a token), and optionally a username; without a
 * username any name goes with the right password, as Forgejo and Gitea treat access tokens.
 */
public final class GitHttpServer implements AutoCloseable {
    private final Server server;
    private final int port;
    private final BasicAuth auth;

    private GitHttpServer(Server server, BasicAuth auth) {
        this.server = server;
        this.port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        this.auth = auth;
    }

    /** Starts a server on a free port for the bare repositories under {@code root}, without authentication. */
    public static GitHttpServer start(Path root) throws Exception {
        return start(root, null);
    }

    /**
     * Starts a server that answers 401 unless a request carries Basic credentials with
     * {@code password} and, when {@code username} is not null, that username.
     */
    public static GitHttpServer startWithBasicAuth(Path root, String username, String password) throws Exception {
        return start(root, new BasicAuth(username, password));
    }

    private static GitHttpServer start(Path root, BasicAuth auth) throws Exception {
        GitServlet servlet = new GitServlet();
        servlet.setRepositoryResolver((request, name) -> open(root, name));
        ServletContextHandler context = new ServletContextHandler("/git");
        context.addServlet(new ServletHolder(servlet), "/*");
        if (auth != null) {
            context.addFilter(new FilterHolder(auth), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new GitHttpServer(server, auth);
    }

    /** The usernames of the requests let through, in order (empty without authentication). */
    public List<String> authenticatedUsers() {
        return auth == null ? List.of() : List.copyOf(auth.accepted);
    }

    /** How many requests carried credentials that were refused. */
    public int refusedAttempts() {
        return auth == null ? 0 : auth.refused.size();
    }

    /** HTTP Basic authentication in front of the git servlet. */
    private static final class BasicAuth implements Filter {
        private final String username;
        private final byte[] password;
        final List<String> accepted = new CopyOnWriteArrayList<>();
        final List<String> refused = new CopyOnWriteArrayList<>();

        BasicAuth(String username, String password) {
            this.username = username;
            this.password = password.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String header = ((HttpServletRequest) request).getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    decoded = "";
                }
                int colon = decoded.indexOf(':');
                String user = colon < 0 ? decoded : decoded.substring(0, colon);
                byte[] pass = (colon < 0 ? "" : decoded.substring(colon + 1)).getBytes(StandardCharsets.UTF_8);
                if ((username == null || username.equals(user)) && MessageDigest.isEqual(password, pass)) {
                    accepted.add(user);
                    chain.doFilter(request, response);
                    return;
                }
                refused.add(user);
            }
            HttpServletResponse r = (HttpServletResponse) response;
            r.setHeader("WWW-Authenticate", "Basic realm=\"git\"");
            r.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }

    /** The clone URL of {@code ROOT/NAME.git}. */
    public String url(String repoName) {
        return "http://127.0.0.1:" + port + "/git/" + repoName + ".git";
    }

    public int port() {
        return port;
    }

    // synchronized: two first requests to one repo must not race to write its config file.
    // Package-private for the test: Jetty already rejects most escaping URLs before they get here.
    static synchronized Repository open(Path root, String name) throws RepositoryNotFoundException {
        // never leave the root: no "..", no absolute paths, no backslash tricks
        if (name.isEmpty() || name.contains("..") || name.contains("\\") || name.startsWith("/")) {
            throw new RepositoryNotFoundException(name);
        }
        Path base = root.toAbsolutePath().normalize();
        File dir = base.resolve(name).normalize().toFile();
        if (!dir.toPath().startsWith(base) || !RepositoryCache.FileKey.isGitRepository(dir, FS.DETECTED)) {
            throw new RepositoryNotFoundException(name);
        }
        Repository repo;
        try {
            repo = new FileRepositoryBuilder().setGitDir(dir).setMustExist(true).build();
        } catch (IOException e) {
            throw new RepositoryNotFoundException(name, e);
        }
        try {
            StoredConfig config = repo.getConfig();
            if (!config.getBoolean("http", "receivepack", false)) { // anonymous push, as git http-backend allows with this key
                config.setBoolean("http", null, "receivepack", true);
                config.save();
            }
        } catch (IOException e) {
            repo.close();
            throw new RepositoryNotFoundException(name, e);
        }
        return repo; // GitServlet closes it after the request
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
