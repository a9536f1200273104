package dev.bluerealm.internal.yaml;

/**
 * The bounds on any YAML file the tool reads (DESIGN §3): realm files come from other orgs.
 *
 * @param maxBytes largest file
 * @param maxDepth deepest nesting of lists and mappings
 * @param maxAliases most aliases in one file
 * @param maxExpandedNodes most nodes once every alias is expanded
 */
public record YamlLimits(int maxBytes, int maxDepth, int maxAliases, long maxExpandedNodes) {
    public static final YamlLimits DEFAULT = new YamlLimits(1024 * 1024, 64, 100, 10_000);
}
