package dev.bluerealm.testing.forgejo;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.ReceivePackFactory;
import org.eclipse.jgit.transport.resolver.RepositoryResolver;
import org.eclipse.jgit.transport.resolver.ServiceNotAuthorizedException;

/**
 * The git side, {@code /{owner}/{repo}.git/...} on the API's port: who may fetch and push, which
 * repository a path names, and the hook that tells the forge a branch moved. Anonymous fetches of
 * public repositories are allowed; pushes, and fetches of private ones, answer 401 with a Basic
 * challenge until a token comes (as Forgejo, Basic with the token as password), and 403 when the
 * token's user may not write or the token lacks the repository scope.
 */
final class GitAccess implements Filter {
    private static final String REPO = GitAccess.class.getName() + ".repo";
    private static final String USER = GitAccess.class.getName() + ".user";
    private final Forge forge;

    GitAccess(Forge forge) {
        this.forge = forge;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (request.getRequestURI().startsWith("/api/")) {
            chain.doFilter(request, response); // the API servlet authenticates its own requests
            return;
        }
        String[] segments = request.getRequestURI().split("/");
        if (segments.length < 4 || !segments[2].endsWith(".git")) {
            response.sendError(404);
            return;
        }
        Optional<Repo> repo = forge.repo(segments[1], segments[2].substring(0, segments[2].length() - 4));
        boolean push = "git-receive-pack".equals(request.getParameter("service"))
                || request.getRequestURI().endsWith("/git-receive-pack");
        Optional<Token> token;
        try {
            token = Authentication.token(request.getHeader("Authorization"), forge);
        } catch (ApiException e) {
            challenge(response);
            return;
        }
        Optional<Account> user = token.flatMap(t -> forge.account(t.login()));
        if (repo.isEmpty()) {
            response.sendError(404);
            return;
        }
        Permission perm;
        synchronized (forge) {
            perm = repo.get().permission(user);
        }
        Permission needed = push ? Permission.WRITE : Permission.READ;
        if (!perm.atLeast(needed)) {
            if (user.isEmpty()) {
                challenge(response);
            } else {
                response.sendError(perm.atLeast(Permission.READ) ? 403 : 404);
            }
            return;
        }
        if (token.isPresent() && !token.get().grants(push ? "write" : "read", "repository")) {
            response.sendError(403);
            return;
        }
        request.setAttribute(REPO, repo.get());
        user.ifPresent(u -> request.setAttribute(USER, u));
        chain.doFilter(request, response);
    }

    private static void challenge(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\".\"");
        response.sendError(401);
    }

    /** Opens the repository the filter found for this request. */
    RepositoryResolver<HttpServletRequest> resolver() {
        return (request, name) -> {
            Repo repo = (Repo) request.getAttribute(REPO);
            if (repo == null) {
                throw new RepositoryNotFoundException(name);
            }
            try {
                return new FileRepositoryBuilder().setGitDir(repo.gitDir.toFile()).setMustExist(true).build();
            } catch (IOException e) {
                throw new RepositoryNotFoundException(name, e);
            }
        };
    }

    /** Receive-pack for the filter's authenticated pushers, reporting moved branches to the forge. */
    ReceivePackFactory<HttpServletRequest> receivePacks() {
        return (request, db) -> {
            Repo repo = (Repo) request.getAttribute(REPO);
            if (request.getAttribute(USER) == null || repo == null) {
                throw new ServiceNotAuthorizedException();
            }
            ReceivePack pack = new ReceivePack(db);
            pack.setPostReceiveHook((rp, commands) -> {
                for (ReceiveCommand c : commands) {
                    if (c.getResult() == ReceiveCommand.Result.OK && c.getRefName().startsWith(Constants.R_HEADS)
                            && c.getType() != ReceiveCommand.Type.DELETE) {
                        forge.pushed(repo, c.getRefName().substring(Constants.R_HEADS.length()), c.getNewId().name());
                    }
                }
            });
            return pack;
        };
    }
}
