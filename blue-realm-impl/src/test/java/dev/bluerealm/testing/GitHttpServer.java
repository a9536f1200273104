package dev.bluerealm.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
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
 */
public final class GitHttpServer implements AutoCloseable {
    private final Server server;
    private final int port;

    private GitHttpServer(Server server) {
        this.server = server;
        this.port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Starts a server on a free port for the bare repositories under {@code root}. */
    public static GitHttpServer start(Path root) throws Exception {
        GitServlet servlet = new GitServlet();
        servlet.setRepositoryResolver((request, name) -> open(root, name));
        ServletContextHandler context = new ServletContextHandler("/git");
        context.addServlet(new ServletHolder(servlet), "/*");
        Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new GitHttpServer(server);
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
