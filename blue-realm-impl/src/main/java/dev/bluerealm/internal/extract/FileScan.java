package dev.bluerealm.internal.extract;

import java.util.List;

/**
 * Everything one source file says through its markers: a pure function of the file's path, its
 * text and the set of exported contract names, so it can be cached per file (keyed on the file's
 * content hash and the exported names).
 *
 * @param file the source file, relative to the repo
 * @param markers well-formed markers naming an exported contract, in line order
 * @param problems malformed markers (no value, bad JSON literal, no path) and markers naming a contract not exported
 */
public record FileScan(String file, List<Marker> markers, List<Problem> problems) {
    public FileScan {
        markers = List.copyOf(markers);
        problems = List.copyOf(problems);
    }
}
