package dev.bluerealm.internal.forge.local;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.bluerealm.internal.yaml.RecordGenerators;
import dev.bluerealm.sync.PullRequest;
import dev.bluerealm.sync.PullRequest.Acknowledgement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random pull request records for property tests, built from the realm generators' hostile text
 * (quotes, backslashes, control characters, line breaks of every kind, non-BMP characters).
 */
final class PullGenerators {
    private PullGenerators() {}

    /** Branch names as sync and feature work names them, slashes included. */
    static final List<String> BRANCHES = List.of("main", "sync/aperture/20260124-103000", "feat/training-metrics-v2",
            "release/1.x", "a", "x/y/z-1.2_3", "sync/fungal-image-analysis/20260131-235959", "user/éric/fix");

    static Gen<Instant> instants() {
        Gen<Long> seconds = longs().between(0, 4_102_444_800L); // 1970 … 2100
        Gen<Integer> nanos = Generate.frequency(org.quicktheories.api.Pair.of(3, Generate.constant(0)),
                org.quicktheories.api.Pair.of(1, integers().between(0, 999_999_999)));
        return seconds.zip(nanos, Instant::ofEpochSecond);
    }

    static Gen<Acknowledgement> acknowledgements() {
        return in -> new Acknowledgement(RecordGenerators.name().generate(in), RecordGenerators.nonBlank().generate(in),
                instants().generate(in), Generate.pick(List.of("1.5.0", "2.0.0-rc.1", "1.4.0+build.7", " 1.0 "))
                        .generate(in));
    }

    static Gen<PullRecord> records() {
        Gen<Integer> number = Generate.frequency(org.quicktheories.api.Pair.of(4, integers().between(1, 100)),
                org.quicktheories.api.Pair.of(1, integers().between(1, Integer.MAX_VALUE)));
        Gen<Integer> branch = integers().between(0, BRANCHES.size() - 1);
        Gen<PullRequest.State> state = Generate.enumValues(PullRequest.State.class);
        Gen<String> hex = in -> {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                s.append("0123456789abcdef".charAt(integers().between(0, 15).generate(in)));
            }
            return s.toString();
        };
        return in -> {
            int h = branch.generate(in);
            int b = (h + 1 + integers().between(0, BRANCHES.size() - 2).generate(in)) % BRANCHES.size();
            // unique per repo and version, and per approver, as a record requires
            Map<List<String>, Acknowledgement> acks = new LinkedHashMap<>();
            for (Acknowledgement a : RecordGenerators.lists(acknowledgements(), 0, 4).generate(in)) {
                acks.putIfAbsent(List.of(a.repo(), a.version()), a);
            }
            Map<String, Approval> approvals = new LinkedHashMap<>();
            for (String by : RecordGenerators.lists(RecordGenerators.nonBlank(), 0, 3).generate(in)) {
                approvals.putIfAbsent(by, new Approval(by, instants().generate(in)));
            }
            PullRequest.State s = state.generate(in);
            boolean merged = s == PullRequest.State.MERGED;
            return new PullRecord(number.generate(in), RecordGenerators.nonBlank().generate(in),
                    RecordGenerators.text().generate(in), BRANCHES.get(h), BRANCHES.get(b),
                    RecordGenerators.name().generate(in), RecordGenerators.nonBlank().generate(in), instants().generate(in),
                    s, RecordGenerators.lists(RecordGenerators.nonBlank(), 0, 4).generate(in), List.copyOf(acks.values()),
                    List.copyOf(approvals.values()), booleans().all().generate(in),
                    RecordGenerators.nullOr(instants()).generate(in), merged ? hex.generate(in) : null,
                    merged ? instants().generate(in) : null);
        };
    }
}
