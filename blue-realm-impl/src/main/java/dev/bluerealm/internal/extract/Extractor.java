package dev.bluerealm.internal.extract;

import dev.bluerealm.internal.hooks.HookPaths;
import dev.bluerealm.internal.hooks.HookRefusedException;
import dev.bluerealm.internal.hooks.HookRunner;
import dev.bluerealm.internal.progress.Progress;
import dev.bluerealm.internal.yaml.Decoder;
import dev.bluerealm.internal.yaml.YamlDocument;
import dev.bluerealm.internal.yaml.YamlReader;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.Extract;
import dev.bluerealm.model.LoadError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads an exported value from the exporter repo's work tree, the way its export binding says
 * (DESIGN §3, "Export extraction"): from {@code blue:export} markers in the source files (the
 * default), from a JSON or YAML file (optionally at a JSON Pointer), or from what a committed
 * script prints. The value is completed with the schema's defaults. Nothing here throws for
 * what the repo holds: missing files, bad markers and failing commands are {@link Problem}s.
 *
 * <p>Every path comes from the realm, which other orgs can write: source files and the
 * {@code file} are read only inside the repo ({@link HookPaths#resolve}); the {@code command}
 * runs only when it is committed, unmodified code of the repo ({@link HookPaths#verifyTracked}).
 */
public final class Extractor {
    /** Largest source file scanned for markers. */
    public static final long MAX_SOURCE_BYTES = 16L * 1024 * 1024;
    /** Largest {@code extract: {file}} read (the limit of every realm file). */
    public static final long MAX_FILE_BYTES = 1024L * 1024;
    /** How much of a failed command's stdout and stderr a problem quotes. */
    static final int QUOTE_LIMIT = 4096;

    private final Path repoRoot;
    private final HookRunner runner;
    private final ScanCache scans;
    private final HookPaths.Resolver sources; // one per extractor: folders resolved once
    private final Progress progress;

    public Extractor(Path repoRoot, HookRunner runner) {
        this(repoRoot, runner, ScanCache.NONE);
    }

    /** An extractor whose marker scans go through {@code scans}. */
    public Extractor(Path repoRoot, HookRunner runner, ScanCache scans) {
        this(repoRoot, runner, scans, Progress.none());
    }

    /** An extractor whose marker scans go through {@code scans}, reporting the files it reads to {@code progress}. */
    public Extractor(Path repoRoot, HookRunner runner, ScanCache scans, Progress progress) {
        this.repoRoot = Objects.requireNonNull(repoRoot, "repoRoot").toAbsolutePath().normalize();
        this.runner = Objects.requireNonNull(runner, "runner");
        this.scans = Objects.requireNonNull(scans, "scans");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.sources = new HookPaths.Resolver(this.repoRoot);
    }

    /**
     * The value {@code export} (a binding's export of {@code contract}) extracts.
     *
     * @param exportedContractNames every contract the binding exports: markers may name any of
     *     them (a source file can serve several exports); a marker naming another is a problem
     */
    public Extraction extract(ExportBinding export, Contract contract, Collection<String> exportedContractNames) {
        if (!export.contract().equals(contract.name())) {
            throw new IllegalArgumentException("the export is of " + export.contract() + ", not " + contract.name());
        }
        Extract how = export.extract();
        if (how instanceof Extract.File) {
            return fromFile(export, contract, ((Extract.File) how).ref());
        }
        if (how instanceof Extract.Command) {
            return fromCommand(export, contract, ((Extract.Command) how).command());
        }
        return fromMarkers(export, contract, exportedContractNames);
    }

    /** The markers of one source file (what a per-file export cache stores), or the problem reading it. */
    public FileScan scan(String sourceFile, Collection<String> exportedContractNames) {
        Source source = readSource(sourceFile);
        if (source.problem() != null) {
            return new FileScan(source.file(), List.of(), List.of(source.problem()));
        }
        return MarkerScanner.scanFile(source.file(), source.text(), exportedContractNames);
    }

    private Extraction fromMarkers(ExportBinding export, Contract contract, Collection<String> exportedContractNames) {
        List<Problem> problems = new ArrayList<>();
        List<String> read = new ArrayList<>();
        List<Marker> markers = new ArrayList<>();
        Set<String> exported = new LinkedHashSet<>(exportedContractNames);
        exported.add(contract.name());
        if (export.sourceFiles().isEmpty()) {
            problems.add(new Problem("", 0, "the export of " + contract.name() + " lists no source_files, so no "
                    + MarkerScanner.KEYWORD + " marker can be found; list the files that hold them"));
        }
        Set<String> seen = new LinkedHashSet<>();
        boolean allRead = true;
        try (Progress.Task task = progress.start("Extracting " + contract.name() + " from source files",
                export.sourceFiles().size())) {
            for (String file : export.sourceFiles()) {
                try {
                    String norm;
                    HookPaths.Resolver.Resolved real;
                    try {
                        norm = HookPaths.normalise(file);
                        real = sources.resolveFile(file);
                    } catch (HookRefusedException e) {
                        problems.add(new Problem(file, 0, "source file: " + e.getMessage()));
                        allRead = false;
                        continue;
                    }
                    if (!seen.add(norm)) {
                        continue; // listed twice: its markers count once
                    }
                    boolean[] failed = {false};
                    FileScan scan = scans.get(norm, real.real(), real.mtime(), exported, () -> {
                        Source source = readSource(file);
                        if (source.problem() != null) {
                            failed[0] = true;
                            return new FileScan(source.file(), List.of(), List.of(source.problem()));
                        }
                        return MarkerScanner.scanFile(source.file(), source.text(), exported);
                    });
                    if (failed[0]) {
                        problems.addAll(scan.problems());
                        allRead = false;
                        continue;
                    }
                    read.add(scan.file());
                    problems.addAll(scan.problems());
                    markers.addAll(scan.markers());
                } finally {
                    task.advance(1);
                }
            }
            task.complete();
        }
        Assembly assembly = ValueAssembler.assemble(contract.name(), contract.schema(), markers);
        problems.addAll(assembly.problems());
        boolean any = markers.stream().anyMatch(m -> m.contract().equals(contract.name()));
        if (!any && allRead && !read.isEmpty()) {
            problems.add(new Problem(read.get(0), 0, "no " + MarkerScanner.KEYWORD + " " + contract.name()
                    + ".<path> marker in " + String.join(", ", read) + "; mark each exported value, e.g. "
                    + MarkerScanner.KEYWORD + " " + contract.name() + "." + firstKey(contract)
                    + " on the line that holds it"));
        }
        return new Extraction(Defaults.complete(contract.schema(), assembly.value()), problems, read);
    }

    private static String firstKey(Contract contract) {
        List<String> keys = Schemas.propertyNames(contract.schema(), contract.schema());
        return keys.isEmpty() ? "<key>" : keys.get(0);
    }

    /** A source file's normal path and text, or the problem (line 0) that kept it from being read. */
    private record Source(String file, String text, Problem problem) {}

    private Source readSource(String file) {
        String norm = file;
        Path real;
        try {
            norm = HookPaths.normalise(file);
            real = HookPaths.resolve(repoRoot, file);
        } catch (HookRefusedException e) {
            return new Source(norm, null, new Problem(norm, 0, "source file: " + e.getMessage()));
        }
        try {
            long size = Files.size(real);
            if (size > MAX_SOURCE_BYTES) {
                return new Source(norm, null, new Problem(norm, 0, "source file is " + size + " bytes; markers are"
                        + " read from files up to " + MAX_SOURCE_BYTES + " bytes"));
            }
            // language-agnostic: bytes that are not UTF-8 cannot be part of a marker and are replaced
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(real))).toString();
            return new Source(norm, text, null);
        } catch (IOException e) {
            return new Source(norm, null, new Problem(norm, 0, "source file cannot be read: " + e.getMessage()));
        }
    }

    private void checkSources(ExportBinding export, List<Problem> problems) {
        for (String file : export.sourceFiles()) {
            try {
                HookPaths.resolve(repoRoot, file);
            } catch (HookRefusedException e) {
                problems.add(new Problem(file, 0, "source file: " + e.getMessage()));
            }
        }
    }

    private Extraction fromFile(ExportBinding export, Contract contract, String ref) {
        List<Problem> problems = new ArrayList<>();
        checkSources(export, problems);
        int hash = ref.indexOf('#');
        String path = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        List<String> tokens;
        try {
            tokens = JsonPointer.parse(pointer);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(path, 0, "extract.file '" + ref + "': " + e.getMessage()));
            return new Extraction(null, problems, List.of());
        }
        String shown = path;
        Path real;
        try {
            shown = HookPaths.normalise(path);
            real = HookPaths.resolve(repoRoot, path);
        } catch (HookRefusedException e) {
            problems.add(new Problem(shown, 0, "extract.file: " + e.getMessage()));
            return new Extraction(null, problems, List.of());
        }
        JsonValue document = readDocument(shown, real, problems);
        if (document == null) {
            return new Extraction(null, problems, List.of(shown));
        }
        JsonValue value = JsonPointer.get(document, tokens);
        if (value == null) {
            problems.add(new Problem(shown, 0, "extract.file '" + ref + "': " + shown + " has nothing at the JSON Pointer '"
                    + pointer + "'"));
            return new Extraction(null, problems, List.of(shown));
        }
        return new Extraction(Defaults.complete(contract.schema(), value), problems, List.of(shown));
    }

    /** A JSON file (by its .json name) or a YAML file (anything else) as a value, or null after adding problems. */
    private static JsonValue readDocument(String shown, Path file, List<Problem> problems) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                problems.add(new Problem(shown, 0, "extract.file is " + size + " bytes; the limit is " + MAX_FILE_BYTES
                        + " (1 MiB)"));
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(new Problem(shown, 0, "extract.file cannot be read: " + e.getMessage()));
            return null;
        }
        if (shown.toLowerCase(Locale.ROOT).endsWith(".json")) {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                problems.add(new Problem(shown, 0, "not valid UTF-8"));
                return null;
            }
            try {
                return Json.parse(text);
            } catch (Json.SyntaxException e) {
                problems.add(new Problem(shown, e.line(), "not valid JSON: " + e.getMessage() + " (column "
                        + e.column() + ")"));
                return null;
            }
        }
        YamlDocument doc = new YamlReader().read(shown, bytes);
        if (!doc.ok()) {
            for (LoadError err : doc.errors()) {
                problems.add(new Problem(shown, Math.max(0, err.line()), err.message()));
            }
            return null;
        }
        if (doc.root() == null) {
            problems.add(new Problem(shown, 0, "the file is empty"));
            return null;
        }
        Decoder decoder = new Decoder(shown);
        JsonValue value = decoder.json(doc.root(), shown);
        for (LoadError err : decoder.errors()) {
            problems.add(new Problem(shown, Math.max(0, err.line()), err.message()));
        }
        return decoder.ok() ? value : null;
    }

    private Extraction fromCommand(ExportBinding export, Contract contract, String command) {
        List<Problem> problems = new ArrayList<>();
        checkSources(export, problems);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BLUE_CONTRACT", contract.name());
        env.put("BLUE_VERSION", contract.version().toString());
        HookRunner.CommandResult r = runner.runCommand(repoRoot, command, env, null);
        String shown = r.script();
        switch (r.outcome()) {
            case REFUSED:
            case NOT_STARTED:
                String hint = command.trim().contains(" ") && r.message().contains("does not exist")
                        ? " (extract.command names a script in the repo and takes no arguments)" : "";
                problems.add(new Problem(shown, 0, "extract.command: " + r.message() + hint));
                return new Extraction(null, problems, List.of());
            case TIMEOUT:
                problems.add(new Problem(shown, 0, "extract.command: " + r.message() + quote(r)));
                return new Extraction(null, problems, List.of(shown));
            default:
                break;
        }
        if (r.exitCode() != 0) {
            problems.add(new Problem(shown, 0, "extract.command " + shown + " failed (exit " + r.exitCode() + ")"
                    + quote(r)));
            return new Extraction(null, problems, List.of(shown));
        }
        if (r.stdoutTruncated()) {
            problems.add(new Problem(shown, 0, "extract.command " + shown + " printed more than "
                    + HookRunner.VALUE_LIMIT + " bytes; a value is at most 1 MiB"));
            return new Extraction(null, problems, List.of(shown));
        }
        String out;
        try {
            out = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(r.stdout())).toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(shown, 0, "extract.command " + shown + " printed bytes that are not UTF-8" + quote(r)));
            return new Extraction(null, problems, List.of(shown));
        }
        JsonValue value;
        try {
            value = Json.parse(out);
        } catch (Json.SyntaxException e) {
            problems.add(new Problem(shown, 0, "extract.command " + shown + " did not print one JSON value on stdout: "
                    + e.getMessage() + " (line " + e.line() + ", column " + e.column() + ")" + quote(r)));
            return new Extraction(null, problems, List.of(shown));
        }
        return new Extraction(Defaults.complete(contract.schema(), value), problems, List.of(shown));
    }

    /** The command's captured output for a problem message: the start of stdout, the end of stderr. */
    private static String quote(HookRunner.CommandResult r) {
        StringBuilder q = new StringBuilder();
        String out = r.stdoutText();
        if (!out.isBlank()) {
            q.append("\n--- stdout ---\n").append(out.length() > QUOTE_LIMIT
                    ? out.substring(0, QUOTE_LIMIT) + "\n[… " + (out.length() - QUOTE_LIMIT) + " more characters]"
                    : out.stripTrailing());
        }
        String err = r.stderr();
        if (!err.isBlank()) {
            q.append("\n--- stderr ---\n").append(err.length() > QUOTE_LIMIT
                    ? "[… " + (err.length() - QUOTE_LIMIT) + " earlier characters]\n" + err.substring(err.length() - QUOTE_LIMIT)
                    : err.stripTrailing());
        }
        return q.toString();
    }
}
