package dev.bluerealm.internal.schema;

import dev.bluerealm.contract.CompatibilityReport.SchemaChange;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.json.JsonValue.JsonArray;
import dev.bluerealm.json.JsonValue.JsonBoolean;
import dev.bluerealm.json.JsonValue.JsonNumber;
import dev.bluerealm.json.JsonValue.JsonObject;
import dev.bluerealm.json.JsonValue.JsonString;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Lists what changed between two schemas, keyword by keyword, each with the JSON Pointer of the
 * schema location ({@code /properties/delete}) and a kind ({@code added optional property},
 * {@code narrowed type}, ...). It walks the two schema texts side by side (a {@code $ref} is
 * reported where it is written, its target under {@code /$defs/...}).
 *
 * <p>{@link SchemaChange#compatible()} answers, for that change taken alone: does it keep every
 * instance valid under NEW valid under OLD (NEW ⊆ OLD, the {@code backwards} promise the RFC makes
 * by default)? Restricting changes (a required property, a tighter bound, a narrower type, a closed
 * content model) are compatible; relaxing ones are not; annotation changes (description, default,
 * examples, ...) are compatible in both directions. Where that needs a proof (an added property's
 * schema against the old additionalProperties, a replaced subschema) the {@link Subsumption}
 * decides, and "not proven" counts as not compatible.
 */
final class ChangeDetector {
    private static final int MAX_CHANGES = 500;
    private static final int MAX_DETAIL = 120;
    private static final JsonValue TRUE = new JsonBoolean(true);
    private static final JsonValue FALSE = new JsonBoolean(false);
    private static final List<String> LOWER = List.of("minimum", "exclusiveMinimum", "minLength", "minItems",
            "minProperties");
    private static final List<String> UPPER = List.of("maximum", "exclusiveMaximum", "maxLength", "maxItems",
            "maxProperties");
    private static final Set<String> STRUCTURAL = Set.of("type", "enum", "const", "multipleOf", "pattern",
            "uniqueItems", "properties", "required", "additionalProperties", "items", "prefixItems", "allOf",
            "anyOf", "oneOf", "not", "$ref", "$defs", "definitions");

    private final Subsumption backwards;
    private final List<SchemaChange> out = new ArrayList<>();

    private ChangeDetector(Side oldSide, Side newSide) {
        this.backwards = new Subsumption(newSide, oldSide);
    }

    static List<SchemaChange> detect(Side oldSide, Side newSide) {
        ChangeDetector d = new ChangeDetector(oldSide, newSide);
        d.walk(oldSide.root(), newSide.root(), "");
        return List.copyOf(d.out);
    }

    private void add(String path, String kind, String detail, boolean compatible) {
        if (out.size() < MAX_CHANGES) {
            out.add(new SchemaChange(path.isEmpty() ? "/" : path, kind, detail, compatible));
        }
    }

    /** NEW subschema ⊆ OLD subschema, proven. */
    private boolean keeps(JsonValue newNode, JsonValue oldNode) {
        return backwards.holds(newNode, oldNode);
    }

    private void walk(JsonValue o, JsonValue n, String path) {
        if (o.equals(n) || out.size() >= MAX_CHANGES) {
            return;
        }
        if (!(o instanceof JsonObject oo) || !(n instanceof JsonObject no)) {
            add(path, "schema replaced", show(o) + " → " + show(n), keeps(n, o));
            return;
        }
        Map<String, JsonValue> om = oo.members();
        Map<String, JsonValue> nm = no.members();
        Set<String> keys = new LinkedHashSet<>(om.keySet());
        keys.addAll(nm.keySet());
        for (String k : keys) {
            JsonValue ov = om.get(k);
            JsonValue nv = nm.get(k);
            if (Objects.equals(ov, nv) || STRUCTURAL.contains(k) || LOWER.contains(k) || UPPER.contains(k)) {
                continue;
            }
            String at = path + "/" + Side.escape(k);
            if (Keywords.isIgnorable(k)) {
                add(at, annotationKind(k), show(ov) + " → " + show(nv), true);
            } else if (ov == null) {
                add(at, "keyword added", k + ": " + show(nv), true);
            } else if (nv == null) {
                add(at, "keyword removed", k + " (was " + show(ov) + ")", false);
            } else {
                add(at, "keyword changed", k + ": " + show(ov) + " → " + show(nv), false);
            }
        }
        type(om.get("type"), nm.get("type"), path);
        enumeration(om, nm, path);
        for (String k : LOWER) {
            bound(k, om.get(k), nm.get(k), path, true);
        }
        for (String k : UPPER) {
            bound(k, om.get(k), nm.get(k), path, false);
        }
        multipleOf(om.get("multipleOf"), nm.get("multipleOf"), path);
        pattern(om.get("pattern"), nm.get("pattern"), path);
        unique(om.get("uniqueItems"), nm.get("uniqueItems"), path);
        properties(om, nm, path);
        additional(om.get("additionalProperties"), nm.get("additionalProperties"), path);
        items(oo, no, path);
        for (String k : List.of("allOf", "anyOf", "oneOf")) {
            combinator(k, om.get(k), nm.get(k), path);
        }
        if (!Objects.equals(om.get("not"), nm.get("not"))) {
            add(path + "/not", "negated schema changed", show(om.get("not")) + " → " + show(nm.get("not")),
                    keeps(only(nm, "not"), only(om, "not")));
        }
        if (!Objects.equals(om.get("$ref"), nm.get("$ref"))) {
            add(path + "/$ref", "reference changed", show(om.get("$ref")) + " → " + show(nm.get("$ref")),
                    keeps(only(nm, "$ref"), only(om, "$ref")));
        }
        for (String k : List.of("$defs", "definitions")) {
            definitions(k, om.get(k), nm.get(k), path);
        }
    }

    private static String annotationKind(String k) {
        return switch (k) {
            case "description", "title", "default", "examples", "deprecated", "readOnly", "writeOnly" -> k + " changed";
            case "$comment" -> "comment changed";
            default -> "annotation changed";
        };
    }

    private void type(JsonValue ov, JsonValue nv, String path) {
        if (Objects.equals(ov, nv)) {
            return;
        }
        Set<String> o = typeNames(ov);
        Set<String> n = typeNames(nv);
        boolean narrower = covers(o, n);
        boolean wider = covers(n, o);
        if (narrower && wider) {
            return;
        }
        String kind = narrower ? "narrowed type" : wider ? "widened type" : "changed type";
        add(path + "/type", kind, show(ov) + " → " + show(nv), narrower);
    }

    /** The type names a {@code type} keyword allows; null when absent (every type). */
    private static Set<String> typeNames(JsonValue v) {
        if (v == null) {
            return null;
        }
        Set<String> out = new HashSet<>();
        for (JsonValue t : v instanceof JsonArray a ? a.items() : List.of(v)) {
            out.add(((JsonString) t).value());
        }
        return out;
    }

    /** Every type {@code inner} allows is allowed by {@code outer} (integer ⊂ number). */
    private static boolean covers(Set<String> outer, Set<String> inner) {
        if (outer == null) {
            return true;
        }
        if (inner == null) {
            return outer.containsAll(List.of("null", "boolean", "object", "array", "string", "number"));
        }
        for (String t : inner) {
            if (!outer.contains(t) && !(t.equals("integer") && outer.contains("number"))) {
                return false;
            }
        }
        return true;
    }

    private void enumeration(Map<String, JsonValue> om, Map<String, JsonValue> nm, String path) {
        JsonValue oe = om.get("enum");
        JsonValue ne = nm.get("enum");
        if (!Objects.equals(oe, ne)) {
            String at = path + "/enum";
            if (oe == null) {
                add(at, "enum added", show(ne), true);
            } else if (ne == null) {
                add(at, "enum removed", "was " + show(oe), false);
            } else {
                Set<JsonValue> o = new LinkedHashSet<>(((JsonArray) oe).items());
                Set<JsonValue> n = new LinkedHashSet<>(((JsonArray) ne).items());
                Set<JsonValue> added = new LinkedHashSet<>(n);
                added.removeAll(o);
                Set<JsonValue> removed = new LinkedHashSet<>(o);
                removed.removeAll(n);
                String detail = (added.isEmpty() ? "" : "added " + show(new JsonArray(List.copyOf(added))))
                        + (added.isEmpty() || removed.isEmpty() ? "" : ", ")
                        + (removed.isEmpty() ? "" : "removed " + show(new JsonArray(List.copyOf(removed))));
                if (!added.isEmpty() || !removed.isEmpty()) {
                    add(at, added.isEmpty() ? "enum shrunk" : removed.isEmpty() ? "enum grown" : "enum changed",
                            detail, added.isEmpty());
                }
            }
        }
        JsonValue oc = om.get("const");
        JsonValue nc = nm.get("const");
        if (!Objects.equals(oc, nc)) {
            String at = path + "/const";
            if (oc == null) {
                add(at, "const added", show(nc), true);
            } else if (nc == null) {
                add(at, "const removed", "was " + show(oc), false);
            } else {
                add(at, "const changed", show(oc) + " → " + show(nc), false);
            }
        }
    }

    private void bound(String k, JsonValue ov, JsonValue nv, String path, boolean lower) {
        if (Objects.equals(ov, nv)) {
            return;
        }
        String at = path + "/" + k;
        if (ov == null) {
            add(at, "bound tightened", k + " added: " + show(nv), true);
        } else if (nv == null) {
            add(at, "bound loosened", k + " removed (was " + show(ov) + ")", false);
        } else {
            int cmp = ((JsonNumber) nv).value().compareTo(((JsonNumber) ov).value());
            boolean tighter = lower ? cmp > 0 : cmp < 0;
            add(at, tighter ? "bound tightened" : "bound loosened", k + " " + show(ov) + " → " + show(nv), tighter);
        }
    }

    private void multipleOf(JsonValue ov, JsonValue nv, String path) {
        if (Objects.equals(ov, nv)) {
            return;
        }
        boolean compatible = ov == null
                || nv != null && Numbers.isMultiple(((JsonNumber) nv).value(), ((JsonNumber) ov).value());
        add(path + "/multipleOf", "multipleOf changed", show(ov) + " → " + show(nv), compatible);
    }

    private void pattern(JsonValue ov, JsonValue nv, String path) {
        if (Objects.equals(ov, nv)) {
            return;
        }
        String kind = ov == null ? "pattern added" : nv == null ? "pattern removed" : "pattern changed";
        add(path + "/pattern", kind, show(ov) + " → " + show(nv), ov == null);
    }

    private void unique(JsonValue ov, JsonValue nv, String path) {
        boolean o = ov instanceof JsonBoolean b && b.value();
        boolean n = nv instanceof JsonBoolean b && b.value();
        if (o != n) {
            add(path + "/uniqueItems", n ? "items became unique" : "items may repeat", show(ov) + " → " + show(nv), n);
        }
    }

    private void properties(Map<String, JsonValue> om, Map<String, JsonValue> nm, String path) {
        Map<String, JsonValue> op = members(om.get("properties"));
        Map<String, JsonValue> np = members(nm.get("properties"));
        Set<String> or = names(om.get("required"));
        Set<String> nr = names(nm.get("required"));
        if (op.equals(np) && or.equals(nr)) {
            return;
        }
        JsonValue oa = orTrue(om.get("additionalProperties"));
        JsonValue na = orTrue(nm.get("additionalProperties"));
        Set<String> all = new LinkedHashSet<>(op.keySet());
        all.addAll(np.keySet());
        all.addAll(or);
        all.addAll(nr);
        for (String p : all) {
            String at = path + "/properties/" + Side.escape(p);
            boolean inO = op.containsKey(p);
            boolean inN = np.containsKey(p);
            boolean rO = or.contains(p);
            boolean rN = nr.contains(p);
            if (!inO && inN) {
                add(at, rN ? "added required property" : "added optional property", describe(np.get(p), rN),
                        (!rO || rN) && keeps(np.get(p), oa));
            } else if (inO && !inN) {
                add(at, "removed property", "was " + describe(op.get(p), rO)
                        + (isFalse(na) ? "; now rejected (closed content model)" : ""), (!rO || rN) && keeps(na, op.get(p)));
            } else {
                if (!rO && rN) {
                    add(at, "property became required", p, true);
                } else if (rO && !rN) {
                    add(at, "property became optional", p, false);
                }
                if (inO) {
                    walk(op.get(p), np.get(p), at);
                }
            }
        }
    }

    private static String describe(JsonValue schema, boolean required) {
        StringBuilder d = new StringBuilder(required ? "required" : "optional");
        if (schema instanceof JsonObject o) {
            if (o.get("type") != null) {
                d.append("; type ").append(show(o.get("type")));
            }
            if (o.get("$ref") != null) {
                d.append("; $ref ").append(show(o.get("$ref")));
            }
            if (o.get("default") != null) {
                d.append("; default ").append(show(o.get("default")));
            }
        } else {
            d.append("; schema ").append(show(schema));
        }
        return d.toString();
    }

    private void additional(JsonValue ov, JsonValue nv, String path) {
        if (Objects.equals(ov, nv)) {
            return;
        }
        String at = path + "/additionalProperties";
        JsonValue o = orTrue(ov);
        JsonValue n = orTrue(nv);
        if (!isFalse(o) && isFalse(n)) {
            add(at, "closed content model", "additionalProperties " + show(ov) + " → false", true);
        } else if (isFalse(o) && !isFalse(n)) {
            add(at, "opened content model", "additionalProperties false → " + show(nv), keeps(n, FALSE));
        } else if (o instanceof JsonObject && n instanceof JsonObject) {
            walk(o, n, at);
        } else {
            add(at, Keywords.isTrivial(n) ? "additional properties unconstrained" : "additional properties constrained",
                    show(ov) + " → " + show(nv), keeps(n, o));
        }
    }

    private void items(JsonObject oo, JsonObject no, String path) {
        JsonValue oi = oo.get("items");
        JsonValue ni = no.get("items");
        List<JsonValue> op = oo.get("prefixItems") instanceof JsonArray a ? a.items() : List.of();
        List<JsonValue> np = no.get("prefixItems") instanceof JsonArray a ? a.items() : List.of();
        for (int i = 0; i < Math.min(op.size(), np.size()); i++) {
            walk(op.get(i), np.get(i), path + "/prefixItems/" + i);
        }
        if (op.size() != np.size()) {
            add(path + "/prefixItems", "items changed", op.size() + " → " + np.size() + " prefix items",
                    keeps(only(no.members(), "prefixItems", "items"), only(oo.members(), "prefixItems", "items")));
        }
        if (Objects.equals(oi, ni)) {
            return;
        }
        if (oi instanceof JsonObject && ni instanceof JsonObject) {
            walk(oi, ni, path + "/items");
        } else {
            add(path + "/items", "items changed", show(oi) + " → " + show(ni), keeps(orTrue(ni), orTrue(oi)));
        }
    }

    private void combinator(String k, JsonValue ov, JsonValue nv, String path) {
        if (Objects.equals(ov, nv)) {
            return;
        }
        List<JsonValue> o = ov instanceof JsonArray a ? a.items() : List.of();
        List<JsonValue> n = nv instanceof JsonArray a ? a.items() : List.of();
        String at = path + "/" + k;
        if (o.size() == n.size()) {
            for (int i = 0; i < o.size(); i++) {
                walk(o.get(i), n.get(i), at + "/" + i);
            }
            return;
        }
        boolean grew = n.size() > o.size();
        String kind = k.equals("allOf") ? (grew ? "constraints added" : "constraints removed")
                : grew ? "alternatives added" : "alternatives removed";
        add(at, kind, k + ": " + o.size() + " → " + n.size() + " schemas", keeps(only(Map.of(k, orEmpty(nv)), k),
                only(Map.of(k, orEmpty(ov)), k)));
    }

    private static JsonValue orEmpty(JsonValue v) {
        return v == null ? new JsonObject(Map.of()) : v;
    }

    private void definitions(String k, JsonValue ov, JsonValue nv, String path) {
        if (Objects.equals(ov, nv)) {
            return;
        }
        Map<String, JsonValue> o = members(ov);
        Map<String, JsonValue> n = members(nv);
        Set<String> all = new LinkedHashSet<>(o.keySet());
        all.addAll(n.keySet());
        for (String name : all) {
            String at = path + "/" + k + "/" + Side.escape(name);
            if (!o.containsKey(name)) {
                add(at, "definition added", show(n.get(name)), true);
            } else if (!n.containsKey(name)) {
                add(at, "definition removed", "was " + show(o.get(name)), true);
            } else {
                walk(o.get(name), n.get(name), at);
            }
        }
    }

    /** A schema of only the given keywords of {@code m} ({@code {}} when none). */
    private static JsonValue only(Map<String, JsonValue> m, String... keys) {
        Map<String, JsonValue> out = new LinkedHashMap<>();
        for (String k : keys) {
            JsonValue v = m.get(k);
            if (v != null && !(v instanceof JsonObject o && o.members().isEmpty() && !k.equals("not"))) {
                out.put(k, v);
            }
        }
        return new JsonObject(out);
    }

    private static Map<String, JsonValue> members(JsonValue v) {
        return v instanceof JsonObject o ? o.members() : Map.of();
    }

    private static Set<String> names(JsonValue v) {
        Set<String> out = new LinkedHashSet<>();
        if (v instanceof JsonArray a) {
            a.items().forEach(s -> out.add(((JsonString) s).value()));
        }
        return out;
    }

    private static JsonValue orTrue(JsonValue v) {
        return v == null ? TRUE : v;
    }

    private static boolean isFalse(JsonValue v) {
        return v instanceof JsonBoolean b && !b.value();
    }

    private static String show(JsonValue v) {
        if (v == null) {
            return "(absent)";
        }
        String s = v instanceof JsonNumber n ? plain(n.value()) : v.toJson();
        return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL - 1) + "…";
    }

    private static String plain(BigDecimal d) {
        return d.toPlainString();
    }
}
