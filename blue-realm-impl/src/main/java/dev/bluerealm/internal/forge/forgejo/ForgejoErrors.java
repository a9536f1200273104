package dev.bluerealm.internal.forge.forgejo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bluerealm.ErrorCode;
import dev.bluerealm.InvalidRequestException;
import dev.bluerealm.RealmException;
import dev.bluerealm.RefusedException;
import dev.bluerealm.RemoteException;
import dev.bluerealm.internal.credentials.Credential;
import dev.bluerealm.internal.credentials.Redaction;
import dev.bluerealm.internal.forge.forgejo.invoker.ApiException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Forgejo's answers into {@link RealmException}s that say what to do. Forgejo's error body is
 * {@code {"message": ..., "url": ...}}, except on some 409s (a serialized Go error), so the message is
 * read leniently and the raw body kept otherwise (ENDPOINTS.md 0.3). Every message is redacted with
 * the token, in case a server echoes it.
 */
final class ForgejoErrors {
    /** The least a token needs for what blue-realm does (ENDPOINTS.md 0.1). */
    static final String MINIMUM_SCOPES = "write:repository, write:issue and read:user (plus write:organization to"
            + " create repositories in an organization, write:user to create your own)";
    private static final Pattern SCOPES = Pattern.compile("required scope\\(s\\): \\[([^\\]]*)\\]");
    private static final int MAX_BODY_IN_MESSAGE = 300;

    private final String forge;
    private final ObjectMapper json;

    ForgejoErrors(String forge, ObjectMapper json) {
        this.forge = Objects.requireNonNull(forge, "forge");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The exception for a call that failed for good after {@code attempts} attempts. */
    RealmException toException(Operation op, ApiException e, Credential token, int attempts) {
        String message = serverMessage(e);
        String tried = attempts > 1 ? " after " + attempts + " attempts" : "";
        RealmException mapped = switch (e.getCode()) {
            case 0 -> unreachable(op, e, tried);
            case 401 -> new RemoteException(ErrorCode.REMOTE_ERROR, "Forgejo at " + forge + " refused the token from "
                    + token.source() + " (401" + detail(message) + "), so it cannot " + op.action()
                    + ": the token is missing, expired or revoked; " + TokenSupplier.HOW_TO_PROVIDE);
            case 403 -> forbidden(op, message, token);
            case 404 -> new InvalidRequestException(ErrorCode.NOT_FOUND, "Forgejo at " + forge + " has no " + op.target()
                    + ", or the token's user cannot see it (404" + detail(message) + "), so it cannot " + op.action()
                    + ": check the name, and that the user has access");
            case 409 -> new InvalidRequestException(ErrorCode.ALREADY_EXISTS, "cannot " + op.action() + " on " + forge
                    + ": it conflicts with what is there (409" + detail(message) + ")");
            case 400, 422 -> new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "Forgejo at " + forge
                    + " rejected the request to " + op.action() + " (" + e.getCode() + detail(message) + ")" + hint(message));
            case 423 -> new RefusedException(ErrorCode.NOT_OPEN, "cannot " + op.action() + ": " + op.target()
                    + " is archived on " + forge + " (423); unarchive it in its settings first");
            case 429 -> new RemoteException(ErrorCode.REMOTE_ERROR, "Forgejo at " + forge + " kept rate-limiting the"
                    + " request to " + op.action() + tried + " (429); wait a while and run again");
            default -> new RemoteException(ErrorCode.REMOTE_ERROR, "Forgejo at " + forge + " failed to " + op.action()
                    + tried + " (" + e.getCode() + detail(message) + ")" + (op.idempotent() || e.getCode() < 500 ? ""
                    : "; it was not retried because it may have been carried out: check " + op.target() + " first"));
        };
        return redacted(mapped, token);
    }

    /** The message Forgejo gave, or the raw body when it is not an APIError; empty when there is none. */
    String serverMessage(ApiException e) {
        String body = e.getResponseBody();
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.path("message").isTextual()) {
                return node.get("message").asText().strip();
            }
        } catch (JacksonException notJson) {
            // an HTML error page from a proxy, or a Go error struct: keep the raw text
        }
        String raw = body.strip();
        return raw.length() > MAX_BODY_IN_MESSAGE ? raw.substring(0, MAX_BODY_IN_MESSAGE) + "…" : raw;
    }

    /** Whether the failure means the server never got the request, so even a POST may be sent again. */
    static boolean notSent(ApiException e) {
        return e.getCode() == 0 && (e.getCause() instanceof ConnectException || e.getCause() instanceof HttpConnectTimeoutException);
    }

    private RealmException unreachable(Operation op, ApiException e, String tried) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof InterruptedException) {
            return new RemoteException(ErrorCode.REMOTE_ERROR, "interrupted while trying to " + op.action() + " on " + forge);
        }
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new RemoteException(ErrorCode.REMOTE_ERROR, "cannot reach Forgejo at " + forge + " to " + op.action() + tried
                + ": " + why + (op.idempotent() || notSent(e) ? "" : "; it was not retried because it may have been"
                        + " carried out: check " + op.target() + " first"));
    }

    private RealmException forbidden(Operation op, String message, Credential token) {
        Matcher scopes = SCOPES.matcher(message);
        if (scopes.find()) {
            return new RemoteException(ErrorCode.REMOTE_ERROR, "the Forgejo token from " + token.source() + " lacks scope "
                    + scopes.group(1).strip() + ", which it needs to " + op.action() + "; create a token on " + forge
                    + " (Settings, Applications, Access tokens) with " + MINIMUM_SCOPES + ", and "
                    + TokenSupplier.HOW_TO_PROVIDE);
        }
        return new RemoteException(ErrorCode.REMOTE_ERROR, "Forgejo at " + forge + " does not let the token's user "
                + op.action() + " (403" + detail(message) + "): ask an owner of " + op.target()
                + " for write access, or use another account's token");
    }

    private static String hint(String message) {
        if (message.contains("approve your own pull")) {
            return ": Forgejo does not let the author of a pull request approve it; acknowledge with another"
                    + " account's token";
        }
        return "";
    }

    private static String detail(String message) {
        return message.isEmpty() ? "" : ": " + message;
    }

    // no cause is attached: the generated exception's message holds the raw response body
    static RealmException redacted(RealmException e, Credential token) {
        String clean = Redaction.redact(e.getMessage(), List.of(token.secret()));
        if (clean.equals(e.getMessage())) {
            return e;
        }
        if (e instanceof InvalidRequestException) {
            return new InvalidRequestException(e.code(), clean);
        }
        if (e instanceof RefusedException) {
            return new RefusedException(e.code(), clean);
        }
        return new RemoteException(e.code(), clean);
    }
}
