package dev.bluerealm.internal.credentials;

import dev.bluerealm.RealmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;

/**
 * Lets JGit's HTTP transport take its credentials from a {@link CredentialChain}. It never prompts.
 *
 * <p>JGit asks when the server answers 401; a user and password written in the URL win, else the
 * chain is asked once per remote and the answer kept while it works. When the server refuses it, JGit calls
 * {@link #reset}: the credential is reported as rejected (so git's helpers forget a stale one) and
 * not offered again, so JGit gives up with "not authorized" instead of retrying the same secret.
 * After an operation succeeds, {@link #confirm} reports the credentials it used as approved.
 *
 * <p>A chain failure (a credentials file others can read) is thrown from {@link #get} as a
 * {@link LookupFailure}, which {@link #failure} finds again in whatever JGit wrapped it in.
 */
public final class ChainCredentialsProvider extends CredentialsProvider {
    private final CredentialChain chain;
    private final Map<String, Used> used = new LinkedHashMap<>();
    private final Set<String> refused = new HashSet<>();
    private final Set<String> secrets = new HashSet<>();
    private String problem;

    public ChainCredentialsProvider(CredentialChain chain) {
        this.chain = Objects.requireNonNull(chain, "chain");
    }

    /** A credential handed to JGit for a target, and whether it was reported as working yet. */
    private static final class Used {
        final CredentialTarget target;
        final Credential credential;
        final boolean fromUrl;
        boolean approved;

        Used(CredentialTarget target, Credential credential, boolean fromUrl) {
            this.target = target;
            this.credential = credential;
            this.fromUrl = fromUrl;
        }
    }

    /** A chain lookup that failed, carried through JGit as an unchecked exception. */
    public static final class LookupFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient RealmException failure;

        LookupFailure(RealmException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }

        public RealmException failure() {
            return failure;
        }
    }

    /** The chain failure somewhere in {@code e}'s causes, if that is why a transport failed. */
    public static Optional<RealmException> failure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LookupFailure) {
                return Optional.of(((LookupFailure) t).failure());
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean isInteractive() {
        return false;
    }

    @Override
    public boolean supports(CredentialItem... items) {
        for (CredentialItem item : items) {
            if (!(item instanceof CredentialItem.Username) && !(item instanceof CredentialItem.Password)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized boolean get(URIish uri, CredentialItem... items) {
        if (!supports(items)) {
            return false; // a host-key or certificate question: never answered here
        }
        Optional<CredentialTarget> target = target(uri);
        if (target.isEmpty()) {
            return false;
        }
        String key = target.get().url();
        if (refused.contains(key)) {
            return false; // refused once already: JGit stops with "not authorized"
        }
        Used u = used.get(key);
        if (u == null) {
            if (uri.getUser() != null && uri.getPass() != null) {
                u = new Used(target.get(), new Credential(uri.getUser(), uri.getPass(), "the remote URL"), true);
            } else {
                Optional<Credential> found;
                try {
                    found = chain.find(target.get(), CredentialUse.GIT);
                } catch (RealmException e) {
                    throw new LookupFailure(e);
                }
                if (found.isEmpty()) {
                    problem = "no credentials for " + target.get().hostAndPort() + " in " + chain.describe();
                    return false;
                }
                u = new Used(target.get(), found.get(), false);
            }
            used.put(key, u);
            secrets.add(u.credential.secret());
        }
        for (CredentialItem item : items) {
            if (item instanceof CredentialItem.Username) {
                ((CredentialItem.Username) item).setValue(u.credential.username());
            } else {
                ((CredentialItem.Password) item).setValue(u.credential.secret().toCharArray());
            }
        }
        return true;
    }

    /** JGit's signal that the credential it got for {@code uri} was refused. */
    @Override
    public synchronized void reset(URIish uri) {
        Optional<CredentialTarget> target = target(uri);
        if (target.isEmpty()) {
            return;
        }
        String key = target.get().url();
        Used u = used.remove(key);
        if (u != null) {
            refused.add(key);
            problem = "the credential from " + u.credential.source() + " (user " + u.credential.username()
                    + ") was refused";
            if (!u.fromUrl) {
                chain.reject(u.target, u.credential);
            }
        }
    }

    /**
     * An operation succeeded: the credentials it used are reported as approved, once each, and kept
     * for the next operation (no new lookup while they work).
     */
    public void confirm() {
        List<Used> approve = new ArrayList<>();
        synchronized (this) {
            for (Used u : used.values()) {
                if (!u.approved) {
                    u.approved = true;
                    approve.add(u);
                }
            }
            problem = null;
        }
        for (Used u : approve) {
            if (!u.fromUrl) {
                chain.approve(u.target, u.credential);
            }
        }
    }

    /**
     * Called once an operation failed: why authentication failed (nothing found, or which credential
     * was refused), if it did. Refused credentials may be asked for again from here on (the user may
     * have fixed them meanwhile).
     */
    public synchronized Optional<String> afterFailure() {
        Optional<String> p = Optional.ofNullable(problem);
        problem = null;
        refused.clear();
        return p;
    }

    /** Every secret handed to JGit so far, for {@link Redaction#redact(String, java.util.Collection)}. */
    public synchronized Set<String> secrets() {
        return Set.copyOf(secrets);
    }

    private static Optional<CredentialTarget> target(URIish uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CredentialTarget(scheme, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : -1,
                    uri.getPath() == null ? "" : uri.getPath(), uri.getUser()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
