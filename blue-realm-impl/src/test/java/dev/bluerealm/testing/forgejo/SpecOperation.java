package dev.bluerealm.testing.forgejo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One operation of the API description, its references resolved.
 *
 * @param method upper-case HTTP method
 * @param template the path template under the base path, {@code /repos/{owner}/{repo}}
 * @param operationId Forgejo's name for it
 * @param parameters path, query and header parameters (the body is {@code body})
 * @param body the body parameter's schema (Swagger 2.0 form), when the operation takes one
 * @param bodyRequired whether the body parameter is required
 * @param consumes the media types a body may have
 * @param responses status code to response object ({@code description}, optional {@code schema})
 */
record SpecOperation(String method, String template, String operationId, List<Parameter> parameters,
        Optional<JsonNode> body, boolean bodyRequired, List<String> consumes, Map<String, JsonNode> responses) {

    SpecOperation {
        parameters = List.copyOf(parameters);
        consumes = List.copyOf(consumes);
        responses = Map.copyOf(responses);
    }

    /** A non-body parameter: {@code in} is path, query or header; {@code spec} is its Swagger object. */
    record Parameter(String name, String in, boolean required, JsonNode spec) {}
}
