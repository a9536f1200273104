package dev.bluerealm.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code blue demo}'s output split into its steps: the folder each ran in (from its {@code $ cd}
 * lines), the command after {@code $ blue }, and what it printed.
 */
record DemoTranscript(List<DemoTranscript.Step> steps) {
    record Step(String dir, String command, String output) {}

    static DemoTranscript parse(String out) {
        List<Step> steps = new ArrayList<>();
        String dir = "";
        String command = null;
        List<String> output = new ArrayList<>();
        boolean continued = false;
        for (String line : out.split("\n", -1)) {
            if (continued) { // `$ blue a \` then `    --b c`: one command
                command = command.substring(0, command.length() - 1) + line.strip();
                continued = command.endsWith(" \\");
                continue;
            }
            boolean comment = line.startsWith("# ") && (output.isEmpty() || output.get(output.size() - 1).isEmpty());
            if (command != null && (comment || line.startsWith("$ ") || line.startsWith("== "))) {
                steps.add(new Step(dir, command, trimmed(output)));
                command = null;
                output.clear();
            }
            if (line.startsWith("$ cd ")) {
                dir = moved(dir, line.substring("$ cd ".length()).trim());
            } else if (line.startsWith("$ blue ")) {
                command = line.substring("$ blue ".length());
                continued = command.endsWith(" \\");
            } else if (command != null) {
                output.add(line);
            }
        }
        if (command != null) {
            steps.add(new Step(dir, command, trimmed(output)));
        }
        return new DemoTranscript(List.copyOf(steps));
    }

    /** The {@code nth} (1-based) step that ran {@code command}. */
    Optional<Step> step(String command, int nth) {
        return steps.stream().filter(s -> s.command().equals(command)).skip(nth - 1L).findFirst();
    }

    private static String moved(String dir, String to) {
        String[] parts = to.split("/");
        String now = dir;
        for (String p : parts) {
            if (p.equals("..")) {
                now = now.contains("/") ? now.substring(0, now.lastIndexOf('/')) : "";
            } else if (!p.isEmpty() && !p.equals(".")) {
                now = now.isEmpty() ? p : now + "/" + p;
            }
        }
        return now;
    }

    /** The lines without the blank separator that follows a step. */
    private static String trimmed(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isEmpty()) {
            end--;
        }
        return String.join("\n", lines.subList(0, end));
    }
}
