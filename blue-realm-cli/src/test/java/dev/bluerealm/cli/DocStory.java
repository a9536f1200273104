package dev.bluerealm.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands behind docs/cli/realm.md: {@code blue demo} (the RFC's story), its steps shown
 * again in the sections of their commands, then more commands in the folder the demo leaves. Each
 * capture is the text of one block of the doc: {@code $ } lines and what the commands printed.
 */
final class DocStory {
    /** Where the doc says the demo folder is. */
    static final String ROOT = "/tmp/letemcook";

    private final Cli blue;
    private final Path root;
    private final OutputNormalizer normalizer;
    private final Map<String, StringBuilder> captures = new LinkedHashMap<>();
    private final List<List<String>> ran = new ArrayList<>();
    private DemoTranscript demo;

    private DocStory(Path tmp) {
        this.root = tmp.resolve("letemcook");
        this.blue = new Cli(root.resolve(".blue"), tmp.resolve("home"));
        this.normalizer = new OutputNormalizer().path(root, ROOT).path(tmp.resolve("home"), "/home/eric");
    }

    static DocStory run(Path tmp) throws Exception {
        DocStory s = new DocStory(tmp);
        s.tell();
        return s;
    }

    /** Block id → content. */
    Map<String, String> captures() {
        Map<String, String> out = new LinkedHashMap<>();
        captures.forEach((id, text) -> out.put(id, text.toString().stripTrailing()));
        return out;
    }

    /** Every command line run, as arguments after {@code blue}. */
    List<List<String>> ran() {
        return ran;
    }

    private void tell() throws Exception {
        runDemo();
        fromDemo("admin-init", "realm admin init --name letemcook", 1);
        fromDemo("admin-join", "realm admin join letemcook", 2);
        fromDemo("admin-domain-create", "realm admin domain create s3-access --repos aperture,fungal-image-analysis"
                + " --contract s3-permissions", 1);

        run("status-consumer", "fungal-image-analysis", "realm", "status");
        run("status-realm-checkout", ".blue/realms/letemcook", "realm", "status");
        run("status-json", "aperture", "realm", "status", "--offline", "--json");

        run("check", "aperture", "realm", "check", "--mode=exporter");
        run("check", ".blue/realms/letemcook", "realm", "check", "--mode=contract");
        run("check", "fungal-image-analysis", "realm", "check", "--mode=importer");
        run("check-json", "fungal-image-analysis", "realm", "check", "--json");

        write("old.yaml", """
                type: object
                required: [read]
                properties:
                  read: {type: array, items: {type: string}}
                """);
        write("new.yaml", """
                type: object
                required: [read]
                properties:
                  read: {type: array, items: {type: string}}
                  delete: {type: array, items: {type: string}, default: []}
                """);
        run("schema-compat", "", "schema", "compat", "old.yaml", "new.yaml");

        run("cache-stats", "aperture", "realm", "admin", "cache", "stats");
        run("cache-stats", "aperture", "realm", "admin", "cache", "clear");

        run("domain-cycle", "aperture", "realm", "admin", "domain", "create", "feedback-loop", "--repos",
                "fungal-image-analysis,aperture");
        run("domain-list", "aperture", "realm", "admin", "domain", "list");
        run("graph", "aperture", "realm", "graph");
        run("graph", "aperture", "realm", "graph", "--format", "svg", "-o", "realm.svg");
        run("invite", "aperture", "realm", "admin", "invite", "ml-infra");
    }

    private void runDemo() {
        Cli.Result r = blue.run(root.getParent(), "demo", "--dir", root.toString());
        if (r.code() != 0) {
            throw new AssertionError("the demo failed: " + r);
        }
        ran.add(List.of("demo"));
        demo = DemoTranscript.parse(r.out());
        demo.steps().forEach(step -> ran.add(List.of(step.command().split(" "))));
        append("demo", "$ blue demo --dir " + ROOT + "\n" + normalizer.apply(r.out()));
    }

    /** A step of the demo, as a block of its own. */
    private void fromDemo(String id, String command, int nth) {
        DemoTranscript.Step step = demo.step(command, nth)
                .orElseThrow(() -> new AssertionError("the demo has no step " + nth + " running `blue " + command + "`"));
        append(id, "$ " + (step.dir().isEmpty() ? "" : "cd " + step.dir() + " && ") + "blue " + command + "\n"
                + normalizer.apply(step.output()));
    }

    /** Runs {@code blue args} in {@code dir} (relative to the demo folder) and appends it to a block. */
    private Cli.Result run(String id, String dir, String... args) {
        Cli.Result r = blue.run(dir.isEmpty() ? root : root.resolve(dir), args);
        ran.add(List.of(args));
        StringBuilder block = captures.get(id);
        boolean sameDir = block != null && dir.equals(lastDir.get(id));
        lastDir.put(id, dir);
        String shown = "$ " + (sameDir || dir.isEmpty() && block == null ? "" : "cd " + (dir.isEmpty() ? ROOT : dir) + " && ")
                + "blue " + String.join(" ", quoted(args));
        append(id, shown + "\n" + normalizer.apply(r.out() + r.err()));
        return r;
    }

    private final Map<String, String> lastDir = new LinkedHashMap<>();

    private static List<String> quoted(String... args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            out.add(a.matches("[A-Za-z0-9_./=,:@%+-]+") ? a : "\"" + a.replace("\"", "\\\"") + "\"");
        }
        return out;
    }

    private void write(String file, String text) throws Exception {
        Files.writeString(root.resolve(file), text, StandardCharsets.UTF_8);
    }

    private void append(String id, String text) {
        StringBuilder b = captures.computeIfAbsent(id, k -> new StringBuilder());
        if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
            b.append('\n');
        }
        b.append(text);
    }
}
