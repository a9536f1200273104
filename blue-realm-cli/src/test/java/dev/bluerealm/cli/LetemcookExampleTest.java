package dev.bluerealm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.internal.extract.Extraction;
import dev.bluerealm.internal.extract.Extractor;
import dev.bluerealm.internal.hooks.HookRunner;
import dev.bluerealm.internal.yaml.RealmCodec;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.ImportBinding;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/letemcook as the demo reads it (from the class path, as packed by the build): its realm files
 * load; each exporter's markers extract to exactly the value its contract holds; each importer's binding
 * file exists; the importer hook passes; and the demo's edits apply and change what they should. So the
 * example and the demo cannot drift apart.
 */
class LetemcookExampleTest {
    private final RealmCodec codec = new RealmCodec();
    @TempDir Path tmp;
    LetemcookExample example;
    final Map<String, Contract> contracts = new LinkedHashMap<>();
    final List<Binding> bindings = new ArrayList<>();

    @BeforeEach
    void load() throws Exception {
        example = LetemcookExample.load();
        assertEquals(Set.of("aperture", "fungal-image-analysis", "ml-infra", "realm"), example.files().keySet());
        for (Map.Entry<String, String> f : example.of(LetemcookExample.REALM).entrySet()) {
            byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
            if (f.getKey().contains("/contracts/")) {
                RealmCodec.Decoded<Contract> c = codec.contract(f.getKey(), bytes);
                assertEquals(List.of(), c.errors(), f.getKey());
                contracts.put(c.value().name(), c.value());
            } else if (f.getKey().contains("/bindings/")) {
                RealmCodec.Decoded<Binding> b = codec.binding(f.getKey(), bytes);
                assertEquals(List.of(), b.errors(), f.getKey());
                bindings.add(b.value());
            }
        }
        assertEquals(Set.of("s3-permissions", "training-datasets"), contracts.keySet());
        assertEquals(4, bindings.size());
    }

    /** A repo of the example written out, after {@code edits}. */
    private Path repo(String name, DemoCommand.Edit... edits) throws Exception {
        Path root = tmp.resolve(name + "-" + edits.length);
        for (Map.Entry<String, String> f : example.of(name).entrySet()) {
            String text = f.getValue();
            for (DemoCommand.Edit e : edits) {
                text = e.repo().equals(name) && e.file().equals(f.getKey()) ? e.apply(text) : text;
            }
            Path file = root.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        }
        return root;
    }

    private Extraction extract(String repo, String contract, DemoCommand.Edit... edits) throws Exception {
        Binding binding = bindings.stream().filter(b -> b.repo().equals(repo) && !b.exports().isEmpty()
                && b.exports().stream().anyMatch(e -> e.contract().equals(contract))).findFirst().orElseThrow();
        ExportBinding export = binding.exports().stream().filter(e -> e.contract().equals(contract)).findFirst()
                .orElseThrow();
        Extraction x = new Extractor(repo(repo, edits), new HookRunner()).extract(export, contracts.get(contract),
                binding.exports().stream().map(ExportBinding::contract).toList());
        assertEquals(List.of(), x.problems(), repo + " " + contract);
        return x;
    }

    @Test
    void everyExport_extractsToItsContractsValue() throws Exception {
        int exports = 0;
        for (Binding b : bindings) {
            for (ExportBinding e : b.exports()) {
                Contract c = contracts.get(e.contract());
                assertEquals(b.repo(), c.owner(), "the exporter owns " + c.name());
                assertEquals(c.value(), extract(b.repo(), e.contract()).value(), b.repo() + " exports " + c.name());
                exports++;
            }
        }
        assertEquals(2, exports);
    }

    @Test
    void everyImport_namesABindingFileOfItsRepo_atTheContractsVersion() throws Exception {
        int imports = 0;
        for (Binding b : bindings) {
            for (ImportBinding i : b.imports()) {
                assertNotNull(i.binding(), b.repo() + " " + i.contract());
                assertTrue(example.of(b.repo()).containsKey(i.binding()), b.repo() + " has no " + i.binding());
                assertEquals(contracts.get(i.contract()).version().toString(), i.resolvedVersion());
                imports++;
            }
        }
        assertEquals(2, imports);
    }

    @Test
    void theDemosEdits_addTheRfcsPaths() throws Exception {
        JsonValue experiments = extract("aperture", "s3-permissions", DemoCommand.EXPERIMENTS).value();
        assertEquals(List.of("jobs/*/*/manifest.json", "training-metrics/*", "training-metrics/experiments/*"),
                strings(experiments, "write"));
        assertEquals(strings(contracts.get("s3-permissions").value(), "read"), strings(experiments, "read"));
        JsonValue v2 = extract("aperture", "s3-permissions", DemoCommand.EXPERIMENTS, DemoCommand.V2).value();
        assertEquals(List.of("jobs/*/*/manifest.json", "training-metrics/*", "training-metrics/experiments/*",
                "training-metrics/v2/*"), strings(v2, "write"));
    }

    @Test
    void importerHook_passesOnTheExample_failsOnANewPath_untilTheDemoGrantsIt() throws Exception {
        Contract s3 = contracts.get("s3-permissions");
        String hook = s3.validation().importer();
        assertEquals("scripts/validate-iam-policy.sh", hook);
        JsonValue withExperiments = extract("aperture", "s3-permissions", DemoCommand.EXPERIMENTS).value();

        assertEquals(0, runHook(repo("fungal-image-analysis"), hook, s3.value()).code);
        HookRun missing = runHook(repo("fungal-image-analysis"), hook, withExperiments);
        assertEquals(1, missing.code);
        assertEquals("IAM policy lacks training-metrics/experiments/*: add it to cdk/training_tools_access_stack.py\n",
                missing.output);
        assertEquals(0, runHook(repo("fungal-image-analysis", DemoCommand.GRANT_EXPERIMENTS), hook,
                withExperiments).code);
        JsonValue withV2 = extract("aperture", "s3-permissions", DemoCommand.EXPERIMENTS, DemoCommand.V2).value();
        assertEquals(0, runHook(repo("fungal-image-analysis", DemoCommand.GRANT_EXPERIMENTS, DemoCommand.GRANT_V2), hook,
                withV2).code);
    }

    private record HookRun(int code, String output) {}

    /** The hook as blue runs it: with sh in the repo, the contract as JSON on stdin. */
    private static HookRun runHook(Path repo, String hook, JsonValue value) throws Exception {
        Process p = new ProcessBuilder("sh", hook).directory(repo.toFile()).redirectErrorStream(true).start();
        String input = "{\"contract\":\"s3-permissions\",\"domain\":\"s3-access\",\"version\":\"1.5.0\",\"value\":"
                + value.toJson() + ",\"schema\":{\"type\":\"object\"}}";
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new HookRun(p.exitValue(), out.toString(StandardCharsets.UTF_8));
    }

    private static List<String> strings(JsonValue value, String key) {
        return ((JsonValue.JsonArray) ((JsonValue.JsonObject) value).get(key)).items().stream()
                .map(v -> ((JsonValue.JsonString) v).value()).toList();
    }
}
