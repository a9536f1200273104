package dev.bluerealm.internal.forge.forgejo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Our {@code forgejo.yaml} against Forgejo v11.0.1's own {@code swagger.v1.json}, found through the
 * {@value #PROPERTY} system property, the {@value #ENV} variable, or {@code shared/forgejo/} beside the
 * repository (walking up from the module); skipped with a message when there is none, so a clone
 * elsewhere still passes. The mutation tests show the check is not vacuous.
 */
class ForgejoSpecConformanceTest {
    static final String PROPERTY = "blue.forgejo.swagger";
    static final String ENV = "BLUE_FORGEJO_SWAGGER";
    private static final Path OURS = Path.of("src", "main", "openapi", "forgejo.yaml");

    private JsonNode ours;
    private JsonNode theirs;

    @BeforeEach
    void load() throws Exception {
        Optional<Path> swagger = forgejoSwagger();
        assumeTrue(swagger.isPresent(), "skipped: Forgejo's API description not found (set -D" + PROPERTY + " or "
                + ENV + ", or put it at ../shared/forgejo/swagger.v1.json beside the repository)");
        ours = YAMLMapper.builder().build().readTree(Files.readString(OURS));
        theirs = JsonMapper.builder().build().readTree(Files.readString(swagger.get()));
    }

    @Test
    void forgejoYaml_againstForgejosDescription_conforms() {
        assertEquals(List.of(), SpecConformance.problems(ours, theirs));
    }

    @Test
    void forgejoYaml_declaresEveryEndpointOfTheBrief() {
        List<String> expected = List.of("GET /version", "GET /user", "GET /users/{username}", "POST /orgs/{org}/repos",
                "POST /user/repos", "GET /repos/{owner}/{repo}", "GET /repos/{owner}/{repo}/pulls",
                "POST /repos/{owner}/{repo}/pulls", "GET /repos/{owner}/{repo}/pulls/{index}",
                "PATCH /repos/{owner}/{repo}/pulls/{index}", "POST /repos/{owner}/{repo}/pulls/{index}/requested_reviewers",
                "GET /repos/{owner}/{repo}/pulls/{index}/reviews", "POST /repos/{owner}/{repo}/pulls/{index}/reviews",
                "GET /repos/{owner}/{repo}/pulls/{index}/merge", "POST /repos/{owner}/{repo}/pulls/{index}/merge",
                "POST /repos/{owner}/{repo}/statuses/{sha}", "GET /repos/{owner}/{repo}/commits/{ref}/statuses",
                "DELETE /repos/{owner}/{repo}/branches/{branch}", "POST /repos/{owner}/{repo}/issues/{index}/comments");
        List<String> declared = new java.util.ArrayList<>();
        ours.path("paths").properties().forEach(p -> p.getValue().propertyNames()
                .forEach(m -> declared.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey())));
        assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(declared));
    }

    @Test
    void check_renamedField_isReported() {
        assertReported(spec -> {
            ObjectNode props = (ObjectNode) spec.path("definitions").path("PullRequest").path("properties");
            props.set("mergeCommitSha", props.remove("merge_commit_sha"));
        }, "definition PullRequest property mergeCommitSha: not in Forgejo's PullRequest");
    }

    @Test
    void check_wrongType_isReported() {
        assertReported(spec -> ((ObjectNode) spec.path("definitions").path("PullRequest").path("properties").path("number"))
                .put("type", "string").remove("format"), "definition PullRequest property number type: ours string, Forgejo's integer");
    }

    @Test
    void check_wrongFormat_isReported() {
        assertReported(spec -> ((ObjectNode) spec.path("definitions").path("PullReview").path("properties").path("id"))
                .put("format", "int32"), "definition PullReview property id format: ours int32, Forgejo's int64");
    }

    @Test
    void check_wrongRef_isReported() {
        assertReported(spec -> ((ObjectNode) spec.path("definitions").path("PullRequest").path("properties").path("head"))
                .put("$ref", "#/definitions/User"), "definition PullRequest property head $ref: ours User, Forgejo's PRBranchInfo");
    }

    @Test
    void check_requiredListChanged_isReported() {
        assertReported(spec -> ((ObjectNode) spec.path("definitions").path("MergePullRequestOption")).putArray("required"),
                "definition MergePullRequestOption required: ours [], Forgejo's [Do]");
    }

    @Test
    void check_lowerCasedDoField_isReported() {
        assertReported(spec -> {
            ObjectNode props = (ObjectNode) spec.path("definitions").path("MergePullRequestOption").path("properties");
            props.set("do", props.remove("Do"));
        }, "definition MergePullRequestOption property do: not in Forgejo's MergePullRequestOption");
    }

    @Test
    void check_wrongOperationId_isReported() {
        assertReported(spec -> ((ObjectNode) spec.path("paths").path("/repos/{owner}/{repo}/pulls").path("get"))
                .put("operationId", "listPulls"), "GET /repos/{owner}/{repo}/pulls operationId: ours listPulls, Forgejo's repoListPullRequests");
    }

    @Test
    void check_unknownPath_isReported() {
        assertReported(spec -> ((ObjectNode) spec.path("paths")).set("/repos/{owner}/{repo}/pulls/{index}/ack",
                spec.path("paths").path("/repos/{owner}/{repo}/pulls/{index}")), "/repos/{owner}/{repo}/pulls/{index}/ack: no such path in Forgejo's");
    }

    @Test
    void check_parameterNotRequired_isReported() {
        assertReported(spec -> ((ObjectNode) spec.path("paths").path("/repos/{owner}/{repo}/pulls/{index}").path("get")
                .path("parameters").get(2)).put("required", false),
                "GET /repos/{owner}/{repo}/pulls/{index} parameter path:index required: ours false, Forgejo's true");
    }

    @Test
    void check_unknownEnumValue_isReported() {
        assertReported(spec -> ((ArrayNode) spec.path("definitions").path("MergePullRequestOption").path("properties")
                .path("Do").path("enum")).add("octopus"), "definition MergePullRequestOption property Do enum value octopus");
    }

    @Test
    void check_undeclaredResponseCode_isReported() {
        assertReported(spec -> ((ObjectNode) spec.path("paths").path("/repos/{owner}/{repo}/pulls/{index}/merge").path("post")
                .path("responses")).set("201", spec.path("responses").path("empty")),
                "POST /repos/{owner}/{repo}/pulls/{index}/merge response 201: Forgejo declares no such response");
    }

    private void assertReported(Consumer<JsonNode> mutation, String expected) {
        JsonNode wrong = ours.deepCopy();
        mutation.accept(wrong);
        List<String> problems = SpecConformance.problems(wrong, theirs);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(expected)), "expected a problem starting with «" + expected
                + "», got " + problems);
    }

    /** The property, the variable, or shared/forgejo/swagger.v1.json in the first ancestor of the module that has it. */
    static Optional<Path> forgejoSwagger() {
        String explicit = System.getProperty(PROPERTY, System.getenv(ENV));
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("forgejo").resolve("swagger.v1.json");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
