package dev.bluerealm.testing.forgejo;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forgejo's own API description ({@code swagger.v1.json}, Swagger 2.0), used to check what a test
 * server receives and sends: that a request matches a path template and method, that its path and
 * query parameters have the declared types, enums and presence, that its JSON body matches the
 * declared definition, and that each response status is declared for the operation and its JSON
 * body matches the declared schema.
 *
 * <p>Not checked: headers (none of the operations served declares one), response headers, the
 * {@code security} requirements (the server enforces tokens and scopes itself), string formats
 * other than {@code date-time}, and the bodies of non-JSON responses.
 *
 * <pre>{@code
 * ForgejoApiDescription api = ForgejoApiDescription.load(ForgejoApiDescription.locate().orElseThrow());
 * api.match("GET", "/repos/o/r/pulls/1").orElseThrow().operation().operationId(); // repoGetPullRequest
 * }</pre>
 */
public final class ForgejoApiDescription {
    /** System property, then environment variable, naming the description file. */
    public static final String LOCATION_PROPERTY = "blue.forgejo.swagger";
    public static final String LOCATION_VARIABLE = "BLUE_FORGEJO_SWAGGER";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch");
    // Forgejo routes these with a trailing wildcard: a branch or file path may span segments.
    private static final Set<String> WILDCARD_PARAMETERS = Set.of("branch", "filepath");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Statuses Forgejo sends although the operation does not declare them, or declares them without
     * the body it sends (ENDPOINTS.md, [src]): the response definition name, or "" for no body.
     */
    private static final Map<String, String> UNDECLARED_BUT_SENT = Map.of(
            // merge_when_checks_succeed scheduled an auto-merge instead of merging: 201, no body
            "repoMergePullRequest 201", "",
            // an existing repository name in an org gives 409 (declared only on the user variant)
            "createOrgRepo 409", "error",
            // the 405 is declared "empty" but carries an APIError ("Please try again later", ...)
            "repoMergePullRequest 405", "error",
            // the 409 is declared with a description only; ctx.Error writes an APIError
            "createCurrentUserRepo 409", "error");

    /**
     * Statuses the middleware in front of every operation may answer with: no or a bad token (401),
     * a token without the scope (403), a body that does not bind (422), a repository, user or pull
     * request that does not exist (404).
     */
    private static final Map<String, String> MIDDLEWARE = Map.of(
            "401", "unauthorized", "403", "forbidden", "422", "validationError", "404", "notFound");

    private final String basePath;
    private final List<SpecOperation> operations;
    private final JsonNode responses;
    private final SwaggerSchemas schemas;

    private ForgejoApiDescription(String basePath, List<SpecOperation> operations, JsonNode responses,
            SwaggerSchemas schemas) {
        this.basePath = basePath;
        this.operations = List.copyOf(operations);
        this.responses = responses;
        this.schemas = schemas;
    }

    /**
     * Where the description is: the {@value #LOCATION_PROPERTY} system property, else the
     * {@value #LOCATION_VARIABLE} environment variable, else {@code ../shared/forgejo/swagger.v1.json}
     * from the repository root (found by walking up from the working directory to the folder holding
     * {@code .git}); empty when the file is not there.
     */
    public static Optional<Path> locate() {
        String configured = System.getProperty(LOCATION_PROPERTY, System.getenv(LOCATION_VARIABLE));
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                Path p = dir.resolve("../shared/forgejo/swagger.v1.json").normalize();
                return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Reads and indexes the description at {@code file}. */
    public static ForgejoApiDescription load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw new IOException(file + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (!"2.0".equals(root.path("swagger").asString(""))) {
            throw new IOException(file + " is not a Swagger 2.0 description");
        }
        List<String> globalConsumes = strings(root.path("consumes"));
        List<SpecOperation> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    ops.add(operation(root, method, path.getKey(), path.getValue(), op, globalConsumes));
                }
            }
        }
        return new ForgejoApiDescription(root.path("basePath").asString(""), ops, root.path("responses"),
                new SwaggerSchemas(root.path("definitions")));
    }

    private static SpecOperation operation(JsonNode root, String method, String template, JsonNode pathItem,
            JsonNode op, List<String> globalConsumes) {
        List<SpecOperation.Parameter> params = new ArrayList<>();
        JsonNode body = null;
        boolean bodyRequired = false;
        List<JsonNode> declared = new ArrayList<>();
        pathItem.path("parameters").forEach(declared::add);
        op.path("parameters").forEach(declared::add);
        for (JsonNode p : declared) {
            JsonNode param = resolve(root, p);
            String in = param.path("in").asString("");
            if (in.equals("body")) {
                body = param.path("schema");
                bodyRequired = param.path("required").asBoolean(false);
            } else {
                params.add(new SpecOperation.Parameter(param.path("name").asString(), in,
                        param.path("required").asBoolean(false), param));
            }
        }
        Map<String, JsonNode> responses = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> r : op.path("responses").properties()) {
            responses.put(r.getKey(), resolve(root, r.getValue()));
        }
        List<String> consumes = op.has("consumes") ? strings(op.path("consumes")) : globalConsumes;
        return new SpecOperation(method.toUpperCase(Locale.ROOT), template, op.path("operationId").asString(""),
                params, Optional.ofNullable(body), bodyRequired, consumes, responses);
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        String ref = node.path("$ref").asString("");
        if (ref.isEmpty()) {
            return node;
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("unresolved reference " + ref);
        }
        return resolve(root, target);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    /** The base path the operations live under, {@code /api/v1}. */
    public String basePath() {
        return basePath;
    }

    /** How many operations the description declares. */
    public int operationCount() {
        return operations.size();
    }

    /** A request path (under the base path, still percent-encoded) resolved to an operation. */
    public record Match(SpecOperation operation, Map<String, String> pathParameters) {
        public Match {
            pathParameters = Map.copyOf(pathParameters);
        }

        public String operationId() {
            return operation.operationId();
        }
    }

    /**
     * The operation for {@code method} on {@code rawPath} (below the base path, percent-encoded as
     * received), with its decoded path parameters. Literal segments win over parameters, as in
     * Forgejo's router ({@code /repos/issues/search} is not {@code /repos/{owner}/{repo}}).
     */
    public Optional<Match> match(String method, String rawPath) {
        return best(rawPath, method);
    }

    /** Whether some operation, of any method, has a template matching {@code rawPath}. */
    public boolean pathExists(String rawPath) {
        return best(rawPath, null).isPresent();
    }

    private Optional<Match> best(String rawPath, String method) {
        List<String> segments = segments(rawPath);
        Match best = null;
        int bestLiterals = -1;
        for (SpecOperation op : operations) {
            if (method != null && !op.method().equals(method)) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            int literals = bind(segments(op.template()), segments, params);
            if (literals > bestLiterals) {
                best = new Match(op, params);
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    // The number of literal segments matched, or -1 when the template does not match.
    private static int bind(List<String> template, List<String> segments, Map<String, String> params) {
        int literals = 0;
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (i >= segments.size()) {
                return -1;
            }
            if (t.startsWith("{") && t.endsWith("}")) {
                String name = t.substring(1, t.length() - 1);
                boolean last = i == template.size() - 1;
                if (last && WILDCARD_PARAMETERS.contains(name)) {
                    params.put(name, decode(String.join("/", segments.subList(i, segments.size()))));
                    return literals;
                }
                String value = decode(segments.get(i));
                if (value.isEmpty()) {
                    return -1;
                }
                params.put(name, value);
            } else if (t.equals(segments.get(i))) {
                literals++;
            } else {
                return -1;
            }
        }
        return template.size() == segments.size() ? literals : -1;
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>(List.of(path.split("/", -1)));
        if (!out.isEmpty() && out.get(0).isEmpty()) {
            out.remove(0);
        }
        return out;
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * What is wrong with a request for {@code match}: undeclared or mistyped query parameters, a
     * missing required parameter, a body where none is declared, a body of an undeclared media type,
     * or a JSON body that does not match the declared schema. Empty when it conforms.
     */
    public List<String> checkRequest(Match match, Map<String, List<String>> query, String contentType, byte[] body) {
        SpecOperation op = match.operation();
        List<String> problems = new ArrayList<>();
        for (SpecOperation.Parameter p : op.parameters()) {
            if (p.in().equals("path")) {
                String value = match.pathParameters().get(p.name());
                if (value != null) {
                    checkValue("path parameter " + p.name(), p.spec(), value, problems);
                }
            } else if (p.in().equals("query")) {
                List<String> values = query.getOrDefault(p.name(), List.of());
                if (values.isEmpty() && p.required()) {
                    problems.add("request: query parameter " + p.name() + " is required");
                }
                boolean array = p.spec().path("type").asString("").equals("array");
                if (values.size() > 1 && !(array && p.spec().path("collectionFormat").asString("").equals("multi"))) {
                    problems.add("request: query parameter " + p.name() + " is repeated");
                }
                for (String v : values) {
                    checkValue("query parameter " + p.name(), array ? p.spec().path("items") : p.spec(), v, problems);
                }
            }
        }
        for (String name : query.keySet()) {
            boolean declared = op.parameters().stream().anyMatch(p -> p.in().equals("query") && p.name().equals(name));
            // the description's securityDefinitions declare these for every operation (deprecated)
            if (!declared && !Set.of("token", "access_token", "sudo").contains(name)) {
                problems.add("request: query parameter " + name + " is not declared for " + op.operationId());
            }
        }
        checkBody(op, contentType, body, problems);
        return problems;
    }

    private void checkBody(SpecOperation op, String contentType, byte[] body, List<String> problems) {
        boolean hasBody = body != null && body.length > 0;
        if (op.body().isEmpty()) {
            if (hasBody) {
                problems.add("request: " + op.operationId() + " declares no body, but one was sent");
            }
            return;
        }
        if (!hasBody) {
            if (op.bodyRequired()) {
                problems.add("request: the body is required");
            }
            return;
        }
        String media = mediaType(contentType);
        if (!op.consumes().contains(media)) {
            problems.add("request: Content-Type " + (contentType == null ? "(none)" : contentType)
                    + " is not among " + op.consumes());
            return;
        }
        json(body, "request", problems).ifPresent(node ->
                schemas.validate(op.body().get(), node).forEach(p -> problems.add("request body " + p)));
    }

    private static void checkValue(String what, JsonNode spec, String value, List<String> problems) {
        String type = spec.path("type").asString("string");
        switch (type) {
            case "integer" -> {
                try {
                    long n = Long.parseLong(value);
                    if (spec.has("minimum") && n < spec.path("minimum").asLong()) {
                        problems.add("request: " + what + " = " + value + " is below the minimum " + spec.path("minimum"));
                    }
                } catch (NumberFormatException e) {
                    problems.add("request: " + what + " = \"" + value + "\" is not an integer");
                }
            }
            case "boolean" -> {
                if (!value.equals("true") && !value.equals("false")) {
                    problems.add("request: " + what + " = \"" + value + "\" is not a boolean");
                }
            }
            case "number" -> {
                try {
                    Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    problems.add("request: " + what + " = \"" + value + "\" is not a number");
                }
            }
            default -> { }
        }
        if (spec.has("enum")) {
            boolean listed = false;
            for (Iterator<JsonNode> it = spec.path("enum").iterator(); it.hasNext(); ) {
                listed |= it.next().asString().equals(value);
            }
            if (!listed) {
                problems.add("request: " + what + " = \"" + value + "\" is not one of " + spec.path("enum"));
            }
        }
    }

    /**
     * What is wrong with a response of {@code status} for {@code op}: an undeclared status (apart from
     * the documented exceptions and the middleware's 401/403/404/422), a missing or non-JSON body
     * where a schema is declared, a body that does not match it, or a body where none is declared.
     */
    public List<String> checkResponse(SpecOperation op, int status, String contentType, byte[] body) {
        List<String> problems = new ArrayList<>();
        String code = Integer.toString(status);
        JsonNode declared = op.responses().get(code);
        String exception = UNDECLARED_BUT_SENT.get(op.operationId() + " " + code);
        JsonNode schema;
        if (exception != null) {
            schema = exception.isEmpty() ? null : responses.path(exception).get("schema");
        } else if (declared != null) {
            schema = declared.get("schema");
        } else if (MIDDLEWARE.containsKey(code)) {
            schema = responses.path(MIDDLEWARE.get(code)).get("schema");
        } else {
            problems.add("response: status " + status + " is not declared for " + op.operationId()
                    + " (declared: " + op.responses().keySet() + ")");
            return problems;
        }
        boolean hasBody = body != null && body.length > 0;
        if (schema == null) {
            if (hasBody) {
                problems.add("response: status " + status + " of " + op.operationId() + " declares no body, but one was sent");
            }
            return problems;
        }
        if (!hasBody) {
            problems.add("response: status " + status + " of " + op.operationId() + " declares a body, none was sent");
            return problems;
        }
        if (!mediaType(contentType).equals("application/json")) {
            problems.add("response: Content-Type " + contentType + " is not application/json");
            return problems;
        }
        json(body, "response", problems).ifPresent(node ->
                schemas.validate(schema, node).forEach(p -> problems.add("response body " + p)));
        return problems;
    }

    private static Optional<JsonNode> json(byte[] body, String side, List<String> problems) {
        try {
            return Optional.of(JSON.readTree(body));
        } catch (JacksonException e) {
            problems.add(side + ": the body is not JSON: " + e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
