package dev.bluerealm.testing.forgejo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the token from an {@code Authorization} header the ways Forgejo does: {@code token X},
 * {@code Bearer X} (any case), and Basic with the token as the password (any user name) or as the
 * user name (password empty or {@code x-oauth-basic}). Users have no passwords here, so a Basic
 * pair without a valid token is refused.
 */
final class Authentication {
    private Authentication() {}

    /**
     * The token of {@code header}; empty when there is no header.
     *
     * @throws ApiException 401 when there are credentials but no valid token among them
     */
    static Optional<Token> token(String header, Forge forge) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String[] parts = header.trim().split("\\s+", 2);
        String scheme = parts[0];
        String value = parts.length > 1 ? parts[1].trim() : "";
        if (scheme.equals("token") || scheme.toLowerCase(Locale.ROOT).equals("bearer")) {
            return Optional.of(forge.token(value).orElseThrow(Authentication::refused));
        }
        if (scheme.equalsIgnoreCase("basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw refused();
            }
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            String password = colon < 0 ? "" : decoded.substring(colon + 1);
            if (password.isEmpty() || password.equals("x-oauth-basic")) {
                return Optional.of(forge.token(user).orElseThrow(Authentication::refused));
            }
            return Optional.of(forge.token(password).orElseThrow(Authentication::refused));
        }
        throw refused();
    }

    private static ApiException refused() {
        return new ApiException(401, "user does not exist or the token is invalid");
    }
}
