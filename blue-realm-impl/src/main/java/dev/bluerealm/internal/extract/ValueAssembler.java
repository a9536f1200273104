package dev.bluerealm.internal.extract;

import dev.bluerealm.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a contract's value from its markers (DESIGN §3, "markers").
 *
 * <p>Each marker's path is looked up in the contract's schema (through {@code properties},
 * {@code patternProperties}, {@code additionalProperties}, local {@code $ref}s and
 * {@code allOf}/{@code anyOf}/{@code oneOf}). Where the schema says the path holds a list, every
 * marker for it contributes an item (in the order the markers are given, duplicates dropped; a
 * JSON array literal contributes each of its elements unless the items are lists themselves).
 * Anywhere else exactly one marker may set it. Objects on the way are created; their members
 * follow the schema's {@code properties} order, then the order markers first name them.
 */
public final class ValueAssembler {
    private ValueAssembler() {}

    /** One path set by markers. */
    private static final class Slot {
        final List<String> path;
        final boolean list;
        final JsonValue itemSchema;
        final Marker first;
        final Set<JsonValue> items = new LinkedHashSet<>();
        JsonValue value;

        Slot(List<String> path, boolean list, JsonValue itemSchema, Marker first) {
            this.path = path;
            this.list = list;
            this.itemSchema = itemSchema;
            this.first = first;
        }
    }

    /**
     * The value of {@code contract} from those of {@code markers} that name it, in their order
     * (files in {@code source_files} order, lines in file order).
     */
    public static Assembly assemble(String contract, JsonValue schema, List<Marker> markers) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Slot> slots = new LinkedHashMap<>();
        for (Marker m : markers) {
            if (!m.contract().equals(contract)) {
                continue;
            }
            String dotted = m.dottedPath();
            Slot slot = slots.get(dotted);
            if (slot == null) {
                Object at = schemaAt(schema, m);
                if (at instanceof String) {
                    problems.add(new Problem(m.file(), m.line(), (String) at));
                    continue;
                }
                JsonValue s = (JsonValue) at;
                boolean list = Schemas.isList(schema, s);
                slot = new Slot(m.path(), list, list ? Schemas.items(schema, s) : null, m);
                slots.put(dotted, slot);
                if (!list) {
                    slot.value = m.value();
                }
            } else if (!slot.list) {
                problems.add(new Problem(m.file(), m.line(), contract + "." + dotted
                        + " holds a single value but has two markers: " + slot.first.location() + " and "
                        + m.location() + "; keep one"));
                continue;
            }
            if (slot.list) {
                if (m.value() instanceof JsonValue.JsonArray
                        && (slot.itemSchema == null || !Schemas.isList(schema, slot.itemSchema))) {
                    slot.items.addAll(((JsonValue.JsonArray) m.value()).items());
                } else {
                    slot.items.add(m.value());
                }
            }
        }
        Node root = new Node();
        for (Slot slot : slots.values()) {
            Slot outer = enclosing(slots, slot);
            if (outer != null) {
                problems.add(new Problem(slot.first.file(), slot.first.line(), contract + "."
                        + String.join(".", slot.path) + " is inside " + contract + "." + String.join(".", outer.path)
                        + ", which " + outer.first.location() + " sets as a whole; set one or the other"));
                continue;
            }
            root.put(slot.path, slot.list ? new JsonValue.JsonArray(new ArrayList<>(slot.items)) : slot.value);
        }
        return new Assembly(root.toJson(schema, schema), problems);
    }

    /** The slot set at a proper prefix of {@code slot}'s path, or null. */
    private static Slot enclosing(Map<String, Slot> slots, Slot slot) {
        for (int n = 1; n < slot.path.size(); n++) {
            Slot outer = slots.get(String.join(".", slot.path.subList(0, n)));
            if (outer != null) {
                return outer;
            }
        }
        return null;
    }

    /** The schema at the marker's path, or a message saying why the path is not in the schema. */
    private static Object schemaAt(JsonValue root, Marker m) {
        JsonValue at = root;
        List<String> path = m.path();
        for (int i = 0; i < path.size(); i++) {
            String here = String.join(".", path.subList(0, i));
            if (i > 0 && Schemas.isList(root, at)) {
                return "'" + MarkerScanner.KEYWORD + " " + m.contract() + "." + m.dottedPath() + "': " + here
                        + " is a list; a marker adds an item to it (" + m.contract() + "." + here
                        + ") and cannot reach inside one";
            }
            JsonValue next = Schemas.property(root, at, path.get(i));
            if (next == null) {
                List<String> known = Schemas.propertyNames(root, at);
                String where = i == 0 ? "at the top level" : "in " + here;
                return "'" + MarkerScanner.KEYWORD + " " + m.contract() + "." + m.dottedPath() + "': the schema of "
                        + m.contract() + " has no '" + path.get(i) + "' " + where
                        + (known.isEmpty() ? "" : " (it has: " + String.join(", ", known) + ")");
            }
            at = next;
        }
        return at;
    }

    /** The object being built: member name → Node or JsonValue. */
    private static final class Node {
        final Map<String, Object> members = new LinkedHashMap<>();

        void put(List<String> path, JsonValue value) {
            Node n = this;
            for (int i = 0; i < path.size() - 1; i++) {
                Object next = n.members.computeIfAbsent(path.get(i), k -> new Node());
                n = (Node) next; // enclosing() removed every leaf that could sit on the way
            }
            n.members.put(path.get(path.size() - 1), value);
        }

        JsonValue toJson(JsonValue root, JsonValue schema) {
            Map<String, JsonValue> out = new LinkedHashMap<>();
            List<String> order = schema == null ? List.of() : Schemas.propertyNames(root, schema);
            for (String name : order) {
                if (members.containsKey(name)) {
                    out.put(name, convert(root, schema, name));
                }
            }
            for (String name : members.keySet()) {
                if (!out.containsKey(name)) {
                    out.put(name, convert(root, schema, name));
                }
            }
            return new JsonValue.JsonObject(out);
        }

        private JsonValue convert(JsonValue root, JsonValue schema, String name) {
            Object v = members.get(name);
            if (v instanceof Node) {
                return ((Node) v).toJson(root, schema == null ? null : Schemas.property(root, schema, name));
            }
            return (JsonValue) v;
        }
    }
}
