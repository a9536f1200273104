package dev.bluerealm.internal.schema;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.json.JsonValue.JsonArray;
import dev.bluerealm.json.JsonValue.JsonNumber;
import dev.bluerealm.json.JsonValue.JsonObject;
import dev.bluerealm.json.JsonValue.JsonString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes candidate counterexamples for a step of an inclusion proof A ⊆ B that failed: values around
 * the bounds that differ, and the embedding of a deeper candidate into a whole array or object of A
 * (the other members sampled from A). Candidates are only suggestions: {@link WitnessFinder} keeps
 * the ones the validator confirms.
 */
final class Counterexamples {
    private final Side a;
    private final Side b;

    Counterexamples(Side a, Side b) {
        this.a = a;
        this.b = b;
    }

    /** Instances of A's alternative worth trying as counterexamples: one per type, then more. */
    List<JsonValue> samples(Conj ai, int depth) {
        Set<JsonValue> out = new LinkedHashSet<>();
        for (JType t : ai.types) {
            JsonValue v = Sampler.of(ai, t, depth);
            if (v != null) {
                out.add(v);
            }
        }
        Sampler.several(ai, out.size() + 10, depth, out);
        return new ArrayList<>(out);
    }

    /** Numbers around the bounds and steps of both sides that may be in A and not in B. */
    List<JsonValue> numberCandidates(Conj ai, Conj bc, List<JsonValue> bn) {
        List<JsonValue> cands = new ArrayList<>();
        Numbers.pool(List.of(ai, bc)).forEach(n -> cands.add(new JsonNumber(n)));
        return outside(ai, bn, cands);
    }

    /** Strings of interesting lengths and shapes that may be in A and not in B. */
    List<JsonValue> stringCandidates(Conj ai, Conj bc, List<JsonValue> bn) {
        List<JsonValue> cands = new ArrayList<>();
        Sampler.strings(List.of(ai, bc), new ArrayList<>()).forEach(s -> cands.add(new JsonString(s)));
        return outside(ai, bn, cands);
    }

    /** The candidates the evaluator does not rule out of A and does not prove to be in B (at most 3). */
    List<JsonValue> outside(Conj ai, List<JsonValue> bn, List<JsonValue> cands) {
        List<JsonValue> out = new ArrayList<>();
        for (JsonValue v : cands) {
            if (v != null && !out.contains(v) && Evaluator.member(ai, v) != Tri.FALSE
                    && Evaluator.all(b, bn, v) != Tri.TRUE) {
                out.add(v);
                if (out.size() == 3) {
                    break;
                }
            }
        }
        return out;
    }

    static JsonValue nullable(JsonValue v) {
        return v == null ? JsonValue.NULL : v;
    }

    /** An array of A with {@code v} at position {@code at} (other positions sampled), or null. */
    JsonValue arrayWith(Conj ai, int at, JsonValue v, int depth) {
        List<JsonValue> items = new ArrayList<>();
        for (int j = 0; j < Math.max(at + 1, Math.min(ai.minItems, 64)); j++) {
            JsonValue item = j == at ? v : Sampler.sample(a, ai.itemAt(j), depth + 1);
            if (item == null) {
                return null;
            }
            items.add(item);
        }
        return new JsonArray(items);
    }

    /** An array of A with one item repeated (against B's uniqueItems), or null. */
    JsonValue duplicates(Conj ai, int depth) {
        JsonValue x = Sampler.sample(a, ai.itemAt(0), depth + 1);
        if (x == null) {
            return null;
        }
        List<JsonValue> items = new ArrayList<>();
        for (long i = 0; i < Math.max(2, Math.min(ai.minItems, 64)); i++) {
            items.add(x);
        }
        return new JsonArray(items);
    }

    /** An object of A (sampled once into {@code base}) with member {@code name} set to {@code v}. */
    JsonValue objectWith(Conj ai, JsonValue[] base, String name, JsonValue v, int depth) {
        if (base[0] == null) {
            JsonValue sample = Sampler.object(ai, Set.of(), 0, depth);
            base[0] = sample == null ? new JsonObject(Map.of()) : sample;
        }
        Map<String, JsonValue> members = new LinkedHashMap<>(((JsonObject) base[0]).members());
        members.put(name, v);
        return new JsonObject(members);
    }
}
