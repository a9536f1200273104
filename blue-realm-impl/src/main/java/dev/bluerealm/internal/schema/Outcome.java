package dev.bluerealm.internal.schema;

import dev.bluerealm.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The result of trying to prove an inclusion A ⊆ B: it holds, or it is not proven, with a reason per
 * failed step and candidate instances (in A, perhaps not in B) that a witness may be made of.
 * "Not proven" is not "does not hold": only a confirmed witness says that.
 */
final class Outcome {
    /** One step that could not be proven, and instances that might show it fails. */
    record Failure(String reason, List<JsonValue> candidates) {}

    static final int MAX_FAILURES = 8;
    private static final int MAX_CANDIDATES = 16;
    private static final Outcome HOLDS = new Outcome(List.of());

    final List<Failure> failures;

    private Outcome(List<Failure> failures) {
        this.failures = failures;
    }

    static Outcome proven() {
        return HOLDS;
    }

    static Outcome fail(String reason, List<JsonValue> candidates) {
        List<JsonValue> c = new ArrayList<>();
        for (JsonValue v : candidates) {
            if (v != null && !c.contains(v) && c.size() < MAX_CANDIDATES) {
                c.add(v);
            }
        }
        return new Outcome(List.of(new Failure(reason, List.copyOf(c))));
    }

    boolean holds() {
        return failures.isEmpty();
    }

    /** The first failure's reason. */
    String reason() {
        return failures.isEmpty() ? "" : failures.get(0).reason();
    }

    /** All candidates, in failure order. */
    List<JsonValue> candidates() {
        List<JsonValue> all = new ArrayList<>();
        failures.forEach(f -> all.addAll(f.candidates()));
        return all;
    }

    /** The same failures, each candidate embedded by {@code f} (which returns null to drop it). */
    Outcome lift(UnaryOperator<JsonValue> f) {
        if (holds()) {
            return this;
        }
        List<Failure> out = new ArrayList<>();
        for (Failure failure : failures) {
            List<JsonValue> c = new ArrayList<>();
            for (JsonValue v : failure.candidates()) {
                JsonValue lifted = f.apply(v);
                if (lifted != null) {
                    c.add(lifted);
                }
            }
            out.add(new Failure(failure.reason(), List.copyOf(c)));
        }
        return new Outcome(List.copyOf(out));
    }

    /** The same failures with each reason rewritten by {@code f}. */
    Outcome reword(UnaryOperator<String> f) {
        List<Failure> out = new ArrayList<>();
        failures.forEach(x -> out.add(new Failure(f.apply(x.reason()), x.candidates())));
        return new Outcome(List.copyOf(out));
    }

    /** Holds when all hold; otherwise the failures of all (at most {@link #MAX_FAILURES}). */
    static Outcome all(List<Outcome> outcomes) {
        List<Failure> out = new ArrayList<>();
        for (Outcome o : outcomes) {
            for (Failure f : o.failures) {
                if (out.size() < MAX_FAILURES) {
                    out.add(f);
                }
            }
        }
        return out.isEmpty() ? HOLDS : new Outcome(List.copyOf(out));
    }
}
