package dev.bluerealm.model;

import java.util.regex.Pattern;

/**
 * The one rule for realm, repo, domain and contract names: {@code [a-z0-9][a-z0-9._-]{0,63}}.
 * Realm content comes from other orgs, so a name is checked before it is ever used as a path.
 *
 * @since 0.1
 */
public final class Names {
    /** The pattern every name matches. */
    public static final String PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private Names() {}

    /** True when {@code name} may be used as a realm, repo, domain or contract name. */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /**
     * Returns {@code name} if valid.
     *
     * @throws IllegalArgumentException naming the kind of name and the rule, when invalid
     */
    public static String require(String kind, String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException(describe(kind, name));
        }
        return name;
    }

    /** The message for an invalid name: what it is, and the rule it breaks. */
    public static String describe(String kind, String name) {
        return "invalid " + kind + " name '" + name + "': names must match " + PATTERN
                + " (lower-case letters, digits, '.', '_', '-'; at most 64 characters)";
    }
}
