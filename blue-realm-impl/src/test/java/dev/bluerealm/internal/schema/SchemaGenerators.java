package dev.bluerealm.internal.schema;

import static org.quicktheories.generators.SourceDSL.longs;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.json.JsonValue.JsonArray;
import dev.bluerealm.json.JsonValue.JsonBoolean;
import dev.bluerealm.json.JsonValue.JsonNumber;
import dev.bluerealm.json.JsonValue.JsonObject;
import dev.bluerealm.json.JsonValue.JsonString;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.quicktheories.core.Gen;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generators for the schema comparator's properties: recursive schemas over the whole vocabulary
 * (with {@code $defs} and guarded recursive {@code $ref}s), random edits of a schema, simple object
 * schemas with edits whose effect is known, and instances valid under a given schema (guided by the
 * schema, then kept only when the real validator accepts them).
 *
 * <p>Everything is drawn from a {@link Random} seeded by QuickTheories, so a failing example is
 * reproduced by its seed.
 */
final class SchemaGenerators {
    /** One validator (and cache) for every test of this package, as the engine keeps one. */
    static final SchemaValidator VALIDATOR = new SchemaValidator();

    static final List<String> NAMES = List.of("a", "b", "c", "d");
    static final List<String> PATTERNS = List.of("^a", "b$", "^[a-c]*$", "x");
    private static final List<String> WORDS = List.of("", "a", "b", "ab", "ba", "abc", "cab", "x", "xa", "bb", "aaaa");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private SchemaGenerators() {}

    /** Parses JSON, with single quotes allowed for readability in tests. */
    static JsonValue json(String text) {
        return JsonNodes.fromNode(MAPPER.readTree(text.replace('\'', '"')));
    }

    // ------------------------------------------------------------------ schemas

    /** Recursive schemas of the whole vocabulary (depth ≤ 3), sometimes with $defs and $refs. */
    static Gen<JsonValue> schemas() {
        return seeded(SchemaGenerators::schema);
    }

    /** Pairs: a schema and either an unrelated schema or a random edit of it (two thirds of the time). */
    static Gen<JsonValue[]> pairs() {
        return seeded(r -> {
            JsonValue s = schema(r);
            JsonValue t = r.nextInt(3) == 0 ? schema(r) : mutate(s, r, 1 + r.nextInt(2));
            return new JsonValue[] {s, t};
        });
    }

    /** A simple object schema and one edit that loosens it (so the edited schema contains the original). */
    static Gen<Edit> loosenings() {
        return seeded(r -> {
            while (true) {
                JsonValue base = simpleObject(r);
                Edit e = loosen(base, r);
                if (e != null) {
                    return e;
                }
            }
        });
    }

    /** Schemas, and schemas with one keyword somewhere set to a random value (often invalid). */
    static Gen<JsonValue> possiblyInvalidSchemas() {
        return seeded(r -> {
            JsonValue s = schema(r);
            if (r.nextInt(4) == 0) {
                return s;
            }
            List<List<String>> places = new ArrayList<>();
            places(s, new ArrayList<>(), places);
            List<String> at = places.get(r.nextInt(places.size()));
            return replaceAt(s, at, 0, node -> {
                Map<String, JsonValue> m = node instanceof JsonObject o ? new LinkedHashMap<>(o.members())
                        : new LinkedHashMap<>();
                m.put(pick(r, CORRUPTIBLE), any(r, 2));
                return new JsonObject(m);
            });
        });
    }

    private static final String[] CORRUPTIBLE = {"type", "enum", "minimum", "maxLength", "pattern", "items",
        "prefixItems", "properties", "required", "additionalProperties", "anyOf", "not", "uniqueItems", "minItems",
        "multipleOf", "const", "format", "$ref", "dependentRequired", "title", "x-extension"};

    /** An edit of a schema: {@code looser} accepts everything {@code tighter} accepts, and more. */
    record Edit(String what, JsonValue tighter, JsonValue looser) {
        @Override
        public String toString() {
            return what + ":\n  tighter " + tighter.toJson() + "\n  looser  " + looser.toJson();
        }
    }

    static <T> Gen<T> seeded(Function<Random, T> f) {
        return longs().all().map(seed -> f.apply(new Random(seed)));
    }

    static JsonValue schema(Random r) {
        boolean defs = r.nextInt(4) == 0;
        JsonValue body = node(r, 3, defs);
        if (!defs) {
            return body;
        }
        Map<String, JsonValue> root = new LinkedHashMap<>();
        root.put("$defs", obj("d0", recursiveDef(r)));
        if (body instanceof JsonObject o) {
            root.putAll(o.members());
            if (r.nextBoolean()) {
                root.put("$ref", str("#/$defs/d0"));
            }
        } else {
            root.put("allOf", arr(body));
        }
        return new JsonObject(root);
    }

    /** A definition that may refer to itself, but only under a property or item (a guarded cycle). */
    private static JsonValue recursiveDef(Random r) {
        Map<String, JsonValue> props = new LinkedHashMap<>();
        props.put("v", node(r, 1, false));
        props.put("next", r.nextBoolean() ? obj("$ref", str("#/$defs/d0"))
                : obj("type", str("array"), "items", obj("$ref", str("#/$defs/d0"))));
        Map<String, JsonValue> d = new LinkedHashMap<>();
        d.put("type", str("object"));
        d.put("properties", new JsonObject(props));
        if (r.nextBoolean()) {
            d.put("required", arr(str("v")));
        }
        return new JsonObject(d);
    }

    private static JsonValue node(Random r, int depth, boolean refs) {
        int kind = r.nextInt(depth <= 0 ? 4 : 11);
        Map<String, JsonValue> s = new LinkedHashMap<>();
        switch (kind) {
            case 0 -> stringKeywords(r, s);
            case 1 -> numberKeywords(r, s);
            case 2 -> {
                if (r.nextBoolean()) {
                    s.put("enum", scalars(r));
                } else {
                    s.put("const", r.nextInt(4) == 0 ? scalars(r) : scalar(r));
                }
            }
            case 3 -> {
                if (r.nextInt(4) == 0) {
                    return new JsonBoolean(r.nextInt(3) != 0);
                }
                s.put("type", r.nextBoolean() ? str(pick(r, "null", "boolean", "string", "integer", "number"))
                        : arr(str("string"), str(pick(r, "null", "integer", "number", "boolean"))));
            }
            case 4, 5 -> arrayKeywords(r, s, depth, refs);
            case 6, 7 -> objectKeywords(r, s, depth, refs);
            case 8 -> s.put(pick(r, "anyOf", "oneOf", "allOf"), arr(node(r, depth - 1, refs), node(r, depth - 1, refs)));
            case 9 -> {
                s.put("type", str(pick(r, "string", "integer", "object")));
                s.put("not", node(r, depth - 1, refs));
            }
            default -> {
                if (refs) {
                    s.put("$ref", str("#/$defs/d0"));
                } else {
                    stringKeywords(r, s);
                }
            }
        }
        if (r.nextInt(5) == 0) {
            s.put("description", str("d" + r.nextInt(3)));
        }
        if (r.nextInt(6) == 0) {
            s.put("default", scalar(r));
        }
        return new JsonObject(s);
    }

    private static void stringKeywords(Random r, Map<String, JsonValue> s) {
        s.put("type", str("string"));
        if (r.nextBoolean()) {
            s.put("minLength", num(r.nextInt(3)));
        }
        if (r.nextBoolean()) {
            s.put("maxLength", num(1 + r.nextInt(5)));
        }
        if (r.nextInt(4) == 0) {
            s.put("pattern", str(pick(r, PATTERNS.toArray(new String[0]))));
        }
        if (r.nextInt(6) == 0) {
            s.put("format", str("email"));
        }
    }

    private static void numberKeywords(Random r, Map<String, JsonValue> s) {
        s.put("type", str(r.nextBoolean() ? "integer" : "number"));
        if (r.nextBoolean()) {
            s.put(r.nextBoolean() ? "minimum" : "exclusiveMinimum", num(r.nextInt(6) - 2));
        }
        if (r.nextBoolean()) {
            s.put(r.nextBoolean() ? "maximum" : "exclusiveMaximum", num(3 + r.nextInt(6)));
        }
        if (r.nextInt(4) == 0) {
            s.put("multipleOf", r.nextBoolean() ? num(1 + r.nextInt(3)) : new JsonNumber(new BigDecimal("0.5")));
        }
    }

    private static void arrayKeywords(Random r, Map<String, JsonValue> s, int depth, boolean refs) {
        s.put("type", str("array"));
        if (r.nextInt(3) == 0) {
            s.put("prefixItems", arr(node(r, depth - 1, refs)));
        }
        if (r.nextInt(4) != 0) {
            s.put("items", r.nextInt(5) == 0 ? new JsonBoolean(false) : node(r, depth - 1, refs));
        }
        if (r.nextBoolean()) {
            s.put("minItems", num(r.nextInt(2)));
        }
        if (r.nextBoolean()) {
            s.put("maxItems", num(1 + r.nextInt(3)));
        }
        if (r.nextInt(4) == 0) {
            s.put("uniqueItems", new JsonBoolean(true));
        }
    }

    private static void objectKeywords(Random r, Map<String, JsonValue> s, int depth, boolean refs) {
        s.put("type", str("object"));
        Map<String, JsonValue> props = new LinkedHashMap<>();
        for (String n : NAMES) {
            if (r.nextInt(3) == 0) {
                props.put(n, node(r, depth - 1, refs));
            }
        }
        s.put("properties", new JsonObject(props));
        List<JsonValue> required = new ArrayList<>();
        for (String n : NAMES) {
            if (r.nextInt(props.containsKey(n) ? 2 : 8) == 0) {
                required.add(str(n));
            }
        }
        if (!required.isEmpty()) {
            s.put("required", new JsonArray(required));
        }
        int add = r.nextInt(4);
        if (add == 0) {
            s.put("additionalProperties", new JsonBoolean(false));
        } else if (add == 1) {
            s.put("additionalProperties", node(r, depth - 1, refs));
        }
        if (r.nextInt(5) == 0) {
            s.put("maxProperties", num(1 + r.nextInt(3)));
        }
        if (r.nextInt(5) == 0) {
            s.put("minProperties", num(r.nextInt(2)));
        }
    }

    // ------------------------------------------------------------------ edits

    /** {@code times} random edits at random places of the schema. */
    static JsonValue mutate(JsonValue schema, Random r, int times) {
        JsonValue s = schema;
        for (int i = 0; i < times; i++) {
            List<List<String>> places = new ArrayList<>();
            places(s, new ArrayList<>(), places);
            List<String> at = places.get(r.nextInt(places.size()));
            s = replaceAt(s, at, 0, node -> edit(node, r));
        }
        return s;
    }

    private static JsonValue edit(JsonValue node, Random r) {
        if (!(node instanceof JsonObject o)) {
            return r.nextBoolean() ? node(r, 1, false) : new JsonBoolean(!((JsonBoolean) node).value());
        }
        Map<String, JsonValue> m = new LinkedHashMap<>(o.members());
        switch (r.nextInt(10)) {
            case 0 -> m.put("description", str("changed"));
            case 1 -> bump(m, r, "maxLength", "maximum", "maxItems", "minLength", "minimum", "minItems");
            case 2 -> {
                if (m.get("enum") instanceof JsonArray a) {
                    List<JsonValue> items = new ArrayList<>(a.items());
                    if (r.nextBoolean() && items.size() > 1) {
                        items.remove(r.nextInt(items.size()));
                    } else if (!items.contains(str("new"))) {
                        items.add(str("new"));
                    }
                    m.put("enum", new JsonArray(items));
                } else {
                    m.put("type", str(pick(r, "string", "integer", "number", "object", "array")));
                }
            }
            case 3 -> {
                JsonValue t = m.get("type");
                if (t instanceof JsonString s && !s.value().equals("null")) {
                    m.put("type", arr(t, str("null")));
                } else if (t instanceof JsonArray a) {
                    m.put("type", a.items().get(0));
                } else {
                    m.remove("type");
                }
            }
            case 4 -> {
                if (m.get("required") instanceof JsonArray a && !a.items().isEmpty()) {
                    List<JsonValue> items = new ArrayList<>(a.items());
                    items.remove(r.nextInt(items.size()));
                    if (items.isEmpty()) {
                        m.remove("required");
                    } else {
                        m.put("required", new JsonArray(items));
                    }
                } else {
                    m.put("required", arr(str(NAMES.get(r.nextInt(NAMES.size())))));
                }
            }
            case 5 -> {
                JsonValue add = m.get("additionalProperties");
                m.put("additionalProperties", new JsonBoolean(add instanceof JsonBoolean b && !b.value()));
            }
            case 6 -> {
                Map<String, JsonValue> props = m.get("properties") instanceof JsonObject p
                        ? new LinkedHashMap<>(p.members()) : new LinkedHashMap<>();
                String n = NAMES.get(r.nextInt(NAMES.size()));
                if (props.containsKey(n)) {
                    props.remove(n);
                } else {
                    props.put(n, node(r, 1, false));
                }
                m.put("properties", new JsonObject(props));
            }
            case 7 -> {
                if (m.containsKey("$defs")) {
                    m.put("title", str("kept at the root, with its $defs"));
                } else {
                    return obj("anyOf", arr(node, node(r, 1, false)));
                }
            }
            case 8 -> m.put("pattern", str(pick(r, PATTERNS.toArray(new String[0]))));
            default -> m.put("uniqueItems", new JsonBoolean(!(m.get("uniqueItems") instanceof JsonBoolean b && b.value())));
        }
        return new JsonObject(m);
    }

    private static void bump(Map<String, JsonValue> m, Random r, String... keys) {
        for (String k : keys) {
            if (m.get(k) instanceof JsonNumber n) {
                long v = n.value().longValue() + (r.nextBoolean() ? 1 : -1);
                m.put(k, num(k.startsWith("max") && !k.equals("maximum") ? Math.max(0, v) : v));
                if ((k.endsWith("Length") || k.endsWith("Items")) && v < 0) {
                    m.put(k, num(0));
                }
                return;
            }
        }
        m.put("maxLength", num(2));
    }

    /** Paths (member names from the root) of every subschema object a random edit may touch. */
    static void places(JsonValue s, List<String> at, List<List<String>> out) {
        out.add(List.copyOf(at));
        if (!(s instanceof JsonObject o)) {
            return;
        }
        for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
            String k = e.getKey();
            if (Keywords.SCHEMA_VALUED.contains(k)) {
                places(e.getValue(), append(at, k), out);
            } else if (Keywords.SCHEMA_ARRAYS.contains(k) && e.getValue() instanceof JsonArray a) {
                for (int i = 0; i < a.items().size(); i++) {
                    places(a.items().get(i), append(append(at, k), String.valueOf(i)), out);
                }
            } else if (Keywords.SCHEMA_MAPS.contains(k) && e.getValue() instanceof JsonObject m) {
                for (String name : m.members().keySet()) {
                    places(m.get(name), append(append(at, k), name), out);
                }
            }
        }
    }

    private static List<String> append(List<String> at, String k) {
        List<String> out = new ArrayList<>(at);
        out.add(k);
        return out;
    }

    static JsonValue replaceAt(JsonValue s, List<String> at, int i, Function<JsonValue, JsonValue> f) {
        if (i == at.size()) {
            return f.apply(s);
        }
        String k = at.get(i);
        if (s instanceof JsonObject o) {
            Map<String, JsonValue> m = new LinkedHashMap<>(o.members());
            m.put(k, replaceAt(o.get(k), at, i + 1, f));
            return new JsonObject(m);
        }
        JsonArray a = (JsonArray) s;
        List<JsonValue> items = new ArrayList<>(a.items());
        int idx = Integer.parseInt(k);
        items.set(idx, replaceAt(items.get(idx), at, i + 1, f));
        return new JsonArray(items);
    }

    /** An object of 1–4 simple properties (bounded strings, integers, enums, string arrays). */
    static JsonValue simpleObject(Random r) {
        Map<String, JsonValue> props = new LinkedHashMap<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            props.put(NAMES.get(i), simpleLeaf(r));
        }
        Map<String, JsonValue> s = new LinkedHashMap<>();
        s.put("type", str("object"));
        s.put("properties", new JsonObject(props));
        List<JsonValue> required = new ArrayList<>();
        for (String name : props.keySet()) {
            if (r.nextBoolean()) {
                required.add(str(name));
            }
        }
        if (!required.isEmpty()) {
            s.put("required", new JsonArray(required));
        }
        if (r.nextBoolean()) {
            s.put("additionalProperties", new JsonBoolean(false));
        }
        return new JsonObject(s);
    }

    private static JsonValue simpleLeaf(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> obj("type", str("string"), "minLength", num(1 + r.nextInt(2)), "maxLength", num(4 + r.nextInt(4)));
            case 1 -> obj("type", str("integer"), "minimum", num(r.nextInt(5)), "maximum", num(10 + r.nextInt(10)));
            case 2 -> obj("enum", arr(str("red"), str("green"), str("blue")));
            default -> obj("type", str("array"), "items", obj("type", str("string")), "minItems", num(1),
                    "maxItems", num(2 + r.nextInt(3)), "default", arr(str("x")));
        };
    }

    /** One loosening edit of a simple object schema, or null when the drawn edit does not apply. */
    private static Edit loosen(JsonValue base, Random r) {
        JsonObject o = (JsonObject) base;
        Map<String, JsonValue> props = ((JsonObject) o.get("properties")).members();
        String name = new ArrayList<>(props.keySet()).get(r.nextInt(props.size()));
        JsonObject leaf = (JsonObject) props.get(name);
        Map<String, JsonValue> m = new LinkedHashMap<>(leaf.members());
        String what;
        switch (r.nextInt(4)) {
            case 0 -> {
                String k = pick(r, "maxLength", "maximum", "maxItems", "minLength", "minimum", "minItems");
                if (!(m.get(k) instanceof JsonNumber n) || k.startsWith("min") && n.value().signum() == 0) {
                    return null;
                }
                long by = 1 + r.nextInt(3);
                long v = k.startsWith("max") ? n.value().longValue() + by : Math.max(0, n.value().longValue() - by);
                m.put(k, num(v));
                what = "loosen " + k + " of " + name;
            }
            case 1 -> {
                if (!(m.get("enum") instanceof JsonArray a)) {
                    return null;
                }
                List<JsonValue> items = new ArrayList<>(a.items());
                items.add(str("purple"));
                m.put("enum", new JsonArray(items));
                what = "add enum value to " + name;
            }
            case 2 -> {
                if (!(o.get("required") instanceof JsonArray a) || !a.items().contains(str(name))) {
                    return null;
                }
                List<JsonValue> req = new ArrayList<>(a.items());
                req.remove(str(name));
                Map<String, JsonValue> top = new LinkedHashMap<>(o.members());
                if (req.isEmpty()) {
                    top.remove("required");
                } else {
                    top.put("required", new JsonArray(req));
                }
                return new Edit("remove required " + name, base, new JsonObject(top));
            }
            default -> {
                if (!(m.get("type") instanceof JsonString t)) {
                    return null;
                }
                m.put("type", arr(t, str(t.value().equals("string") ? "number" : "string")));
                what = "widen type of " + name;
            }
        }
        Map<String, JsonValue> newProps = new LinkedHashMap<>(props);
        newProps.put(name, new JsonObject(m));
        Map<String, JsonValue> top = new LinkedHashMap<>(o.members());
        top.put("properties", new JsonObject(newProps));
        return new Edit(what, base, new JsonObject(top));
    }

    // ------------------------------------------------------------------ instances

    /** Instances valid under {@code schema} (according to the validator); may be empty. */
    static Gen<List<JsonValue>> validInstances(JsonValue schema) {
        return longs().all().map(seed -> instances(schema, new Random(seed), 12));
    }

    /** Up to {@code tries} guided draws, plus plain values; those the validator accepts, distinct. */
    static List<JsonValue> instances(JsonValue schema, Random r, int tries) {
        Set<JsonValue> out = new LinkedHashSet<>();
        List<JsonValue> candidates = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            candidates.add(instance(schema, schema, r, 0));
        }
        for (int i = 0; i < 3; i++) {
            candidates.add(any(r, 2));
        }
        for (JsonValue c : candidates) {
            if (VALIDATOR.valid(schema, c)) {
                out.add(c);
            }
        }
        return new ArrayList<>(out);
    }

    /** A value shaped by {@code node} (not necessarily valid: the caller filters). */
    static JsonValue instance(JsonValue root, JsonValue node, Random r, int depth) {
        if (depth > 6 || !(node instanceof JsonObject o)) {
            return any(r, 1);
        }
        if (o.get("$ref") instanceof JsonString ref && r.nextInt(4) != 0) {
            JsonValue target = Side.of("x", root).resolve(ref.value());
            if (target != null) {
                return instance(root, target, r, depth + 1);
            }
        }
        for (String k : List.of("anyOf", "oneOf", "allOf")) {
            if (o.get(k) instanceof JsonArray a && r.nextBoolean()) {
                return instance(root, a.items().get(r.nextInt(a.items().size())), r, depth + 1);
            }
        }
        if (o.get("const") != null) {
            return o.get("const");
        }
        if (o.get("enum") instanceof JsonArray a && !a.items().isEmpty() && r.nextInt(5) != 0) {
            return a.items().get(r.nextInt(a.items().size()));
        }
        String type = o.get("type") instanceof JsonString t ? t.value()
                : o.get("type") instanceof JsonArray ts ? ((JsonString) ts.items().get(r.nextInt(ts.items().size()))).value()
                : pick(r, "string", "integer", "number", "object", "array", "boolean", "null");
        switch (type) {
            case "string": {
                if (o.get("pattern") != null || r.nextInt(3) == 0) {
                    return str(WORDS.get(r.nextInt(WORDS.size())));
                }
                int min = intOf(o.get("minLength"), 0);
                int max = intOf(o.get("maxLength"), min + 4);
                return str("ab".repeat(4).substring(0, Math.min(8, min + r.nextInt(Math.max(1, max - min + 1)))));
            }
            case "integer":
            case "number": {
                int lo = intOf(o.get("minimum"), intOf(o.get("exclusiveMinimum"), -5));
                int hi = intOf(o.get("maximum"), intOf(o.get("exclusiveMaximum"), lo + 10));
                long v = lo + (hi > lo ? r.nextInt(hi - lo + 1) : 0);
                if (o.get("multipleOf") instanceof JsonNumber m && r.nextBoolean()) {
                    return new JsonNumber(m.value().multiply(BigDecimal.valueOf(r.nextInt(5))));
                }
                return type.equals("number") && r.nextBoolean() ? new JsonNumber(BigDecimal.valueOf(v).add(new BigDecimal("0.5")))
                        : num(v);
            }
            case "boolean":
                return new JsonBoolean(r.nextBoolean());
            case "null":
                return JsonValue.NULL;
            case "array": {
                int min = intOf(o.get("minItems"), 0);
                int max = Math.min(intOf(o.get("maxItems"), min + 3), min + 3);
                int n = min + r.nextInt(Math.max(1, max - min + 1));
                List<JsonValue> prefix = o.get("prefixItems") instanceof JsonArray p ? p.items() : List.of();
                List<JsonValue> items = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    JsonValue s = i < prefix.size() ? prefix.get(i) : o.get("items");
                    items.add(s == null ? any(r, 1) : instance(root, s, r, depth + 1));
                }
                return new JsonArray(items);
            }
            default: {
                Map<String, JsonValue> props = o.get("properties") instanceof JsonObject p ? p.members() : Map.of();
                Set<String> names = new LinkedHashSet<>();
                if (o.get("required") instanceof JsonArray req) {
                    req.items().forEach(n -> names.add(((JsonString) n).value()));
                }
                for (String p : props.keySet()) {
                    if (r.nextBoolean()) {
                        names.add(p);
                    }
                }
                if (r.nextInt(4) == 0) {
                    names.add("z");
                }
                Map<String, JsonValue> m = new LinkedHashMap<>();
                for (String n : names) {
                    JsonValue s = props.containsKey(n) ? props.get(n) : o.get("additionalProperties");
                    m.put(n, s == null ? any(r, 1) : instance(root, s, r, depth + 1));
                }
                return new JsonObject(m);
            }
        }
    }

    /** A small random JSON value. */
    static JsonValue any(Random r, int depth) {
        switch (r.nextInt(depth > 0 ? 8 : 6)) {
            case 0:
                return JsonValue.NULL;
            case 1:
                return new JsonBoolean(r.nextBoolean());
            case 2:
                return num(r.nextInt(21) - 5);
            case 3:
                return new JsonNumber(new BigDecimal(r.nextInt(20) - 5).add(new BigDecimal("0.5")));
            case 4:
            case 5:
                return str(WORDS.get(r.nextInt(WORDS.size())));
            case 6: {
                List<JsonValue> items = new ArrayList<>();
                for (int i = r.nextInt(3); i > 0; i--) {
                    items.add(any(r, depth - 1));
                }
                return new JsonArray(items);
            }
            default: {
                Map<String, JsonValue> m = new LinkedHashMap<>();
                for (int i = r.nextInt(3); i > 0; i--) {
                    m.put(NAMES.get(r.nextInt(NAMES.size())), any(r, depth - 1));
                }
                return new JsonObject(m);
            }
        }
    }

    // ------------------------------------------------------------------ small builders

    private static int intOf(JsonValue v, int dflt) {
        return v instanceof JsonNumber n ? n.value().intValue() : dflt;
    }

    static JsonValue str(String s) {
        return new JsonString(s);
    }

    static JsonValue num(long n) {
        return JsonValue.number(n);
    }

    static JsonValue arr(JsonValue... items) {
        return new JsonArray(List.of(items));
    }

    static JsonValue obj(Object... kv) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (JsonValue) kv[i + 1]);
        }
        return new JsonObject(m);
    }

    private static JsonValue scalar(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> str(WORDS.get(r.nextInt(WORDS.size())));
            case 1 -> num(r.nextInt(8) - 2);
            case 2 -> new JsonBoolean(r.nextBoolean());
            default -> JsonValue.NULL;
        };
    }

    private static JsonValue scalars(Random r) {
        Set<JsonValue> out = new LinkedHashSet<>();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            out.add(scalar(r));
        }
        return new JsonArray(new ArrayList<>(out));
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }
}
