package dev.bluerealm.internal.forge.forgejo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Differences between our Swagger 2.0 description ({@code forgejo.yaml}) and Forgejo's own
 * ({@code swagger.v1.json}): every path and method we declare must be Forgejo's, with its operationId,
 * its parameters (name, in, type, format, required, enum values among Forgejo's), its response codes and
 * schemas; every definition we declare must be Forgejo's, each property with Forgejo's name and type
 * ($refs compared by name, so each referenced definition is checked in its turn), and the same
 * {@code required} list. Forgejo may have more; we may not have anything it lacks.
 */
final class SpecConformance {
    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete", "head", "options");

    private final JsonNode ours;
    private final JsonNode theirs;
    private final List<String> problems = new ArrayList<>();

    private SpecConformance(JsonNode ours, JsonNode theirs) {
        this.ours = ours;
        this.theirs = theirs;
    }

    /** Every difference, one line each; empty when ours is a faithful subset of theirs. */
    static List<String> problems(JsonNode ours, JsonNode theirs) {
        SpecConformance check = new SpecConformance(ours, theirs);
        check.basics();
        check.paths();
        check.definitions();
        return List.copyOf(check.problems);
    }

    private void basics() {
        expectEqual("swagger version", ours.path("swagger"), theirs.path("swagger"));
        expectEqual("basePath", ours.path("basePath"), theirs.path("basePath"));
        for (Map.Entry<String, JsonNode> scheme : ours.path("securityDefinitions").properties()) {
            JsonNode their = theirs.path("securityDefinitions").path(scheme.getKey());
            if (their.isMissingNode()) {
                problems.add("securityDefinitions." + scheme.getKey() + ": not in Forgejo's");
                continue;
            }
            for (String field : List.of("type", "name", "in")) {
                expectEqual("securityDefinitions." + scheme.getKey() + "." + field, scheme.getValue().path(field), their.path(field));
            }
        }
    }

    private void paths() {
        for (Map.Entry<String, JsonNode> path : ours.path("paths").properties()) {
            JsonNode theirPath = theirs.path("paths").path(path.getKey());
            if (theirPath.isMissingNode()) {
                problems.add(path.getKey() + ": no such path in Forgejo's");
                continue;
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String where = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                if (!METHODS.contains(op.getKey())) {
                    problems.add(where + ": not an operation (path-level parameters are not used by Forgejo)");
                } else if (theirPath.path(op.getKey()).isMissingNode()) {
                    problems.add(where + ": no such operation in Forgejo's");
                } else {
                    operation(where, op.getValue(), theirPath.path(op.getKey()));
                }
            }
        }
    }

    private void operation(String where, JsonNode op, JsonNode their) {
        expectEqual(where + " operationId", op.path("operationId"), their.path("operationId"));
        Set<String> declared = new HashSet<>();
        for (JsonNode p : op.path("parameters")) {
            String key = p.path("in").asString() + ":" + p.path("name").asString();
            declared.add(key);
            JsonNode theirP = parameter(their, p.path("in").asString(), p.path("name").asString());
            String at = where + " parameter " + key;
            if (theirP == null) {
                problems.add(at + ": not a parameter of Forgejo's operation");
                continue;
            }
            expectEqual(at + " required", bool(p.path("required")), bool(theirP.path("required")));
            if (p.has("schema") || theirP.has("schema")) {
                schema(at + " schema", p.path("schema"), theirP.path("schema"));
            } else {
                schema(at, p, theirP);
            }
        }
        for (JsonNode theirP : their.path("parameters")) {
            String key = theirP.path("in").asString() + ":" + theirP.path("name").asString();
            if (theirP.path("required").asBoolean(false) && !declared.contains(key)) {
                problems.add(where + " parameter " + key + ": required by Forgejo, missing from ours");
            }
        }
        for (Map.Entry<String, JsonNode> response : op.path("responses").properties()) {
            String at = where + " response " + response.getKey();
            JsonNode theirR = their.path("responses").path(response.getKey());
            if (theirR.isMissingNode()) {
                problems.add(at + ": Forgejo declares no such response");
                continue;
            }
            JsonNode schema = resolveResponse(ours, response.getValue()).path("schema");
            JsonNode theirSchema = resolveResponse(theirs, theirR).path("schema");
            if (!schema.isMissingNode() || !theirSchema.isMissingNode()) {
                schema(at + " schema", schema, theirSchema);
            }
        }
    }

    private void definitions() {
        for (Map.Entry<String, JsonNode> def : ours.path("definitions").properties()) {
            String name = def.getKey();
            JsonNode their = theirs.path("definitions").path(name);
            if (their.isMissingNode()) {
                problems.add("definition " + name + ": not in Forgejo's");
                continue;
            }
            expectEqual("definition " + name + " type", def.getValue().path("type"), their.path("type"));
            expectEqual("definition " + name + " required", names(def.getValue().path("required")), names(their.path("required")));
            for (Map.Entry<String, JsonNode> property : def.getValue().path("properties").properties()) {
                String at = "definition " + name + " property " + property.getKey();
                JsonNode theirP = their.path("properties").path(property.getKey());
                if (theirP.isMissingNode()) {
                    problems.add(at + ": not in Forgejo's " + name);
                } else {
                    schema(at, property.getValue(), theirP);
                }
            }
        }
    }

    /** Compares two schemas: the same $ref name, or the same type, format and items; our enum values among theirs. */
    private void schema(String where, JsonNode mine, JsonNode their) {
        if (mine.has("$ref") || their.has("$ref")) {
            expectEqual(where + " $ref", refName(mine), refName(their));
            return;
        }
        expectEqual(where + " type", mine.path("type"), their.path("type"));
        expectEqual(where + " format", mine.path("format"), their.path("format"));
        if (mine.has("items") || their.has("items")) {
            schema(where + " items", mine.path("items"), their.path("items"));
        }
        if (mine.has("enum")) {
            Set<String> allowed = names(their.path("enum"));
            for (String value : names(mine.path("enum"))) {
                if (!allowed.contains(value)) {
                    problems.add(where + " enum value " + value + ": not among Forgejo's " + allowed);
                }
            }
        }
    }

    private static JsonNode parameter(JsonNode op, String in, String name) {
        for (JsonNode p : op.path("parameters")) {
            if (p.path("in").asString().equals(in) && p.path("name").asString().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private static JsonNode resolveResponse(JsonNode spec, JsonNode response) {
        String ref = response.path("$ref").asString("");
        return ref.startsWith("#/responses/") ? spec.path("responses").path(ref.substring("#/responses/".length())) : response;
    }

    private static String refName(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? "(no $ref: " + schema.path("type").asString("untyped") + ")" : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static Set<String> names(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static boolean bool(JsonNode node) {
        return node.asBoolean(false);
    }

    private void expectEqual(String where, Object mine, Object their) {
        Object a = mine instanceof JsonNode n ? text(n) : mine;
        Object b = their instanceof JsonNode n ? text(n) : their;
        if (!a.equals(b)) {
            problems.add(where + ": ours " + a + ", Forgejo's " + b);
        }
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "(absent)" : node.isValueNode() ? node.asString() : node.toString();
    }
}
