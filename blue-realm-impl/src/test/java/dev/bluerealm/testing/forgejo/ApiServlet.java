package dev.bluerealm.testing.forgejo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * {@code /api/v1/*}: matches each request to an operation of Forgejo's description, checks it,
 * authenticates it, checks the token's scopes, runs the endpoint while holding the forge's lock,
 * and checks the answer before sending it. Every departure from the description is reported to
 * {@code violations}; requests are still answered as Forgejo would.
 */
final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final transient ForgejoApiDescription api;
    private final transient Forge forge;
    private final transient JsonViews views;
    private final transient Map<String, Endpoint> routes;
    private final transient Consumer<Violation> violations;
    private final transient ForgejoServer.ResponseTamperer tamperer;
    private final boolean strict;
    private final String origin;

    ApiServlet(ForgejoApiDescription api, Forge forge, JsonViews views, Map<String, Endpoint> routes,
            Consumer<Violation> violations, ForgejoServer.ResponseTamperer tamperer, boolean strict, String origin) {
        this.api = api;
        this.forge = forge;
        this.views = views;
        this.routes = Map.copyOf(routes);
        this.violations = violations;
        this.tamperer = tamperer;
        this.strict = strict;
        this.origin = origin;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        String raw = request.getRequestURI();
        String queryString = request.getQueryString();
        String exchange = method + " " + raw + (queryString == null ? "" : "?" + queryString);
        String path = raw.substring(api.basePath().length());
        byte[] body = request.getInputStream().readAllBytes();
        Map<String, List<String>> query = parse(queryString);

        Optional<ForgejoApiDescription.Match> match = api.match(method, path);
        if (match.isEmpty()) {
            boolean known = api.pathExists(path);
            if (strict) {
                violations.accept(new Violation(exchange, "(none)", "request: " + (known
                        ? method + " is not declared for this path" : "no path of Forgejo's API description matches")));
            }
            write(response, known ? ApiReply.json(405, views.error("Method Not Allowed"))
                    : ApiReply.json(404, views.notFound("not found")));
            return;
        }
        String operationId = match.get().operationId();
        Consumer<String> report = problem -> violations.accept(new Violation(exchange, operationId, problem));
        api.checkRequest(match.get(), query, request.getContentType(), body).forEach(report);

        ApiReply reply = answer(match.get(), request, query, body, origin + exchange.substring(method.length() + 1), report);
        byte[] bytes = reply.body() == null ? new byte[0]
                : JSON.writeValueAsBytes(tamperer.tamper(operationId, reply.body()));
        api.checkResponse(match.get().operation(), reply.status(), bytes.length == 0 ? null : "application/json;charset=utf-8",
                bytes).forEach(report);
        response.setStatus(reply.status());
        reply.headers().forEach(response::setHeader);
        if (bytes.length > 0) {
            response.setContentType("application/json;charset=utf-8");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    private ApiReply answer(ForgejoApiDescription.Match match, HttpServletRequest request,
            Map<String, List<String>> query, byte[] body, String url, Consumer<String> report) {
        Endpoint endpoint = routes.get(match.operationId());
        if (endpoint == null) {
            report.accept("request: " + match.operationId() + " is in Forgejo's API but this test server does not serve it");
            return ApiReply.json(404, views.notFound("not served by the test server"));
        }
        try {
            synchronized (forge) {
                Optional<Token> token = Authentication.token(request.getHeader("Authorization"), forge);
                Optional<Account> user = token.flatMap(t -> forge.account(t.login()));
                if (!endpoint.anonymous() && user.isEmpty()) {
                    throw new ApiException(401, "token is required");
                }
                String level = request.getMethod().equals("GET") || request.getMethod().equals("HEAD") ? "read" : "write";
                for (String category : endpoint.scopes()) {
                    if (token.isPresent() && !token.get().grants(level, category)) {
                        throw new ApiException(403, "token does not have at least one of required scope(s): ["
                                + level + ":" + category + "]");
                    }
                }
                ApiCall call = new ApiCall(match.operationId(), match.pathParameters(), query, json(body), user, url);
                return endpoint.handler().handle(call);
            }
        } catch (ApiException e) {
            return ApiReply.json(e.status(), e.status() == 404 ? views.notFound(e.getMessage()) : views.error(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            report.accept("response: the test server failed: " + e);
            return ApiReply.json(500, views.error(e.toString()));
        }
    }

    private static JsonNode json(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (!node.isObject()) {
                throw new ApiException(422, "the body is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new ApiException(422, "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, List<String>> parse(String queryString) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return out;
        }
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static void write(HttpServletResponse response, ApiReply reply) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(reply.body());
        response.setStatus(reply.status());
        response.setContentType("application/json;charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
