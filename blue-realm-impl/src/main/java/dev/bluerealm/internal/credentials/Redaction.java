package dev.bluerealm.internal.credentials;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of messages: the password in a URL's userinfo
 * ({@code https://eric:s3cret@host/x.git} → {@code https://eric:***@host/x.git}) and any known
 * secret wherever it appears. Used on every message built from a remote URL or a transport error.
 *
 * <pre>{@code
 * throw new RemoteException(ErrorCode.REMOTE_ERROR, Redaction.redact("cannot fetch " + url + ": " + why, secrets));
 * }</pre>
 */
public final class Redaction {
    public static final String MASK = "***";
    /** scheme://user:password@ — the password runs to the last @ before the host (passwords may hold an @). */
    private static final Pattern USERINFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^/?#\\s@:]*):[^/?#\\s]*@");

    private Redaction() {}

    /** {@code text} with the password of every URL in it masked; the username is kept. Null stays null. */
    public static String redact(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        return USERINFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@"));
    }

    /** {@code text} with URL passwords masked and every one of {@code secrets} replaced by {@value #MASK}. */
    public static String redact(String text, Collection<String> secrets) {
        String out = redact(text);
        if (out == null) {
            return null;
        }
        // longest first, so a secret that contains another is masked whole
        List<String> ordered = secrets.stream().filter(s -> s != null && !s.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : ordered) {
            out = out.replace(secret, MASK);
        }
        return out;
    }
}
