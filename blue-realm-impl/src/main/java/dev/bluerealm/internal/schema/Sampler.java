package dev.bluerealm.internal.schema;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.json.JsonValue.JsonArray;
import dev.bluerealm.json.JsonValue.JsonBoolean;
import dev.bluerealm.json.JsonValue.JsonNumber;
import dev.bluerealm.json.JsonValue.JsonObject;
import dev.bluerealm.json.JsonValue.JsonString;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds instances valid under a schema (best effort: the {@link Evaluator} must not reject them;
 * witnesses made from them are confirmed by the validator anyway). Used to embed a counterexample
 * found deep inside a schema into a whole instance, and to make counterexamples for bounds.
 */
final class Sampler {
    private static final int MAX_DEPTH = 12;
    private static final int MAX_STRING = 4096;
    private static final List<String> STRINGS = List.of("", "a", "ab", "abc", "xyz", "hello", "Hello", "A", "Z",
            "0", "1", "42", "a1", "abc123", "a-b", "a_b", "a.b", "a/b", "a b", "-", "_", ".", "test",
            "x@example.com", "2024-01-01", "https://example.com", "jobs/*", "\u00e9");

    private Sampler() {}

    /** An instance valid under the conjunction of {@code schemas}, or null. */
    static JsonValue sample(Side side, List<JsonValue> schemas, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        for (Conj c : Normalizer.dnf(side, schemas)) {
            JsonValue v = of(c, null, depth);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** An instance valid under {@code schemas} and not in {@code avoid}, or null. */
    static JsonValue sampleOther(Side side, List<JsonValue> schemas, Set<JsonValue> avoid, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        for (Conj c : Normalizer.dnf(side, schemas)) {
            for (JsonValue v : candidates(c, null, depth)) {
                if (!avoid.contains(v) && Evaluator.member(c, v) != Tri.FALSE) {
                    return v;
                }
            }
        }
        return null;
    }

    /** An instance of the conjunction (of type {@code only}, when not null), or null. */
    static JsonValue of(Conj c, JType only, int depth) {
        if (c.empty || depth > MAX_DEPTH) {
            return null;
        }
        if (c.enumValues != null) {
            for (JsonValue v : c.enumValues) {
                if ((only == null || JType.of(v) == only) && Evaluator.member(c, v) != Tri.FALSE) {
                    return v;
                }
            }
            return null;
        }
        for (JsonValue v : hints(c.parts)) {
            if ((only == null || JType.of(v) == only) && Evaluator.member(c, v) == Tri.TRUE) {
                return v;
            }
        }
        for (JType t : c.types) {
            if (only != null && t != only) {
                continue;
            }
            JsonValue v = build(c, t, depth);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /**
     * Several distinct instances of the conjunction of {@code schemas} (at most {@code max}; the
     * evaluator does not reject them): enum members, hints, numbers and strings around the bounds.
     */
    static List<JsonValue> several(Side side, List<JsonValue> schemas, int max, int depth) {
        Set<JsonValue> out = new LinkedHashSet<>();
        for (Conj c : Normalizer.dnf(side, schemas)) {
            several(c, max, depth, out);
        }
        return new ArrayList<>(out);
    }

    /** Adds instances of {@code c} to {@code out} until it holds {@code max}. */
    static void several(Conj c, int max, int depth, Set<JsonValue> out) {
        for (JsonValue v : candidates(c, null, depth)) {
            if (out.size() >= max) {
                return;
            }
            if (!out.contains(v) && Evaluator.member(c, v) != Tri.FALSE) {
                out.add(v);
            }
        }
    }

    /** Several instances of the conjunction worth trying (not all need be valid). */
    private static List<JsonValue> candidates(Conj c, JType only, int depth) {
        List<JsonValue> out = new ArrayList<>();
        if (c.enumValues != null) {
            out.addAll(c.enumValues);
            return out;
        }
        out.addAll(hints(c.parts));
        for (JType t : c.types) {
            if (only != null && t != only) {
                continue;
            }
            switch (t) {
                case NULL -> out.add(JsonValue.NULL);
                case BOOLEAN -> {
                    out.add(new JsonBoolean(false));
                    out.add(new JsonBoolean(true));
                }
                case NUMBER -> Numbers.pool(List.of(c)).forEach(n -> out.add(new JsonNumber(n)));
                case STRING -> strings(List.of(c), new ArrayList<>()).forEach(s -> out.add(new JsonString(s)));
                default -> {
                    JsonValue v = build(c, t, depth);
                    if (v != null) {
                        out.add(v);
                    }
                }
            }
        }
        return out;
    }

    private static JsonValue build(Conj c, JType t, int depth) {
        switch (t) {
            case NULL:
                return accept(c, JsonValue.NULL);
            case BOOLEAN: {
                JsonValue v = accept(c, new JsonBoolean(false));
                return v != null ? v : accept(c, new JsonBoolean(true));
            }
            case NUMBER: {
                Conj.Bound lo = Numbers.effectiveLower(c);
                if (lo != null && !lo.exclusive()) {
                    JsonValue v = accept(c, new JsonNumber(lo.value()));
                    if (v != null) {
                        return v;
                    }
                }
                for (BigDecimal n : Numbers.pool(List.of(c))) {
                    JsonValue v = accept(c, new JsonNumber(n));
                    if (v != null) {
                        return v;
                    }
                }
                return null;
            }
            case STRING: {
                if (c.minLength <= MAX_STRING) {
                    JsonValue v = accept(c, new JsonString("a".repeat((int) c.minLength)));
                    if (v != null) {
                        return v;
                    }
                }
                for (String s : strings(List.of(c), new ArrayList<>())) {
                    JsonValue v = accept(c, new JsonString(s));
                    if (v != null) {
                        return v;
                    }
                }
                return null;
            }
            case ARRAY:
                return accept(c, array(c, (int) Math.min(c.minItems, 64), depth));
            case OBJECT:
                return accept(c, object(c, Set.of(), 0, depth));
            default:
                return null;
        }
    }

    private static JsonValue accept(Conj c, JsonValue v) {
        return v != null && Evaluator.member(c, v) != Tri.FALSE ? v : null;
    }

    /** An array of {@code n} items valid at their positions (distinct when the conjunction asks). */
    static JsonValue array(Conj c, int n, int depth) {
        List<JsonValue> items = new ArrayList<>();
        Set<JsonValue> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            JsonValue v = c.unique ? sampleOther(c.side, c.itemAt(i), seen, depth + 1)
                    : sample(c.side, c.itemAt(i), depth + 1);
            if (v == null) {
                return null;
            }
            items.add(v);
            seen.add(v);
        }
        return new JsonArray(items);
    }

    /**
     * An object with the required properties (none of {@code avoid}), padded to at least
     * {@code atLeast} members (and minProperties) with optional or additional properties.
     */
    static JsonValue object(Conj c, Set<String> avoid, long atLeast, int depth) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (String p : c.required) {
            if (avoid.contains(p)) {
                return null;
            }
            JsonValue v = sample(c.side, c.propOr(p), depth + 1);
            if (v == null) {
                return null;
            }
            members.put(p, v);
        }
        long need = Math.min(Math.max(c.minProps, atLeast), 256) - members.size();
        for (Map.Entry<String, List<JsonValue>> e : c.props.entrySet()) {
            if (need <= 0) {
                break;
            }
            if (members.containsKey(e.getKey()) || avoid.contains(e.getKey()) || Keywords.anyFalse(e.getValue())) {
                continue;
            }
            JsonValue v = sample(c.side, e.getValue(), depth + 1);
            if (v != null) {
                members.put(e.getKey(), v);
                need--;
            }
        }
        int i = 0;
        while (need > 0) {
            if (Keywords.anyFalse(c.additional)) {
                return null;
            }
            String name = freshName(i++, c.props.keySet(), avoid, members.keySet());
            JsonValue v = sample(c.side, c.additional, depth + 1);
            if (v == null) {
                return null;
            }
            members.put(name, v);
            need--;
        }
        return new JsonObject(members);
    }

    /** A property name in none of the given sets: {@code extra}, {@code extra1}, ... (from {@code from}). */
    @SafeVarargs
    static String freshName(int from, Collection<String>... taken) {
        for (int i = from; ; i++) {
            String name = i == 0 ? "extra" : "extra" + i;
            boolean free = true;
            for (Collection<String> t : taken) {
                free &= !t.contains(name);
            }
            if (free) {
                return name;
            }
        }
    }

    /** Values the schemas themselves suggest: default, examples, const and enum members. */
    static List<JsonValue> hints(List<JsonValue> schemas) {
        Set<JsonValue> out = new LinkedHashSet<>();
        for (JsonValue s : schemas) {
            if (s instanceof JsonObject o) {
                addHint(out, o.get("default"));
                addHint(out, o.get("const"));
                if (o.get("examples") instanceof JsonArray a) {
                    a.items().forEach(v -> addHint(out, v));
                }
                if (o.get("enum") instanceof JsonArray a) {
                    a.items().forEach(v -> addHint(out, v));
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static void addHint(Set<JsonValue> out, JsonValue v) {
        if (v != null && out.size() < 16) {
            out.add(v);
        }
    }

    /** Strings worth trying: hints, common shapes, and strings of the lengths the bounds make interesting. */
    static List<String> strings(List<Conj> cs, List<String> out) {
        Set<String> seeds = new LinkedHashSet<>();
        Set<Long> lengths = new LinkedHashSet<>();
        for (Conj c : cs) {
            for (JsonValue h : hints(c.parts)) {
                if (h instanceof JsonString s) {
                    seeds.add(s.value());
                }
            }
            lengths.add(c.minLength);
            lengths.add(c.minLength - 1);
            if (c.maxLength != null) {
                lengths.add(c.maxLength);
                lengths.add(c.maxLength + 1);
            }
        }
        seeds.addAll(STRINGS);
        Set<String> all = new LinkedHashSet<>(seeds);
        for (long len : lengths) {
            if (len < 0 || len > MAX_STRING) {
                continue;
            }
            all.add("a".repeat((int) len));
            int k = 0;
            for (String seed : seeds) {
                if (k++ > 6) {
                    break;
                }
                int cps = seed.codePointCount(0, seed.length());
                if (cps < len) {
                    all.add(seed + "a".repeat((int) (len - cps)));
                } else if (cps > len) {
                    all.add(seed.substring(0, seed.offsetByCodePoints(0, (int) len)));
                }
            }
        }
        out.addAll(all);
        return out;
    }
}
