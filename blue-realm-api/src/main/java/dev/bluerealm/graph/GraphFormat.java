package dev.bluerealm.graph;

/**
 * How {@code blue realm graph} draws the realm (realm → domains → repos with their roles, edges from
 * exporter to importer labelled with the contract).
 *
 * @since 0.1
 */
public enum GraphFormat {
    /** A Mermaid flowchart (renders on Forgejo, GitHub and in many editors). */
    MERMAID,
    /** Graphviz DOT. */
    DOT,
    /** A standalone SVG image, laid out by the library itself (no external program). */
    SVG
}
